"""Every Textual word the user can see is Vietnamese; quitting a running meeting asks first."""

from __future__ import annotations

import pytest
from builders import make_app
from click.testing import CliRunner

from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.commands import COMMANDS, key_label
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.help import help_markdown

ENGLISH = ("Theme", "Quit", "Keys", "Maximize", "Minimize", "Screenshot", "Search for")


@pytest.fixture
def running(store, session_id, frozen_clock) -> str:
    service = SessionService.open(store, session_id, frozen_clock)
    service.mark("p01", "present")
    service.start()
    service.close()
    return session_id


async def test_palette_and_system_commands_speak_vietnamese(store, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test() as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert ui_text.SYS_THEME in titles and ui_text.SYS_SCREENSHOT in titles
        assert not [t for t in titles if t in ENGLISH]
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandInput

        palette_input = app.screen.query_one(CommandInput)
        assert palette_input.placeholder == ui_text.PALETTE_SEARCH


async def test_ctrl_c_says_how_to_quit_without_raw_markup(store, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert ui_text.QUIT_HINT in shown
        assert not [m for m in shown if "[b]" in m or "Press" in m]


async def test_quitting_a_running_meeting_asks_first(store, running, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.is_running and app.service is not None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert store.load_session(running).status == "running"  # nothing ended by quitting


async def test_quitting_from_home_does_not_ask(store, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


def test_f1_shows_keys_as_people_read_them() -> None:
    assert key_label("ctrl+up") == "ctrl+↑"
    assert key_label("plus") == "+"
    assert key_label("escape") == "Esc"
    assert key_label("f5") == "F5"
    page = help_markdown()
    for raw in ("`ctrl+up`", "`plus`", "`escape`", "`ctrl+right`"):
        assert raw not in page
    assert "`ctrl+↑`" in page and "`Esc`" in page
    assert all(c.key_display for c in COMMANDS if c.key)


def test_click_required_marker_is_vietnamese() -> None:
    from facilitator.cli.main import main

    result = CliRunner().invoke(main, ["roster", "show", "--help"])
    assert "[bắt buộc]" in result.stdout and "[required]" not in result.stdout


async def test_the_palette_finds_commands_typed_without_accents(
    store, running, content_dir, frozen_clock
):
    """Many laptops have no Vietnamese keyboard: "nhap bien ban" finds "Nhập biên bản…"."""
    from textual.command import CommandList

    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"nhap bien ban")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Nhập biên bản sau buổi họp" in prompt for prompt in shown), shown
        assert not any(prompt.endswith("[]") for prompt in shown)  # no empty key hint
