"""Timer and pacing arithmetic for the run screen (pure; no Textual, easy to test)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from facilitator.domain.models import Session
from facilitator.domain.timing import is_stale

NEAR_SHARE = 0.8
"""From this share of an item's budget on, the timer shows the warning colour."""


@dataclass(frozen=True)
class Pacing:
    """What the timer line shows at one moment."""

    status: str
    position: int
    count: int
    elapsed: float
    budget: float
    total_minutes: int
    expected_end: datetime | None
    drift_minutes: int
    """Minutes behind (> 0) or ahead (< 0) of the planned end."""
    started_earlier: date | None = None
    """The day a meeting still running was started, when that is too long ago to time
    (:func:`facilitator.domain.timing.is_stale`)."""

    @property
    def level(self) -> str:
        """ "ok", "near" (≥ 80 % of the budget) or "over" (past it)."""
        if self.budget <= 0 or self.elapsed < NEAR_SHARE * self.budget:
            return "ok"
        return "over" if self.elapsed > self.budget else "near"


def mmss(seconds: float) -> str:
    """07:32, or 1:02:05 past an hour."""
    total = int(max(seconds, 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def compute_pacing(session: Session, elapsed: Callable[[str], float], now: datetime) -> Pacing:
    """Current item timer, expected end (now + remaining budgets) and drift from the plan."""
    visible = [i for i in session.agenda if not i.skipped]
    total_minutes = sum(i.minutes for i in visible)
    ids = [i.id for i in visible]
    current = session.progress.current
    if current not in ids or session.status != "running":
        item = session.item(current)
        return Pacing(
            status=session.status,
            position=ids.index(current) + 1 if current in ids else 0,
            count=len(ids),
            elapsed=elapsed(item.id) if item else 0.0,
            budget=item.minutes * 60.0 if item else 0.0,
            total_minutes=total_minutes,
            expected_end=None,
            drift_minutes=0,
        )
    if is_stale(session.started_at, now):
        # Reopened days later and never closed: a timer of thousands of hours and a delay
        # of a million minutes would be shown. The day it began is the useful fact. The
        # projector uses the same rule; a meeting past midnight keeps its timer.
        item = session.item(current)
        return Pacing(
            status=session.status,
            position=ids.index(current) + 1,
            count=len(ids),
            elapsed=0.0,
            budget=item.minutes * 60.0 if item else 0.0,
            total_minutes=total_minutes,
            expected_end=None,
            drift_minutes=0,
            started_earlier=session.started_at.date(),
        )
    position = ids.index(current)
    item = visible[position]
    spent = elapsed(item.id)
    budget = item.minutes * 60.0
    remaining = max(budget - spent, 0.0) + sum(i.minutes * 60.0 for i in visible[position + 1 :])
    expected_end = now + timedelta(seconds=remaining)
    planned_end = session.started_at + timedelta(minutes=total_minutes)
    drift = round((expected_end - planned_end).total_seconds() / 60)
    return Pacing(
        status=session.status,
        position=position + 1,
        count=len(ids),
        elapsed=spent,
        budget=budget,
        total_minutes=total_minutes,
        expected_end=expected_end,
        drift_minutes=drift,
    )
