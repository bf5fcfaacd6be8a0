"""What the secretary checks on the run screen: impossible votes refused as typed, the
newest note in view, and a closed session that says it is read-only before any typing."""

from __future__ import annotations

from builders import make_app_with_messages
from textual.widgets import Button, Input, Label

from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.screens.dialogs import VoteDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.notes_list import NotesList

SIZE = (100, 40)


async def test_an_impossible_vote_is_refused_as_it_is_typed(
    store, running, content_dir, frozen_clock
) -> None:
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        dialog.query_one("#vote-question", Input).value = "Thông qua chương trình"
        dialog.query_one("#vote-for", Input).value = "20"
        await pilot.pause()
        assert not dialog.query_one("#vote-result").display  # no "20/5 (400%)"
        assert dialog.query_one("#ok", Button).disabled
        error = str(dialog.query_one(".dialog-error", Label).render())
        assert "20" in error and "5" in error
        dialog.query_one("#vote-for", Input).value = "4"
        await pilot.pause()
        assert dialog.query_one("#vote-result").display
        assert not dialog.query_one("#ok", Button).disabled
    assert store.load_session(running).votes == ()


async def test_a_vote_without_any_count_cannot_be_saved_by_one_enter(
    store, running, content_dir, frozen_clock
) -> None:
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        assert str(dialog.query_one(".dialog-error", Label).render()) == ""  # nothing typed yet
        assert dialog.query_one("#ok", Button).disabled
        await pilot.press(*"Thông qua chương trình", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert str(dialog.query_one(".dialog-error", Label).render()) == ui_text.VOTE_NO_COUNTS
    assert store.load_session(running).votes == ()


async def test_the_newest_note_is_highlighted_and_in_view(
    store, running, content_dir, frozen_clock
) -> None:
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for number in range(6):
            await pilot.press("f3", *"binh", "enter", *f"Ý kiến số {number}", "enter")
            await pilot.pause()
        notes = app.screen.query_one(NotesList)
        assert notes.option_count == 6 and notes.highlighted == 5
        newest = notes.get_option_at_index(5)
        assert "Ý kiến số 5" in str(newest.prompt)
        assert notes.scroll_y >= notes.max_scroll_y  # scrolled to the bottom


async def test_a_closed_session_shows_read_only_note_boxes(
    store, running, content_dir, frozen_clock
) -> None:
    service = SessionService.open(store, running, frozen_clock)
    service.approve_and_close(4)
    service.close()
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        note_box = app.screen.query_one("#note-text", Input)
        assert note_box.disabled and note_box.placeholder == ui_text.NOTE_READ_ONLY
        await pilot.press("f3", *"Ghi thêm")
        await pilot.pause()
        assert ui_text.READ_ONLY in messages
    assert store.load_session(running).notes == ()


async def test_the_saved_vote_is_shown_and_can_be_deleted(
    store, running, content_dir, frozen_clock
) -> None:
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#vote-question", Input).value = "Thông qua chương trình"
        dialog.query_one("#vote-for", Input).value = "4"
        dialog.query_one("#vote-for", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        shown = app.screen.query_one("#votes")
        assert shown.display and "Thông qua chương trình" in str(shown.render())
        assert "4/5" in str(shown.render())
        await app.screen.run_action("delete_vote")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.screen.query_one("#votes").display
    assert store.load_session(running).votes == ()
