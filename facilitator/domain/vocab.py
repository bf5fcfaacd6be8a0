"""The vocabularies of the session format: one enum each, and the constants built on them.

Members are ``StrEnum``: they equal, hash and serialise as their stored values, so a
value read from JSON ("present") and a member (``AttendanceStatus.PRESENT``) are one.
Adding a state means adding a member here (and its wording in ``facilitator.strings``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

BUNDLE_FORMAT = "facilitator.session/1"
SESSION_ID_PATTERN = r"[a-z0-9][a-z0-9-]{0,119}"
"""Session ids: lower-case ASCII, digits and "-"; safe as a folder name (no "/", no "..")."""


class SessionStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class PersonCategory(StrEnum):
    OFFICIAL = "chinh-thuc"  # đảng viên chính thức
    PROBATIONARY = "du-bi"  # đảng viên dự bị
    PUBLIC = "quan-chung"  # quần chúng
    GUEST = "khach"  # khách mời


class Temporary(StrEnum):
    """Sinh hoạt tạm thời: a member who attends here (đến) or elsewhere (đi)."""

    IN = "den"
    OUT = "di"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"
    EXCUSED = "absent-excused"
    ABSENT = "absent"
    EXEMPT = "exempt-absent"  # miễn sinh hoạt, did not attend


class NoteKind(StrEnum):
    OPINION = "opinion"
    QUESTION = "question"
    ANSWER = "answer"
    PROPOSAL = "proposal"
    CONCLUSION = "conclusion"
    RECORD = "record"


class ItemKind(StrEnum):
    """What an agenda item is for (a pack's ``kind`` attribute)."""

    PROCEDURE = "procedure"
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    VOTE = "vote"
    CONCLUSION = "conclusion"


class SessionKind(StrEnum):
    THEMATIC = "chuyen-de"
    REGULAR = "thuong-ky"
    CONFERENCE = "hoi-nghi"


class Grade(StrEnum):
    GOOD = "tot"
    FAIR = "kha"
    PASS = "dat"
    FAIL = "khong-dat"


class Profile(StrEnum):
    """The layout family of a unit's documents."""

    PARTY = "party"
    STATE = "state"


class SessionMode(StrEnum):
    """live: times come from the clock; afterwards: the minutes are typed up later from
    paper, every time is entered by hand and the clock never reaches the record."""

    LIVE = "live"
    AFTERWARDS = "afterwards"


SESSION_STATUSES: tuple[str, ...] = tuple(SessionStatus)
PERSON_CATEGORIES: tuple[str, ...] = tuple(PersonCategory)
MEMBER_CATEGORIES: tuple[str, ...] = (PersonCategory.OFFICIAL, PersonCategory.PROBATIONARY)
TEMPORARY_VALUES: tuple[str | None, ...] = (None, *Temporary)
ATTENDANCE_STATUSES: tuple[str, ...] = tuple(AttendanceStatus)
ATTENDING: frozenset[str] = frozenset((AttendanceStatus.PRESENT, AttendanceStatus.LATE))
"""The marks counted as có mặt (present on time or late)."""
NOTE_KINDS: tuple[str, ...] = tuple(NoteKind)
ITEM_KINDS: tuple[str, ...] = tuple(ItemKind)
SESSION_KINDS: tuple[str, ...] = tuple(SessionKind)
GRADES: tuple[str, ...] = tuple(Grade)
PROFILES: tuple[str, ...] = tuple(Profile)
SESSION_MODES: tuple[str, ...] = tuple(SessionMode)

Json = dict[str, Any]


def parse_time(value: str | None) -> datetime | None:
    """ISO 8601 text to an aware datetime (``None`` stays ``None``)."""
    return datetime.fromisoformat(value) if value else None


def format_time(value: datetime | None) -> str | None:
    """Aware datetime to ISO 8601 text with offset, to the second."""
    return value.isoformat(timespec="seconds") if value else None
