"""The meeting's times as people enter them, and the rules they obey.

A secretary types "03/05/2024 07:30" for the meeting and "07:45" for a latecomer; these
helpers read such text (raising :class:`InputError` with a Vietnamese message), pick
sensible defaults, and check the order of events: nobody arrives before the meeting
starts, nobody leaves before arriving, nothing ends before it starts. Times are compared
to the minute, because that is all a person types and all the minutes print.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo

from facilitator.domain.errors import InputError
from facilitator.domain.models import AgendaItem, Attendance, Note, Session
from facilitator.strings import timing as timing_text

_CLOCK = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH.]\s*(\d{1,2})?)?\s*(?:phút)?\s*$")
_MOMENT = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*[ ,]\s*(.+)$")


STALE_AFTER = timedelta(hours=12)
"""No meeting, nor any item of one, runs this long. A clock counting from longer ago is
a meeting reopened days after it began (or a file left behind): its timer would read
thousands of hours. A meeting that runs past midnight is not stale."""


def is_stale(since: datetime, now: datetime) -> bool:
    """Whether a clock started at ``since`` has run longer than :data:`STALE_AFTER`.

    The run screen and the projector share this rule, so they never disagree about a
    meeting. A naive stamp (a hand-edited file) cannot meet an aware clock: not stale.
    """
    try:
        return now - since > STALE_AFTER
    except TypeError:
        return False


def minute(moment: datetime) -> datetime:
    """``moment`` to the minute (seconds and below dropped)."""
    return moment.replace(second=0, microsecond=0)


def format_moment(moment: datetime | None) -> str:
    """ "03/05/2024 07:30" (what the time dialogs show and read), "" for none."""
    return f"{moment:%d/%m/%Y %H:%M}" if moment else ""


def format_hm(moment: datetime | None) -> str:
    """ "07:45", "" for none."""
    return f"{moment:%H:%M}" if moment else ""


def parse_clock(value: str, day: date, tz: tzinfo | None) -> datetime:
    """ "07:45", "7h45", "7:5" or "8" on ``day``; a full "dd/mm/yyyy hh:mm" is read as is."""
    if _MOMENT.match(value):
        return parse_moment(value, tz)
    match = _CLOCK.match(value)
    if not match:
        raise InputError(timing_text.BAD_CLOCK)
    hour, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minutes > 59:
        raise InputError(timing_text.BAD_CLOCK)
    return datetime(day.year, day.month, day.day, hour, minutes, tzinfo=tz)


def parse_moment(value: str, tz: tzinfo | None) -> datetime:
    """ "03/05/2024 07:30" (also "3/5/2024 7h30") as an aware datetime in ``tz``."""
    match = _MOMENT.match(value)
    if not match:
        raise InputError(timing_text.BAD_MOMENT)
    day, month, year = (int(match.group(i)) for i in (1, 2, 3))
    try:
        on = date(year, month, day)
    except ValueError:
        raise InputError(timing_text.NO_SUCH_DATE.format(value=value.split()[0])) from None
    try:
        return parse_clock(match.group(4), on, tz)
    except InputError:
        raise InputError(timing_text.BAD_MOMENT) from None


def read_moment(value: str, tz: tzinfo | None, kept: datetime | None = None) -> datetime | None:
    """What a time box holds: ``None`` when blank, ``kept`` itself when the text still shows
    it (so its seconds survive an unchanged field), else the parsed text."""
    if not value.strip():
        return None
    if kept is not None and " ".join(value.split()) == format_moment(kept):
        return kept
    return parse_moment(value, tz)


def read_clock(
    value: str, day: date, tz: tzinfo | None, kept: datetime | None = None
) -> datetime | None:
    """Like :func:`read_moment` for an "hh:mm" box on ``day``."""
    if not value.strip():
        return None
    if kept is not None and value.strip() in (format_hm(kept), format_moment(kept)):
        return kept
    return parse_clock(value, day, tz)


# -- defaults ------------------------------------------------------------------------------


def is_live_now(session: Session, now: datetime) -> bool:
    """The clock can be believed: the meeting is held live, today is its day, it has
    begun (or is about to be begun by this very key) and has not ended."""
    start = session.started_at
    return (
        not session.typed_up_afterwards
        and now.date() == start.date()
        and minute(now) >= minute(start)
        and (session.ended_at is None or now <= session.ended_at)
    )


def default_arrival(session: Session, now: datetime) -> datetime:
    """A latecomer's arrival to propose: now during the live meeting; typed up afterwards,
    when the item under way began (entered, else planned): a latecomer noticed while item
    4 is typed up did not come at the opening; else the meeting's start."""
    return minute(now) if is_live_now(session, now) else minute(_typed_up_moment(session))


def default_departure(session: Session, record: Attendance, now: datetime) -> datetime:
    """An early leaver's time to propose: now during the live meeting, else the latest of
    the moment reached (as for arrivals) and the person's arrival."""
    if is_live_now(session, now):
        return minute(now)
    return minute(max(_typed_up_moment(session), record.arrived_at or session.started_at))


def _typed_up_moment(session: Session) -> datetime:
    """Where the minutes typed up so far have got to: the current item's start."""
    current = session.progress.current
    item = session.item(current) if current else None
    if item is None or session.status != "running":
        return session.started_at
    return max(item.started_at or planned_start(session, item.id), session.started_at)


def is_other_day(session: Session, now: datetime) -> bool:
    """F5 pressed on a day other than the planned one: the clock must not be trusted."""
    return now.astimezone(session.started_at.tzinfo).date() != session.started_at.date()


# -- rules ---------------------------------------------------------------------------------


def check_arrival(session: Session, arrived: datetime) -> None:
    """Nobody arrives late before the meeting starts, or after it ended."""
    if minute(arrived) < minute(session.started_at):
        raise InputError(
            timing_text.ARRIVAL_BEFORE_START.format(
                time=format_hm(arrived), start=format_hm(session.started_at)
            )
        )
    if session.ended_at is not None and minute(arrived) > minute(session.ended_at):
        raise InputError(
            timing_text.ARRIVAL_AFTER_END.format(
                time=format_hm(arrived), end=format_hm(session.ended_at)
            )
        )


def check_arrivals_by(session: Session, ended: datetime) -> None:
    """Before the minutes are frozen with ``ended`` as the end: nobody is recorded as
    arriving after it (a time typed ahead of the clock said so in approved minutes)."""
    for record in session.attendance:
        if record.arrived_at is not None and minute(record.arrived_at) > minute(ended):
            person = session.person(record.person)
            raise InputError(
                timing_text.ARRIVED_AFTER_END.format(
                    name=person.name if person else record.person,
                    time=format_hm(record.arrived_at),
                    end=format_hm(ended),
                )
            )


def check_departure(session: Session, record: Attendance | None, left: datetime) -> None:
    """Only someone present leaves early, not before arriving, not after the meeting ended."""
    if record is None or not record.is_present:
        raise InputError(timing_text.LEFT_NOT_PRESENT)
    shown = format_hm(left)
    if minute(left) < minute(session.started_at):
        raise InputError(
            timing_text.LEFT_BEFORE_START.format(time=shown, start=format_hm(session.started_at))
        )
    if record.arrived_at is not None and minute(left) < minute(record.arrived_at):
        raise InputError(
            timing_text.LEFT_BEFORE_ARRIVAL.format(time=shown, arrived=format_hm(record.arrived_at))
        )
    if session.ended_at is not None and minute(left) > minute(session.ended_at):
        raise InputError(
            timing_text.LEFT_AFTER_END.format(time=shown, end=format_hm(session.ended_at))
        )


def check_times(
    started: datetime,
    ended: datetime | None,
    items: Iterable[tuple[int, datetime | None, datetime | None]],
) -> None:
    """End not before start, for the meeting and for each (numbered) item; items inside it."""
    if ended is not None and minute(ended) < minute(started):
        raise InputError(timing_text.END_BEFORE_START)
    for number, item_start, item_end in items:
        if item_start is not None and minute(item_start) < minute(started):
            raise InputError(timing_text.ITEM_BEFORE_MEETING.format(number=number))
        if (
            item_start is not None
            and item_end is not None
            and minute(item_end) < minute(item_start)
        ):
            raise InputError(timing_text.ITEM_END_BEFORE_START.format(number=number))
        if ended is not None and item_end is not None and minute(item_end) > minute(ended):
            raise InputError(timing_text.ITEM_AFTER_MEETING.format(number=number))


def fit_attendance(
    attendance: Iterable[Attendance], started: datetime, ended: datetime | None
) -> tuple[Attendance, ...]:
    """Arrivals and departures moved inside a meeting whose times changed: a latecomer
    marked before F5 (or before the start was corrected) did not arrive before it began."""
    fitted = []
    for record in attendance:
        arrived, left = record.arrived_at, record.left_at
        if arrived is not None and minute(arrived) < minute(started):
            arrived = started
        if left is not None and minute(left) < minute(arrived or started):
            left = arrived or started
        if left is not None and ended is not None and minute(left) > minute(ended):
            left = ended
        changed = (arrived, left) != (record.arrived_at, record.left_at)
        fitted.append(replace(record, arrived_at=arrived, left_at=left) if changed else record)
    return tuple(fitted)


def fit_notes(
    notes: Iterable[Note], agenda: Iterable[AgendaItem], *, afterwards: bool
) -> tuple[Note, ...]:
    """Notes moved inside their item after its times were corrected, keeping their order.

    Typed up afterwards, a note's time is made up (the item's start plus a second per
    note): when any note of an item falls outside it, all its notes follow the corrected
    start, one second apart. Held live, a note's clock time is true, so only the notes
    outside the item move, to its start or end (ties keep the order they were taken in).
    """
    notes = tuple(notes)
    fitted = {n.id: n for n in notes}
    for item in agenda:
        start, end = item.started_at, item.ended_at
        if start is None:
            continue
        own = sorted((n for n in notes if n.item == item.id), key=lambda n: n.at)

        def outside(at: datetime, start: datetime = start, end: datetime | None = end) -> bool:
            return minute(at) < minute(start) or (end is not None and minute(at) > minute(end))

        if not any(outside(n.at) for n in own):
            continue
        for index, note in enumerate(own):
            if afterwards:
                at = start + timedelta(seconds=index)
                at = min(at, end) if end is not None else at
            elif outside(note.at):
                at = start if minute(note.at) < minute(start) else (end or note.at)
            else:
                continue
            fitted[note.id] = replace(note, at=at)
    return tuple(fitted[n.id] for n in notes)


def planned_times(
    items: tuple[AgendaItem, ...], start: datetime
) -> list[tuple[datetime, datetime]]:
    """Each item's planned (start, end): one after the other from ``start`` by budget."""
    times, at = [], start
    for item in items:
        end = at + timedelta(minutes=item.minutes)
        times.append((at, end))
        at = end
    return times


def planned_start(session: Session, item_id: str) -> datetime:
    """When an item was due by the plan (the kept items' budgets from the start), within
    the meeting's end when it has one."""
    kept = tuple(i for i in session.agenda if not i.skipped or i.id == item_id)
    planned = planned_times(kept, session.started_at)
    starts = {i.id: start for i, (start, _) in zip(kept, planned, strict=True)}
    at = starts.get(item_id, session.started_at)
    return min(at, session.ended_at) if session.ended_at is not None else at


def afterwards_note_time(session: Session, item_id: str) -> datetime:
    """When a note typed up afterwards is filed: never the laptop's clock. Just after the
    item's last note (keeping the order typed), else at the item's entered start, else
    when the plan had it (not the meeting's start: the notes of item 4 would precede
    those of item 2 in any list by time)."""
    item = session.item(item_id)
    anchor = (item.started_at if item else None) or planned_start(session, item_id)
    last = max((n.at for n in session.notes if n.item == item_id), default=None)
    return max(anchor, last + timedelta(seconds=1)) if last is not None else anchor


def end_time(session: Session, now: datetime) -> datetime:
    """When the meeting ended: now, unless it was closed before. Closed again the same day
    with something recorded since, the meeting went on: the end moves; otherwise (a
    correction, or a note added days later) the first end time stands."""
    if session.ended_at is None:
        return now
    went_on = any(n.at > session.ended_at for n in session.notes)
    return now if went_on and now.date() == session.ended_at.date() else session.ended_at


ItemTimes = dict[str, tuple[datetime | None, datetime | None]]
"""Agenda item id to its (start, end) as corrected."""


def corrected_times(
    session: Session, started_at: datetime, ended_at: datetime | None, items: ItemTimes
) -> Session:
    """The meeting's start and end (and the given items' times) corrected, once checked;
    notes and attendance moved inside the corrected times."""
    numbered = [
        (number, *items[item.id])
        for number, item in enumerate(session.agenda, 1)
        if item.id in items
    ]
    check_times(started_at, ended_at, numbered)
    agenda = tuple(
        replace(item, started_at=items[item.id][0], ended_at=items[item.id][1])
        if item.id in items
        else item
        for item in session.agenda
    )
    return session.with_changes(
        started_at=started_at,
        ended_at=ended_at,
        agenda=agenda,
        notes=fit_notes(session.notes, agenda, afterwards=session.typed_up_afterwards),
        attendance=fit_attendance(session.attendance, started_at, ended_at),
    )
