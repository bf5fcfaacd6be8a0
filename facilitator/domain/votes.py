"""Votes follow attendance: a vote's base is derived, never typed in (vietnamese-formats §2.1).

The base of every vote is the voting base of the meeting as the roster and the attendance
records give it (:func:`count_membership`): official members minus SHT đi, MSH vắng and
official members absent with a reason for the whole meeting. It is a property of the
whole meeting, not of the moment of the vote: a latecomer was entitled all along, and a
member marked absent with a reason afterwards never was. So every session re-derives
the base of its votes when it is built (``Session.__post_init__`` calls
:func:`derived_votes`), and a file whose stored base disagrees is refused
(``facilitator.bundle.validate``) rather than silently corrected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import Enum

from facilitator.domain.membership import count_membership
from facilitator.domain.models import Attendance, Person, Session, Vote


class VoteOutcome(Enum):
    """What the minutes state about one vote."""

    PASSED = "passed"
    """More than half of the members entitled to vote approved."""
    FAILED = "failed"
    NOBODY_ENTITLED = "nobody-entitled"
    """No member had the right to vote (e.g. only probationary members): no result."""


def voting_base(people: Sequence[Person], attendance: Sequence[Attendance]) -> int:
    """Members entitled to vote at this meeting (the base of every vote)."""
    return count_membership(people, attendance).voting_base


def outcome(votes_for: int, base: int) -> VoteOutcome:
    """Party rule: adopted with more than half of the members entitled to vote."""
    if base <= 0:
        return VoteOutcome.NOBODY_ENTITLED
    return VoteOutcome.PASSED if votes_for * 2 > base else VoteOutcome.FAILED


def cast(vote: Vote) -> int:
    """Hands counted in a vote (for + against + other)."""
    return vote.for_ + vote.against + vote.other


def derived_votes(session: Session) -> tuple[Vote, ...]:
    """``session.votes`` with each base derived from its people and attendance (the same
    tuple when every base already agrees, so an unchanged session costs one count)."""
    if not session.votes:
        return session.votes
    base = voting_base(session.people, session.attendance)
    if all(vote.base == base for vote in session.votes):
        return session.votes
    return tuple(replace(vote, base=base) for vote in session.votes)
