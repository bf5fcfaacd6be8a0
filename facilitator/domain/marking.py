"""Marking attendance and adding people on the spot: the rules, as pure functions."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from facilitator.domain.models import Attendance, Person, Session
from facilitator.domain.timing import check_arrival, check_departure, default_arrival
from facilitator.domain.vietnamese import clean_line
from facilitator.domain.vocab import ATTENDANCE_STATUSES, AttendanceStatus


def marked(
    session: Session,
    person_id: str,
    status: str,
    reason: str | None,
    arrived_at: datetime | None,
    now: datetime,
) -> Session:
    """``person_id`` marked ``status`` (reason cleaned).

    "late" takes ``arrived_at`` as typed, else the arrival already known, else the default
    (now only during the live meeting on its day, otherwise the start); an arrival before
    the start is refused. A departure is kept while the person stays present, unless the
    new arrival falls after it (then that departure was wrong).
    """
    if status not in ATTENDANCE_STATUSES:
        raise ValueError(status)
    previous = session.attendance_of(person_id)
    arrived = None
    if status == AttendanceStatus.LATE:
        known = previous.arrived_at if previous else None
        arrived = arrived_at or known or default_arrival(session, now)
        check_arrival(session, arrived)
    present = status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
    left = previous.left_at if previous and present else None
    if left is not None and arrived is not None and left < arrived:
        left = None
    record = Attendance(
        person=person_id,
        status=status,
        arrived_at=arrived,
        left_at=left,
        reason=clean_line(reason) if reason else None,
    )
    return session.with_changes(attendance=(*unmarked(session, person_id).attendance, record))


def unmarked(session: Session, person_id: str) -> Session:
    """``person_id``'s attendance mark forgotten."""
    return session.with_changes(
        attendance=tuple(a for a in session.attendance if a.person != person_id)
    )


def left_early(session: Session, person_id: str, left_at: datetime | None) -> Session:
    """When a present member left (with ``None``, forgotten); checked against the meeting
    and the person's arrival. Someone never marked is left as they were."""
    record = session.attendance_of(person_id)
    if left_at is not None:
        check_departure(session, record, left_at)
    if record is None:
        return session
    attendance = tuple(
        replace(a, left_at=left_at) if a.person == person_id else a for a in session.attendance
    )
    return session.with_changes(attendance=attendance)


def guest_id(session: Session) -> str:
    """A fresh id for someone added on the spot: "x" and the first free number from the
    count of people (ids of people removed or imported are never taken twice)."""
    taken = {p.id for p in session.people}
    number = len(session.people) + 1
    while f"x{number:03d}" in taken:
        number += 1
    return f"x{number:03d}"


def with_person(
    session: Session, name: str, category: str, position: str, *, present: bool
) -> tuple[Session, Person]:
    """A guest or someone not on the roster added (present, unless told otherwise)."""
    person = Person(
        id=guest_id(session),
        name=clean_line(name),
        category=category,
        position=clean_line(position),
    )
    attendance = session.attendance
    if present:
        attendance = (
            *attendance,
            Attendance(person=person.id, status=AttendanceStatus.PRESENT.value),
        )
    return session.with_changes(people=(*session.people, person), attendance=attendance), person
