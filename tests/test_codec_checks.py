"""The one declaration of each format, the checks: structural problems at their JSON paths,
and the generated fast checks agreeing with the lenient reader.
"""

from __future__ import annotations

from typing import Any

import pytest
from codec_helpers import (
    APPROVAL,
    ATTENDANCE,
    EVENT,
    ITEM,
    JSON_VALUES,
    NOTE,
    REFLECTION,
    UNIT,
    VOTE,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.bundle.checker import Checker
from facilitator.bundle.structure import check_record
from facilitator.domain import schema as s
from facilitator.domain.codec import Field, Record, accepts, plan_of
from facilitator.domain.models import (
    AgendaItem,
    Approval,
    Attendance,
    ContentRef,
    Event,
    Note,
    Person,
    Reflection,
    Roster,
    Unit,
    Vote,
)
from facilitator.domain.schema import Kind
from facilitator.domain.vocab import AttendanceStatus, Grade, PersonCategory, Profile
from facilitator.strings import bundle as bundle_text

# -- structural problems --------------------------------------------------------------


def problems(cls: type, data: dict[str, Any], where: str = "$.x[3]") -> list[tuple[str, str]]:
    check = Checker()
    check_record(check, cls, data, where)
    return [(p.where, p.message) for p in check.problems]


STATUSES = ", ".join(AttendanceStatus)
PROBLEMS: list[tuple[str, type, dict[str, Any], list[tuple[str, str]]]] = [
    ("valid", Attendance, {"person": "p1", "status": "present"}, []),
    ("required", Attendance, {"status": "present"}, [("$.x[3].person", bundle_text.MISSING)]),
    ("choice", Attendance, {"person": "p1", "status": "here"},
     [("$.x[3].status", bundle_text.not_one_of('"here"', AttendanceStatus))]),
    ("choice list", Attendance, {"person": "p1", "status": ["present"]},
     [("$.x[3].status", f'giá trị ["present"] không hợp lệ; chỉ nhận: {STATUSES}')]),
    ("nullable text", Attendance, {"person": "p1", "status": "late", "reason": 3},
     [("$.x[3].reason", bundle_text.NOT_STRING_OR_NULL)]),
    ("time garbage", Attendance, {"person": "p1", "status": "late", "arrived_at": "8h"},
     [("$.x[3].arrived_at", bundle_text.BAD_TIME)]),
    ("time naive", Attendance, {"person": "p1", "status": "late", "left_at": "2024-05-10T08:00"},
     [("$.x[3].left_at", bundle_text.TIME_NO_OFFSET)]),
    ("time number", Note, {"id": "n", "item": "a", "at": 5, "kind": "record", "text": ""},
     [("$.x[3].at", bundle_text.BAD_TIME)]),
    ("non-empty", Person, {"id": " ", "name": "A", "category": "khach"},
     [("$.x[3].id", bundle_text.EMPTY)]),
    ("text", Person, {"id": "p", "name": 7, "category": "khach"},
     [("$.x[3].name", bundle_text.NOT_STRING)]),
    ("flag", Person, {"id": "p", "name": "A", "category": "khach", "exempt": 1},
     [("$.x[3].exempt", bundle_text.NOT_BOOL)]),
    ("null choice", Person, {"id": "p", "name": "A", "category": "khach", "temporary": None}, []),
    ("choice with null", Reflection, {"person": "p", "grade": "gioi"},
     [("$.x[3].grade", bundle_text.not_one_of('"gioi"', (*Grade, None)))]),
    ("parts", Person, {"id": "p", "name": "A", "category": "khach", "name_parts": ["A"]},
     [("$.x[3].name_parts", bundle_text.NAME_PARTS)]),
    ("integer bool", Vote, {"item": "a", "question": "q", "for": True, "against": 0,
                            "other": 0, "base": 1}, [("$.x[3].for", bundle_text.NOT_INT)]),
    ("integer negative", Vote, {"item": "a", "question": "q", "for": 1, "against": -1,
                                "other": 0, "base": 1}, [("$.x[3].against", bundle_text.NEGATIVE)]),
    ("integer float", Vote, {"item": "a", "question": "q", "for": 1, "against": 0,
                             "other": 0.0, "base": 1}, [("$.x[3].other", bundle_text.NOT_INT)]),
    ("minimum", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 0},
     [("$.x[3].minutes", bundle_text.NOT_POSITIVE)]),
    ("number nan", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 1,
                                "spent_seconds": float("nan")},
     [("$.x[3].spent_seconds", bundle_text.NOT_NUMBER)]),
    ("number negative", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 1,
                                     "spent_seconds": -0.5},
     [("$.x[3].spent_seconds", bundle_text.NEGATIVE)]),
    ("texts", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 1,
                           "questions": ["a", None]}, [("$.x[3].questions[1]", bundle_text.NOT_STRING)]),
    ("texts not list", ContentRef, {"id": "a", "version": "1", "sources": "Sách"},
     [("$.x[3].sources", bundle_text.NOT_LIST)]),
    ("triples", ContentRef, {"id": "a", "version": "1", "sources": [], "framing": [["a", "b"]]},
     [("$.x[3].framing[0]", bundle_text.FRAMING_ENTRY)]),
    ("nested", Roster, {"unit": "Chi bộ", "people": [], "updated_at": None},
     [("$.x[3].unit", bundle_text.NOT_OBJECT)]),
    ("nested problem", Roster, {"unit": {"name": ""}, "people": [], "updated_at": None},
     [("$.x[3].unit.name", bundle_text.EMPTY)]),
    ("list", Roster, {"unit": {"name": "CB"}, "people": {}, "updated_at": None},
     [("$.x[3].people", bundle_text.NOT_LIST)]),
    ("list entry", Roster, {"unit": {"name": "CB"}, "people": ["An"], "updated_at": None},
     [("$.x[3].people[0]", bundle_text.NOT_OBJECT)]),
    ("list entry problem", Roster, {"unit": {"name": "CB"}, "updated_at": None,
                                    "people": [{"id": "p", "name": "A", "category": "x"}]},
     [("$.x[3].people[0].category", bundle_text.not_one_of('"x"', PersonCategory))]),
    ("odd key", Unit, {"name": "CB", "profile": 1}, [("$.x[3].profile", bundle_text.not_one_of(
        "1", Profile))]),
    ("unknown keys", Unit, {"name": "CB", "khác lạ": [1]}, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("cls", "data", "expected"), [c[1:] for c in PROBLEMS], ids=[c[0] for c in PROBLEMS]
)
def test_each_structural_problem_is_found_at_its_json_path(
    cls: type, data: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(cls, data) == expected


@s.record
class Odd(Record):
    """A record whose JSON key is not its attribute's name, nor an identifier."""

    label: str = s.text(key="ten-1")
    count: int = s.integer(default=0, optional=True)


def test_a_declared_key_is_the_json_key_and_is_quoted_in_paths() -> None:
    assert Odd("x", 2).to_dict() == {"ten-1": "x", "count": 2}
    assert Odd.from_dict({"ten-1": "x"}) == Odd("x")
    assert problems(Odd, {"ten-1": 3}, "$") == [('$["ten-1"]', bundle_text.NOT_STRING)]


def test_rules_run_right_after_their_key_in_file_order() -> None:
    seen: list[str] = []
    data = {"unit": {"name": "CB"}, "people": [{"id": "a"}, 5, {"id": "b"}], "updated_at": None}
    check = Checker()
    check_record(check, Roster, data, "$", {"people": lambda c, e, w: seen.append(w)})
    assert seen == ["$.people[0]", "$.people[2]"]
    assert [p.where for p in check.problems] == [
        "$.people[0].name", "$.people[0].category", "$.people[1]",
        "$.people[2].name", "$.people[2].category",
    ]  # fmt: skip


# -- the generated inline tests agree with the accessors ------------------------------


SCALAR_KINDS = (Kind.TEXT, Kind.INTEGER, Kind.NUMBER, Kind.FLAG, Kind.TIME, Kind.CHOICE)
SCALAR_FIELDS = [
    (cls, item)
    for cls in (Unit, Person, Attendance, AgendaItem, Note, Vote, Reflection, Approval, Event)
    for item in plan_of(cls).fields
    if item.spec.kind in SCALAR_KINDS
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SCALAR_FIELDS), JSON_VALUES)
def test_inline_checks_refuse_exactly_what_the_lenient_reader_refuses(
    field: tuple[type, Field], value: Any
) -> None:
    """The generated check and the lenient reader are two readings of one declaration:
    a value passes the check exactly when the reader keeps it (blank text aside, which
    only ``non_empty`` refuses, and null, which only ``nullable`` accepts)."""
    cls, item = field
    data = _valid(cls) | {item.key: value}
    refused = any(where.endswith(f".{item.key}") for where, _ in problems(cls, data))
    if value is None:
        assert refused == (not item.spec.nullable)
    elif item.spec.non_empty and isinstance(value, str) and not value.strip():
        assert refused
    else:
        assert refused == (not accepts(item.spec, value))


def _valid(cls: type) -> dict[str, Any]:
    sample = {
        Unit: UNIT,
        Person: Person("p", "A"),
        Attendance: ATTENDANCE,
        AgendaItem: ITEM,
        Note: NOTE,
        Vote: VOTE,
        Reflection: REFLECTION,
        Approval: APPROVAL,
        Event: EVENT,
    }
    return {k: v for k, v in sample[cls].to_dict().items() if v is not None}  # type: ignore[attr-defined]
