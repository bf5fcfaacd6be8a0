"""Complete validation of a ``facilitator.session/1`` bundle before anything trusts it.

Every problem is reported with its JSON path (``$.attendance[3].status``), not only the
first, so a user fixes a file in one go. Keys the spec lists are required when a record
means nothing without them (ids, names, statuses, counts); flags and nullable details the
models give defaults for may be left out, but are type-checked when present. Unknown keys
are allowed: they are kept and written back.

A hostile file with huge arrays stays cheap: at most ``MAX_REPORTED`` problems are
described and checking stops once ``MAX_COUNTED`` have been seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from facilitator.bundle.checker import MAX_REPORTED as MAX_REPORTED
from facilitator.bundle.checker import Anything as _Anything
from facilitator.bundle.checker import Checker as _Checker
from facilitator.bundle.checker import Obj
from facilitator.bundle.checker import TooMany as _TooMany
from facilitator.bundle.checker import json_key as _key
from facilitator.bundle.checker import plain as _plain
from facilitator.bundle.checker import shown as _shown
from facilitator.bundle.meeting import MeetingDays, aware_moment, meeting_days, voting_base_of
from facilitator.domain.errors import Problem
from facilitator.domain.models import (
    ATTENDANCE_STATUSES,
    BUNDLE_FORMAT,
    GRADES,
    ITEM_KINDS,
    NOTE_KINDS,
    PERSON_CATEGORIES,
    PROFILES,
    SESSION_ID_PATTERN,
    SESSION_KINDS,
    SESSION_MODES,
    SESSION_STATUSES,
    TEMPORARY_VALUES,
)
from facilitator.strings import bundle as msg
from facilitator.strings import timing as timing_msg

# Same rule as the store's folder names, so every valid bundle can be stored.
SESSION_ID_RE = re.compile(SESSION_ID_PATTERN)
_FORMAT_FAMILY = BUNDLE_FORMAT.rsplit("/", 1)[0] + "/"


def validate_session(data: Any, *, foreign: bool = False) -> list[Problem]:
    """Every problem of a bundle-shaped value, each located by its JSON path.

    ``foreign``: the data comes from a file being imported or read for a report, not from
    the store; it must then also keep every time on the meeting's day(s). The store does
    not apply that rule: a live session resumed the next day is stamped by the clock, and
    refusing it would lock the console out of its own session.
    """
    check = _Checker()
    try:
        _check_session(check, data, foreign)
    except _TooMany:
        return check.result(stopped=True)
    return check.result()


def _check_format(check: _Checker, data: Obj) -> bool:
    if "format" not in data:
        check.add("$.format", msg.FORMAT_MISSING)
        return False
    found = data["format"]
    if found == BUNDLE_FORMAT:
        return True
    if isinstance(found, str) and found.startswith(_FORMAT_FAMILY):
        check.add("$.format", msg.format_version(_shown(found)))
    else:
        check.add("$.format", msg.format_other(_shown(found)))
    return False


def _check_session(check: _Checker, data: Any, foreign: bool) -> None:
    if not isinstance(data, dict):
        check.add("$", msg.ROOT_NOT_OBJECT)
        return
    # Another format or version means another shape: listing its fields would only be noise.
    if not _check_format(check, data):
        return
    session_id = check.string(data, "id", "$")
    if session_id is not None and not SESSION_ID_RE.fullmatch(session_id):
        check.add("$.id", msg.BAD_SESSION_ID)
    check.choice(data, "status", "$", SESSION_STATUSES)
    _check_unit(check, data)
    check.string(data, "number", "$", required=False, nullable=True)
    check.string(data, "title", "$", non_empty=True)
    check.choice(data, "kind", "$", SESSION_KINDS)
    check.string(data, "place", "$")
    check.time(data, "started_at", "$")
    check.time(data, "ended_at", "$", required=False, nullable=True)
    check.choice(data, "mode", "$", SESSION_MODES, required=False)
    _check_content(check, data)
    days = meeting_days(data.get("started_at"), data.get("ended_at")) if foreign else None
    before = check.count
    people = _check_people(check, data)
    _check_roles(check, data, people)
    _check_attendance(check, data, people, days)
    # The vote base is derived from people + attendance, so only once both are sound.
    # Worked out only for votes to check: a write of one mark must not pay for it.
    sound = check.count == before and bool(data.get("votes"))
    base = voting_base_of(data) if sound else None
    items = _check_agenda(check, data, people, days)
    _check_notes(check, data, people, items)
    _check_votes(check, data, items, base)
    check.string(data, "conclusion", "$")
    _check_reflections(check, data, people)
    _check_approved(check, data)
    _check_stored_extras(check, data)


def _check_unit(check: _Checker, data: Obj) -> None:
    unit = check.obj(data, "unit", "$")
    if unit is None:
        return
    check.string(unit, "name", "$.unit", non_empty=True)
    for key in ("parent", "abbrev", "locality"):
        check.string(unit, key, "$.unit", required=False)
    check.choice(unit, "profile", "$.unit", PROFILES, required=False)


def _check_content(check: _Checker, data: Obj) -> None:
    content = check.obj(data, "content", "$")
    if content is None:
        return
    check.string(content, "id", "$.content")
    check.string(content, "version", "$.content")
    check.string_list(content, "sources", "$.content")
    for index, entry in enumerate(check.array(content, "framing", "$.content", required=False)):
        if not (
            isinstance(entry, list)
            and len(entry) == 3
            and all(isinstance(part, str) for part in entry)
        ):
            check.add(f"$.content.framing[{index}]", msg.FRAMING_ENTRY)


def _remember_id(
    value: str | None,
    where: str,
    seen: dict[str, str],
    check: _Checker,
    field: str = "id",
    message: Callable[[str, str], str] = msg.duplicate_id,
) -> None:
    """Record a key at its path, reporting a repeat against its first occurrence."""
    if value is None:
        return
    if value in seen:
        check.add(f"{where}.{field}", message(_plain(value), seen[value]))
    else:
        seen[value] = where


def _ids_or_anything(data: Obj, key: str, seen: dict[str, str]) -> Collection[str]:
    return seen if isinstance(data.get(key), list) else _Anything()


def _check_people(check: _Checker, data: Obj) -> Collection[str]:
    """Validate ``people``; returns the valid ids (mapped to the path defining each)."""
    seen: dict[str, str] = {}
    for where, person in check.objects(data, "people", "$"):
        person_id = check.string(person, "id", where, non_empty=True)
        _remember_id(person_id, where, seen, check)
        check.string(person, "name", where, non_empty=True)
        check.choice(person, "category", where, PERSON_CATEGORIES)
        check.string(person, "position", where, required=False, nullable=True)
        check.boolean(person, "exempt", where)
        check.choice(person, "temporary", where, TEMPORARY_VALUES, required=False)
        if "name_parts" in person:
            parts = person["name_parts"]
            if not (
                isinstance(parts, list)
                and len(parts) == 3
                and all(isinstance(part, str) for part in parts)
            ):
                check.add(f"{where}.name_parts", msg.NAME_PARTS)
    return _ids_or_anything(data, "people", seen)


def _check_roles(check: _Checker, data: Obj, people: Collection[str]) -> None:
    roles = check.obj(data, "roles", "$")
    if roles is None:
        return
    for key in ("chair", "secretary"):
        check.ref(roles, key, "$.roles", people, msg.unknown_person, required=False, nullable=True)
    for index, value in enumerate(check.array(roles, "presenters", "$.roles", required=False)):
        where = f"$.roles.presenters[{index}]"
        if not isinstance(value, str):
            check.add(where, msg.NOT_STRING)
        elif value not in people:
            check.add(where, msg.unknown_person(_plain(value)))


def _check_attendance(
    check: _Checker, data: Obj, people: Collection[str], days: MeetingDays | None
) -> None:
    seen: dict[str, str] = {}
    for where, record in check.objects(data, "attendance", "$"):
        person_id = check.ref(record, "person", where, people, msg.unknown_person)
        _remember_id(person_id, where, seen, check, "person", msg.duplicate_record)
        status = check.choice(record, "status", where, ATTENDANCE_STATUSES)
        check.time(record, "arrived_at", where, required=False, nullable=True)
        check.time(record, "left_at", where, required=False, nullable=True)
        for key in ("arrived_at", "left_at"):
            _check_day(check, record, key, where, days)
        check.string(record, "reason", where, required=False, nullable=True)
        if status == "late" and record.get("arrived_at") is None:
            check.add(f"{where}.arrived_at", msg.LATE_NEEDS_ARRIVAL)
        _check_left(check, record, where, status)


def _check_left(check: _Checker, record: Obj, where: str, status: str | None) -> None:
    """``left_at`` (về sớm) belongs to someone present, and not before they arrived."""
    left = aware_moment(record.get("left_at"))
    if left is None:
        return
    if status is not None and status not in ("present", "late"):
        check.add(f"{where}.left_at", timing_msg.BUNDLE_LEFT_NOT_PRESENT)
    arrived = aware_moment(record.get("arrived_at"))
    if arrived is not None and left < arrived:
        check.add(f"{where}.left_at", timing_msg.BUNDLE_LEFT_BEFORE_ARRIVAL)


def _check_agenda(
    check: _Checker, data: Obj, people: Collection[str], days: MeetingDays | None
) -> Collection[str]:
    seen: dict[str, str] = {}
    for where, item in check.objects(data, "agenda", "$"):
        item_id = check.string(item, "id", where, non_empty=True)
        _remember_id(item_id, where, seen, check)
        check.string(item, "title", where, non_empty=True)
        check.choice(item, "kind", where, ITEM_KINDS)
        check.string(item, "framing", where, required=False, nullable=True)
        check.integer(item, "minutes", where, minimum=1)
        check.time(item, "started_at", where, required=False, nullable=True)
        check.time(item, "ended_at", where, required=False, nullable=True)
        for key in ("started_at", "ended_at"):
            _check_day(check, item, key, where, days)
        check.boolean(item, "skipped", where)
        # Extras the app stores with each item (copied from the content pack, timers).
        for key in ("body", "presenter_notes", "conclusion"):
            check.string(item, key, where, required=False)
        check.string_list(item, "questions", where, required=False)
        check.ref(
            item, "presenter", where, people, msg.unknown_person, required=False, nullable=True
        )
        check.number(item, "spent_seconds", where)
    return _ids_or_anything(data, "agenda", seen)


def _check_notes(
    check: _Checker, data: Obj, people: Collection[str], items: Collection[str]
) -> None:
    seen: dict[str, str] = {}
    for where, note in check.objects(data, "notes", "$"):
        note_id = check.string(note, "id", where, non_empty=True)
        _remember_id(note_id, where, seen, check)
        check.ref(note, "item", where, items, msg.unknown_item)
        check.time(note, "at", where)
        check.ref(note, "speaker", where, people, msg.unknown_person, required=False, nullable=True)
        check.choice(note, "kind", where, NOTE_KINDS)
        check.string(note, "text", where)


def _check_votes(check: _Checker, data: Obj, items: Collection[str], derived: int | None) -> None:
    """Counts are whole numbers; the base is the one attendance gives (``derived``, when
    people and attendance are sound), and the hands counted do not exceed it."""
    for where, vote in check.objects(data, "votes", "$"):
        check.ref(vote, "item", where, items, msg.unknown_item)
        check.string(vote, "question", where)
        counts = [check.integer(vote, key, where) for key in ("for", "against", "other")]
        base = check.integer(vote, "base", where)
        if base is not None and derived is not None and base != derived:
            check.add(f"{where}.base", msg.vote_base_disagrees(base, derived))
            base = derived
        if base is not None and all(c is not None for c in counts):
            total = sum(c for c in counts if c is not None)
            if total > base:
                check.add(where, msg.votes_exceed(total, base))


def _check_day(check: _Checker, obj: Obj, key: str, where: str, days: MeetingDays | None) -> None:
    problem = days.outside(aware_moment(obj.get(key))) if days is not None else None
    if problem:
        check.add(_key(where, key), problem)


def _check_reflections(check: _Checker, data: Obj, people: Collection[str]) -> None:
    seen: dict[str, str] = {}
    for where, entry in check.objects(data, "reflections", "$", required=False):
        person_id = check.ref(entry, "person", where, people, msg.unknown_person)
        _remember_id(person_id, where, seen, check, "person", msg.duplicate_record)
        check.boolean(entry, "submitted", where)
        check.choice(entry, "grade", where, (*GRADES, None), required=False)


def _check_approved(check: _Checker, data: Obj) -> None:
    approved = check.obj(data, "approved", "$", required=False)
    if approved is None:
        return
    check.time(approved, "at", "$.approved")
    votes_for = check.integer(approved, "for", "$.approved")
    base = check.integer(approved, "base", "$.approved")
    if votes_for is not None and base and votes_for > base:
        check.add("$.approved.for", msg.approvals_exceed(votes_for, base))


def _check_stored_extras(check: _Checker, data: Obj) -> None:
    """``progress``, ``narrative`` and ``events``: what the app keeps beyond the spec."""
    progress = check.obj(data, "progress", "$", required=False)
    if progress is not None:
        # Only the type: a dangling pointer must not make a session unopenable.
        check.string(progress, "current", "$.progress", required=False, nullable=True)
        check.time(progress, "entered_at", "$.progress", required=False, nullable=True)
    narrative = check.obj(data, "narrative", "$", required=False)
    if narrative is not None:
        for key in ("strengths", "weaknesses", "proposals"):
            check.string(narrative, key, "$.narrative", required=False)
    for where, event in check.objects(data, "events", "$", required=False):
        check.time(event, "at", where)
        check.string(event, "kind", where)
        check.string(event, "detail", where, required=False)
