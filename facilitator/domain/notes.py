"""Notes taken during the meeting: their numbering, their time, and what may be edited."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from facilitator.domain.agenda import target_item
from facilitator.domain.models import Note, Session
from facilitator.domain.timing import afterwards_note_time
from facilitator.domain.vietnamese import clean_text
from facilitator.domain.vocab import NOTE_KINDS

NOTE_FIELDS = frozenset({"text", "kind", "speaker", "item"})
"""What may be changed on a note once it is taken."""


def next_note_number(session: Session) -> int:
    """The number after the highest "n<number>" id (ids are never reused after a delete)."""
    numbers = [int(n.id[1:]) for n in session.notes if n.id[:1] == "n" and n.id[1:].isdigit()]
    return max(numbers, default=0) + 1


def new_note(
    session: Session,
    number: int,
    text: str,
    kind: str,
    speaker: str | None,
    item: str | None,
    now: datetime,
) -> Note:
    """Note ``n<number>`` on the given (or current) item, stamped ``now`` — or, typed up
    afterwards, just after the item's last note, never the laptop's clock."""
    if kind not in NOTE_KINDS:
        raise ValueError(kind)
    target = target_item(session, item)
    at = afterwards_note_time(session, target) if session.typed_up_afterwards else now
    return Note(
        id=f"n{number}",
        item=target,
        at=at,
        text=clean_text(text).strip(),
        kind=kind,
        speaker=speaker,
    )


def edited_note(session: Session, note_id: str, changes: dict[str, Any]) -> Note:
    """The note with its allowed fields changed (text cleaned); unknown fields ignored."""
    old = next(n for n in session.notes if n.id == note_id)
    cleaned: dict[str, Any] = {
        k: clean_text(v).strip() if k == "text" else v
        for k, v in changes.items()
        if k in NOTE_FIELDS
    }
    return replace(old, **cleaned)


def with_note(session: Session, note: Note) -> Session:
    """``note`` added, or put in place of the note with its id."""
    if any(n.id == note.id for n in session.notes):
        return session.with_changes(
            notes=tuple(note if n.id == note.id else n for n in session.notes)
        )
    return session.with_changes(notes=(*session.notes, note))


def without_note(session: Session, note_id: str) -> Session:
    """The note with this id removed."""
    return session.with_changes(notes=tuple(n for n in session.notes if n.id != note_id))
