"""Membership arithmetic of a meeting (vietnamese-formats §2.2), derived, never typed in.

Rules (Quy định 24-QĐ/TW §9.3.2 as summarised in the reference):
- tổng số: every Party member on the roll (chính thức + dự bị);
- có mặt: present or late; exempt members who come are counted as present;
- members temporarily attending elsewhere (SHT đi) and exempt members who stay away
  (MSH vắng) leave the denominator of the attendance rate;
- the voting base is the official members minus SHT đi, MSH vắng and official members
  absent with an approved reason; a resolution passes with more than half of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import assert_never

from facilitator.domain.models import Attendance, Person
from facilitator.domain.vocab import AttendanceStatus, PersonCategory, Temporary

QUORUM = Fraction(2, 3)


@dataclass(frozen=True)
class Absence:
    """An absent member and the reason given, if any."""

    person: Person
    reason: str


@dataclass(frozen=True)
class Timed:
    """A member who came late or left early, and when (``None`` if never entered)."""

    person: Person
    at: datetime | None


@dataclass(frozen=True)
class MembershipCounts:
    """Every count the minutes and the live attendance header state."""

    total: int
    official: int
    probationary: int
    exempt: int
    temp_in: int
    temp_out: int
    present: int
    present_official: int
    present_probationary: int
    late: int
    absent_excused: tuple[Absence, ...]
    absent_unexcused: tuple[Person, ...]
    exempt_absent: int
    unmarked: tuple[Person, ...]
    non_members_present: int
    guests_present: int
    voting_base: int
    temp_out_absent: int
    latecomers: tuple[Timed, ...] = ()
    """Members who came late, in roster order, with their arrival (the minutes name them)."""
    left_early: tuple[Timed, ...] = ()
    """Members present who left before the end (về sớm), in roster order, with the time."""

    @property
    def absent(self) -> int:
        """Members counted absent (with or without reason), not counting MSH vắng."""
        return len(self.absent_excused) + len(self.absent_unexcused)

    @property
    def expected(self) -> int:
        """Denominator of the attendance rate: total − MSH vắng − SHT đi."""
        return self.total - self.exempt_absent - self.temp_out_absent

    @property
    def rate(self) -> Fraction:
        """Share present among those expected (0 when nobody is expected)."""
        return Fraction(self.present, self.expected) if self.expected else Fraction(0)

    @property
    def below_quorum(self) -> bool:
        """Fewer than two thirds present: warn (the rule is unverified, so never block)."""
        return self.expected > 0 and self.rate < QUORUM


def count_membership(
    people: Sequence[Person],
    attendance: Sequence[Attendance],
) -> MembershipCounts:
    """Derive every count from the roster and the attendance records."""
    by_person = {a.person: a for a in attendance}
    # Only the short name lists are sorted (below): sorting every member by collation key
    # dominated report time over thousands of sessions.
    members = [p for p in people if p.is_member]
    present = present_official = present_prob = late = 0
    exempt_absent = temp_out_absent = 0
    official_not_voting = 0  # SHT đi, MSH vắng or excused for the whole meeting
    excused: list[Absence] = []
    unexcused: list[Person] = []
    unmarked: list[Person] = []
    latecomers: list[Timed] = []
    left_early: list[Timed] = []
    for person in members:
        record = by_person.get(person.id)
        if record is not None and record.is_present:
            present += 1
            late += record.status == AttendanceStatus.LATE
            if record.status == AttendanceStatus.LATE:
                latecomers.append(Timed(person, record.arrived_at))
            if record.left_at is not None:
                left_early.append(Timed(person, record.left_at))
            if person.category == PersonCategory.OFFICIAL:
                present_official += 1
            else:
                present_prob += 1
            continue
        official = person.category == PersonCategory.OFFICIAL
        if person.temporary == Temporary.OUT:
            temp_out_absent += 1
            official_not_voting += official
        elif person.exempt:
            exempt_absent += 1
            official_not_voting += official
        elif record is None:
            unmarked.append(person)
        else:
            # Exhaustive: a new status fails mypy here until it is counted. An unknown
            # value raises ValueError (the loader refuses such a file first).
            match AttendanceStatus(record.status):
                case AttendanceStatus.EXEMPT:
                    exempt_absent += 1
                    official_not_voting += official
                case AttendanceStatus.EXCUSED:
                    excused.append(Absence(person, record.reason or ""))
                    official_not_voting += official
                case AttendanceStatus.ABSENT:
                    unexcused.append(person)
                case AttendanceStatus.PRESENT | AttendanceStatus.LATE:
                    raise AssertionError("counted as present above")
                case _ as unreachable:
                    assert_never(unreachable)
    official_total = sum(p.category == PersonCategory.OFFICIAL for p in members)
    others = [p for p in people if not p.is_member]
    return MembershipCounts(
        total=len(members),
        official=official_total,
        probationary=len(members) - official_total,
        exempt=sum(p.exempt for p in members),
        temp_in=sum(p.temporary == Temporary.IN for p in members),
        temp_out=sum(p.temporary == Temporary.OUT for p in members),
        present=present,
        present_official=present_official,
        present_probationary=present_prob,
        late=late,
        absent_excused=tuple(sorted(excused, key=lambda a: a.person.sort_key)),
        absent_unexcused=tuple(sorted(unexcused, key=lambda p: p.sort_key)),
        exempt_absent=exempt_absent,
        unmarked=tuple(sorted(unmarked, key=lambda p: p.sort_key)),
        non_members_present=sum(
            p.category == PersonCategory.PUBLIC and _present(by_person, p) for p in others
        ),
        guests_present=sum(
            p.category == PersonCategory.GUEST and _present(by_person, p) for p in others
        ),
        voting_base=official_total - official_not_voting,
        temp_out_absent=temp_out_absent,
        latecomers=tuple(sorted(latecomers, key=lambda t: t.person.sort_key)),
        left_early=tuple(sorted(left_early, key=lambda t: t.person.sort_key)),
    )


def _present(by_person: dict[str, Attendance], person: Person) -> bool:
    record = by_person.get(person.id)
    return record is not None and record.is_present


def vote_passes(votes_for: int, base: int) -> bool:
    """More than half of the members entitled to vote."""
    return base > 0 and votes_for * 2 > base
