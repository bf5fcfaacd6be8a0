"""The one declaration of each format: codec round trips, unknown keys, nulls, structural
problems at their JSON paths, and the generated fast checks agreeing with the accessors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.bundle.checker import Checker
from facilitator.bundle.structure import check_record
from facilitator.domain import schema as s
from facilitator.domain.codec import Field, Record, accepts, decode, encode, plan_of, read_lenient
from facilitator.domain.models import (
    AgendaItem,
    Approval,
    Attendance,
    ContentRef,
    Event,
    Narrative,
    Note,
    Person,
    Progress,
    Reflection,
    Roles,
    Roster,
    Session,
    Unit,
    Vote,
)
from facilitator.domain.schema import Kind
from facilitator.domain.vocab import (
    AttendanceStatus,
    Grade,
    ItemKind,
    NoteKind,
    PersonCategory,
    Profile,
    SessionKind,
    SessionMode,
    SessionStatus,
    Temporary,
)
from facilitator.services.live import AgendaEntry, LiveItem, LiveView
from facilitator.strings import bundle as msg

TZ = timezone(timedelta(hours=7))
T0 = datetime(2024, 5, 10, 7, 30, tzinfo=TZ)

UNIT = Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "state", "Di Linh")
PERSON = Person("p02", "Tôn Nữ Thị Hà", "du-bi", "Đảng viên", True, "den", "Tôn Nữ", "Thị", "Hà")
ATTENDANCE = Attendance("p02", "late", T0 + timedelta(minutes=9), T0 + timedelta(hours=2), "Ốm")
ITEM = AgendaItem(
    "phan-1", "Gốc vững", "discussion", "goc", 25, T0, T0 + timedelta(minutes=30), False,
    "Nội dung", ("Câu hỏi 1?", "Câu hỏi 2?"), "Ghi chú riêng", "p02", "Kết luận", 61.5,
)  # fmt: skip
NOTE = Note("n1", "phan-1", T0 + timedelta(minutes=12), "Ý kiến", "question", "p02")
VOTE = Vote("phan-1", "Thông qua", 20, 1, 2, 23)
REFLECTION = Reflection("p02", True, "kha")
APPROVAL = Approval(T0 + timedelta(hours=3), 22, 23)
CONTENT = ContentRef("cay-tre", "2024.1", ("Sách",), (("goc", "Gốc vững", "nghĩa"),))
ROLES = Roles("p01", "p02", ("p02", "p03"))
PROGRESS = Progress("phan-1", T0 + timedelta(minutes=5))
NARRATIVE = Narrative("Chu đáo.", "Ít ý kiến.", "Họp thêm.")
EVENT = Event(T0 + timedelta(hours=3), "closed", "Bế mạc")
ROSTER = Roster(UNIT, (PERSON,), T0)
LIVE = LiveView(
    session="buoi-1", title="Sinh hoạt", unit="Chi bộ", status="running", updated_at=T0,
    item=LiveItem("phan-1", "Gốc vững", "discussion", "goc", "Gốc", 25, "Nội dung",
                  ("Câu 1?",), 2, 5, 61.5, T0),
    agenda=(AgendaEntry("phan-1", "Gốc vững", "Gốc"),),
)  # fmt: skip


def full_session(**changes: Any) -> Session:
    fields: dict[str, Any] = dict(
        id="buoi-1", unit=UNIT, title="Sinh hoạt chuyên đề", started_at=T0, status="closed",
        number="05-BB/CB", kind="thuong-ky", place="Hội trường", ended_at=T0 + timedelta(hours=3),
        content=CONTENT, roles=ROLES, people=(Person("p01", "Nguyễn Văn An"), PERSON),
        attendance=(Attendance("p01", "present"), ATTENDANCE), agenda=(ITEM,), notes=(NOTE,),
        votes=(VOTE,), conclusion="Kết luận chung", reflections=(REFLECTION,), approved=APPROVAL,
        progress=PROGRESS, narrative=NARRATIVE, events=(EVENT,), mode="afterwards",
    )  # fmt: skip
    return Session(**(fields | changes))


EVERY_RECORD: list[Record] = [
    UNIT, PERSON, ATTENDANCE, ITEM, NOTE, VOTE, REFLECTION, APPROVAL, CONTENT, ROLES, PROGRESS,
    NARRATIVE, EVENT, ROSTER, full_session(), LIVE, LIVE.item, LIVE.agenda[0],  # type: ignore[list-item]
]  # fmt: skip

# The keys of each object, in the order the files have always had them.
FILE_ORDER: dict[type, list[str]] = {
    Unit: ["name", "parent", "abbrev", "profile", "locality"],
    Person: ["id", "name", "category", "position", "exempt", "temporary", "name_parts"],
    Attendance: ["person", "status", "arrived_at", "left_at", "reason"],
    AgendaItem: [
        "id", "title", "kind", "framing", "minutes", "started_at", "ended_at", "skipped", "body",
        "questions", "presenter_notes", "presenter", "conclusion", "spent_seconds",
    ],
    Note: ["id", "item", "at", "speaker", "kind", "text"],
    Vote: ["item", "question", "for", "against", "other", "base"],
    Reflection: ["person", "submitted", "grade"],
    Approval: ["at", "for", "base"],
    ContentRef: ["id", "version", "sources", "framing"],
    Roles: ["chair", "secretary", "presenters"],
    Progress: ["current", "entered_at"],
    Narrative: ["strengths", "weaknesses", "proposals"],
    Event: ["at", "kind", "detail"],
    Roster: ["unit", "people", "updated_at"],
    Session: [
        "format", "id", "status", "unit", "number", "title", "kind", "place", "started_at",
        "ended_at", "content", "roles", "people", "attendance", "agenda", "notes", "votes",
        "conclusion", "reflections", "progress", "narrative", "events", "approved", "mode",
    ],
    LiveView: ["session", "title", "unit", "status", "updated_at", "item", "agenda"],
    LiveItem: [
        "id", "title", "kind", "framing", "framing_label", "minutes", "body", "questions",
        "position", "count", "spent_seconds", "entered_at",
    ],
    AgendaEntry: ["id", "title", "framing_label"],
}  # fmt: skip


def _ids(records: list[Record]) -> list[str]:
    return [type(r).__name__ for r in records]


# -- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("record", EVERY_RECORD, ids=_ids(EVERY_RECORD))
def test_every_record_round_trips_through_json(record: Record) -> None:
    data = record.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    again = type(record).from_dict(json.loads(text))
    assert again == record
    assert json.dumps(again.to_dict(), ensure_ascii=False) == text


@pytest.mark.parametrize("record", EVERY_RECORD, ids=_ids(EVERY_RECORD))
def test_keys_are_written_in_the_files_order(record: Record) -> None:
    assert list(record.to_dict()) == FILE_ORDER[type(record)]


def test_a_note_constructed_positionally_still_writes_speaker_before_kind_and_text() -> None:
    assert json.dumps(NOTE.to_dict(), ensure_ascii=False) == (
        '{"id": "n1", "item": "phan-1", "at": "2024-05-10T07:42:00+07:00", '
        '"speaker": "p02", "kind": "question", "text": "Ý kiến"}'
    )


def test_optional_keys_are_left_out_only_at_their_default() -> None:
    live = full_session(approved=None, mode="live", content=ContentRef("a", "1")).to_dict()
    assert "approved" not in live and "mode" not in live and "framing" not in live["content"]
    person = Person("p01", "Nguyễn Văn An").to_dict()
    assert "name_parts" not in person  # the default split is not written
    assert PERSON.to_dict()["name_parts"] == ["Tôn Nữ", "Thị", "Hà"]


def test_missing_optional_keys_read_as_defaults() -> None:
    item = AgendaItem.from_dict({"id": "a", "title": "Mục"})
    assert item == AgendaItem("a", "Mục")
    assert Person.from_dict({"id": "p", "name": "Lê Văn An"}).ten == "An"


def test_a_missing_required_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        Note.from_dict({"id": "n1", "item": "a", "text": "x"})


# -- unknown keys and nulls -----------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [UNIT, PERSON, ATTENDANCE, ITEM, NOTE, VOTE, REFLECTION, APPROVAL, CONTENT, ROLES],
    ids=lambda r: type(r).__name__,
)
def test_unknown_keys_are_kept_and_written_back_last(record: Record) -> None:
    data = record.to_dict() | {"khac": {"a": [1, None]}, "z-1": "x"}
    again = type(record).from_dict(data).to_dict()
    assert again == data
    assert list(again)[-2:] == ["khac", "z-1"]


def test_unknown_keys_deep_in_a_session_survive_a_round_trip() -> None:
    data = full_session().to_dict()
    data["khac"] = 1
    data["unit"]["khac"] = [1]
    data["people"][1]["khac"] = {"a": None}
    data["roles"]["khac"] = "x"
    data["approved"]["khac"] = True
    assert Session.from_dict(data).to_dict() == data


def test_the_live_view_keeps_nothing_it_does_not_declare() -> None:
    data = LIVE.to_dict()
    data["presenter_notes"] = "bí mật"
    data["item"]["reason"] = "ốm"  # type: ignore[index]
    assert read_lenient(LiveView, data) == LIVE
    assert "bí mật" not in json.dumps(read_lenient(LiveView, data).to_dict(), ensure_ascii=False)


def test_nulls_read_are_written_back_as_nulls() -> None:
    data = full_session().to_dict()
    data.update(number=None, approved=None, progress=None, narrative=None)
    data["people"][0]["position"] = None
    session = Session.from_dict(data)
    assert session.number == "" and session.progress == Progress() and session.approved is None
    assert session.person("p01").position == ""  # type: ignore[union-attr]
    assert session.to_dict() == data
    filled = session.with_changes(number="06-BB/CB").to_dict()
    assert filled["number"] == "06-BB/CB" and filled["progress"] is None


# -- structural problems --------------------------------------------------------------


def problems(cls: type, data: dict[str, Any], where: str = "$.x[3]") -> list[tuple[str, str]]:
    check = Checker()
    check_record(check, cls, data, where)
    return [(p.where, p.message) for p in check.problems]


STATUSES = ", ".join(AttendanceStatus)
PROBLEMS: list[tuple[str, type, dict[str, Any], list[tuple[str, str]]]] = [
    ("valid", Attendance, {"person": "p1", "status": "present"}, []),
    ("required", Attendance, {"status": "present"}, [("$.x[3].person", msg.MISSING)]),
    ("choice", Attendance, {"person": "p1", "status": "here"},
     [("$.x[3].status", msg.not_one_of('"here"', AttendanceStatus))]),
    ("choice list", Attendance, {"person": "p1", "status": ["present"]},
     [("$.x[3].status", f'giá trị ["present"] không hợp lệ; chỉ nhận: {STATUSES}')]),
    ("nullable text", Attendance, {"person": "p1", "status": "late", "reason": 3},
     [("$.x[3].reason", msg.NOT_STRING_OR_NULL)]),
    ("time garbage", Attendance, {"person": "p1", "status": "late", "arrived_at": "8h"},
     [("$.x[3].arrived_at", msg.BAD_TIME)]),
    ("time naive", Attendance, {"person": "p1", "status": "late", "left_at": "2024-05-10T08:00"},
     [("$.x[3].left_at", msg.TIME_NO_OFFSET)]),
    ("time number", Note, {"id": "n", "item": "a", "at": 5, "kind": "record", "text": ""},
     [("$.x[3].at", msg.BAD_TIME)]),
    ("non-empty", Person, {"id": " ", "name": "A", "category": "khach"},
     [("$.x[3].id", msg.EMPTY)]),
    ("text", Person, {"id": "p", "name": 7, "category": "khach"},
     [("$.x[3].name", msg.NOT_STRING)]),
    ("flag", Person, {"id": "p", "name": "A", "category": "khach", "exempt": 1},
     [("$.x[3].exempt", msg.NOT_BOOL)]),
    ("null choice", Person, {"id": "p", "name": "A", "category": "khach", "temporary": None}, []),
    ("choice with null", Reflection, {"person": "p", "grade": "gioi"},
     [("$.x[3].grade", msg.not_one_of('"gioi"', (*Grade, None)))]),
    ("parts", Person, {"id": "p", "name": "A", "category": "khach", "name_parts": ["A"]},
     [("$.x[3].name_parts", msg.NAME_PARTS)]),
    ("integer bool", Vote, {"item": "a", "question": "q", "for": True, "against": 0,
                            "other": 0, "base": 1}, [("$.x[3].for", msg.NOT_INT)]),
    ("integer negative", Vote, {"item": "a", "question": "q", "for": 1, "against": -1,
                                "other": 0, "base": 1}, [("$.x[3].against", msg.NEGATIVE)]),
    ("integer float", Vote, {"item": "a", "question": "q", "for": 1, "against": 0,
                             "other": 0.0, "base": 1}, [("$.x[3].other", msg.NOT_INT)]),
    ("minimum", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 0},
     [("$.x[3].minutes", msg.NOT_POSITIVE)]),
    ("number nan", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 1,
                                "spent_seconds": float("nan")},
     [("$.x[3].spent_seconds", msg.NOT_NUMBER)]),
    ("number negative", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 1,
                                     "spent_seconds": -0.5},
     [("$.x[3].spent_seconds", msg.NEGATIVE)]),
    ("texts", AgendaItem, {"id": "a", "title": "T", "kind": "vote", "minutes": 1,
                           "questions": ["a", None]}, [("$.x[3].questions[1]", msg.NOT_STRING)]),
    ("texts not list", ContentRef, {"id": "a", "version": "1", "sources": "Sách"},
     [("$.x[3].sources", msg.NOT_LIST)]),
    ("triples", ContentRef, {"id": "a", "version": "1", "sources": [], "framing": [["a", "b"]]},
     [("$.x[3].framing[0]", msg.FRAMING_ENTRY)]),
    ("nested", Roster, {"unit": "Chi bộ", "people": [], "updated_at": None},
     [("$.x[3].unit", msg.NOT_OBJECT)]),
    ("nested problem", Roster, {"unit": {"name": ""}, "people": [], "updated_at": None},
     [("$.x[3].unit.name", msg.EMPTY)]),
    ("list", Roster, {"unit": {"name": "CB"}, "people": {}, "updated_at": None},
     [("$.x[3].people", msg.NOT_LIST)]),
    ("list entry", Roster, {"unit": {"name": "CB"}, "people": ["An"], "updated_at": None},
     [("$.x[3].people[0]", msg.NOT_OBJECT)]),
    ("list entry problem", Roster, {"unit": {"name": "CB"}, "updated_at": None,
                                    "people": [{"id": "p", "name": "A", "category": "x"}]},
     [("$.x[3].people[0].category", msg.not_one_of('"x"', PersonCategory))]),
    ("odd key", Unit, {"name": "CB", "profile": 1}, [("$.x[3].profile", msg.not_one_of(
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
    assert problems(Odd, {"ten-1": 3}, "$") == [('$["ten-1"]', msg.NOT_STRING)]


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

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=5)
    | st.sampled_from(["2024-05-10T07:30:00+07:00", "2024-05-10T07:30:00", "  ", "present"])
    | st.sampled_from([*AttendanceStatus, *NoteKind, *ItemKind, *Grade, *Temporary])
    | st.sampled_from([*SessionStatus, *SessionKind, *SessionMode, *PersonCategory, *Profile])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)
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


# -- stability ------------------------------------------------------------------------

names = st.text(st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ Ệ"), min_size=1, max_size=12)
ids = st.text(st.sampled_from("abc-019"), min_size=1, max_size=6)
times = st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.just(TZ)).map(
    lambda t: t.replace(microsecond=0)
)
people = st.builds(
    Person, ids, names, st.sampled_from(PersonCategory), names | st.just(""), st.booleans(),
    st.sampled_from([None, *Temporary]),
)  # fmt: skip
attendance = st.builds(
    Attendance, ids, st.sampled_from(AttendanceStatus), st.none() | times, st.none() | times,
    st.none() | names,
)  # fmt: skip
notes = st.builds(Note, ids, ids, times, names, st.sampled_from(NoteKind), st.none() | ids)
items = st.builds(
    AgendaItem, ids, names, st.sampled_from(ItemKind), st.none() | ids, st.integers(1, 90),
    questions=st.lists(names, max_size=2).map(tuple), spent_seconds=st.floats(0, 1e6),
)  # fmt: skip
extras = st.dictionaries(st.sampled_from(["khac", "x-1", "ghi chú"]), JSON_VALUES, max_size=2)
sessions = st.builds(
    Session,
    id=ids, unit=st.builds(Unit, names, extra=extras), title=names, started_at=times,
    status=st.sampled_from(SessionStatus), number=names | st.just(""), ended_at=st.none() | times,
    people=st.lists(people, max_size=4).map(tuple),
    attendance=st.lists(attendance, max_size=4).map(tuple),
    agenda=st.lists(items, max_size=3).map(tuple), notes=st.lists(notes, max_size=4).map(tuple),
    votes=st.lists(st.builds(Vote, ids, names, st.integers(0, 9)), max_size=2).map(tuple),
    approved=st.none() | st.builds(Approval, times, st.integers(0, 9), st.integers(0, 9)),
    mode=st.sampled_from(SessionMode), extra=extras,
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_to_dict_from_dict_to_dict_is_stable(session: Session) -> None:
    first = json.dumps(session.to_dict(), ensure_ascii=False)
    again = Session.from_dict(json.loads(first))
    assert json.dumps(again.to_dict(), ensure_ascii=False) == first
    assert again == session


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(FILE_ORDER[LiveView]), JSON_VALUES))
def test_the_live_view_reads_any_junk_and_writes_what_it_read(data: dict[str, Any]) -> None:
    view = read_lenient(LiveView, data)
    assert read_lenient(LiveView, json.loads(json.dumps(view.to_dict()))) == view


# -- cost -----------------------------------------------------------------------------


def test_plans_are_built_on_first_use_and_cached() -> None:
    code = (
        "from facilitator.domain import codec, models\n"
        "before = len(codec._PLANS)\n"
        "models.Unit('CB').to_dict()\n"
        "print(before, sorted(c.__name__ for c in codec._PLANS))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split(" ", 1)[0] == "0"
    assert "Unit" in out.stdout and "Session" not in out.stdout
    assert plan_of(Session) is plan_of(Session)


def test_encode_and_decode_are_the_records_methods() -> None:
    session = full_session()
    assert encode(session) == session.to_dict()
    assert decode(Session, session.to_dict()) == Session.from_dict(session.to_dict())
