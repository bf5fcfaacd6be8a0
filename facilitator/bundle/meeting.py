"""Rules of a bundle that need the meeting as a whole: its days and its voting base.

Kept apart from the field-by-field checks of :mod:`facilitator.bundle.validate`, which
calls them once the values they read have passed their own type checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from facilitator.domain.codec import aware_time
from facilitator.domain.models import Attendance, Person
from facilitator.domain.vietnamese import format_short_date
from facilitator.domain.votes import voting_base
from facilitator.strings import bundle as bundle_text


@dataclass(frozen=True)
class MeetingDays:
    """The days a meeting's times may fall on: its start day to its end day (the next
    day while it has no end, since a meeting may run past midnight), in the start's offset.
    """

    first: date
    last: date
    start: datetime

    def outside(self, moment: datetime | None) -> str | None:
        """The problem with ``moment`` (an arrival, an item's start...), or ``None``."""
        if moment is None:
            return None
        day = moment.astimezone(self.start.tzinfo).date()
        if self.first <= day <= self.last:
            return None
        return bundle_text.time_other_day(_shown(day), _shown(self.first))


aware_moment = aware_time
"""An aware time from a bundle value (``None`` if it is not one): the codec's rule."""


def meeting_days(started_at: Any, ended_at: Any) -> MeetingDays | None:
    """The meeting's days from its raw ``started_at``/``ended_at`` (``None``: no valid start)."""
    start = aware_moment(started_at)
    if start is None:
        return None
    end = aware_moment(ended_at)
    first = start.date()
    last = end.astimezone(start.tzinfo).date() if end is not None else first + timedelta(days=1)
    return MeetingDays(first, max(first, last), start)


def voting_base_of(data: dict[str, Any]) -> int:
    """The voting base of already-validated ``people`` and ``attendance`` (the domain rule)."""
    people = [Person.from_dict(p) for p in data.get("people", ())]
    attendance = [Attendance.from_dict(a) for a in data.get("attendance", ())]
    return voting_base(people, attendance)


def _shown(day: date) -> str:
    return format_short_date(day)
