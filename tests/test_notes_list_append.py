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


async def test_only_the_items_notes_are_listed_in_time_order_whatever_their_saving_order() -> None:
    from dataclasses import replace
    from datetime import timedelta

    from crash_writer import ICT, demo_session
    from textual.app import App, ComposeResult

    from facilitator.domain.models import Note

    class Notes(App[None]):
        def compose(self) -> ComposeResult:
            yield NotesList(id="notes")

    session = demo_session("s", people=3)
    at = session.started_at.astimezone(ICT)

    def note(n: int, item: str, minutes: int) -> Note:
        return Note(f"n{n}", item, at + timedelta(minutes=minutes), f"Ý kiến {n}")

    def texts(widget: NotesList) -> list[str]:
        prompts = (str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
        return [p.rsplit(": ", 1)[1] for p in prompts]

    app = Notes()
    async with app.run_test() as pilot:
        widget = app.query_one(NotesList)
        session = replace(session, notes=(note(1, "phan-1", 1), note(2, "phan-2", 2)))
        widget.show(session, "phan-1")
        await pilot.pause()
        assert texts(widget) == ["Ý kiến 1"]
        first = widget.get_option_at_index(0)
        # Saved later: one under another item, one for this item at a later time.
        session = replace(
            session, notes=(*session.notes, note(3, "phan-2", 3), note(4, "phan-1", 4))
        )
        widget.show(session, "phan-1")
        await pilot.pause()
        assert texts(widget) == ["Ý kiến 1", "Ý kiến 4"]
        assert widget.get_option_at_index(0) is first  # appended, not rebuilt
        assert widget.highlighted == 1
        # Saved last but typed with an earlier time: listed in its place.
        session = replace(session, notes=(*session.notes, note(5, "phan-1", 2)))
        widget.show(session, "phan-1")
        await pilot.pause()
        assert texts(widget) == ["Ý kiến 1", "Ý kiến 5", "Ý kiến 4"]
        # Another item, then a deleted note: drawn again from the session.
        widget.show(session, "phan-2")
        await pilot.pause()
        assert texts(widget) == ["Ý kiến 2", "Ý kiến 3"]
        session = replace(session, notes=session.notes[1:])
        widget.show(session, "phan-1")
        await pilot.pause()
        assert texts(widget) == ["Ý kiến 5", "Ý kiến 4"]


async def test_a_note_added_repaints_the_list_without_laying_the_screen_out() -> None:
    """The list's box keeps its size: adding a note must not re-arrange the screen (it
    rendered every widget of the run screen again on each save), but the new note is
    still scrolled into view, and a scrollbar that appears is laid out."""
    from dataclasses import replace
    from datetime import timedelta

    from crash_writer import ICT, demo_session
    from textual.app import App, ComposeResult

    from facilitator.domain.models import Note

    class Notes(App[None]):
        CSS = "NotesList { height: 6; }"

        def compose(self) -> ComposeResult:
            yield NotesList(id="notes")

    session = demo_session("s", people=3)
    at = session.started_at.astimezone(ICT)

    def with_notes(count: int) -> object:
        notes = tuple(
            Note(f"n{k}", "phan-1", at + timedelta(minutes=k), f"Ý kiến {k}") for k in range(count)
        )
        return replace(session, notes=notes)

    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        widget = app.query_one(NotesList)
        layouts: list[int] = []
        real = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (layouts.append(1), real(*a, **k))[1]  # type: ignore[method-assign]
        widget.show(with_notes(2), "phan-1")  # type: ignore[arg-type]
        await pilot.pause()
        assert not widget.show_vertical_scrollbar
        layouts.clear()
        widget.show(with_notes(8), "phan-1")  # type: ignore[arg-type]
        await pilot.pause()
        assert widget.show_vertical_scrollbar and layouts, "a scrollbar appearing is laid out"
        layouts.clear()
        widget.show(with_notes(9), "phan-1")  # type: ignore[arg-type]
        await pilot.pause()
        assert layouts == []
        assert widget.option_count == 9 and widget.highlighted == 8
        assert widget.virtual_size.height == 9
        assert widget.scroll_y == widget.max_scroll_y > 0  # the new note is in view
        shown = "\n".join(strip.text for strip in widget.render_lines(widget.region))
        assert "Ý kiến 8" in shown and "Ý kiến 0" not in shown
