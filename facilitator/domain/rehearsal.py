"""A rehearsal (tập dượt): walking a prepared agenda against the clock, recording nothing.

The rehearsal lives in memory only: it never touches the session's notes, attendance,
votes, progress or times. What it yields is the time each item took, set against its
budget, and (if the user asks) those minutes as the session's new budgets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime

from facilitator.domain.models import Session


@dataclass(frozen=True)
class RehearsalRow:
    """One item: its budget and the time rehearsed so far (seconds)."""

    item_id: str
    title: str
    planned: float
    rehearsed: float

    @property
    def difference(self) -> float:
        """Seconds over (> 0) or under (< 0) the budget."""
        return self.rehearsed - self.planned


@dataclass(frozen=True)
class Rehearsal:
    """Immutable state: the items kept on the agenda, time banked per item, where we are.

    ``entered_at`` is when the current item's running visit began; ``None`` while the
    rehearsal is paused or not started.
    """

    ids: tuple[str, ...]
    titles: tuple[str, ...]
    budgets: tuple[int, ...]
    spent: tuple[float, ...]
    current: int | None = None
    entered_at: datetime | None = None

    @classmethod
    def of(cls, session: Session) -> Rehearsal:
        """A rehearsal of the items the session will hold (skipped ones left out)."""
        kept = [item for item in session.agenda if not item.skipped]
        return cls(
            ids=tuple(i.id for i in kept),
            titles=tuple(i.title for i in kept),
            budgets=tuple(i.minutes for i in kept),
            spent=tuple(0.0 for _ in kept),
        )

    @property
    def running(self) -> bool:
        return self.entered_at is not None

    def _banked(self, now: datetime) -> tuple[float, ...]:
        """``spent`` with the running visit added to the current item."""
        if self.current is None or self.entered_at is None:
            return self.spent
        extra = max((now - self.entered_at).total_seconds(), 0.0)
        return tuple(s + extra if i == self.current else s for i, s in enumerate(self.spent))

    def go_to(self, index: int, now: datetime) -> Rehearsal:
        """Make item ``index`` current and keep the clock running (start if not started)."""
        if not 0 <= index < len(self.ids):
            return self
        return replace(self, spent=self._banked(now), current=index, entered_at=now)

    def step(self, delta: int, now: datetime) -> Rehearsal:
        """Next (+1) or previous (-1) item; the first step of all starts on the first item."""
        if self.current is None:
            return self.go_to(0, now)
        return self.go_to(self.current + delta, now)

    def toggle(self, now: datetime) -> Rehearsal:
        """Start (on the first item), pause or resume the clock."""
        if self.current is None:
            return self.go_to(0, now)
        if self.running:
            return replace(self, spent=self._banked(now), entered_at=None)
        return replace(self, entered_at=now)

    def elapsed(self, index: int, now: datetime) -> float:
        """Seconds rehearsed on item ``index``, the running visit included."""
        return self._banked(now)[index]

    def rows(self, now: datetime) -> tuple[RehearsalRow, ...]:
        """Planned against rehearsed, item by item."""
        return tuple(
            RehearsalRow(item_id, title, budget * 60.0, spent)
            for item_id, title, budget, spent in zip(
                self.ids, self.titles, self.budgets, self._banked(now), strict=True
            )
        )

    def totals(self, now: datetime) -> tuple[float, float]:
        """(planned, rehearsed) seconds over the whole agenda."""
        return sum(self.budgets) * 60.0, sum(self._banked(now))

    def with_budgets(self, session: Session) -> Rehearsal:
        """The same rehearsal measured against ``session``'s budgets (after a write-back)."""
        minutes = {item.id: item.minutes for item in session.agenda}
        budgets = tuple(minutes.get(i, b) for i, b in zip(self.ids, self.budgets, strict=True))
        return replace(self, budgets=budgets)

    def new_budgets(self, now: datetime) -> dict[str, int]:
        """Rehearsed minutes of every item rehearsed, as whole minutes (at least 1) where
        they differ from the budget; items not rehearsed keep theirs."""
        changed: dict[str, int] = {}
        for item_id, budget, spent in zip(self.ids, self.budgets, self._banked(now), strict=True):
            if spent <= 0:
                continue
            minutes = rehearsed_minutes(spent)
            if minutes != budget:
                changed[item_id] = minutes
        return changed


def rehearsed_minutes(seconds: float) -> int:
    """Seconds as whole minutes, half a minute rounding up, never below 1."""
    return max(1, math.floor(seconds / 60 + 0.5))
