"""Frozen domain records of a study session, shaped after the session bundle format.

Every record is declared once (:mod:`facilitator.domain.schema`): its ``to_dict`` /
``from_dict`` (:mod:`facilitator.domain.codec`) and the bundle's structural checks
(:mod:`facilitator.bundle.structure`) derive from the declarations. ``from_dict`` trusts
its input: validation of foreign data lives in :mod:`facilitator.bundle.validate`.
Unknown keys are kept in ``extra`` and written back, as the bundle spec requires.
"""

from __future__ import annotations

from dataclasses import field, replace
from datetime import datetime
from typing import Any

from facilitator.domain import schema as s
from facilitator.domain.codec import Record
from facilitator.domain.people import Attendance, Person, Roster, Unit
from facilitator.domain.records import (
    AgendaItem,
    Approval,
    ContentRef,
    Event,
    Narrative,
    Note,
    Progress,
    Reflection,
    Roles,
    Vote,
)
from facilitator.domain.vocab import (
    ATTENDANCE_STATUSES,
    BUNDLE_FORMAT,
    GRADES,
    ITEM_KINDS,
    MEMBER_CATEGORIES,
    NOTE_KINDS,
    PERSON_CATEGORIES,
    PROFILES,
    SESSION_ID_PATTERN,
    SESSION_KINDS,
    SESSION_MODES,
    SESSION_STATUSES,
    TEMPORARY_VALUES,
    Json,
    SessionKind,
    SessionMode,
    SessionStatus,
    format_time,
    parse_time,
)

__all__ = [  # the session format's records, importable from one place
    "ATTENDANCE_STATUSES",
    "BUNDLE_FORMAT",
    "GRADES",
    "ITEM_KINDS",
    "MEMBER_CATEGORIES",
    "NOTE_KINDS",
    "PERSON_CATEGORIES",
    "PROFILES",
    "SESSION_ID_PATTERN",
    "SESSION_KINDS",
    "SESSION_MODES",
    "SESSION_STATUSES",
    "TEMPORARY_VALUES",
    "AgendaItem",
    "Approval",
    "Attendance",
    "ContentRef",
    "Event",
    "Json",
    "Narrative",
    "Note",
    "Person",
    "Progress",
    "Reflection",
    "Roles",
    "Roster",
    "Session",
    "Unit",
    "Vote",
    "format_time",
    "parse_time",
]


@s.record(kw_only=True)
class Session(Record):
    """One study session: an immutable snapshot; edits go through ``dataclasses.replace``.

    Fields are in the bundle's key order (the constructor takes keywords only).
    """

    format: str = s.const(BUNDLE_FORMAT)
    id: str = s.text()
    status: str = s.choice(SessionStatus, default="planned")
    unit: Unit = s.nested(Unit)
    number: str = s.text(default="", optional=True, nullable=True, keep_null=True)
    title: str = s.text(non_empty=True)
    kind: str = s.choice(SessionKind, default="chuyen-de")
    place: str = s.text(default="")
    started_at: datetime = s.time()
    ended_at: datetime | None = s.time(default=None, optional=True, nullable=True)
    content: ContentRef = s.nested(ContentRef, default_factory=ContentRef)
    roles: Roles = s.nested(Roles, default_factory=Roles)
    people: tuple[Person, ...] = s.records(Person, default=())
    attendance: tuple[Attendance, ...] = s.records(Attendance, default=())
    agenda: tuple[AgendaItem, ...] = s.records(AgendaItem, default=())
    notes: tuple[Note, ...] = s.records(Note, default=())
    votes: tuple[Vote, ...] = s.records(Vote, default=())
    conclusion: str = s.text(default="")
    reflections: tuple[Reflection, ...] = s.records(Reflection, default=(), optional=True)
    progress: Progress = s.nested(Progress, default_factory=Progress, optional=True, keep_null=True)
    narrative: Narrative = s.nested(
        Narrative, default_factory=Narrative, optional=True, keep_null=True
    )
    events: tuple[Event, ...] = s.records(Event, default=(), optional=True)
    approved: Approval | None = s.nested(
        Approval, default=None, optional=True, keep_null=True, omit_default=True
    )
    mode: str = s.choice(SessionMode, default="live", optional=True, omit_default=True)
    """Written only when set: live bundles stay as they were."""
    extra: Json = field(default_factory=dict, compare=False)
    nulls: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        """A vote's base is always derived from the people and the attendance (never typed)."""
        from facilitator.domain.votes import derived_votes  # votes -> membership -> models

        object.__setattr__(self, "votes", derived_votes(self))

    # -- lookups -------------------------------------------------------------
    def person(self, person_id: str | None) -> Person | None:
        """The person with this id, if any."""
        return next((p for p in self.people if p.id == person_id), None)

    def attendance_of(self, person_id: str) -> Attendance | None:
        """This person's attendance record, if marked."""
        return next((a for a in self.attendance if a.person == person_id), None)

    def item(self, item_id: str | None) -> AgendaItem | None:
        """The agenda item with this id, if any."""
        return next((i for i in self.agenda if i.id == item_id), None)

    def notes_for(self, item_id: str) -> tuple[Note, ...]:
        """Notes attached to one agenda item, in time order."""
        return tuple(sorted((n for n in self.notes if n.item == item_id), key=lambda n: n.at))

    def sorted_people(self) -> tuple[Person, ...]:
        """People in Vietnamese roster order."""
        return tuple(sorted(self.people, key=lambda p: p.sort_key))

    @property
    def typed_up_afterwards(self) -> bool:
        """The minutes are typed up after the meeting (nhập biên bản sau buổi họp)."""
        return self.mode == "afterwards"

    @property
    def is_closed(self) -> bool:
        """Closed sessions are read-only until explicitly reopened."""
        return self.status == "closed"

    def with_changes(self, **changes: Any) -> Session:
        """A copy with fields replaced (the only way sessions change)."""
        return replace(self, **changes)
