"""The audience (projector) window shows nothing private: no presenter notes, names or absence
reasons, only whitelisted fields, and escape sequences inert.
"""

from __future__ import annotations

import json
from pathlib import Path

from audience_helpers import (
    PEOPLE,
    SIZE,
    T0,
    FakeClock,
    pack_fixture,  # noqa: F401  (the ``pack`` fixture)
    plain,
    planned_session,
    screen_text,
    wait_until,
)
from textual.widgets import Digits, Markdown

from facilitator.domain.content import ContentPack
from facilitator.services.live import LIVE_FILE
from facilitator.services.session import SessionService
from facilitator.storage.store import Store
from facilitator.ui.audience import AudienceApp

SECRET = "BÍ MẬT: đồng chí Bình đang bị xem xét kỷ luật"
REASON = "ốm nặng"


# -- nothing private on the projector ---------------------------------------------------


async def test_presenter_notes_names_and_absence_reasons_never_appear(
    store: Store, pack: ContentPack
) -> None:
    root = store.root
    clock = FakeClock(T0)
    service = SessionService.create(store, planned_session(store, pack, secret=SECRET), clock)
    try:
        service.mark("p001", "present")
        service.mark("p002", "absent-excused", REASON)
        service.mark("p003", "absent", "đi công tác")
        service.add_note("Đồng chí An phát biểu: " + SECRET, kind="opinion", speaker="p001")
        service.start()
        pack_notes = [i.presenter_notes for i in pack.items if i.presenter_notes]
        app = AudienceApp(root, clock=clock, poll_seconds=0.05)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f")  # the agenda outline too
            for item in [i for i in service.session.agenda if not i.skipped]:
                service.go_to(item.id)
                await wait_until(pilot, lambda t=item.title: plain(app, "#item-title") == t, 1.2)
                await pilot.pause(0.05)
                seen = screen_text(app)
                assert item.title in plain(app, "#item-title")
                for secret in ("BÍ MẬT", "kỷ luật", REASON, "đi công tác", "phát biểu:"):
                    assert secret not in seen, (item.id, secret)
                for person in PEOPLE:
                    assert person.name not in seen
                for note in pack_notes:
                    assert note[:40] not in seen, item.id
    finally:
        service.close()
    # The guard really was exercised: the secret and the reason are in the presenter's store.
    stored = "\n".join(p.read_text("utf-8") for p in (root / service.session.id).glob("*.json"))
    assert "BÍ MẬT" in stored and REASON in stored
    assert "BÍ MẬT" not in (root / LIVE_FILE).read_text("utf-8")


async def test_only_whitelisted_fields_are_rendered_and_escapes_are_inert(tmp_path: Path) -> None:
    payload = {
        "title": "Buổi \x1b]0;pwned\x07sinh hoạt",
        "unit": "Chi bộ \x1b[2JA",
        "status": "running",
        "presenter_notes": "BÍ MẬT gốc",
        "attendance": [{"person": "p002", "status": "absent-excused", "reason": REASON}],
        "people": [{"id": "p002", "name": "Trần Thị Bình"}],
        "item": {
            "id": "x",
            "title": "[bold red]Tiêu đề[/] \x1b[31mđỏ\x07",
            "kind": "discussion",
            "framing_label": "Gốc vững",
            "minutes": 10,
            "body": "Ý chính\n\n```notes\nBÍ MẬT trong thân bài\n```\n\n- điểm \x1b[5mmột\n",
            "questions": ["Câu hỏi \x1b[1mmột?", 42, None],
            "position": 1,
            "count": 2,
            "spent_seconds": "nhiều",
            "entered_at": "hôm qua",
            "presenter_notes": "BÍ MẬT mục",
            "conclusion": "BÍ MẬT kết luận",
        },
        "agenda": [{"id": "x", "title": "Mục \x1b[7mmột", "presenter_notes": "BÍ MẬT"}, "rác"],
    }
    (tmp_path / LIVE_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    app = AudienceApp(tmp_path, clock=FakeClock(T0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause(0.2)
        assert plain(app, "#item-title") == "[bold red]Tiêu đề[/] đỏ"  # markup shown as text
        assert plain(app, "#session-line") == "Buổi sinh hoạt · Chi bộ A"
        assert plain(app, "#questions-list") == "1. Câu hỏi một?"
        assert app.query_one("#elapsed", Digits).value == "00:00"
        assert "▶ 1. Mục một · " not in plain(app, "#agenda-outline")
        assert "▶ 1. Mục một" in plain(app, "#agenda-outline")
        seen = screen_text(app)
        assert "\x1b" not in seen and "\x07" not in seen
        for secret in ("BÍ MẬT", "pwned", REASON, "Trần Thị Bình"):
            assert secret not in seen
        assert "điểm một" in app.query_one("#talking-points", Markdown).source
