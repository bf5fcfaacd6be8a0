"""Attendance: Vietnamese order, accent-insensitive filter, one key per status, live counts."""

from __future__ import annotations

from builders import make_app
from textual.widgets import Input

from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.dialogs import GuestDialog, ReasonDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.counts_header import CountsHeader
from facilitator.ui.widgets.roster_table import RosterTable

SIZE = (100, 40)


def rows(screen) -> list[str]:
    table = screen.query_one(RosterTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def header(screen) -> str:
    return str(screen.query_one(CountsHeader).render())


async def test_planned_session_opens_on_attendance_in_vietnamese_order(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        # tên first (An, Bình, Cường, Dung, Đức, Én): đ sorts after d in Vietnamese.
        assert rows(screen) == [
            "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
            "Phạm Thị Dung", "Đinh Hữu Đức", "Võ Thị Én",
        ]  # fmt: skip
        assert "Tổng số: 6" in header(screen) and "Chưa điểm danh: 5" in header(screen)


async def test_filter_and_status_keys_are_saved_at_once(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"cuong")  # no accents typed
        await pilot.pause()
        assert rows(screen) == ["Lê Văn Cường"]
        await pilot.press("1")
        await pilot.pause()
        assert screen.query_one("#filter", Input).value == ""  # ready for the next name
        frozen_clock.advance(600)
        await pilot.press(*"duc", "2", "enter")  # Đinh Hữu Đức arrives late: now, confirmed
        await pilot.press(*"dung", "4")  # absent without reason
        await pilot.press(*"en", "5")  # exempt member stays away
        await pilot.press(*"an", "1", *"an", "0")  # mistaken mark, cleared
        await pilot.pause()
        stored = store.load_session(session_id)
        by_person = {a.person: a for a in stored.attendance}
        assert by_person["p03"].status == "present"
        assert by_person["p05"].status == "late"
        assert by_person["p05"].arrived_at == frozen_clock()
        assert by_person["p04"].status == "absent"
        assert by_person["p06"].status == "exempt-absent"
        assert "p01" not in by_person
        text = header(screen)
        assert "Có mặt: 2 (40%)" in text  # expected = 6 − 1 MSH vắng
        assert "Vắng không lý do: 1" in text and "Miễn sinh hoạt, không dự: 1" in text
        assert "Chưa điểm danh: 2" in text
        assert "Cảnh báo" in text and screen.query_one(CountsHeader).has_class("-below-quorum")


async def test_absent_with_reason_asks_the_reason(store, session_id, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"binh", "3")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")  # empty reason refused
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"Công tác", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
    record = store.load_session(session_id).attendance_of("p02")
    assert record is not None and record.status == "absent-excused"
    assert record.reason == "Công tác"


async def test_guest_added_on_the_spot_and_quorum_warning_clears(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("1", "1", "1", "1")  # An, Bình, Cường, Dung present: 4/6
        await pilot.pause()
        assert not screen.query_one(CountsHeader).has_class("-below-quorum")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GuestDialog)
        await pilot.press(*"Hoàng Khách", "tab", "tab", *"Trưởng thôn", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert "Khách mời: 1" in header(screen)
        assert "Hoàng Khách" in rows(screen)
    session = store.load_session(session_id)
    guest = next(p for p in session.people if p.name == "Hoàng Khách")
    assert guest.category == "khach" and guest.position == "Trưởng thôn"
    assert session.attendance_of(guest.id).status == "present"


async def test_attendance_reachable_from_run_for_late_arrivals(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("f5")  # start
        frozen_clock.advance(900)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press(*"nguyen van an", "2", "enter", "f2")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    record = store.load_session(session_id).attendance_of("p01")
    assert record.status == "late" and record.arrived_at == frozen_clock()


async def test_a_long_roster_scrolls_to_the_cursor_after_filtering(
    store, session_id, content_dir, frozen_clock
):
    """The roster is drawn line by line: filtering to one name and back must give the
    scrollbar back and keep the highlighted person on screen (80×24, 46 people)."""
    from facilitator.services.session import SessionService

    service = SessionService.open(store, session_id, frozen_clock)
    for n in range(40):
        service.add_person(f"Khách Số {n:02d}", present=False)
    service.close()
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RosterTable)
        assert table.row_count == 46 and table.show_vertical_scrollbar
        await pilot.press(*"cuong")
        await pilot.pause()
        assert rows(app.screen) == ["Lê Văn Cường"] and not table.show_vertical_scrollbar
        await pilot.press("1")  # marks Cường and clears the filter: everyone again
        await pilot.pause()
        assert table.row_count == 46 and table.show_vertical_scrollbar
        assert table.get_row_at(table.cursor_row)[0] == "Lê Văn Cường"
        for _ in range(30):
            await pilot.press("down")
        await pilot.pause()
        top = round(table.scroll_y)
        visible = table.scrollable_content_region.height - 1
        assert top <= table.cursor_row < top + visible  # the cursor row is on screen
        assert header(app.screen).startswith("Tổng số: 6 · Có mặt: 1 ")  # guests apart
    stored = store.load_session(session_id)
    assert [a.status for a in stored.attendance if a.person == "p03"] == ["present"]


async def test_a_name_typed_with_its_accents_is_the_one_marked(store, content_dir, frozen_clock):
    """Lê Văn An, Lê Văn Ân and Lê Văn Anh all match "lê văn ân": the cursor starts on
    the one typed exactly, so the key marks Ân, not An listed above him."""
    from note_helpers import make_namesakes

    session_id = make_namesakes(store, content_dir, frozen_clock)
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"lê văn ân")
        await pilot.pause()
        assert rows(app.screen) == ["Lê Văn An", "Lê Văn Anh", "Lê Văn Ân"]  # roster order
        await pilot.press("4")
        await pilot.pause()
    marks = {a.person: a.status for a in store.load_session(session_id).attendance}
    assert marks["p04"] == "absent" and marks["p03"] == "present" and marks["p05"] == "present"
