"""The report's hot path: the quick check never accepts what the validator refuses, and the
figures read from plain data equal those of the built Session."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from typing import Any

from builders import make_session
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.bundle.fast_check import quick_check
from facilitator.bundle.validate import validate_session
from facilitator.domain.models import (
    ATTENDANCE_STATUSES,
    GRADES,
    PERSON_CATEGORIES,
    Attendance,
    Narrative,
    Reflection,
    Session,
)
from facilitator.export.report_fast import figures_from_data
from facilitator.export.report_tally import SessionFigures

STATUSES = [s for s in ATTENDANCE_STATUSES if s != "late"]
POSITIONS = ["", "Bí thư chi bộ", "Phó Bí thư chi bộ", "Chủ tịch Hội", "Đảng viên"]


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    base = make_session(filler=draw(st.integers(1, 8)))
    people = []
    for person in base.people:
        people.append(
            replace(
                person,
                category=draw(st.sampled_from(PERSON_CATEGORIES)),
                exempt=draw(st.booleans()),
                temporary=draw(st.sampled_from([None, None, "den", "di"])),
                position=draw(st.sampled_from(POSITIONS)),
            )
        )
    attendance = tuple(
        Attendance(
            p.id, draw(st.sampled_from(STATUSES)), reason=draw(st.sampled_from([None, "Ốm"]))
        )
        for p in people
        if draw(st.integers(0, 9))  # now and then someone is not marked at all
    )
    reflections = tuple(
        Reflection(p.id, draw(st.booleans()), draw(st.sampled_from([*GRADES, None])))
        for p in people[: draw(st.integers(0, len(people)))]
    )
    narrative = Narrative(
        strengths=draw(st.sampled_from(["", "Tốt\nTốt\nĐủ", "  "])),
        proposals=draw(st.sampled_from(["", "Thêm tài liệu"])),
    )
    return base.with_changes(
        people=tuple(people),
        attendance=attendance,
        reflections=reflections,
        narrative=narrative,
        votes=(),
        extra={"makeup": True} if draw(st.booleans()) else {},
    )


@settings(max_examples=50, deadline=None)
@given(sessions())
def test_figures_from_plain_data_equal_those_of_the_session(session: Session) -> None:
    data = session.to_dict()
    assert validate_session(data, foreign=True) == []
    counts = quick_check(data)
    assert counts is not None
    assert figures_from_data(data, counts) == SessionFigures.of(Session.from_dict(data))


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += paths(item, (*prefix, index))
    return out


REPLACEMENTS = [None, "", " ", "x", "p01", 0, -1, 1.5, True, [], {}, ["x"], "2024-05-11T08:00:00"]
BUNDLE = make_session().to_dict()
BUNDLE_TEXT = json.dumps(BUNDLE)
# The first two entries of each list stand for the rest (every field of every record).
PATHS = [p for p in paths(BUNDLE) if all(not isinstance(k, int) or k < 2 for k in p)]


def edit(data: Any, path: tuple[Any, ...], what: int) -> None:
    """Replace the value at ``path`` by ``REPLACEMENTS[what]``, or delete it (``what`` < 0)."""
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if what < 0:
        del target[last]
    else:
        target[last] = copy.deepcopy(REPLACEMENTS[what])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(PATHS) - 1), st.integers(-1, len(REPLACEMENTS) - 1)),
        min_size=1,
        max_size=3,
    )
)
def test_the_quick_check_never_accepts_what_the_validator_refuses(
    edits: list[tuple[int, int]],
) -> None:
    data = json.loads(BUNDLE_TEXT)
    for where, what in edits:
        try:
            edit(data, PATHS[where], what)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced the container
    if quick_check(data) is not None:
        assert validate_session(data, foreign=True) == []


def test_the_plain_bundle_passes_and_a_wrong_vote_base_does_not() -> None:
    data = copy.deepcopy(BUNDLE)
    assert quick_check(data) is not None
    data["votes"][0]["base"] += 1
    assert quick_check(data) is None
    assert [p.where for p in validate_session(data, foreign=True)] == ["$.votes[0].base"]


def test_no_single_edit_is_accepted_quickly_and_refused_by_the_validator() -> None:
    """Every value of the bundle replaced by every odd value, or deleted, one at a time."""
    wrong = []
    for path in PATHS:
        for what in range(-1, len(REPLACEMENTS)):
            data = json.loads(BUNDLE_TEXT)
            edit(data, path, what)
            if quick_check(data) is not None and validate_session(data, foreign=True):
                wrong.append((path, what))
    assert wrong == []


def test_a_status_the_quick_count_does_not_know_goes_to_the_domains_count(monkeypatch) -> None:
    # A new attendance state must never be counted as "absent without reason" by the
    # quick path: it declines, and the complete validator and count_membership decide.
    from facilitator.bundle import fast_check

    session = make_session()
    absent = [a for a in session.attendance if a.status == "absent"]
    assert absent, "the builder's session has someone absent without reason"
    data = json.loads(json.dumps(session.to_dict()))
    assert quick_check(data) is not None
    monkeypatch.setattr(fast_check, "_ABSENT", "a-state-added-later")
    assert quick_check(data) is None
