"""Dialogs at 80×24: their messages wrap instead of being cut, and no notice left from
the step before covers their title (issue #9 §8)."""

from __future__ import annotations

from builders import make_app
from textual.widgets import Input, Label

from facilitator.strings import ui as ui_text
from facilitator.ui.screens.dialogs import VoteDialog
from facilitator.ui.screens.run import RunScreen

SIZE = (80, 24)


async def test_vote_error_wraps_and_names_the_base(store, running, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        dialog.query_one("#vote-for", Input).value = "20"
        await pilot.pause()
        error = dialog.query_one(".dialog-error", Label)
        expected = ui_text.VOTE_TOO_MANY.format(total=20, base=5)
        assert str(error.render()) == expected
        box = dialog.query_one("#dialog")
        assert error.size.width <= box.content_size.width
        assert error.size.height * error.size.width >= len(expected)  # all of it shown
    assert store.load_session(running).votes == ()


async def test_a_dialog_opening_clears_the_notice_before(store, running, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f7", *"Cử đ/c Bình.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert [n.message for n in app._notifications] == [ui_text.CONCLUSION_SAVED]
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, VoteDialog)
        assert not list(app._notifications)
    assert store.load_session(running).item("khai-mac").conclusion == "Cử đ/c Bình."
