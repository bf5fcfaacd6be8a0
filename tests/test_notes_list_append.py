"""A saved note is appended to the notes list; the notes already listed are not built again
(with 5,000 notes a rebuild cost 270 ms a save), and an edit still shows at once."""

from __future__ import annotations

from builders import make_app_with_messages
from note_helpers import SIZE, make_namesakes

from facilitator.ui.widgets.notes_list import NotesList


async def test_a_new_note_is_appended_and_an_edit_redraws(store, content_dir, frozen_clock):
    session_id = make_namesakes(store, content_dir, frozen_clock)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for text in ("Một", "Hai"):
            app.screen.query_one("#note-text").focus()
            await pilot.press(*text, "enter")
            await pilot.pause()
        notes = app.screen.query_one(NotesList)
        before = [notes.get_option_at_index(i) for i in range(notes.option_count)]
        app.screen.query_one("#note-text").focus()
        await pilot.press(*"Ba", "enter")
        await pilot.pause()
        after = [notes.get_option_at_index(i) for i in range(notes.option_count)]
        assert (
            len(after) == 3
            and after[:2] == before
            and all(a is b for a, b in zip(after[:2], before, strict=True))
        )
        assert notes.highlighted == 2 and "Ba" in str(after[2].prompt)
        service = app.screen.service  # type: ignore[attr-defined]
        first = service.session.notes[0]
        service.edit_note(first.id, text="Một (đã sửa)")
        await pilot.pause()
        assert "Một (đã sửa)" in str(notes.get_option_at_index(0).prompt)
        assert notes.option_count == 3
    assert [n.text for n in store.load_session(session_id).notes] == ["Một (đã sửa)", "Hai", "Ba"]
