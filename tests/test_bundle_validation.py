"""Session bundles, validation: a valid bundle passes, unknown fields are kept, and every
damage is reported at its JSON path (all together, capped, escaped, fast on huge arrays).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from bundle_helpers import (
    bundle_fixture,  # noqa: F401  (the ``bundle`` fixture)
    wheres,
)

from facilitator.bundle.validate import MAX_REPORTED, validate_session

# --- validation --------------------------------------------------------------------------


def test_valid_bundle_has_no_problems(bundle: dict[str, Any]) -> None:
    assert validate_session(bundle) == []


def test_minimal_bundle_without_optional_fields_is_valid(bundle: dict[str, Any]) -> None:
    for key in ("number", "ended_at", "reflections", "approved", "progress", "narrative", "events"):
        bundle.pop(key)
    bundle["people"] = [{"id": "p01", "name": "Nguyễn Văn An", "category": "chinh-thuc"}]
    bundle["roles"] = {"chair": "p01", "secretary": None, "presenters": []}
    bundle["attendance"] = [{"person": "p01", "status": "present"}]
    bundle["agenda"] = [{"id": "a", "title": "Mục", "kind": "procedure", "minutes": 5}]
    bundle["notes"] = []
    bundle["votes"] = []
    assert validate_session(bundle) == []


def test_unknown_fields_are_allowed_everywhere(bundle: dict[str, Any]) -> None:
    bundle["khac"] = 1
    bundle["unit"]["khac"] = [1]
    bundle["people"][0]["khac"] = {"a": None}
    bundle["agenda"][0]["khac"] = "x"
    bundle["notes"][0]["khac"] = True
    assert validate_session(bundle) == []


def test_root_must_be_an_object() -> None:
    assert wheres([1, 2]) == ["$"]


def test_wrong_format_version_gives_one_clear_problem(bundle: dict[str, Any]) -> None:
    bundle["format"] = "facilitator.session/2"
    bundle["title"] = ""  # would be a problem, but another version has another shape
    problems = validate_session(bundle)
    assert [p.where for p in problems] == ["$.format"]
    assert "phiên bản" in problems[0].message
    assert "facilitator.session/2" in problems[0].message
    assert "facilitator.session/1" in problems[0].message


def test_other_format_and_missing_format(bundle: dict[str, Any]) -> None:
    other = dict(bundle, format="facilitator.pack/1")
    problems = validate_session(other)
    assert [p.where for p in problems] == ["$.format"]
    assert "không phải định dạng" in problems[0].message
    del bundle["format"]
    assert wheres(bundle) == ["$.format"]


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """Mutation that sets a dotted path ("people.0.name") to ``value``."""

    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return apply


def _drop(path: str) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return apply


def _append(key: str, value: Any) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        data[key].append(value)

    return apply


CASES: list[tuple[str, Mutation, str, str]] = [
    ("bad id", _set("id", "Buổi 1"), "$.id", "a-z"),
    ("id starting with dash", _set("id", "-abc"), "$.id", "a-z"),
    ("id missing", _drop("id"), "$.id", "thiếu"),
    ("status", _set("status", "done"), "$.status", "planned"),
    ("unit missing", _drop("unit"), "$.unit", "thiếu"),
    ("unit not object", _set("unit", "Chi bộ"), "$.unit", "đối tượng"),
    ("unit name empty", _set("unit.name", "  "), "$.unit.name", "trống"),
    ("unit parent type", _set("unit.parent", 5), "$.unit.parent", "chuỗi"),
    ("unit profile", _set("unit.profile", "company"), "$.unit.profile", "party"),
    ("number type", _set("number", 5), "$.number", "chuỗi"),
    ("title empty", _set("title", ""), "$.title", "trống"),
    ("kind", _set("kind", "hop"), "$.kind", "chuyen-de"),
    ("place null", _set("place", None), "$.place", "chuỗi"),
    ("started_at missing", _drop("started_at"), "$.started_at", "thiếu"),
    ("started_at no offset", _set("started_at", "2024-05-10T07:30:00"), "$.started_at", "múi giờ"),
    ("started_at garbage", _set("started_at", "hôm qua"), "$.started_at", "ISO 8601"),
    ("ended_at number", _set("ended_at", 1715300000), "$.ended_at", "ISO 8601"),
    ("content id type", _set("content.id", None), "$.content.id", "chuỗi"),
    ("content version number", _set("content.version", 2024.1), "$.content.version", "chuỗi"),
    ("content sources item", _set("content.sources", ["a", 3]), "$.content.sources[1]", "chuỗi"),
    ("content framing", _set("content.framing", [["goc", "Gốc"]]), "$.content.framing[0]", "3 chuỗi"),
    ("roles chair unknown", _set("roles.chair", "p99"), "$.roles.chair", "p99"),
    ("roles secretary type", _set("roles.secretary", 7), "$.roles.secretary", "chuỗi"),
    ("roles presenter unknown", _set("roles.presenters", ["p05", "zz"]), "$.roles.presenters[1]", "zz"),
    ("people not list", _set("people", {}), "$.people", "danh sách"),
    ("person not object", _append("people", "Nguyễn Văn B"), "$.people[5]", "đối tượng"),
    ("person duplicate id", _append("people", {"id": "p01", "name": "B", "category": "khach"}), "$.people[5].id", "$.people[0]"),
    ("person name empty", _set("people.0.name", ""), "$.people[0].name", "trống"),
    ("person name missing", _drop("people.0.name"), "$.people[0].name", "thiếu"),
    ("person category", _set("people.1.category", "dang-vien"), "$.people[1].category", "chinh-thuc"),
    ("person position type", _set("people.0.position", ["Bí thư"]), "$.people[0].position", "chuỗi"),
    ("person exempt string", _set("people.2.exempt", "yes"), "$.people[2].exempt", "true"),
    ("person exempt int", _set("people.2.exempt", 1), "$.people[2].exempt", "true"),
    ("person temporary", _set("people.3.temporary", "ve"), "$.people[3].temporary", "den"),
    ("person name_parts", _set("people.1.name_parts", ["Tôn Nữ", "Hà"]), "$.people[1].name_parts", "3 chuỗi"),
    ("attendance person unknown", _set("attendance.0.person", "p77"), "$.attendance[0].person", "p77"),
    ("attendance duplicate", _append("attendance", {"person": "p01", "status": "absent"}), "$.attendance[4].person", "$.attendance[0]"),
    ("attendance status", _set("attendance.0.status", "here"), "$.attendance[0].status", "present"),
    ("late without arrival", _set("attendance.1.arrived_at", None), "$.attendance[1].arrived_at", "late"),
    ("arrival without offset", _set("attendance.1.arrived_at", "2024-05-10T07:40"), "$.attendance[1].arrived_at", "múi giờ"),
    ("left_at garbage", _set("attendance.0.left_at", "8h"), "$.attendance[0].left_at", "ISO 8601"),
    ("reason type", _set("attendance.2.reason", 3), "$.attendance[2].reason", "chuỗi"),
    ("agenda duplicate id", _append("agenda", {"id": "phan-1", "title": "X", "kind": "vote", "minutes": 1}), "$.agenda[3].id", "$.agenda[0]"),
    ("agenda title missing", _drop("agenda.0.title"), "$.agenda[0].title", "thiếu"),
    ("agenda kind", _set("agenda.0.kind", "speech"), "$.agenda[0].kind", "presentation"),
    ("agenda framing type", _set("agenda.1.framing", 1), "$.agenda[1].framing", "chuỗi"),
    ("minutes zero", _set("agenda.0.minutes", 0), "$.agenda[0].minutes", "dương"),
    ("minutes bool", _set("agenda.0.minutes", True), "$.agenda[0].minutes", "số nguyên"),
    ("minutes float", _set("agenda.0.minutes", 2.5), "$.agenda[0].minutes", "số nguyên"),
    ("minutes string", _set("agenda.0.minutes", "5"), "$.agenda[0].minutes", "số nguyên"),
    ("agenda started_at", _set("agenda.0.started_at", "07:30"), "$.agenda[0].started_at", "ISO 8601"),
    ("skipped string", _set("agenda.2.skipped", "no"), "$.agenda[2].skipped", "true"),
    ("questions item", _set("agenda.1.questions", ["a", None]), "$.agenda[1].questions[1]", "chuỗi"),
    ("body type", _set("agenda.1.body", None), "$.agenda[1].body", "chuỗi"),
    ("presenter unknown", _set("agenda.1.presenter", "p42"), "$.agenda[1].presenter", "p42"),
    ("spent_seconds negative", _set("agenda.0.spent_seconds", -1), "$.agenda[0].spent_seconds", "âm"),
    ("spent_seconds bool", _set("agenda.0.spent_seconds", True), "$.agenda[0].spent_seconds", "số"),
    ("note duplicate id", _set("notes.1.id", "n1"), "$.notes[1].id", "$.notes[0]"),
    ("note item unknown", _set("notes.0.item", "phan-9"), "$.notes[0].item", "phan-9"),
    ("note at missing", _drop("notes.0.at"), "$.notes[0].at", "thiếu"),
    ("note speaker unknown", _set("notes.0.speaker", "p66"), "$.notes[0].speaker", "p66"),
    ("note kind", _set("notes.0.kind", "comment"), "$.notes[0].kind", "opinion"),
    ("note text missing", _drop("notes.1.text"), "$.notes[1].text", "thiếu"),
    ("vote item unknown", _set("votes.0.item", "x"), "$.votes[0].item", "agenda"),
    ("vote question type", _set("votes.0.question", 1), "$.votes[0].question", "chuỗi"),
    ("vote for negative", _set("votes.0.for", -1), "$.votes[0].for", "âm"),
    ("vote for bool", _set("votes.0.for", True), "$.votes[0].for", "số nguyên"),
    ("vote base missing", _drop("votes.0.base"), "$.votes[0].base", "thiếu"),
    ("vote exceeds base", _set("votes.0.against", 1), "$.votes[0]", "vượt quá"),
    ("conclusion missing", _drop("conclusion"), "$.conclusion", "thiếu"),
    ("reflection person unknown", _set("reflections.0.person", "p50"), "$.reflections[0].person", "p50"),
    ("reflection duplicate", _set("reflections.1.person", "p02"), "$.reflections[1].person", "$.reflections[0]"),
    ("reflection submitted", _set("reflections.0.submitted", "có"), "$.reflections[0].submitted", "true"),
    ("reflection grade", _set("reflections.0.grade", "gioi"), "$.reflections[0].grade", "khong-dat"),
    ("approved at", _set("approved.at", None), "$.approved.at", "ISO 8601"),
    ("approved for above base", _set("approved.for", 3), "$.approved.for", "vượt quá"),
    ("approved not object", _set("approved", [1]), "$.approved", "đối tượng"),
    ("progress entered_at", _set("progress.entered_at", "x"), "$.progress.entered_at", "ISO 8601"),
    ("narrative type", _set("narrative.strengths", 1), "$.narrative.strengths", "chuỗi"),
    ("event at", _set("events.0.at", "2024-05-10"), "$.events[0].at", "múi giờ"),
    ("event kind missing", _drop("events.0.kind"), "$.events[0].kind", "thiếu"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "where", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_problem_is_reported_at_its_json_path(
    bundle: dict[str, Any], mutate: Mutation, where: str, fragment: str
) -> None:
    mutate(bundle)
    problems = validate_session(bundle)
    assert [p.where for p in problems] == [where]
    assert fragment in problems[0].message


def test_all_problems_are_reported_together(bundle: dict[str, Any]) -> None:
    bundle["status"] = "x"
    bundle["people"][0]["category"] = "x"
    bundle["attendance"][0]["status"] = "x"
    bundle["votes"][0]["for"] = -2
    assert wheres(bundle) == [
        "$.status",
        "$.people[0].category",
        "$.attendance[0].status",
        "$.votes[0].for",
    ]


def test_a_vote_base_of_zero_is_checked_against_attendance_too(bundle: dict[str, Any]) -> None:
    """The base is never "unknown": it is derived, so 0 typed in is a contradiction."""
    bundle["votes"][0].update({"for": 5, "against": 1, "other": 0, "base": 0})
    assert wheres(bundle) == ["$.votes[0].base", "$.votes[0]"]


def test_problem_messages_escape_hostile_values(bundle: dict[str, Any]) -> None:
    bundle["status"] = "\x1b[31mred" + "x" * 100
    (problem,) = validate_session(bundle)
    assert "\x1b" not in problem.message
    assert len(problem.message) < 200


def test_problem_count_is_capped(bundle: dict[str, Any]) -> None:
    bundle["attendance"] = [{"person": "nobody", "status": "present"}] * 1000
    problems = validate_session(bundle)
    assert len(problems) == MAX_REPORTED + 1
    assert problems[-1].where == ""
    assert problems[-1].message == f"… và {1000 - MAX_REPORTED} lỗi khác"


def test_hostile_file_with_huge_arrays_stays_fast(bundle: dict[str, Any]) -> None:
    bundle["notes"] = [{"id": 1}] * 200_000
    start = time.perf_counter()
    problems = validate_session(bundle)
    assert time.perf_counter() - start < 2.0
    assert len(problems) == MAX_REPORTED + 1
    assert "đã ngừng kiểm tra" in problems[-1].message


# --- the decoded path of a file read (the voting base from the decoded session) --------


def _mutations() -> list[Callable[[dict[str, Any]], None]]:
    def base_off(data: dict[str, Any]) -> None:
        data["votes"][0]["base"] += 1

    def hands_above_base(data: dict[str, Any]) -> None:
        data["votes"][0]["for"] = 99

    def everyone_excused(data: dict[str, Any]) -> None:
        for record in data["attendance"]:
            record["status"] = "absent-excused"
            record["reason"] = "Ốm"

    def unknown_person_marked(data: dict[str, Any]) -> None:
        data["attendance"][0]["person"] = "p-khong-co"

    def people_not_a_list(data: dict[str, Any]) -> None:
        data["people"] = {"p01": "Nguyễn Văn An"}

    return [base_off, hands_above_base, everyone_excused, unknown_person_marked, people_not_a_list]


@pytest.mark.parametrize("mutate", _mutations(), ids=lambda f: f.__name__)
def test_a_file_read_gets_the_validators_verdict_whether_or_not_it_decodes(
    bundle: dict[str, Any], mutate: Callable[[dict[str, Any]], None]
) -> None:
    """A file is decoded first and its voting base taken from the decoded session; the
    problems must be those the validator finds on the raw data alone."""
    from facilitator.bundle.io import session_from_data
    from facilitator.domain.errors import InputError

    mutate(bundle)
    expected = validate_session(bundle, foreign=True)
    assert expected, "each mutation is a fault"
    with pytest.raises(InputError) as info:
        session_from_data(bundle, "tep.json")
    assert list(info.value.problems) == expected
