"""Membership arithmetic (vietnamese-formats §2.2): counts, rate, voting base, pass rule."""

from __future__ import annotations

from fractions import Fraction

from facilitator.domain.membership import count_membership, vote_passes
from facilitator.domain.models import Attendance, Person


def _roster() -> list[Person]:
    return [
        Person("a", "Nguyễn Văn An"),
        Person("b", "Trần Thị Bình"),
        Person("c", "Lê Văn Cường", exempt=True),  # MSH, stays away
        Person("d", "Phạm Văn Dũng", exempt=True),  # MSH, comes and votes
        Person("e", "Hoàng Thị Em", category="du-bi"),
        Person("f", "Vũ Văn Phúc", temporary="di"),  # sinh hoạt tạm thời nơi khác
        Person("g", "Đỗ Văn Giang"),  # absent with reason
        Person("h", "Bùi Văn Hải"),  # absent without reason
        Person("q", "Mai Văn Quần", category="quan-chung"),
        Person("k", "Đồng chí Khách", category="khach"),
    ]


def _attendance() -> list[Attendance]:
    return [
        Attendance("a", "present"),
        Attendance("b", "late"),
        Attendance("d", "present"),
        Attendance("e", "present"),
        Attendance("g", "absent-excused", reason="Đi công tác"),
        Attendance("h", "absent"),
        Attendance("q", "present"),
        Attendance("k", "present"),
    ]


def test_counts_follow_the_reference() -> None:
    counts = count_membership(_roster(), _attendance())
    assert counts.total == 8
    assert (counts.official, counts.probationary) == (7, 1)
    assert counts.exempt == 2
    assert counts.temp_out == 1
    assert counts.present == 4
    assert (counts.present_official, counts.present_probationary) == (3, 1)
    assert counts.late == 1
    assert [(a.person.name, a.reason) for a in counts.absent_excused] == [
        ("Đỗ Văn Giang", "Đi công tác")
    ]
    assert [p.name for p in counts.absent_unexcused] == ["Bùi Văn Hải"]
    assert counts.exempt_absent == 1
    assert counts.non_members_present == 1
    assert counts.guests_present == 1


def test_rate_denominator_excludes_exempt_absent_and_temporary_out() -> None:
    counts = count_membership(_roster(), _attendance())
    assert counts.expected == 8 - 1 - 1
    assert counts.rate == Fraction(4, 6)
    assert not counts.below_quorum  # exactly two thirds is enough


def test_voting_base_counts_exempt_who_attend() -> None:
    counts = count_membership(_roster(), _attendance())
    # 7 official − SHT đi (f) − MSH vắng (c) − excused (g); MSH present (d) counts; h counts.
    assert counts.voting_base == 4


def test_unmarked_people_are_listed_not_guessed() -> None:
    counts = count_membership(_roster(), [])
    assert len(counts.unmarked) == 5  # exempt and SHT-đi members are not expected
    assert counts.present == 0
    assert counts.below_quorum


def test_more_than_half_passes() -> None:
    assert vote_passes(3, 4)
    assert not vote_passes(2, 4)
    assert vote_passes(12, 23)
    assert not vote_passes(0, 0)
