"""The notes of the current item, newest last; the screen edits or deletes the highlighted one."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.models import Note, Session
from facilitator.strings import ui as text
from facilitator.ui.plain import visible


def note_prompt(session: Session, note: Note) -> Content:
    """ "10:05 Ý kiến · Nguyễn Văn An: text"."""
    person = session.person(note.speaker)
    speaker = visible(person.name) if person else text.UNKNOWN_SPEAKER
    kind = text.NOTE_KIND.get(note.kind, note.kind)
    return Content.assemble(
        (f"{note.at:%H:%M} {kind}", "bold"),
        f" · {speaker}: ",
        visible(note.text).replace("\n", " "),
    )


class NotesList(OptionList):
    """Options carry note ids."""

    def show(self, session: Session, notes: tuple[Note, ...]) -> None:
        """List ``notes`` (keeps the highlight where it was)."""
        keep = self.highlighted
        self.set_options([Option(note_prompt(session, n), id=n.id) for n in notes])
        if notes:
            self.highlighted = len(notes) - 1 if keep is None else min(keep, len(notes) - 1)

    @property
    def highlighted_note(self) -> str | None:
        """Id of the highlighted note, if any."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
