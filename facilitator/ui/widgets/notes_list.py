"""The notes of the current item, newest last; the screen edits or deletes the highlighted one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.models import Note, Session
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import visible


def speaker_label(session: Session, note: Note) -> str:
    """Who said ``note``, as the list shows it."""
    person = session.person(note.speaker)
    return visible(person.name) if person else ui_text.UNKNOWN_SPEAKER


def note_prompt(session: Session, note: Note) -> Content:
    """ "10:05 Ý kiến · Nguyễn Văn An: text"."""
    speaker = speaker_label(session, note)
    kind = ui_text.NOTE_KIND.get(note.kind, note.kind)
    return Content.assemble(
        (f"{note.at:%H:%M} {kind}", "bold"),
        f" · {speaker}: ",
        visible(note.text).replace("\n", " "),
    )


class NotesList(OptionList):
    """Options carry note ids."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Note, ...] = ()
        self._stored: tuple[Note, ...] | None = None
        """The session's notes when the list was last drawn (None: never drawn)."""
        self._item: str | None = None
        self._people: object = None
        self._in_place = False
        """Set while options are added: the list's new height needs no screen layout."""

    def show(self, session: Session, item_id: str | None) -> None:
        """List the notes of ``item_id``: a new note is highlighted and scrolled into view
        (the secretary checks what was just saved); otherwise the highlight stays.

        Notes saved after the ones shown are appended: rebuilding the list measured and
        wrapped every option again, 270 ms with 5,000 notes, and finding the item's notes
        among all of them again grew with the meeting (issue 13). Anything else (an
        edit, a delete, another item, a changed roster) lists them all again."""
        keep = self.highlighted
        if item_id != self._item:
            self.say(None)  # what was said was about the other item's notes
        fresh = self._appended(session, item_id)
        if fresh is None:
            notes = session.notes_for(item_id) if item_id else ()
            grew = len(notes) > len(self._shown)
            options = [Option(note_prompt(session, n), id=n.id) for n in notes]
            self._in_own_box(lambda: self.set_options(options))
            self._shown = notes
        else:
            grew = bool(fresh)
            options = [Option(note_prompt(session, n), id=n.id) for n in fresh]
            self._in_own_box(lambda: self.add_options(options))
            self._shown += fresh
        self._stored, self._item, self._people = session.notes, item_id, session.people
        if self._shown:
            newest = keep is None or grew
            count = len(self._shown)
            self.highlighted = count - 1 if newest else min(keep or 0, count - 1)
            self.scroll_to_highlight()

    def _appended(self, session: Session, item_id: str | None) -> tuple[Note, ...] | None:
        """The item's notes saved since the last draw, in time order, when they go after
        the ones shown; None when the list must be drawn again."""
        stored = self._stored
        if stored is None or item_id != self._item or session.people is not self._people:
            return None
        # Compared element by element, each the same object unless it changed: C speed.
        if len(session.notes) < len(stored) or session.notes[: len(stored)] != stored:
            return None
        fresh = sorted(
            (n for n in session.notes[len(stored) :] if n.item == item_id), key=lambda n: n.at
        )
        if fresh and self._shown and fresh[0].at < self._shown[-1].at:
            return None  # typed with an earlier time: its place is among the others
        return tuple(fresh)

    def _in_own_box(self, change: Callable[[], object]) -> None:
        """Run ``change`` (options set or added) repainting only the list.

        OptionList sets its ``virtual_size``, a layout reactive, when options change, so
        every saved note laid the whole run screen out and rendered each of its widgets
        again (issue 13), while the list's box (CSS height) stays the same size. Only a
        scrollbar appearing or going changes the layout: then it is laid out."""
        if self.styles.auto_dimensions:
            change()
            return
        bars = (self.show_vertical_scrollbar, self.show_horizontal_scrollbar)
        self._in_place = True
        try:
            change()
        finally:
            self._in_place = False
        if (self.show_vertical_scrollbar, self.show_horizontal_scrollbar) != bars:
            self.refresh(layout=True)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._in_place:
            layout = False  # see _in_own_box
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def say(self, message: str | None) -> None:
        """Confirm on the list's lower border what was just written to it (None: nothing).

        Not a notification: mounting a toast laid the whole run screen out, half the cost
        of a saved note in a real terminal (issue 13), and at 80x24 it covered the notes
        the secretary checks. The border is repainted with the list, which changed anyway.
        """
        # As Content, not a str: a name or a note is never read as markup.
        self.border_subtitle = None if message is None else Content(message)

    @property
    def highlighted_note(self) -> str | None:
        """Id of the highlighted note, if any."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
