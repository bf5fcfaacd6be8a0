"""The one declaration of each format, the records: codec round trips in the files' key order,
unknown keys and nulls kept, to_dict/from_dict stable, plans built on first use.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from codec_helpers import (
    APPROVAL,
    ATTENDANCE,
    CONTENT,
    EVERY_RECORD,
    FILE_ORDER,
    ITEM,
    JSON_VALUES,
    LIVE,
    NOTE,
    PERSON,
    REFLECTION,
    ROLES,
    TZ,
    UNIT,
    VOTE,
    full_session,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.codec import Record, decode, encode, plan_of, read_lenient
from facilitator.domain.models import (
    AgendaItem,
    Approval,
    Attendance,
    ContentRef,
    Note,
    Person,
    Progress,
    Session,
    Unit,
    Vote,
)
from facilitator.domain.vocab import (
    AttendanceStatus,
    ItemKind,
    NoteKind,
    PersonCategory,
    SessionMode,
    SessionStatus,
    Temporary,
)
from facilitator.services.live import LiveView


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


def test_an_unchanged_tuple_of_records_is_encoded_once_and_always_the_same() -> None:
    # A mark changes the attendance, not the people: their encoding is reused, and what
    # one caller does to its list never reaches the next.
    from builders import make_session

    session = make_session()
    first = session.to_dict()
    first["people"].append({"id": "nobody"})
    marked = session.with_changes(attendance=session.attendance[1:])
    again = marked.to_dict()
    assert again["people"] == make_session().to_dict()["people"]
    assert len(again["people"]) == len(session.people)
    renamed = marked.with_changes(
        people=(replace(marked.people[0], name="Tên Đã Sửa"), *marked.people[1:])
    )
    assert renamed.to_dict()["people"][0]["name"] == "Tên Đã Sửa"
