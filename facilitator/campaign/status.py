"""Where a campaign stands on a given day: per expected unit received or missing, late,
sessions held, participation, reflections, below two-thirds; days left; reminders.

Lateness is judged on the day a file speaks for (a report's date, a session's day)
against the plan's deadline; the deadline's own day is on time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from facilitator.campaign.model import Campaign, ExpectedUnit
from facilitator.domain.membership import QUORUM
from facilitator.domain.vietnamese import collation_key, format_percent


class State(StrEnum):
    """A unit's standing in the campaign."""

    RECEIVED = "received"
    LATE = "late"
    """Received, but dated after the deadline."""
    MISSING = "missing"
    OVERDUE = "overdue"
    """Missing, and the deadline has passed."""


@dataclass(frozen=True)
class UnitStatus:
    """One line of the tracking table."""

    unit: ExpectedUnit
    state: State
    files: int = 0
    sessions: int = 0
    expected: int = 0
    present: int = 0
    reflections: int = 0
    reported_on: date | None = None

    @property
    def received(self) -> bool:
        return self.state in (State.RECEIVED, State.LATE)

    @property
    def participation(self) -> str:
        """ "86,21%" of members present over members expected ("" before anything came)."""
        return format_percent(self.present, self.expected) if self.expected else ""

    @property
    def below_two_thirds(self) -> bool:
        return self.expected > 0 and Fraction(self.present, self.expected) < QUORUM


@dataclass(frozen=True)
class CampaignStatus:
    """Every expected unit's status, in Vietnamese order, and the days left."""

    campaign: Campaign
    today: date
    units: tuple[UnitStatus, ...]

    @property
    def days_left(self) -> int | None:
        """Days until the deadline (0 on its day, negative once passed; None: no deadline)."""
        deadline = self.campaign.plan.deadline
        return (deadline - self.today).days if deadline else None

    @property
    def missing(self) -> tuple[UnitStatus, ...]:
        return tuple(u for u in self.units if not u.received)

    @property
    def late(self) -> tuple[UnitStatus, ...]:
        """Units that reported after the deadline, or have not and it has passed."""
        return tuple(u for u in self.units if u.state in (State.LATE, State.OVERDUE))

    @property
    def received(self) -> tuple[UnitStatus, ...]:
        return tuple(u for u in self.units if u.received)


def is_late(reported_on: date, deadline: date | None) -> bool:
    """After the deadline; the deadline's own day is on time."""
    return deadline is not None and reported_on > deadline


def campaign_status(campaign: Campaign, today: date) -> CampaignStatus:
    """The status of every expected unit from the campaign's receipts."""
    deadline = campaign.plan.deadline
    # Keyed by the expected unit itself: two units may share a name under two superiors.
    by_unit: dict[ExpectedUnit, list[int]] = {}
    latest: dict[ExpectedUnit, date] = {}
    for r in campaign.receipts:
        owner = campaign.unit_of(r)
        if owner is None:
            continue
        sums = by_unit.setdefault(owner, [0, 0, 0, 0, 0])
        for i, value in enumerate((1, r.sessions, r.expected, r.present, r.reflections)):
            sums[i] += value
        latest[owner] = max(latest.get(owner, r.reported_on), r.reported_on)
    lines = []
    for unit in sorted(campaign.units, key=lambda u: collation_key(u.name)):
        found = by_unit.get(unit)
        if found is None:
            overdue = deadline is not None and today > deadline
            lines.append(UnitStatus(unit, State.OVERDUE if overdue else State.MISSING))
            continue
        day = latest[unit]
        files, sessions, expected, present, reflections = found
        lines.append(
            UnitStatus(
                unit,
                State.LATE if is_late(day, deadline) else State.RECEIVED,
                files=files,
                sessions=sessions,
                expected=expected,
                present=present,
                reflections=reflections,
                reported_on=day,
            )
        )
    return CampaignStatus(campaign, today, tuple(lines))
