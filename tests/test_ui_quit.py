"""Quitting during a meeting says what happens to a note typed and not yet saved: it is
kept as a draft and comes back in the note box, it is not among the saved notes."""

from __future__ import annotations

from builders import make_app

from facilitator.strings import ui as ui_text
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.note_editor import NoteEditor

SIZE = (100, 30)


def _question(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ConfirmDialog)
    return str(screen.query_one("#confirm-message").render())


async def test_quitting_with_a_half_typed_note_says_it_is_kept_as_a_draft(
    store, running, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        app.screen.query_one("#note-text").focus()
        await pilot.press(*"Đề nghị bổ sung", "ctrl+q")
        await pilot.pause()
        question = _question(app)
        assert "«Đề nghị bổ sung»" in question and "bản nháp" in question
        assert "Mọi ghi chép đã được lưu" not in question
        await pilot.press("y")
        await pilot.pause()
    assert store.load_session(running).notes == ()
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(NoteEditor).text == "Đề nghị bổ sung"


async def test_quitting_with_nothing_typed_says_everything_is_saved(
    store, running, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert _question(app) == ui_text.QUIT_RUNNING
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)  # still in the meeting


def test_a_long_draft_is_shortened_in_the_question() -> None:
    question = ui_text.quit_running_with_draft("ý kiến " * 30)
    assert "…»" in question and len(question) < 320
