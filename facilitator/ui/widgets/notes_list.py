"""The notes of the current item, newest last; the screen edits or deletes the highlighted one."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.models import Note, Session
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import visible


def note_prompt(session: Session, note: Note) -> Content:
    """ "10:05 Ý kiến · Nguyễn Văn An: text"."""
    person = session.person(note.speaker)
    speaker = visible(person.name) if person else ui_text.UNKNOWN_SPEAKER
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
        self._people: object = None

    def show(self, session: Session, notes: tuple[Note, ...]) -> None:
        """List ``notes``: a new note is highlighted and scrolled into view (the secretary
        checks what was just saved); otherwise the highlight stays where it was.

        A note saved after the ones shown is appended: rebuilding the list measured and
        wrapped every option again, 270 ms with 5,000 notes (issue 13). Anything else (an
        edit, a delete, another item, a changed roster) lists them all again."""
        keep = self.highlighted
        shown = self._shown
        grew = len(notes) > len(shown)
        appended = (
            session.people is self._people
            and len(notes) >= len(shown)
            and all(old is new for old, new in zip(shown, notes[: len(shown)], strict=True))
        )
        fresh = notes[len(shown) :] if appended else notes
        options = [Option(note_prompt(session, n), id=n.id) for n in fresh]
        if appended:
            self.add_options(options)
        else:
            self.set_options(options)
        self._shown, self._people = notes, session.people
        if notes:
            newest = keep is None or grew
            self.highlighted = len(notes) - 1 if newest else min(keep or 0, len(notes) - 1)
            self.scroll_to_highlight()

    @property
    def highlighted_note(self) -> str | None:
        """Id of the highlighted note, if any."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
