"""Editing a saved note at 80x24: the dialog opens on the speaker and Tab walks the form as
it reads (speaker, kind, text, Lưu, Hủy); two Tabs and Enter save the text typed, and a
cancelled edit says so (a tester's Tab, Tab, Enter once pressed Hủy unnoticed)."""

from __future__ import annotations

from builders import make_app, make_app_with_messages
from textual.widgets import Input
from textual.widgets._toast import Toast

from facilitator.services.session import SessionService
from facilitator.strings import notes as notes_text
from facilitator.ui.screens.note_dialogs import NoteDialog
from facilitator.ui.screens.run import RunScreen

SIZE = (80, 24)


def _with_a_note(store, running, frozen_clock) -> None:
    service = SessionService.open(store, running, frozen_clock)
    service.add_note("Cần liên hệ thục tiễn", "opinion", "p02")
    service.close()


async def _open_edit(app, pilot) -> NoteDialog:
    await pilot.pause()
    await pilot.press("ctrl+j", "e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, NoteDialog)
    return dialog


async def test_tab_follows_the_form_and_enter_in_the_text_saves(
    store, running, content_dir, frozen_clock
):
    _with_a_note(store, running, frozen_clock)
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_edit(app, pilot)
        speaker = dialog.query_one("#edit-speaker", Input)
        assert speaker.has_focus and speaker.cursor_position == len(speaker.value)
        order = [app.focused.id if app.focused else None]
        for _ in range(5):
            await pilot.press("tab")
            order.append(app.focused.id if app.focused else None)
        assert order == ["edit-speaker", "edit-kind", "edit-text", "ok", "cancel", "edit-speaker"]
        await pilot.press("tab", "tab")  # the text, as the tester did
        text = dialog.query_one("#edit-text", Input)
        assert text.has_focus
        await pilot.press("ctrl+w", "ctrl+w", *"thực tiễn", "enter")  # fix a typo
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    (note,) = store.load_session(running).notes
    assert (note.text, note.speaker) == ("Cần liên hệ thực tiễn", "p02")
    assert notes_text.EDIT_CANCELLED not in messages


async def test_a_cancelled_edit_says_so_and_keeps_the_note(
    store, running, content_dir, frozen_clock
):
    _with_a_note(store, running, frozen_clock)
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_edit(app, pilot)
        dialog.query_one("#edit-text", Input).value = "Sửa dở"
        await pilot.press("tab", "tab", "tab", "tab")  # on Hủy
        assert app.focused is dialog.query_one("#cancel")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert messages == [notes_text.EDIT_CANCELLED]
        dialog = await _open_edit(app, pilot)
        dialog.query_one("#edit-text", Input).value = "Sửa dở lần hai"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert messages == [notes_text.EDIT_CANCELLED] * 2
    (note,) = store.load_session(running).notes
    assert note.text == "Cần liên hệ thục tiễn"


async def test_the_cancel_notice_is_on_the_screen(store, running, content_dir, frozen_clock):
    _with_a_note(store, running, frozen_clock)
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _open_edit(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        toasts = [t for t in app.screen.query(Toast) if "Đã hủy sửa ghi chép" in str(t.render())]
        assert toasts and app.screen.region.contains_region(toasts[0].region)
