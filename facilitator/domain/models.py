"""Frozen domain records of a study session, shaped after the session bundle format.

Every record converts to and from the plain-JSON dict of ``facilitator.session/1``
(``to_dict`` / ``from_dict``). ``from_dict`` trusts its input: validation of foreign
data lives in :mod:`facilitator.bundle.validate`. Unknown keys are kept in ``extra``
and written back, as the bundle spec requires.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Self

from facilitator.domain.nulls import null_keys, restore_nulls
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
    format_time,
    parse_time,
)
from facilitator.domain.vocab import extra_keys as _extra

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


@dataclass(frozen=True)
class Session:
    """One study session: an immutable snapshot; edits go through ``dataclasses.replace``."""

    id: str
    unit: Unit
    title: str
    started_at: datetime
    status: str = "planned"
    number: str = ""
    kind: str = "chuyen-de"
    place: str = ""
    ended_at: datetime | None = None
    content: ContentRef = field(default_factory=ContentRef)
    roles: Roles = field(default_factory=Roles)
    people: tuple[Person, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    notes: tuple[Note, ...] = ()
    votes: tuple[Vote, ...] = ()
    conclusion: str = ""
    reflections: tuple[Reflection, ...] = ()
    approved: Approval | None = None
    progress: Progress = field(default_factory=Progress)
    narrative: Narrative = field(default_factory=Narrative)
    events: tuple[Event, ...] = ()
    mode: str = "live"
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

    # -- bundle codec --------------------------------------------------------
    _KEYS = (
        "format", "id", "status", "unit", "number", "title", "kind", "place", "started_at",
        "ended_at", "content", "roles", "people", "attendance", "agenda", "notes", "votes",
        "conclusion", "reflections", "approved", "progress", "narrative", "events", "mode",
    )  # fmt: skip

    def to_dict(self) -> Json:
        """The whole session as a ``facilitator.session/1`` bundle object."""
        data: Json = {
            "format": BUNDLE_FORMAT,
            "id": self.id,
            "status": self.status,
            "unit": self.unit.to_dict(),
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "place": self.place,
            "started_at": format_time(self.started_at),
            "ended_at": format_time(self.ended_at),
            "content": self.content.to_dict(),
            "roles": self.roles.to_dict(),
            "people": [p.to_dict() for p in self.people],
            "attendance": [a.to_dict() for a in self.attendance],
            "agenda": [i.to_dict() for i in self.agenda],
            "notes": [n.to_dict() for n in self.notes],
            "votes": [v.to_dict() for v in self.votes],
            "conclusion": self.conclusion,
            "reflections": [r.to_dict() for r in self.reflections],
            "progress": self.progress.to_dict(),
            "narrative": self.narrative.to_dict(),
            "events": [e.to_dict() for e in self.events],
        }
        if self.approved is not None:
            data["approved"] = self.approved.to_dict()
        if self.mode != "live":  # written only when set: live bundles stay as they were
            data["mode"] = self.mode
        return restore_nulls(data, self.nulls) | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`; expects already-validated data."""
        started = parse_time(data["started_at"])
        assert started is not None
        approved = data.get("approved")
        return cls(
            id=data["id"],
            status=data.get("status", "planned"),
            unit=Unit.from_dict(data["unit"]),
            number=data.get("number") or "",
            title=data["title"],
            kind=data.get("kind", "chuyen-de"),
            place=data.get("place", ""),
            started_at=started,
            ended_at=parse_time(data.get("ended_at")),
            content=ContentRef.from_dict(data.get("content", {})),
            roles=Roles.from_dict(data.get("roles", {})),
            people=tuple(Person.from_dict(p) for p in data.get("people", ())),
            attendance=tuple(Attendance.from_dict(a) for a in data.get("attendance", ())),
            agenda=tuple(AgendaItem.from_dict(i) for i in data.get("agenda", ())),
            notes=tuple(Note.from_dict(n) for n in data.get("notes", ())),
            votes=tuple(Vote.from_dict(v) for v in data.get("votes", ())),
            conclusion=data.get("conclusion", ""),
            reflections=tuple(Reflection.from_dict(r) for r in data.get("reflections", ())),
            approved=Approval.from_dict(approved) if approved else None,
            progress=Progress.from_dict(data.get("progress") or {}),
            narrative=Narrative.from_dict(data.get("narrative") or {}),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            mode=data.get("mode") or "live",
            extra=_extra(data, cls._KEYS),
            nulls=null_keys(data, ("number", "approved", "progress", "narrative")),
        )
