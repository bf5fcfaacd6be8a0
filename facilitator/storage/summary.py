"""The session list's rows: what the index caches and ``facilitator sessions`` shows."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.errors import Problem
from facilitator.domain.membership import count_membership
from facilitator.domain.models import Session


@dataclass(frozen=True)
class SessionSummary:
    """One row of the session list."""

    id: str
    date: str
    unit: str
    title: str
    status: str
    present: int
    total: int
    expected: int = 0
    """Members who must attend (total − MSH vắng − SHT đi): "Có mặt 20/22" everywhere."""

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        """Summarise a session (counts derived from attendance)."""
        counts = count_membership(session.people, session.attendance)
        return cls(
            id=session.id,
            date=session.started_at.isoformat(timespec="minutes"),
            unit=session.unit.name,
            title=session.title,
            status=session.status,
            present=counts.present,
            total=counts.total,
            expected=counts.expected,
        )


@dataclass(frozen=True)
class SessionListing:
    """Readable sessions, newest first, and the problems met on the unreadable ones."""

    sessions: tuple[SessionSummary, ...]
    problems: tuple[Problem, ...]


SUMMARY_FIELDS = frozenset(SessionSummary.__dataclass_fields__)
