"""One command table feeds bindings, footer, palette and F1 help: none may drift."""

from __future__ import annotations

import pytest
from builders import make_app

from facilitator.strings import ui as ui_text
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.commands import COMMANDS, SCOPES, commands_for, help_rows
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.campaign import CampaignScreen
from facilitator.ui.screens.help import HelpScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.screens.readback import ReadbackScreen
from facilitator.ui.screens.report import ReportScreen
from facilitator.ui.screens.run import RunScreen

SCREENS = {
    "home": HomeScreen,
    "prepare": PrepareScreen,
    "attendance": AttendanceScreen,
    "run": RunScreen,
    "readback": ReadbackScreen,
    "report": ReportScreen,
    "campaign": CampaignScreen,
}


def test_every_command_has_vietnamese_title_and_help_and_a_known_scope() -> None:
    ids = [c.id for c in COMMANDS]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(ui_text.COMMANDS)
    for command in COMMANDS:
        assert command.scope in SCOPES
        assert command.title and command.help.endswith(".")


@pytest.mark.parametrize("scope", sorted(SCREENS))
def test_screen_bindings_are_generated_from_the_table(scope: str) -> None:
    bindings = SCREENS[scope].BINDINGS
    bound = {b.id for b in bindings if b.id}  # the F1 copy and the ctrl twins have none
    assert bound == {c.id for c in commands_for(scope) if c.key}
    assert bindings[0].key == "f1"  # first in every footer
    assert {b.id for b in FacilitatorApp.BINDINGS if b.id} == {c.id for c in commands_for("app")}


@pytest.mark.parametrize("scope", sorted(SCREENS))
def test_every_screen_action_exists(scope: str) -> None:
    for command in commands_for(scope):
        name = command.action.split("(")[0]
        assert hasattr(SCREENS[scope], f"action_{name}"), command.id


async def test_f1_lists_every_command(store, session_id, content_dir, frozen_clock) -> None:
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        for command in COMMANDS:
            key = f"`{command.key_display}`" if command.key_display else ui_text.HELP_PALETTE_ONLY
            assert f"{key} **{command.title}** — {command.help}" in app.screen.markdown
        for scope in SCOPES:
            assert f"## {ui_text.SCOPE_TITLES[scope]}" in app.screen.markdown
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_palette_reaches_every_command_of_the_screen(
    store, session_id, content_dir, frozen_clock
) -> None:
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # attendance -> run
        await pilot.pause()
        for screen in (app.screen, app.screen_stack[0]):
            scope = screen.SCOPE
            titles = {c.title for c in app.get_system_commands(screen)}
            expected = {c.title for c in (*commands_for("app"), *commands_for(scope)) if c.palette}
            assert expected <= titles, expected - titles
        # Running one through the real palette works like its key.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Điểm danh")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)


def test_every_f_key_has_a_ctrl_twin_shown_in_the_footer() -> None:
    """Many laptops need Fn for F-keys: each F-key command also answers to a ctrl key."""
    for command in COMMANDS:
        first = command.key.split(",")[0]
        if first.startswith("f") and first[1:].isdigit():
            assert command.alt.startswith("ctrl+"), command.id
            assert command.footer_keys is not None and "^" in command.footer_keys
    keys = [k for c in COMMANDS if c.scope in ("app", "run") for k in c.keys.split(",") if k]
    assert len(keys) == len(set(keys)), "a key bound twice on the run screen"


def test_a_command_without_a_key_is_shown_as_reached_from_the_palette() -> None:
    from facilitator.ui.screens.help import help_markdown

    shown = help_markdown()
    assert "``" not in shown
    keyless = [row for row in help_rows() if not row[1]]
    assert keyless, "the table has palette-only commands (roles, typing up afterwards)"
    for _scope, _key, title, _help in keyless:
        assert f"- {ui_text.HELP_PALETTE_ONLY} **{title}**" in shown
