"""Complete validation of a ``facilitator.session/1`` bundle before anything trusts it.

Every problem is reported with its JSON path (``$.attendance[3].status``), not only the
first, so a user fixes a file in one go. The structure (required keys, types, choices)
derives from the records' declarations (:mod:`facilitator.bundle.structure`); this module
adds the rules that are not structure: the format's name and version, the id pattern,
references between records (people, agenda items), one record per person, vote bases
derived from attendance, and, for foreign files, times on the meeting's days. Unknown
keys are allowed: they are kept and written back.

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
from facilitator.bundle.checker import Obj, is_int
from facilitator.bundle.checker import TooMany as _TooMany
from facilitator.bundle.checker import json_key as _key
from facilitator.bundle.checker import plain as _plain
from facilitator.bundle.checker import shown as _shown
from facilitator.bundle.meeting import aware_moment, meeting_days, voting_base_of
from facilitator.bundle.structure import Step, check_record
from facilitator.domain.errors import Problem
from facilitator.domain.models import (
    ATTENDANCE_STATUSES,
    BUNDLE_FORMAT,
    SESSION_ID_PATTERN,
    Session,
)
from facilitator.domain.vocab import ATTENDING
from facilitator.strings import bundle as bundle_text
from facilitator.strings import timing as timing_text

# Same rule as the store's folder names, so every valid bundle can be stored.
SESSION_ID_RE = re.compile(SESSION_ID_PATTERN)
_FORMAT_FAMILY = BUNDLE_FORMAT.rsplit("/", 1)[0] + "/"
# A problem in these leaves the vote base unknown (roles were always counted with them).
_BASE_SECTIONS = re.compile(r"\$\.(?:people|roles|attendance)\b")
_PRESENT = ATTENDING

PersonRef = Callable[[str], str]


def validate_session(
    data: Any, *, foreign: bool = False, base_of: Callable[[], int] | None = None
) -> list[Problem]:
    """Every problem of a bundle-shaped value, each located by its JSON path.

    ``foreign``: the data comes from a file being imported or read for a report, not from
    the store; it must then also keep every time on the meeting's day(s). The store does
    not apply that rule: a live session resumed the next day is stamped by the clock, and
    refusing it would lock the console out of its own session.

    ``base_of``: the voting base of ``data``'s people and attendance, from a caller that
    already holds them decoded (decoding them again for the votes' check was a sixth of
    an import's CPU); asked only when the votes are checked and those parts are sound.
    """
    check = _Checker()
    try:
        _check_session(check, data, foreign, base_of)
    except _TooMany:
        return check.result(stopped=True)
    return check.result()


def _check_format(check: _Checker, data: Obj) -> bool:
    if "format" not in data:
        check.add("$.format", bundle_text.FORMAT_MISSING)
        return False
    found = data["format"]
    if found == BUNDLE_FORMAT:
        return True
    if isinstance(found, str) and found.startswith(_FORMAT_FAMILY):
        check.add("$.format", bundle_text.format_version(_shown(found)))
    else:
        check.add("$.format", bundle_text.format_other(_shown(found)))
    return False


def _check_session(
    check: _Checker, data: Any, foreign: bool, base_of: Callable[[], int] | None
) -> None:
    if not isinstance(data, dict):
        check.add("$", bundle_text.ROOT_NOT_OBJECT)
        return
    # Another format or version means another shape: listing its fields would only be noise.
    if not _check_format(check, data):
        return
    check_record(check, Session, data, "$", _Rules(data, foreign, base_of).after())


# -- helpers over structurally checked values ------------------------------------------


def _id(obj: Obj, key: str = "id") -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _count(obj: Obj, key: str) -> int | None:
    value = obj.get(key)
    return value if is_int(value) and value >= 0 else None


def _ref(
    check: _Checker, obj: Obj, key: str, where: str, known: Collection[str], unknown: PersonRef
) -> str | None:
    """The reference at ``key`` when it names a known id; an unknown one is a problem."""
    value = obj.get(key)
    if not isinstance(value, str):
        return None
    if value not in known:
        check.add(_key(where, key), unknown(_plain(value)))
        return None
    return value


def _remember(
    check: _Checker,
    value: str | None,
    where: str,
    seen: dict[str, str],
    field: str = "id",
    message: Callable[[str, str], str] = bundle_text.duplicate_id,
) -> None:
    """Record a key at its path, reporting a repeat against its first occurrence."""
    if value is None:
        return
    if value in seen:
        check.add(f"{where}.{field}", message(_plain(value), seen[value]))
    else:
        seen[value] = where


class _Rules:
    """The rules beyond structure, run on each value once its own shape is checked."""

    def __init__(self, data: Obj, foreign: bool, base_of: Callable[[], int] | None) -> None:
        self.data = data
        self.base_of = base_of or (lambda: voting_base_of(data))
        self.days = meeting_days(data.get("started_at"), data.get("ended_at")) if foreign else None
        # Known before the walk: roles come first in the file but name people.
        self.people = _people_ids(data)
        self.item_ids: dict[str, str] = {}
        self.items: Collection[str] = (
            self.item_ids if isinstance(data.get("agenda"), list) else _Anything()
        )
        self.note_ids: dict[str, str] = {}
        self.attended: dict[str, str] = {}
        self.reflected: dict[str, str] = {}
        self.base: int | None = None
        self.base_known = False

    def after(self) -> dict[str, Step]:
        return {
            "id": self.session_id,
            "roles": self.roles,
            "people": self.person,
            "attendance": self.attendance,
            "agenda": self.item,
            "notes": self.note,
            "votes": self.vote,
            "reflections": self.reflection,
            "approved": self.approved,
        }

    def session_id(self, check: _Checker, data: Obj, where: str) -> None:
        session_id = data.get("id")
        if isinstance(session_id, str) and not SESSION_ID_RE.fullmatch(session_id):
            check.add("$.id", bundle_text.BAD_SESSION_ID)

    def roles(self, check: _Checker, roles: Obj, where: str) -> None:
        for key in ("chair", "secretary"):
            _ref(check, roles, key, where, self.people, bundle_text.unknown_person)
        presenters = roles.get("presenters")
        for index, value in enumerate(presenters if isinstance(presenters, list) else ()):
            if isinstance(value, str) and value not in self.people:
                check.add(f"{where}.presenters[{index}]", bundle_text.unknown_person(_plain(value)))

    def person(self, check: _Checker, person: Obj, where: str) -> None:
        person_id = _id(person)
        first = self.people.get(person_id) if isinstance(self.people, dict) else None
        if person_id is not None and first is not None and first != where:
            check.add(f"{where}.id", bundle_text.duplicate_id(_plain(person_id), first))

    def attendance(self, check: _Checker, record: Obj, where: str) -> None:
        person_id = _ref(check, record, "person", where, self.people, bundle_text.unknown_person)
        _remember(check, person_id, where, self.attended, "person", bundle_text.duplicate_record)
        for key in ("arrived_at", "left_at"):
            self.on_meeting_days(check, record, key, where)
        status = record.get("status")
        if status == "late" and record.get("arrived_at") is None:
            check.add(f"{where}.arrived_at", bundle_text.LATE_NEEDS_ARRIVAL)
        known = isinstance(status, str) and status in ATTENDANCE_STATUSES
        _check_left(check, record, where, status if known else None)

    def item(self, check: _Checker, item: Obj, where: str) -> None:
        _remember(check, _id(item), where, self.item_ids)
        for key in ("started_at", "ended_at"):
            self.on_meeting_days(check, item, key, where)
        _ref(check, item, "presenter", where, self.people, bundle_text.unknown_person)

    def note(self, check: _Checker, note: Obj, where: str) -> None:
        _remember(check, _id(note), where, self.note_ids)
        _ref(check, note, "item", where, self.items, bundle_text.unknown_item)
        _ref(check, note, "speaker", where, self.people, bundle_text.unknown_person)

    def vote(self, check: _Checker, vote: Obj, where: str) -> None:
        """The base is the one attendance gives (when people and attendance are sound),
        and the hands counted do not exceed it."""
        derived = self.derived_base(check)
        _ref(check, vote, "item", where, self.items, bundle_text.unknown_item)
        counts = [_count(vote, key) for key in ("for", "against", "other")]
        base = _count(vote, "base")
        if base is not None and derived is not None and base != derived:
            check.add(f"{where}.base", bundle_text.vote_base_disagrees(base, derived))
            base = derived
        if base is not None and all(c is not None for c in counts):
            total = sum(c for c in counts if c is not None)
            if total > base:
                check.add(where, bundle_text.votes_exceed(total, base))

    def derived_base(self, check: _Checker) -> int | None:
        # Worked out only for votes to check: a write of one mark must not pay for it.
        if not self.base_known:
            self.base_known = True
            self.base = self.base_of() if _base_sound(check) else None
        return self.base

    def reflection(self, check: _Checker, entry: Obj, where: str) -> None:
        person_id = _ref(check, entry, "person", where, self.people, bundle_text.unknown_person)
        _remember(check, person_id, where, self.reflected, "person", bundle_text.duplicate_record)

    def approved(self, check: _Checker, approved: Obj, where: str) -> None:
        votes_for = _count(approved, "for")
        base = _count(approved, "base")
        if votes_for is not None and base and votes_for > base:
            check.add(f"{where}.for", bundle_text.approvals_exceed(votes_for, base))

    def on_meeting_days(self, check: _Checker, obj: Obj, key: str, where: str) -> None:
        problem = self.days.outside(aware_moment(obj.get(key))) if self.days else None
        if problem:
            check.add(_key(where, key), problem)


def _base_sound(check: _Checker) -> bool:
    """No problem in what the vote base is derived from (unknown when some were dropped)."""
    if check.count > len(check.problems):
        return False
    return not any(_BASE_SECTIONS.match(problem.where) for problem in check.problems)


def _people_ids(data: Obj) -> Collection[str]:
    """Valid person ids, each mapped to the path of its first definition."""
    people = data.get("people")
    if not isinstance(people, list):
        return _Anything()  # a broken list: its references are not checked
    seen: dict[str, str] = {}
    for index, person in enumerate(people):
        if isinstance(person, dict) and (person_id := _id(person)) is not None:
            seen.setdefault(person_id, f"$.people[{index}]")
    return seen


def _check_left(check: _Checker, record: Obj, where: str, status: str | None) -> None:
    """``left_at`` (về sớm) belongs to someone present, and not before they arrived."""
    left = aware_moment(record.get("left_at"))
    if left is None:
        return
    if status is not None and status not in _PRESENT:
        check.add(f"{where}.left_at", timing_text.BUNDLE_LEFT_NOT_PRESENT)
    arrived = aware_moment(record.get("arrived_at"))
    if arrived is not None and left < arrived:
        check.add(f"{where}.left_at", timing_text.BUNDLE_LEFT_BEFORE_ARRIVAL)
