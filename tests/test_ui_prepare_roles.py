"""Prepare keeps the roles the user chose, and its person pickers find people as typed."""

from __future__ import annotations

from pathlib import Path

from builders import make_app_with_messages
from textual.widgets import Input, Select

from facilitator.domain.models import Person, Roster, Unit
from facilitator.domain.vietnamese import word_prefix_rank
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.widgets.person_select import PersonOverlay, PersonSelect

SIZE = (100, 40)


async def reimport(pilot, app: FacilitatorApp, path: Path, unit: str) -> None:
    await pilot.press("ctrl+r")
    await pilot.pause()
    app.screen.query_one("#roster-file", Input).value = str(path)
    app.screen.query_one("#roster-unit", Input).value = unit
    app.screen.query_one("#roster-unit", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_reimporting_the_roster_keeps_chair_secretary_and_presenter(
    store, roster: Roster, content_dir, frozen_clock, tmp_path
) -> None:
    csv_file = tmp_path / "ds.csv"
    names = [p.name for p in roster.people] + ["Hoàng Văn Mới"]
    csv_file.write_text("Họ và tên\n" + "\n".join(names) + "\n", encoding="utf-8")
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        screen.query_one("#chair", Select).value = "p01"
        screen.query_one("#secretary", Select).value = "p02"
        screen.query_one("#presenter", Select).value = "p03"
        await pilot.pause()
        await reimport(pilot, app, csv_file, roster.unit.name)
        assert app.screen is screen
        assert screen.query_one("#chair", Select).value == "p01"
        assert screen.query_one("#secretary", Select).value == "p02"
        assert screen.query_one("#presenter", Select).value == "p03"
        offered = [
            v for _, v in screen.query_one("#chair", PersonSelect)._options if isinstance(v, str)
        ]
        assert len(offered) == len(names)  # the new member is offered too
        screen.query_one("#when", Input).value = "03/05/2024 07:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
    session = store.load_session(store.session_ids()[0])
    assert (session.roles.chair, session.roles.secretary) == ("p01", "p02")
    assert session.roles.presenters == ("p03",)


async def test_a_chosen_person_missing_from_the_new_roster_is_announced(
    store, roster: Roster, content_dir, frozen_clock, tmp_path
) -> None:
    csv_file = tmp_path / "ds.csv"
    kept = [p.name for p in roster.people if p.id != "p02"]
    csv_file.write_text("Họ và tên\n" + "\n".join(kept) + "\n", encoding="utf-8")
    app, messages = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#chair", Select).value = "p01"
        screen.query_one("#secretary", Select).value = "p02"
        await pilot.pause()
        await reimport(pilot, app, csv_file, roster.unit.name)
        assert screen.query_one("#chair", Select).value == "p01"
        assert screen.query_one("#secretary", Select).value is Select.NULL
        assert any("Thư ký" in m and "chọn lại" in m for m in messages)


def test_word_prefix_rank_finds_whole_word_starts_without_accents() -> None:
    assert word_prefix_rank("Hà Thị Nhung", "hung") is None
    assert word_prefix_rank("Phạm Văn Hùng", "hung") is not None
    assert word_prefix_rank("Phạm Văn Hùng", "van h") is not None
    exact = word_prefix_rank("Lê Văn Ân", "Ân")
    plain = word_prefix_rank("Lê Văn An", "Ân")
    assert exact is not None and plain is not None and exact < plain


async def test_person_picker_types_to_search_by_word_prefix_and_shows_positions(
    store, content_dir, frozen_clock
) -> None:
    store.save_roster(
        Roster(
            Unit("Chi bộ Thôn 1", "Đảng bộ xã", "CB", "party"),
            (
                Person("a", "Hà Thị Nhung"),
                Person("b", "Phạm Văn Hùng", position="Phó Bí thư"),
                Person("c", "Nguyễn Văn An", position="Bí thư chi bộ"),
                Person("d", "Nguyễn Văn An", position="Trưởng thôn"),
            ),
        )
    )
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        chair = app.screen.query_one("#chair", PersonSelect)
        labels = [str(prompt) for prompt, _ in chair._options]
        assert "Nguyễn Văn An — Bí thư chi bộ" in labels
        assert "Nguyễn Văn An — Trưởng thôn" in labels
        chair.focus()
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press(*"hung")
        await pilot.pause()
        overlay = chair.query_one(PersonOverlay)
        highlighted = chair._options[overlay.highlighted][1]
        assert highlighted == "b"


async def test_leaving_a_filled_form_asks_first(store, roster, content_dir, frozen_clock) -> None:
    from facilitator.ui.screens.dialogs import ConfirmDialog
    from facilitator.ui.screens.home import HomeScreen

    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed yet: straight back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#chair", Select).value = "p01"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # "no": the form and the choice stay
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.query_one("#chair", Select).value == "p01"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
