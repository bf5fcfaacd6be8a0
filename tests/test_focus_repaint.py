"""Moving the focus repaints the two widgets concerned, not the whole screen: Textual's
screen repaints every widget when its focus changes, and every saved note moves the
focus back to the speaker box (issue 13)."""

from __future__ import annotations

from builders import make_app_with_messages
from note_helpers import SIZE, make_namesakes
from textual._compositor import Compositor
from textual.widgets import Input

from facilitator.ui.widgets.notes_list import NotesList


async def test_a_note_saved_moves_the_focus_without_rendering_the_whole_screen(
    store, content_dir, frozen_clock, monkeypatch
):
    session_id = make_namesakes(store, content_dir, frozen_clock)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, session_id)
    full: list[int] = []
    real = Compositor.render_full_update
    monkeypatch.setattr(
        Compositor,
        "render_full_update",
        lambda self, *a, **k: (full.append(1), real(self, *a, **k))[1],
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = app.screen.query_one("#note-text", Input)
        speaker = app.screen.query_one("#speaker", Input)
        text.focus()
        await pilot.pause()
        full.clear()
        await pilot.press(*"Ý kiến", "enter")
        await pilot.pause()
        assert full == []
        assert app.screen.focused is speaker and speaker.has_pseudo_class("focus")
        assert not text.has_pseudo_class("focus")
        notes = app.screen.query_one(NotesList)
        assert notes.option_count == 1 and "Ý kiến" in str(notes.get_option_at_index(0).prompt)
    assert [n.text for n in store.load_session(session_id).notes] == ["Ý kiến"]
