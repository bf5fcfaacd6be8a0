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

    def show(self, session: Session, notes: tuple[Note, ...]) -> None:
        """List ``notes``: a new note is highlighted and scrolled into view (the secretary
        checks what was just saved); otherwise the highlight stays where it was."""
        keep = self.highlighted
        grew = len(notes) > self.option_count
        self.set_options([Option(note_prompt(session, n), id=n.id) for n in notes])
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
