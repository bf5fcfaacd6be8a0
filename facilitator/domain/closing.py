"""Closing a session once its minutes are approved, and reopening it."""

from __future__ import annotations

from datetime import datetime

from facilitator.domain.agenda import stopped
from facilitator.domain.errors import InputError
from facilitator.domain.models import Approval, Event, Person, Session
from facilitator.domain.timing import check_arrivals_by, end_time
from facilitator.domain.vietnamese import clean_line
from facilitator.domain.vocab import ATTENDING, SessionMode, SessionStatus
from facilitator.domain.votes import VoteOutcome, outcome
from facilitator.strings import closing as closing_text
from facilitator.strings import timing as timing_text


def absent_speakers(session: Session) -> tuple[tuple[Person, str | None, int], ...]:
    """People the notes have speaking whom the attendance does not have present: (person,
    their mark or ``None`` if unmarked, how many notes). The minutes would say both; the
    approval shows them so one of the two is put right before it is frozen."""
    spoken: dict[str, int] = {}
    for note in session.notes:
        if note.speaker is not None:
            spoken[note.speaker] = spoken.get(note.speaker, 0) + 1
    found = []
    for person_id, count in spoken.items():
        person = session.person(person_id)
        record = session.attendance_of(person_id)
        if person is not None and (record is None or record.status not in ATTENDING):
            found.append((person, record.status if record else None, count))
    return tuple(sorted(found, key=lambda f: f[0].sort_key))


def check_closable(session: Session) -> None:
    """Typed up afterwards, the end must have been entered: it is never stamped."""
    if session.typed_up_afterwards and session.ended_at is None:
        raise InputError(timing_text.END_REQUIRED)


def check_approval(votes_for: int, base: int) -> None:
    """The minutes are approved by more than half of the members entitled to vote (the
    rule of every vote); a count above the base cannot have been taken."""
    if base > 0 and votes_for > base:
        raise InputError(closing_text.approve_too_many(votes_for, base))
    if outcome(votes_for, base) is VoteOutcome.FAILED:
        raise InputError(closing_text.approve_minority(votes_for, base))


def closed(session: Session, now: datetime, votes_for: int | None, base: int) -> Session:
    """Approved by ``votes_for`` of ``base`` (all of them when not given) and frozen.

    The minutes are read back and approved as the meeting closes (HD 12): typed up
    afterwards, that moment is the entered end (required), never the laptop's clock;
    the "closed" event then carries the same time, marked as taken from the paper.
    """
    check_closable(session)
    if votes_for is not None:
        check_approval(votes_for, base)
    afterwards = session.typed_up_afterwards
    ended = session.ended_at if afterwards else end_time(session, now)
    if ended is not None:
        check_arrivals_by(session, ended)
    at = ended if afterwards and ended is not None else now
    approval = Approval(at=at, for_=base if votes_for is None else votes_for, base=base)
    detail = SessionMode.AFTERWARDS.value if afterwards else ""
    return stopped(session).with_changes(
        status=SessionStatus.CLOSED.value,
        ended_at=ended,
        approved=approval,
        events=(*session.events, Event(at=at, kind="closed", detail=detail)),
    )


def reopened(session: Session, now: datetime, reason: str) -> Session:
    """Running again, the approval withdrawn; the reopening and its reason recorded."""
    event = Event(at=now, kind="reopened", detail=clean_line(reason))
    return session.with_changes(
        status=SessionStatus.RUNNING.value, approved=None, events=(*session.events, event)
    )
