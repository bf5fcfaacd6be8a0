"""Home (session list, problems, locked sessions) and Prepare (form, agenda editing, save)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import make_app_with_messages
from textual.widgets import DataTable, Input, Label, Select, Static

from facilitator.domain.models import Roster
from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.prepare import PrepareScreen, parse_when
from facilitator.ui.screens.run import RunScreen

SIZE = (100, 40)


async def import_roster_in_prepare(
    pilot, app: FacilitatorApp, path: Path, unit: str, **fields: str
):
    """Home → n → ctrl+r, fill the roster dialog (``fields``: parent, abbrev…), Enter."""
    await pilot.press("n")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PrepareScreen)
    await pilot.press("ctrl+r")
    await pilot.pause()
    app.screen.query_one("#roster-file", Input).value = str(path)
    app.screen.query_one("#roster-unit", Input).value = unit
    for name, value in fields.items():
        app.screen.query_one(f"#roster-{name}", Input).value = value
    app.screen.query_one("#roster-unit", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def test_home_lists_sessions_and_reports_corrupt_files(
    store, session_id, content_dir, frozen_clock
):
    broken = store.root / "2024-01-01-hong"
    broken.mkdir()
    (broken / "session.json").write_text("{not json", encoding="utf-8")
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row == [
            "10/05/2024 07:30",
            "0/5",  # of those who must attend: Võ Thị Én is exempt (as the run header says)
            "Đã chuẩn bị",
            "Chi bộ Khối Dân vận",
            "Sinh hoạt chuyên đề cây tre",
        ]
        problems = str(app.screen.query_one("#home-problems", Static).render())
        assert "2024-01-01-hong" in problems and "session.json" in problems
        assert app.screen.query_one("#home-problems").display
        # The rest keeps working: Enter resumes the readable session.
        await pilot.press("enter")
        await pilot.pause()
        assert app.service is not None and app.service.session.id == session_id
        assert [type(s) for s in app.screen_stack[1:]] == [RunScreen, AttendanceScreen]


async def test_home_reports_a_session_open_in_another_window(
    store, session_id, content_dir, frozen_clock
):
    other = SessionService.open(store, session_id, frozen_clock)
    try:
        app, messages = make_app_with_messages(store, content_dir, frozen_clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()  # the list fills right after the first frame
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert app.service is None
            assert any("đang được mở ở cửa sổ khác" in m for m in messages)
    finally:
        other.close()


async def test_prepare_without_roster_says_how_to_import(store, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        hint = app.screen.query_one("#no-roster", Static)
        assert hint.display
        assert "facilitator roster import TỆP --unit" in str(hint.render())


async def test_prepare_lists_broken_packs_as_unavailable(store, roster, frozen_clock):
    fixtures = Path(__file__).parent / "fixtures" / "content"
    app, _ = make_app_with_messages(store, fixtures, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        problems = str(app.screen.query_one("#pack-problems", Static).render())
        assert "broken.md" in problems and "không dùng được" in problems
        # The one valid pack is chosen for us, and its title fills the title field.
        assert app.screen.query_one("#title", Input).value == "Gói thử nghiệm"


async def test_prepare_edits_agenda_and_creates_the_session(
    store, roster: Roster, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        assert screen.query_one("#unit", Select).value == 0  # the only unit is preselected
        packs = [e.pack.id if e.pack else None for e in screen._packs]
        screen.query_one("#pack", Select).value = packs.index("cay-tre")
        await pilot.pause()
        assert screen.query_one("#title", Input).value.startswith("Nghiên cứu tác phẩm")
        when = screen.query_one("#when", Input)
        when.value = "31/02/2024 8h"
        await pilot.pause()
        assert str(screen.query_one("#when-error", Label).render()) == ui_text.WHEN_INVALID
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)  # refused, nothing stored
        assert store.session_ids() == []
        when.value = "24/04/2024 08:00"
        screen.query_one("#place", Input).value = "Hội trường UBND xã"
        screen.query_one("#chair", Select).value = "p01"
        screen.query_one("#secretary", Select).value = "p02"
        screen.query_one("#presenter", Select).value = "p01"
        await pilot.pause()
        assert str(screen.query_one("#when-error", Label).render()) == ""
        table = screen.query_one("#plan-agenda", DataTable)
        table.focus()
        await pilot.press("ctrl+down")  # khai-mac goes below cu-thu-ky; the cursor follows it
        await pilot.press("space")  # skip khai-mac
        await pilot.press("down", "plus", "plus")  # diem-danh: 3 -> 5 minutes
        await pilot.pause()
        total = str(screen.query_one("#agenda-total", Static).render())
        kept = [i for i in screen._agenda if not i.skipped]
        assert f"{sum(i.minutes for i in kept)} phút" in total
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, RunScreen, AttendanceScreen]
    (saved_id,) = store.session_ids()
    session = store.load_session(saved_id)
    assert session.place == "Hội trường UBND xã"
    assert session.started_at.isoformat() == "2024-04-24T08:00:00+07:00"
    assert session.roles.chair == "p01" and session.roles.secretary == "p02"
    assert session.roles.presenters == ("p01",)
    assert [i.id for i in session.agenda[:3]] == ["cu-thu-ky", "khai-mac", "diem-danh"]
    assert session.agenda[1].skipped
    assert session.agenda[2].minutes == 5
    assert session.status == "planned"


@pytest.mark.parametrize(
    ("value", "ok"),
    [("24/04/2024 08:00", True), (" 1/5/2024   7:05 ", True), ("2024-04-24", False), ("", False)],
)
def test_parse_when(value: str, ok: bool, frozen_clock) -> None:
    parsed = parse_when(value, frozen_clock().tzinfo)
    assert (parsed is not None) == ok


async def test_home_shows_recent_sessions_then_all(store, roster, content_dir, frozen_clock):
    from datetime import timedelta

    from facilitator.parsing import load_pack
    from facilitator.services.planning import SessionPlan, build_session

    pack = load_pack(content_dir / "thuong-ky.md")
    for day in range(HomeScreen.RECENT + 5):
        plan = SessionPlan(f"Buổi {day}", frozen_clock() + timedelta(days=day))
        store.put_session(build_session(store, pack, roster, plan))
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == HomeScreen.RECENT
        first = table.get_row_at(0)
        assert str(first[-1]) == f"Buổi {HomeScreen.RECENT + 4}"  # newest first
        await pilot.press("a")
        await pilot.pause()
        assert table.row_count == HomeScreen.RECENT + 5


async def test_prepare_offers_a_pack_given_by_path(
    store, roster, content_dir, frozen_clock, tmp_path
):
    own = tmp_path / "elsewhere" / "rieng.md"
    own.parent.mkdir()
    own.write_text(
        (content_dir / "thuong-ky.md")
        .read_text(encoding="utf-8")
        .replace("id: thuong-ky", "id: rieng"),
        encoding="utf-8",
    )
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, content_files=(own,))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        assert screen.pack is not None and screen.pack.id == "rieng"  # preselected


def test_cli_refuses_a_broken_content_file_before_starting(tmp_path):
    from click.testing import CliRunner

    from facilitator.cli.main import main

    bad = tmp_path / "hong.md"
    bad.write_text("---\nid: x\n---\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "d"), "--content", str(bad)])
    assert result.exit_code == 1
    assert "hong.md" in result.stderr
    assert "Traceback" not in result.output


async def test_prepare_keeps_at_least_one_agenda_item(
    store, roster, content_dir, frozen_clock, tmp_path
):
    one = tmp_path / "mot-muc.md"
    one.write_text(
        "---\nid: mot-muc\ntitle: Một mục\nkind: thuong-ky\nversion: '1'\nsources: [Kế hoạch]\n---\n\n## Mục duy nhất\n\n- Ý chính\n",
        encoding="utf-8",
    )
    app, messages = make_app_with_messages(store, tmp_path, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        screen.query_one("#plan-agenda", DataTable).focus()
        await pilot.press("space")
        await pilot.pause()
        assert not screen._agenda[0].skipped
        assert ui_text.LAST_ITEM_KEPT in messages


async def test_prepare_imports_a_roster_from_a_file(store, content_dir, frozen_clock, tmp_path):
    """No roster yet: ctrl+r imports one from CSV without leaving the console."""
    csv_file = tmp_path / "danh-sach.csv"
    csv_file.write_text(
        "Họ và tên;Loại;Chức vụ\nNguyễn Văn An;chính thức;Bí thư chi bộ\nLê Thị Bình;dự bị;\n",
        encoding="utf-8-sig",
    )
    app, messages = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await import_roster_in_prepare(
            pilot, app, csv_file, "Chi bộ Thôn 3", parent="Đảng bộ xã Di Linh", abbrev="CB"
        )
        assert app.screen is screen
        assert screen.roster is not None and screen.roster.unit.name == "Chi bộ Thôn 3"
        assert not screen.query_one("#no-roster", Static).display
        assert any("Đã nhập 2 người" in m for m in messages)
    roster = store.roster("Chi bộ Thôn 3")
    assert [p.name for p in roster.sorted_people()] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert roster.unit.parent == "Đảng bộ xã Di Linh" and roster.unit.abbrev == "CB"


async def test_prepare_roster_import_error_is_shown_not_raised(
    store, content_dir, frozen_clock, tmp_path
):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await import_roster_in_prepare(pilot, app, tmp_path / "khong-co.csv", "Chi bộ X")
        assert isinstance(app.screen, PrepareScreen)
        assert any("khong-co.csv" in m for m in messages)
    assert store.rosters() == []


async def test_reimport_from_the_console_keeps_a_units_profile(
    store, content_dir, frozen_clock, tmp_path
):
    from facilitator.domain.models import Person, Roster, Unit

    store.save_roster(
        Roster(Unit("Chi hội CCB Thôn 2", "Hội CCB xã", "CH", "state"), (Person("a", "Lê Văn An"),))
    )
    csv_file = tmp_path / "ds.csv"
    csv_file.write_text("Họ và tên\nLê Văn An\nTrần Văn Bình\n", encoding="utf-8")
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await import_roster_in_prepare(pilot, app, csv_file, "Chi hội CCB Thôn 2")
    roster = store.roster("Chi hội CCB Thôn 2")
    assert roster.unit.profile == "state" and roster.unit.parent == "Hội CCB xã"
    assert len(roster.people) == 2


async def test_home_shows_the_highlighted_sessions_id_and_whole_title_at_80x24(
    store, session_id, content_dir, frozen_clock
):
    from textual.widgets import Static

    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        line = app.screen.query_one("#home-selected", Static)
        shown = " ".join(str(line.render()).split())
        title = store.load_session(session_id).title
        assert f"Mã buổi: {session_id}" in shown
        assert " ".join(title.split()) in shown
        assert line.region.height and line.region.bottom <= 24


async def test_home_cuts_a_long_title_with_an_ellipsis_to_fit_and_shows_it_whole_when_wider(
    store, session_id, content_dir, frozen_clock
):
    """At 80 columns the table ran past the edge, the title cut mid-word with a sideways
    scrollbar; now the title column takes the room left, ending in "…", and a wider
    window shows it whole (the cursor stays on the same session)."""
    from dataclasses import replace

    long_title = "Sinh hoạt chuyên đề: Ngoại giao cây tre Việt Nam, gốc vững, thân chắc"
    store.put_session(replace(store.load_session(session_id), title=long_title), replace=True)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        title = str(table.get_cell_at((0, 4)))
        assert title.endswith("…") and long_title.startswith(title[:-1])
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width
        await pilot.resize_terminal(140, 24)
        await pilot.pause()
        await pilot.pause()
        assert str(table.get_cell_at((0, 4))) == long_title


async def test_ctrl_r_fills_in_the_chosen_unit_and_says_a_tcvn3_roster_was_converted(
    store, roster, content_dir, frozen_clock
):
    legacy = Path(__file__).parent / "fixtures" / "rosters" / "tcvn3.csv"
    app, messages = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen) and screen.roster is not None
        unit = screen.roster.unit
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        # The unit on the form is filled in: a new list for it is the usual case.
        assert dialog.query_one("#roster-unit", Input).value == unit.name
        assert dialog.query_one("#roster-parent", Input).value == unit.parent
        dialog.query_one("#roster-file", Input).value = str(legacy)
        dialog.query_one("#roster-unit", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    assert any("TCVN3" in m for m in messages), messages
    stored = store.roster(unit.name)
    assert stored.unit.parent == unit.parent  # kept, not cleared by the re-import
    assert all("Ô" not in p.name and "¨" not in p.name for p in stored.people)
