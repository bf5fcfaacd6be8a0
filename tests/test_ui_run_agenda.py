"""Changing the agenda during the meeting: skip/keep, minutes, and jumping to any item
from the command palette (accent-insensitive)."""

from __future__ import annotations

from builders import make_app_with_messages
from textual.command import CommandPalette

from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.agenda_commands import AgendaItemsProvider
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.agenda_list import AgendaList
from facilitator.ui.widgets.pacing_line import PacingLine

SIZE = (100, 40)


def pacing(app: FacilitatorApp) -> str:
    return str(app.screen.query_one(PacingLine).render())


async def test_skip_and_keep_the_highlighted_item(store, running, content_dir, frozen_clock):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Mục 1/13" in pacing(app)
        await pilot.press("ctrl+l", "down", "down", "space")  # third item: diem-danh
        await pilot.pause()
        assert store.load_session(running).item("diem-danh").skipped  # type: ignore[union-attr]
        assert "Mục 1/12" in pacing(app)
        assert ui_text.ITEM_SKIPPED.format(title="Điểm danh, báo cáo số lượng") in messages
        assert app.screen.query_one(AgendaList).highlighted == 2  # the cursor stays put
        # Next now steps over the skipped item.
        await pilot.press("ctrl+right", "ctrl+right")
        await pilot.pause()
        assert app.service.session.progress.current == "thong-qua-chuong-trinh"  # type: ignore[union-attr]
        await pilot.press("ctrl+l")
        app.screen.query_one(AgendaList).highlighted = 2
        await pilot.press("space")
        await pilot.pause()
        assert not store.load_session(running).item("diem-danh").skipped  # type: ignore[union-attr]
        assert "Mục 4/13" in pacing(app)


async def test_minutes_change_and_pacing_follows(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "00:00 / 05:00" in pacing(app)
        assert "Dự kiến xong 09:20" in pacing(app)  # 07:30 + 110 minutes
        await pilot.press("ctrl+l", "plus", "plus", "equals_sign")
        await pilot.pause()
        assert "00:00 / 08:00" in pacing(app)
        assert "Dự kiến xong 09:23" in pacing(app)  # the plan itself grew: not "late"
        await pilot.press("down", "minus")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("minus")  # never below one minute
        await pilot.pause()
    session = store.load_session(running)
    assert session.item("khai-mac").minutes == 8  # type: ignore[union-attr]
    assert session.item("cu-thu-ky").minutes == 1  # type: ignore[union-attr]


async def test_skipping_the_current_item_moves_on(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frozen_clock.advance(90)
        await app.screen.run_action("toggle_skip")  # as the palette does: on the current item
        await pilot.pause()
        session = app.service.session  # type: ignore[union-attr]
        assert session.progress.current == "cu-thu-ky"
        assert session.item("khai-mac").skipped  # type: ignore[union-attr]
        assert session.item("khai-mac").spent_seconds == 90  # type: ignore[union-attr]
        assert "Mục 1/12" in pacing(app)


async def test_the_last_kept_item_cannot_be_skipped(store, running, content_dir, frozen_clock):
    service = SessionService.open(store, running, frozen_clock)
    for item in service.session.agenda[1:]:
        service.update_item(item.id, skipped=True)
    service.close()
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "space")
        await pilot.pause()
        assert ui_text.LAST_ITEM_KEPT in messages
    assert not store.load_session(running).item("khai-mac").skipped  # type: ignore[union-attr]


async def test_closed_session_agenda_is_read_only(store, running, content_dir, frozen_clock):
    service = SessionService.open(store, running, frozen_clock)
    service.approve_and_close()
    service.close()
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "space", "plus")
        await pilot.pause()
        assert messages.count(ui_text.READ_ONLY) == 2
    session = store.load_session(running)
    assert not any(i.skipped for i in session.agenda)
    assert session.item("khai-mac").minutes == 5  # type: ignore[union-attr]


async def test_jump_palette_lists_every_item_and_goes_there(
    store, running, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        provider = AgendaItemsProvider(screen)
        discovered = [hit.text async for hit in provider.discover()]
        assert len(discovered) == 13 and discovered[2] == "3. Điểm danh, báo cáo số lượng"
        found = [hit.text async for hit in provider.search("gia tri tac pham")]  # no accents
        assert found[0] == "9. Giá trị và ý nghĩa của tác phẩm"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"diem danh")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert app.service.session.progress.current == "diem-danh"  # type: ignore[union-attr]
        # The ordinary palette reaches the items too, skipped ones included (kept again).
        app.service.update_item("be-mac", skipped=True)  # type: ignore[union-attr]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Bế mạc")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
    session = store.load_session(running)
    assert session.progress.current == "be-mac"
    assert not session.item("be-mac").skipped  # type: ignore[union-attr]


async def test_a_meeting_reopened_days_later_shows_the_day_it_began_not_a_timer(
    store, running, content_dir, frozen_clock
):
    """Never closed, reopened two days on: "Mục 1/13 · 2880:00:00 / 05:00 · chậm 2870
    phút" would be nonsense; the line says when it began and how to correct the times."""
    frozen_clock.advance(2 * 24 * 3600)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        started = store.load_session(running).started_at
        line = pacing(app)
        assert ui_text.started_earlier(f"{started:%d/%m/%Y}") in line
        assert "Dự kiến xong" not in line and "chậm" not in line and "/ 05:00" not in line
        assert "Có mặt" in line  # attendance stays on the line
        assert not app.screen.query_one(PacingLine).has_class("-over")


async def test_a_meeting_an_hour_in_keeps_its_timer(store, running, content_dir, frozen_clock):
    frozen_clock.advance(3600)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "60:00 / 05:00" in pacing(app) or "1:00:00 / 05:00" in pacing(app)
