"""Going through the agenda: which item is current, and how long each one took.

Pure functions on :class:`Session`: each returns the changed snapshot (or a choice) and
the service saves it. The time spent on an item is banked when it is left, so the
current visit plus ``spent_seconds`` survives a crash and a restart.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from facilitator.domain.errors import InputError
from facilitator.domain.models import AgendaItem, Progress, Session
from facilitator.domain.timing import fit_attendance
from facilitator.domain.vietnamese import clean_text
from facilitator.domain.vocab import SessionMode, SessionStatus
from facilitator.strings import store as store_text

ITEM_FIELDS = frozenset({"minutes", "skipped", "presenter", "conclusion", "title"})
"""What may be changed on an agenda item once it is in the session."""


def first_kept(agenda: tuple[AgendaItem, ...]) -> AgendaItem | None:
    """The first item that is not skipped, if any."""
    return next((i for i in agenda if not i.skipped), None)


def edit_item(session: Session, item_id: str, changes: dict[str, Any]) -> Session:
    """One item's allowed fields changed (text cleaned); unknown fields are ignored."""
    cleaned: dict[str, Any] = {
        k: clean_text(v) if isinstance(v, str) else v
        for k, v in changes.items()
        if k in ITEM_FIELDS
    }
    agenda = tuple(
        replace(item, **cleaned) if item.id == item_id else item for item in session.agenda
    )
    return session.with_changes(agenda=agenda)


def begin(session: Session, started: datetime, *, afterwards: bool) -> Session:
    """The meeting running from ``started``; arrivals marked before moved inside it.
    ``afterwards``: the minutes are typed up later, so the clock stays out from here on."""
    return session.with_changes(
        status=SessionStatus.RUNNING.value,
        started_at=started,
        mode=SessionMode.AFTERWARDS.value if afterwards else session.mode,
        attendance=fit_attendance(session.attendance, started, session.ended_at),
    )


def previews(session: Session) -> bool:
    """Stepping only shows an item, stamping no time and starting no timer: before the
    meeting (planned), and when typed up afterwards (the laptop's clock says nothing
    about the meeting)."""
    return session.status == SessionStatus.PLANNED or session.typed_up_afterwards


def enter(session: Session, item_id: str, now: datetime | None) -> Session:
    """``item_id`` made current at ``now``, the time on the item being left banked; only
    a preview when :func:`previews` (then ``now`` may be ``None``)."""
    if now is None or previews(session):
        return session.with_changes(progress=Progress(current=item_id, entered_at=None))
    agenda = list(session.agenda)
    current, entered = session.progress.current, session.progress.entered_at
    for index, item in enumerate(agenda):
        if item.id == current and entered is not None:
            spent = item.spent_seconds + (now - entered).total_seconds()
            agenda[index] = replace(item, spent_seconds=max(spent, 0.0), ended_at=now)
        if item.id == item_id and item.started_at is None:
            agenda[index] = replace(agenda[index], started_at=now)
    return session.with_changes(
        agenda=tuple(agenda), progress=Progress(current=item_id, entered_at=now)
    )


def stopped(session: Session) -> Session:
    """No timer running any more (the current item stays current)."""
    return session.with_changes(
        progress=Progress(current=session.progress.current, entered_at=None)
    )


def step_target(session: Session, delta: int) -> str | None:
    """The next (+1) or previous (-1) item that is not skipped; ``None`` when there is none
    or it is the current one.

    Positions are taken in the full agenda, so stepping from an item that was just
    skipped moves to its neighbour rather than back to the start.
    """
    agenda = session.agenda
    current = session.progress.current
    ids = [i.id for i in agenda]
    position = ids.index(current) if current in ids else -1
    candidates = range(position + 1, len(agenda)) if delta > 0 else range(position - 1, -1, -1)
    if position == -1 and delta <= 0:
        candidates = range(len(agenda))
    target = next((agenda[i].id for i in candidates if not agenda[i].skipped), None)
    return None if target == current else target


def elapsed(session: Session, item_id: str, now: datetime) -> float:
    """Seconds spent on an item, including the running visit."""
    item = session.item(item_id)
    if item is None:
        return 0.0
    seconds = item.spent_seconds
    entered = session.progress.entered_at
    if session.progress.current == item_id and entered and not session.is_closed:
        seconds += (now - entered).total_seconds()
    return max(seconds, 0.0)


def target_item(session: Session, item: str | None) -> str:
    """The item a note or vote belongs to: the given one, the current one, or (before the
    meeting started) the first kept item; a record never points at nothing."""
    target = item or session.progress.current
    if target is None or session.item(target) is None:
        kept = [i for i in session.agenda if not i.skipped] or list(session.agenda)
        if not kept:
            raise InputError(store_text.NO_AGENDA)
        target = kept[0].id
    return target
