"""The dialogs whose layout broke at 80×24 (seen in their snapshots), checked with Pilot:
F5's two choices on another day are shown whole, and a form taller than the window
scrolls while its error line and buttons stay in view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len
from snapshot_setup import SMALL, mid_session, snapshot_app, until
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label

from facilitator.drafting.draft import draft_plan, report_lines
from facilitator.ui.screens.dialogs import RosterImportDialog
from facilitator.ui.screens.draft_dialog import DraftReportDialog
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.screens.readback import ReadbackScreen
from facilitator.ui.screens.roles_dialog import RolesDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.screens.time_dialogs import StartDialog, TimesDialog

__all__ = ["mid_session"]  # a fixture used by the tests below

PLAN = Path(__file__).parent / "fixtures" / "plans" / "ke-hoach-huyen-uy.txt"


def in_view(screen: Screen[Any], widget: Widget) -> bool:
    """Wholly inside the window and inside its dialog's border."""
    region = widget.region
    box = screen.query_one("#dialog").region.shrink((1, 1, 1, 1))
    return bool(region.area) and box.contains_region(region)


def footer_in_view(dialog: Screen[Any]) -> None:
    """The error line and every button of the dialog are on screen."""
    footer = dialog.query_one(".dialog-footer")
    assert in_view(dialog, footer), footer.region
    for button in dialog.query(Button):
        assert in_view(dialog, button), (button.id, button.region)


def above_footer(dialog: Screen[Any], widget: Widget) -> bool:
    """Shown in the form's part of the dialog, not hidden under its docked footer."""
    footer = dialog.query_one(".dialog-footer").region
    return in_view(dialog, widget) and widget.region.bottom <= footer.y


async def test_start_choices_are_shown_whole(store, session_id, content_dir, frozen_clock):
    frozen_clock.advance(24 * 3600 + 45 * 60)  # the day after the planned one
    app = snapshot_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RunScreen))
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app.screen, StartDialog))
        dialog = app.screen
        for button in dialog.query(Button):
            assert in_view(dialog, button), (button.id, button.region)
            label = str(button.label)
            assert cell_len(label) <= button.content_size.width, label  # not cut
        assert "11/05/2024 08:15" in str(dialog.query_one("#now", Button).label)


async def test_times_keep_error_and_buttons_in_view(store, mid_session, content_dir, frozen_clock):
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, TimesDialog))
        dialog = app.screen
        await pilot.pause()
        footer_in_view(dialog)
        last = max(
            int(box.id.rsplit("-", 1)[1])
            for box in dialog.query(Input)
            if box.id and box.id.startswith("item-end-")
        )
        while app.focused is None or app.focused.id != f"item-end-{last}":
            await pilot.press("tab")
        await pilot.press(*"9x:00")
        await pilot.pause()
        focused = app.focused
        assert focused is not None and above_footer(dialog, focused)  # scrolled to, not hidden
        error = dialog.query_one(".dialog-error", Label)
        assert f"Mục {last}" in str(error.render())
        assert in_view(dialog, error)  # why saving waits can be read
        assert dialog.query_one("#ok", Button).disabled
        footer_in_view(dialog)


async def test_roles_buttons_in_view_and_last_box_reachable(
    store, mid_session, content_dir, frozen_clock
):
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+b")
        await until(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RolesDialog))
        dialog = app.screen
        await pilot.pause()
        footer_in_view(dialog)
        position = dialog.query_one("#roles-outside-position", Input)
        assert not above_footer(dialog, position)  # the form is taller than the window
        position.focus()
        await pilot.pause()
        assert above_footer(dialog, position)
        await pilot.press(*"Giảng viên", "enter")  # a position without a name: refused
        await pilot.pause()
        assert app.screen is dialog
        assert in_view(dialog, dialog.query_one(".dialog-error", Label))
        assert str(dialog.query_one(".dialog-error", Label).render())
        footer_in_view(dialog)


async def test_roster_import_error_and_buttons_in_view(store, roster, content_dir, frozen_clock):
    app = snapshot_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PrepareScreen))
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, RosterImportDialog))
        dialog = app.screen
        await pilot.press("enter")  # no file: refused, and said
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one(".dialog-error", Label)
        assert str(error.render()) and in_view(dialog, error)
        footer_in_view(dialog)


async def test_draft_report_opens_at_its_first_line(store, roster, content_dir, frozen_clock):
    lines = report_lines(draft_plan(PLAN))
    app = snapshot_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PrepareScreen))
        app.push_screen(DraftReportDialog(lines))
        await until(pilot, lambda: isinstance(app.screen, DraftReportDialog))
        dialog = app.screen
        await pilot.pause()
        box = dialog.query_one("#dialog")
        assert box.max_scroll_y > 0  # longer than the window
        assert box.scroll_y == 0  # the focused button did not scroll the report away
        assert dialog.query_one("#close", Button).has_focus
        footer_in_view(dialog)
