"""The audience (projector) window: follows live.json, survives its absence, its keys, and the
pure helpers behind it (timer format, notes fences, a lenient live.json reader).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from audience_helpers import (
    SIZE,
    T0,
    FakeClock,
    at_item,
    pack_fixture,  # noqa: F401  (the ``pack`` fixture)
    painted_text,
    plain,
    planned_session,
    screen_text,
    shown,
    wait_until,
)
from textual.widgets import Digits, Markdown

from facilitator.domain.content import ContentPack
from facilitator.services.live import LIVE_FILE, write_live
from facilitator.services.session import SessionService
from facilitator.storage.store import Store
from facilitator.strings import audience as audience_text
from facilitator.ui.audience import AudienceApp, format_timer, parse_live, without_presenter_notes


@pytest.fixture
def service(store: Store, pack: ContentPack) -> Iterator[SessionService]:
    """The presenter's side, started: item 1 is current and live.json is written."""
    svc = SessionService.create(store, planned_session(store, pack), FakeClock(T0))
    yield svc
    svc.close()


# -- following the presenter --------------------------------------------------------


async def test_shows_the_current_item_and_follows_the_presenter(service: SessionService) -> None:
    root = service.store.root
    clock = FakeClock(T0)
    service.start()
    items = [i for i in service.session.agenda if not i.skipped]
    service.go_to(items[5].id)  # "Phần thứ nhất", lens "Gốc vững"
    app = AudienceApp(root, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert shown(app, "#item-title") and not shown(app, "#waiting")
        assert plain(app, "#item-title") == items[5].title
        assert plain(app, "#position") == "Mục 6/13"
        assert plain(app, "#lens") == "Gốc vững"
        assert plain(app, "#kind") == "Trình bày"
        assert plain(app, "#budget") == "Dự kiến 15 phút"
        assert app.query_one("#elapsed", Digits).value == "00:00"
        assert app.query_one("#talking-points", Markdown).source.strip() == items[5].body.strip()
        assert plain(app, "#questions-list") == f"1. {items[5].questions[0]}"
        assert "Nghiên cứu tác phẩm" in plain(app, "#session-line")
        assert "Chi bộ Khối Dân vận" in plain(app, "#session-line")
        painted = screen_text(app)
        assert "Gốc vững" in painted and "Mục 6/13" in painted

        service.step(+1)
        latency = await wait_until(
            pilot, lambda: plain(app, "#item-title") == items[6].title, limit=1.2
        )
        assert latency < 1.0
        assert plain(app, "#lens") == "Thân chắc"
        assert plain(app, "#position") == "Mục 7/13"
        assert app.query_one("#talking-points", Markdown).source.strip() == items[6].body.strip()

        service.go_to(items[9].id)  # the discussion: questions, no lens
        await wait_until(pilot, lambda: plain(app, "#item-title") == items[9].title, limit=1.2)
        assert not app.query_one("#lens").display
        assert shown(app, "#questions")
        assert plain(app, "#questions-heading") == audience_text.QUESTIONS_HEADING
        listed = plain(app, "#questions-list").split("\n")
        assert listed == [f"{n}. {q}" for n, q in enumerate(items[9].questions, 1)]


async def test_timer_adds_the_running_visit_to_banked_time_and_ticks(
    store: Store, pack: ContentPack
) -> None:
    root = store.root
    session = at_item(
        planned_session(store, pack), 5, entered=T0 - timedelta(seconds=125), spent=60
    )
    write_live(root, session, T0)
    clock = FakeClock(T0)
    app = AudienceApp(root, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        digits = app.query_one("#elapsed", Digits)
        assert digits.value == "03:05"  # 60 s banked + 125 s running
        assert plain(app, "#left") == "còn 11:55"
        clock.advance(7)
        await wait_until(pilot, lambda: digits.value == "03:12", limit=1.5)
        clock.advance(15 * 60)  # past the 15-minute budget
        await wait_until(pilot, lambda: digits.has_class("-over"), limit=1.5)
        assert plain(app, "#left") == "quá giờ 03:12"


async def test_a_visit_begun_days_ago_shows_no_timer_but_one_past_midnight_does(
    store: Store, pack: ContentPack
) -> None:
    """A meeting reopened days after it began (never closed) kept its item's entry time:
    the room saw a timer of thousands of hours. The item is shown without a timer; a
    meeting running past midnight still counts its minutes."""
    root = store.root
    session = at_item(planned_session(store, pack), 5, entered=T0 - timedelta(days=3), spent=60)
    write_live(root, session, T0)
    app = AudienceApp(root, clock=FakeClock(T0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert plain(app, "#item-title") == session.item(session.progress.current).title
        assert plain(app, "#budget") == "Dự kiến 15 phút"
        assert not shown(app, "#elapsed") and plain(app, "#left") == ""
    midnight = T0.replace(hour=0, minute=10)  # entered at 23:50 the day before
    late = at_item(planned_session(store, pack), 5, entered=midnight - timedelta(minutes=20))
    write_live(root, late, midnight)
    app = AudienceApp(root, clock=FakeClock(midnight))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert shown(app, "#elapsed")
        assert app.query_one("#elapsed", Digits).value == "20:00"


async def test_waits_for_a_missing_or_broken_file_and_recovers(
    store: Store, pack: ContentPack
) -> None:
    root = store.root
    live = root / LIVE_FILE
    session = at_item(planned_session(store, pack), 2, entered=T0)
    app = AudienceApp(root, clock=FakeClock(T0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert shown(app, "#waiting") and not shown(app, "#body")
        assert (
            plain(app, "#waiting-message") == audience_text.WAITING == "Đang chờ người trình bày…"
        )
        assert audience_text.WAITING in screen_text(app)

        write_live(root, session, T0)
        await wait_until(pilot, lambda: shown(app, "#body"), limit=1.2)
        assert plain(app, "#item-title") == session.agenda[2].title

        live.unlink()  # the presenter's window is gone and its file with it
        await wait_until(pilot, lambda: shown(app, "#waiting"), limit=1.2)
        assert plain(app, "#waiting-message") == audience_text.WAITING

        live.write_text('{"title": "nửa tệp', encoding="utf-8")  # unreadable
        await pilot.pause(0.7)
        assert shown(app, "#waiting") and app.is_running

        live.write_bytes(b"\xff\xfe\x00garbage")
        await pilot.pause(0.7)
        assert shown(app, "#waiting") and app.is_running

        live.write_text("[1, 2, 3]", encoding="utf-8")  # valid JSON, wrong shape
        await pilot.pause(0.7)
        assert shown(app, "#waiting") and app.is_running

        write_live(root, at_item(session, 3, entered=T0), T0)  # the presenter is back
        await wait_until(pilot, lambda: shown(app, "#body"), limit=1.2)
        assert plain(app, "#item-title") == session.agenda[3].title


async def test_planned_and_closed_sessions_show_a_message_not_an_item(
    store: Store, pack: ContentPack
) -> None:
    root = store.root
    session = planned_session(store, pack)
    write_live(root, session, T0)
    app = AudienceApp(root, clock=FakeClock(T0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert shown(app, "#waiting")
        assert plain(app, "#waiting-title") == session.title
        assert plain(app, "#waiting-message") == audience_text.NOT_STARTED
        closed = at_item(session, 12, entered=T0).with_changes(status="closed")
        write_live(root, closed, T0)
        await wait_until(pilot, lambda: plain(app, "#waiting-message") == audience_text.CLOSED, 1.2)
        assert shown(app, "#waiting") and not shown(app, "#body")


# -- keys ------------------------------------------------------------------------------


async def test_f_toggles_the_agenda_outline_and_the_footer_names_the_keys(
    store: Store, pack: ContentPack
) -> None:
    session = at_item(planned_session(store, pack), 5, entered=T0)
    write_live(store.root, session, T0)
    app = AudienceApp(store.root, clock=FakeClock(T0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert not shown(app, "#agenda")
        painted = painted_text(app)
        assert audience_text.KEY_QUIT in painted and audience_text.KEY_AGENDA in painted
        await pilot.press("f")
        assert shown(app, "#agenda")
        outline = plain(app, "#agenda-outline").split("\n")
        assert outline[0] == audience_text.AGENDA_HEADING
        assert f"▶ 6. {session.agenda[5].title} · Gốc vững" in outline
        assert f"  1. {session.agenda[0].title}" in outline
        assert len([line for line in outline if line.strip()[:1].isdigit()]) == 12
        await pilot.press("f")
        assert not shown(app, "#agenda")


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_q_and_ctrl_q_quit(tmp_path: Path, key: str) -> None:
    app = AudienceApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause(0.1)
        assert not app.is_running


# -- pure helpers ----------------------------------------------------------------------


def test_timer_format() -> None:
    assert format_timer(0) == "00:00"
    assert format_timer(59.9) == "00:59"
    assert format_timer(605) == "10:05"
    assert format_timer(3600 + 62) == "1:01:02"


def test_notes_fences_are_dropped_but_other_code_is_kept() -> None:
    body = (
        "A\n```notes\nBÍ MẬT\n```\nB\n~~~~python\n```notes\n~~~~\nC\n  ```notes extra\nX\n  ```\nD"
    )
    assert without_presenter_notes(body) == "A\nB\n~~~~python\n```notes\n~~~~\nC\nD"
    assert without_presenter_notes("A\n```notes\nnever closed") == "A"


def test_parse_live_tolerates_junk() -> None:
    assert parse_live(None) is None
    assert parse_live([1, 2]) is None
    view = parse_live({"title": 3, "item": {"minutes": float("nan"), "questions": "x"}})
    assert view is not None and view.title == ""
    assert view.item is not None and view.item.minutes == 0 and view.item.questions == ()
    assert view.item.elapsed(T0) == 0.0
    naive = parse_live({"item": {"entered_at": "2024-05-10T08:00:00", "spent_seconds": 5}})
    assert naive is not None and naive.item is not None
    assert naive.item.elapsed(T0) == 5.0  # naive stamp: banked time only, no crash
