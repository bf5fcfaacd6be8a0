"""The session list's rows: what the index caches and ``facilitator sessions`` shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.domain.errors import Problem

if TYPE_CHECKING:
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
        from facilitator.domain.membership import count_membership

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


def index_row(session: Session, mtime_ns: int) -> dict[str, Any]:
    """The index's row of ``session``: its summary and the ``mtime_ns`` of the
    ``session.json`` it was read from (a newer file makes the row stale)."""
    row: dict[str, Any] = dict(SessionSummary.of(session).__dict__)
    row["mtime_ns"] = mtime_ns
    return row


@dataclass(frozen=True)
class SessionListing:
    """Readable sessions, newest first, and the problems met on the unreadable ones."""

    sessions: tuple[SessionSummary, ...]
    problems: tuple[Problem, ...]


SUMMARY_FIELDS = frozenset(SessionSummary.__dataclass_fields__)
