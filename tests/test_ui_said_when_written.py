"""The console says a change is saved only once it is: a failed write shows its own
message, and "Đã lưu" after it would be a false statement about the record."""

from __future__ import annotations

import pytest
from builders import make_app
from textual.widgets import Input

from facilitator.domain.errors import StoreError
from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.screens.run import RunScreen

SIZE = (80, 24)
FAILED = "Ổ đĩa đầy: chưa lưu được."


@pytest.mark.parametrize(
    ("key", "method"), [("f7", "update_item"), ("f8", "set_conclusion")], ids=["item", "overall"]
)
async def test_a_conclusion_that_failed_to_save_is_not_called_saved(
    store, running, content_dir, frozen_clock, monkeypatch, key, method
):
    def full_disk(self: SessionService, *args: object, **kwargs: object) -> None:
        raise StoreError(FAILED)

    monkeypatch.setattr(SessionService, method, full_disk)
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key, *"Cử đ/c Bình.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        messages = [str(n.message) for n in app._notifications]
        assert FAILED in messages and ui_text.CONCLUSION_SAVED not in messages
    session = store.load_session(running)
    assert session.conclusion == "" and all(i.conclusion == "" for i in session.agenda)


async def test_a_saved_note_is_confirmed_on_the_notes_border_until_a_write_fails(
    store, running, content_dir, frozen_clock, monkeypatch
):
    from facilitator.ui.widgets.notes_list import NotesList

    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = app.screen.query_one(NotesList)
        await pilot.press("f3", *"nguyen van a", "enter", *"Đồng ý", "enter")
        await pilot.pause()
        assert notes.border_subtitle == "Đã lưu ghi chép 07:30 · Nguyễn Văn An"
        assert not app._notifications  # a toast covered the notes at 80x24

        def full_disk(self: SessionService, *args: object, **kwargs: object) -> None:
            raise StoreError(FAILED)

        with monkeypatch.context() as patch:
            patch.setattr(SessionService, "add_note", full_disk)
            await pilot.press("f3", "enter", *"Ý kiến thứ hai", "enter")
            await pilot.pause()
        assert notes.border_subtitle is None  # the first "Đã lưu" would read as this one's
        assert FAILED in [str(n.message) for n in app._notifications]
        assert app.screen.query_one("#note-text", Input).value == "Ý kiến thứ hai"  # kept

        await pilot.press("enter")  # the disk is back: the same text is saved
        await pilot.pause()
        assert notes.border_subtitle == "Đã lưu ghi chép 07:30 · (không rõ người nói)"
        await pilot.press("ctrl+right")  # another item's notes: nothing said about them
        await pilot.pause()
        assert notes.border_subtitle is None
    texts = [n.text for n in store.load_session(running).notes]
    assert texts == ["Đồng ý", "Ý kiến thứ hai"]
