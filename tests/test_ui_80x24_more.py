"""At 80×24 the attendance screen shows what the secretary checks (issue #9 §8), and the
"về sớm" dialog proposes a time inside the meeting (issue #9 §4).

Each test drives the console with Pilot at 80×24, reads what is drawn, and checks the
stored session (reloaded from the store).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from builders import make_app
from conftest import ICT, FrozenClock
from textual.widgets import Input, Static

from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.time_dialogs import ClockDialog
from facilitator.ui.widgets.roster_table import RosterTable

SIZE = (80, 24)
REASON = "Đi công tác tại huyện Bảo Lâm theo quyết định của Ủy ban"
GUEST_POSITION = "Phó Bí thư Thường trực Đảng ủy xã Di Linh"


def table_lines(app: FacilitatorApp) -> list[str]:
    """The roster table as drawn, header first (only the lines on screen)."""
    table = app.screen.query_one(RosterTable)
    return [table.render_line(y).text for y in range(table.size.height)]


def detail(app: FacilitatorApp) -> str:
    box = app.screen.query_one("#row-detail", Static)
    return str(box.content) if box.display else ""


async def test_at_80x24_the_notes_column_is_on_screen(store, session_id, content_dir, frozen_clock):
    service = SessionService.open(store, session_id, frozen_clock)
    service.add_person("Ngô Thị Lan", "khach", GUEST_POSITION)  # a long position
    service.mark("p03", "late", arrived_at=datetime(2024, 5, 10, 7, 45, tzinfo=ICT))
    service.close()
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        table = app.screen.query_one(RosterTable)
        assert table.region.right <= SIZE[0] and table.cut
        assert not table.show_horizontal_scrollbar  # nothing to scroll to
        lines = table_lines(app)
        assert "Ghi chú" in lines[0] and "Điểm danh" in lines[0]
        assert any("Lê Văn Cường" in line and "đến lúc 07:45" in line for line in lines)
        # A long reason, typed in the dialog: its start in the table, whole below it.
        await pilot.press(*"duc", "3")
        await pilot.pause()
        await pilot.press(*REASON, "enter")
        await pilot.pause()
        await pilot.press(*"duc")
        await pilot.pause()
        row = next(line for line in table_lines(app) if "Đinh Hữu Đức" in line)
        assert "Vắng có lý do" in row and "Đi công tác" in row and row.rstrip().endswith("…")
        assert REASON in detail(app) and "Đinh Hữu Đức" in detail(app)
        # The guest's long position, hidden in the table, is in the line below it.
        await pilot.press("ctrl+u", *"lan")
        await pilot.pause()
        assert GUEST_POSITION in detail(app)
    record = store.load_session(session_id).attendance_of("p05")
    assert record is not None and record.status == "absent-excused" and record.reason == REASON


async def test_wide_terminal_keeps_every_column_whole(store, session_id, content_dir, frozen_clock):
    service = SessionService.open(store, session_id, frozen_clock)
    service.add_person("Ngô Thị Lan", "khach", GUEST_POSITION)
    service.mark("p05", "absent-excused", REASON)
    service.close()
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RosterTable)
        assert not table.cut and not detail(app)
        lines = table_lines(app)
        assert "Chức vụ" in lines[0]
        assert any(GUEST_POSITION in line for line in lines)
        assert any(REASON in line for line in lines)


async def test_early_leaver_typed_up_afterwards_defaults_to_the_planned_end(
    store, session_id, content_dir
):
    planned = datetime(2024, 5, 10, 7, 30, tzinfo=ICT)
    clock = FrozenClock(datetime(2026, 12, 1, 20, 15, tzinfo=ICT))  # typed up much later
    service = SessionService.open(store, session_id, clock)
    for person in ("p01", "p02"):
        service.mark(person, "present")
    service.mark("p03", "late", arrived_at=datetime(2024, 5, 10, 8, 0, tzinfo=ICT))
    service.start(planned, afterwards=True)
    service.close()
    session = store.load_session(session_id)
    minutes = sum(item.minutes for item in session.agenda if not item.skipped)
    planned_end = planned + timedelta(minutes=minutes)
    app = make_app(store, content_dir, clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, AttendanceScreen):
            await pilot.press("f2")
            await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press(*"binh", "6")
        await pilot.pause()
        assert isinstance(app.screen, ClockDialog)
        box = app.screen.query_one("#clock", Input)
        assert box.value == f"{planned_end:%H:%M}"  # not 07:30, the start
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
    left = store.load_session(session_id).attendance_of("p02")
    assert left is not None and left.left_at == planned_end


async def test_early_leaver_live_is_now_but_never_before_arrival(
    store, session_id, content_dir, frozen_clock
):
    service = SessionService.open(store, session_id, frozen_clock)
    service.start()  # 07:30, on the planned day
    service.mark("p03", "late", arrived_at=datetime(2024, 5, 10, 8, 0, tzinfo=ICT))
    service.close()
    frozen_clock.advance(10 * 60)  # 07:40: before Cường arrived at 08:00
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, AttendanceScreen):
            await pilot.press("f2")
            await pilot.pause()
        await pilot.press(*"cuong", "6")
        await pilot.pause()
        assert isinstance(app.screen, ClockDialog)
        assert app.screen.query_one("#clock", Input).value == "08:00"
        await pilot.press("enter")
        await pilot.pause()
    left = store.load_session(session_id).attendance_of("p03")
    assert left is not None and left.left_at == datetime(2024, 5, 10, 8, 0, tzinfo=ICT)


async def test_at_80x24_the_agenda_key_group_label_does_not_touch_f1(
    store, session_id, content_dir, frozen_clock
):
    from textual.widgets import Footer

    from facilitator.ui.screens.run import RunScreen

    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        footer = app.screen.query_one(Footer)
        label = footer.query_one("FooterLabel")
        after = [k for k in footer.query("FooterKey") if k.region.x >= label.region.right]
        first = min(after, key=lambda key: key.region.x)
        assert first.region.x > label.region.right  # "Mục F1", not "MụcF1"
        assert first.region.right <= SIZE[0]
