"""A quick yes to a plainly well-formed session bundle (the report's hot path).

:func:`quick_check` walks a bundle once with tight type tests and returns the membership
counts the report needs, or ``None`` as soon as anything is unusual; the caller then
runs the complete validator (:func:`facilitator.bundle.validate.validate_session`),
which finds and words every problem. The quick check may refuse a valid file (it then
costs a second pass), never accept one the validator would refuse: the tests hold it to
that on mutated bundles. Its rules mirror ``validate_session(foreign=True)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from facilitator.bundle.validate import SESSION_ID_RE
from facilitator.domain.models import (
    ATTENDANCE_STATUSES,
    BUNDLE_FORMAT,
    GRADES,
    ITEM_KINDS,
    NOTE_KINDS,
    PERSON_CATEGORIES,
    PROFILES,
    SESSION_KINDS,
    SESSION_MODES,
    SESSION_STATUSES,
)
from facilitator.domain.vocab import ATTENDING
from facilitator.domain.vocab import AttendanceStatus as Status

_STATUSES = frozenset(ATTENDANCE_STATUSES)
_CATEGORIES = frozenset(PERSON_CATEGORIES)
_NOTE_KINDS = frozenset(NOTE_KINDS)
_ITEM_KINDS = frozenset(ITEM_KINDS)
_GRADES = frozenset(GRADES)
_PRESENT = ATTENDING
_EXEMPT, _EXCUSED, _ABSENT = Status.EXEMPT.value, Status.EXCUSED.value, Status.ABSENT.value


class _No(Exception):
    """Not plainly valid: leave it to the complete validator."""


@dataclass(frozen=True, slots=True)
class QuickCounts:
    """Membership counts of a bundle that passed :func:`quick_check` (domain rules of
    :func:`facilitator.domain.membership.count_membership`)."""

    started_at: datetime
    members: dict[str, dict[str, Any]]
    present_ids: frozenset[str]
    total: int
    official: int
    exempt: int
    present: int
    excused: tuple[dict[str, Any], ...]
    unexcused: tuple[dict[str, Any], ...]
    unmarked: int
    expected: int
    non_members: int
    voting_base: int


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _No
    return value


def _text(value: Any) -> str:
    if type(value) is not str or not value.strip():
        raise _No
    return value


def _opt_str(obj: dict[str, Any], key: str) -> None:
    if key in obj and obj[key] is not None and type(obj[key]) is not str:
        raise _No


def _int(value: Any, minimum: int = 0) -> int:
    if type(value) is not int or value < minimum:
        raise _No
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _No
    return value


def _dict(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise _No
    return value


def _moment(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(_str(value))
    except ValueError:
        raise _No from None
    if moment.utcoffset() is None:
        raise _No
    return moment


def _on_days(value: Any, first: date, last: date, start: datetime) -> datetime | None:
    """An optional time that must fall on the meeting's days."""
    if value is None:
        return None
    moment = _moment(value)
    if not first <= moment.astimezone(start.tzinfo).date() <= last:
        raise _No
    return moment


def quick_check(data: Any) -> QuickCounts | None:
    """Counts of a plainly valid bundle, or ``None`` (then validate it completely)."""
    try:
        return _check(data)
    except (_No, KeyError, TypeError, AttributeError):
        return None


def _check(data: Any) -> QuickCounts:
    d = _dict(data)
    if d.get("format") != BUNDLE_FORMAT or not SESSION_ID_RE.fullmatch(_str(d["id"])):
        raise _No
    if d["status"] not in SESSION_STATUSES or d["kind"] not in SESSION_KINDS:
        raise _No
    unit = _dict(d["unit"])
    _text(unit["name"])
    for key in ("parent", "abbrev", "locality"):
        if key in unit:
            _str(unit[key])
    if "profile" in unit and unit["profile"] not in PROFILES:
        raise _No
    _opt_str(d, "number")
    _text(d["title"])
    _str(d["place"])
    _str(d["conclusion"])
    if "mode" in d and d["mode"] not in SESSION_MODES:
        raise _No
    start = _moment(d["started_at"])
    end = _moment(d["ended_at"]) if d.get("ended_at") is not None else None
    first = start.date()
    last = end.astimezone(start.tzinfo).date() if end else first + timedelta(days=1)
    last = max(first, last)
    content = _dict(d["content"])
    _str(content["id"])
    _str(content["version"])
    for source in _list(content["sources"]):
        _str(source)
    if "framing" in content:
        for entry in _list(content["framing"]):
            if type(entry) is not list or len(entry) != 3 or not all(type(x) is str for x in entry):
                raise _No
    people = _people(d)
    roles = _dict(d["roles"])
    for key in ("chair", "secretary"):
        if roles.get(key) is not None and _str(roles[key]) not in people:
            raise _No
    for presenter in _list(roles.get("presenters", [])):
        if _str(presenter) not in people:
            raise _No
    records = _attendance(d, people, first, last, start)
    items = _agenda(d, people, first, last, start)
    _notes(d, people, items)
    counts = _counts(start, people, records)
    for vote in _list(d["votes"]):
        vote = _dict(vote)
        if _str(vote["item"]) not in items:
            raise _No
        _str(vote["question"])
        hands = sum(_int(vote[k]) for k in ("for", "against", "other"))
        if _int(vote["base"]) != counts.voting_base or hands > counts.voting_base:
            raise _No
    _tail(d, people)
    return counts


def _people(d: dict[str, Any]) -> dict[str, dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for person in _list(d["people"]):
        person = _dict(person)
        person_id = _text(person["id"])
        if person_id in people or person["category"] not in _CATEGORIES:
            raise _No
        _text(person["name"])
        _opt_str(person, "position")
        if "exempt" in person and type(person["exempt"]) is not bool:
            raise _No
        if person.get("temporary") not in (None, "den", "di"):
            raise _No
        if "name_parts" in person:
            parts = person["name_parts"]
            if type(parts) is not list or len(parts) != 3 or not all(type(p) is str for p in parts):
                raise _No
        people[person_id] = person
    return people


def _attendance(
    d: dict[str, Any], people: dict[str, Any], first: date, last: date, start: datetime
) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for record in _list(d["attendance"]):
        record = _dict(record)
        person = _str(record["person"])
        status = record["status"]
        if person not in people or person in records or status not in _STATUSES:
            raise _No
        arrived = _on_days(record.get("arrived_at"), first, last, start)
        left = _on_days(record.get("left_at"), first, last, start)
        _opt_str(record, "reason")
        if status == "late" and arrived is None:
            raise _No
        if left is not None and (status not in _PRESENT or (arrived and left < arrived)):
            raise _No
        records[person] = record
    return records


def _agenda(
    d: dict[str, Any], people: dict[str, Any], first: date, last: date, start: datetime
) -> set[str]:
    items: set[str] = set()
    for item in _list(d["agenda"]):
        item = _dict(item)
        item_id = _text(item["id"])
        if item_id in items or item["kind"] not in _ITEM_KINDS:
            raise _No
        items.add(item_id)
        _text(item["title"])
        _int(item["minutes"], 1)
        _opt_str(item, "framing")
        _on_days(item.get("started_at"), first, last, start)
        _on_days(item.get("ended_at"), first, last, start)
        if "skipped" in item and type(item["skipped"]) is not bool:
            raise _No
        for key in ("body", "presenter_notes", "conclusion"):
            if key in item:
                _str(item[key])
        for question in _list(item.get("questions", [])):
            _str(question)
        if item.get("presenter") is not None and _str(item["presenter"]) not in people:
            raise _No
        if "spent_seconds" in item:
            spent = item["spent_seconds"]
            if type(spent) not in (int, float) or not 0 <= spent < float("inf"):
                raise _No
    return items


def _notes(d: dict[str, Any], people: dict[str, Any], items: set[str]) -> None:
    seen: set[str] = set()
    for note in _list(d["notes"]):
        note = _dict(note)
        note_id = _text(note["id"])
        if note_id in seen or _str(note["item"]) not in items or note["kind"] not in _NOTE_KINDS:
            raise _No
        seen.add(note_id)
        _moment(note["at"])
        _str(note["text"])
        if note.get("speaker") is not None and _str(note["speaker"]) not in people:
            raise _No


def _tail(d: dict[str, Any], people: dict[str, Any]) -> None:
    """Reflections, approval and what the app keeps beyond the spec."""
    seen: set[str] = set()
    for entry in _list(d.get("reflections", [])):
        entry = _dict(entry)
        person = _str(entry["person"])
        if person not in people or person in seen:
            raise _No
        seen.add(person)
        if "submitted" in entry and type(entry["submitted"]) is not bool:
            raise _No
        if entry.get("grade") is not None and entry["grade"] not in _GRADES:
            raise _No
    approved = d.get("approved")
    if approved is not None:
        approved = _dict(approved)
        _moment(approved["at"])
        if _int(approved["for"]) > _int(approved["base"]) and approved["base"]:
            raise _No
    progress = d.get("progress")
    if progress is not None:
        _opt_str(_dict(progress), "current")
        if progress.get("entered_at") is not None:
            _moment(progress["entered_at"])
    narrative = d.get("narrative")
    if narrative is not None:
        for key in ("strengths", "weaknesses", "proposals"):
            if key in _dict(narrative):
                _str(narrative[key])
    for event in _list(d.get("events", [])):
        event = _dict(event)
        _moment(event["at"])
        _str(event["kind"])
        if "detail" in event:
            _str(event["detail"])


def _counts(
    start: datetime, people: dict[str, dict[str, Any]], records: dict[str, dict[str, Any]]
) -> QuickCounts:
    """count_membership's rules over plain dicts (members only, roster order)."""
    members = {i: p for i, p in people.items() if p["category"] in ("chinh-thuc", "du-bi")}
    present_ids = frozenset(i for i, r in records.items() if r["status"] in _PRESENT)
    present = exempt_absent = temp_out = unmarked = official_out = 0
    excused: list[dict[str, Any]] = []
    unexcused: list[dict[str, Any]] = []
    for person_id, person in members.items():
        if person_id in present_ids:
            present += 1
            continue
        record = records.get(person_id)
        official = person["category"] == "chinh-thuc"
        if person.get("temporary") == "di":
            temp_out += 1
            official_out += official
        elif person.get("exempt", False) or (record and record["status"] == _EXEMPT):
            exempt_absent += 1
            official_out += official
        elif record is None:
            unmarked += 1
        elif record["status"] == _EXCUSED:
            excused.append(person)
            official_out += official
        elif record["status"] == _ABSENT:
            unexcused.append(person)
        else:  # a state this quick count does not know: the domain's count decides
            raise _No
    official_total = sum(p["category"] == "chinh-thuc" for p in members.values())
    non_members = sum(
        people[i]["category"] == "quan-chung" for i in present_ids if i not in members
    )
    return QuickCounts(
        started_at=start,
        members=members,
        present_ids=present_ids,
        total=len(members),
        official=official_total,
        exempt=sum(bool(p.get("exempt", False)) for p in members.values()),
        present=present,
        excused=tuple(excused),
        unexcused=tuple(unexcused),
        unmarked=unmarked,
        expected=len(members) - exempt_absent - temp_out,
        non_members=non_members,
        voting_base=official_total - official_out,
    )
