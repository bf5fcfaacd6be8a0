"""Every write is checked by the rules that loading and import apply (one validator).

Without this the store could save what its own loader then refuses — a vote above its
base, a note by an unknown person — and one such write made a whole session unreadable.
A refused change raises before anything touches the disk; memory is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from facilitator.bundle.validate import validate_session
from facilitator.domain.errors import InputError
from facilitator.domain.models import Note, Session
from facilitator.domain.votes import voting_base
from facilitator.strings import store as store_text


def check_write(session: Session, notes: Sequence[Note] = ()) -> dict[str, Any]:
    """Refuse ``session`` (with ``notes``, the notes being written) if a reload would.

    Returns the checked stored form (its ``notes`` being ``notes``), so the writer does
    not build it a second time.

    Only the notes being written are checked with the session: the others were checked
    when they were saved, so a note's cost does not grow with the meeting.

    Raises:
        InputError: with each problem located by its JSON path.
    """
    # Without its stored notes: serialising thousands of notes per keystroke was most of
    # a late note's cost, and only the notes being written are checked anyway.
    data = replace(session, notes=()).to_dict()
    data["notes"] = [note.to_dict() for note in notes]
    # The base from the session at hand: decoding 500 people again cost each mark of a
    # meeting that had voted.
    problems = validate_session(
        data, base_of=partial(voting_base, session.people, session.attendance)
    )
    if problems:
        raise InputError(store_text.WRITE_REFUSED, problems)
    return data
