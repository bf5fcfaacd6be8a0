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
from functools import cached_property, lru_cache
from typing import Any, Self

from facilitator.domain.nulls import null_keys, restore_nulls
from facilitator.domain.vietnamese import name_sort_key, split_name

BUNDLE_FORMAT = "facilitator.session/1"
SESSION_ID_PATTERN = r"[a-z0-9][a-z0-9-]{0,119}"
"""Session ids: lower-case ASCII, digits and "-"; safe as a folder name (no "/", no "..")."""

SESSION_STATUSES = ("planned", "running", "closed")
PERSON_CATEGORIES = ("chinh-thuc", "du-bi", "quan-chung", "khach")
MEMBER_CATEGORIES = ("chinh-thuc", "du-bi")
TEMPORARY_VALUES = (None, "den", "di")
ATTENDANCE_STATUSES = ("present", "late", "absent-excused", "absent", "exempt-absent")
NOTE_KINDS = ("opinion", "question", "answer", "proposal", "conclusion", "record")
ITEM_KINDS = ("procedure", "presentation", "discussion", "vote", "conclusion")
SESSION_KINDS = ("chuyen-de", "thuong-ky", "hoi-nghi")
GRADES = ("tot", "kha", "dat", "khong-dat")
PROFILES = ("party", "state")
SESSION_MODES = ("live", "afterwards")
"""live: times come from the clock; afterwards: the minutes are typed up later from paper,
every time is entered by hand and the clock never reaches the record."""

Json = dict[str, Any]


def parse_time(value: str | None) -> datetime | None:
    """ISO 8601 text to an aware datetime (``None`` stays ``None``)."""
    return datetime.fromisoformat(value) if value else None


def format_time(value: datetime | None) -> str | None:
    """Aware datetime to ISO 8601 text with offset, to the second."""
    return value.isoformat(timespec="seconds") if value else None


def _extra(data: Mapping[str, Any], known: tuple[str, ...]) -> Json:
    """Unknown keys, kept for round trips (the common case, none, is a fast C set test)."""
    if data.keys() <= _known_set(known):
        return {}
    return {k: v for k, v in data.items() if k not in known}


@lru_cache(maxsize=64)
def _known_set(known: tuple[str, ...]) -> frozenset[str]:
    return frozenset(known)


@dataclass(frozen=True)
class Unit:
    """An organisation (chi bộ, chi hội...) that holds sessions and owns a roster."""

    name: str
    parent: str = ""
    abbrev: str = ""
    profile: str = "party"
    locality: str = ""
    extra: Json = field(default_factory=dict, compare=False)

    _KEYS = ("name", "parent", "abbrev", "profile", "locality")

    def to_dict(self) -> Json:
        """Bundle ``unit`` object."""
        return {k: getattr(self, k) for k in self._KEYS} | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            name=data["name"],
            parent=data.get("parent", ""),
            abbrev=data.get("abbrev", ""),
            profile=data.get("profile", "party"),
            locality=data.get("locality", ""),
            extra=_extra(data, cls._KEYS),
        )


@dataclass(frozen=True)
class Person:
    """Someone on a roster or a guest; ``ho``/``dem``/``ten`` are derived unless given."""

    id: str
    name: str
    category: str = "chinh-thuc"
    position: str = ""
    exempt: bool = False
    temporary: str | None = None
    ho: str = ""
    dem: str = ""
    ten: str = ""
    extra: Json = field(default_factory=dict, compare=False)
    nulls: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    _KEYS = ("id", "name", "category", "position", "exempt", "temporary")

    def __post_init__(self) -> None:
        if not (self.ho or self.dem or self.ten):
            ho, dem, ten = split_name(self.name)
            object.__setattr__(self, "ho", ho)
            object.__setattr__(self, "dem", dem)
            object.__setattr__(self, "ten", ten)

    @property
    def is_member(self) -> bool:
        """Party member (chính thức or dự bị), as opposed to quần chúng or a guest."""
        return self.category in MEMBER_CATEGORIES

    @cached_property
    def sort_key(self) -> tuple[object, ...]:
        """Vietnamese roster order (tên, họ, đệm); computed once per person."""
        return name_sort_key(self.ho, self.dem, self.ten, self.name)

    def to_dict(self) -> Json:
        """Bundle ``people[]`` entry; name parts kept when they differ from the default split."""
        data: Json = {k: getattr(self, k) for k in self._KEYS}
        if (self.ho, self.dem, self.ten) != split_name(self.name):
            data["name_parts"] = [self.ho, self.dem, self.ten]
        return restore_nulls(data, self.nulls) | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        parts = data.get("name_parts") or ["", "", ""]
        return cls(
            id=data["id"],
            name=data["name"],
            category=data.get("category", "chinh-thuc"),
            position=data.get("position") or "",
            exempt=bool(data.get("exempt", False)),
            temporary=data.get("temporary"),
            ho=parts[0],
            dem=parts[1],
            ten=parts[2],
            extra=_extra(data, (*cls._KEYS, "name_parts")),
            nulls=null_keys(data, ("position",)),
        )


@dataclass(frozen=True)
class Attendance:
    """One person's attendance at one session."""

    person: str
    status: str
    arrived_at: datetime | None = None
    left_at: datetime | None = None
    reason: str | None = None
    extra: Json = field(default_factory=dict, compare=False)

    _KEYS = ("person", "status", "arrived_at", "left_at", "reason")

    @property
    def is_present(self) -> bool:
        """Counted as có mặt (on time or late)."""
        return self.status in ("present", "late")

    def to_dict(self) -> Json:
        """Bundle ``attendance[]`` entry."""
        return {
            "person": self.person,
            "status": self.status,
            "arrived_at": format_time(self.arrived_at),
            "left_at": format_time(self.left_at),
            "reason": self.reason,
        } | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            person=data["person"],
            status=data["status"],
            arrived_at=parse_time(data.get("arrived_at")),
            left_at=parse_time(data.get("left_at")),
            reason=data.get("reason"),
            extra=_extra(data, cls._KEYS),
        )


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item as held: copied from the content pack when the session starts.

    ``spent_seconds`` is the time already spent on the item before its current visit;
    the session's :class:`Progress` says when the current visit began, so a timer can
    resume exactly after a crash.
    """

    id: str
    title: str
    kind: str = "presentation"
    framing: str | None = None
    minutes: int = 10
    started_at: datetime | None = None
    ended_at: datetime | None = None
    skipped: bool = False
    body: str = ""
    questions: tuple[str, ...] = ()
    presenter_notes: str = ""
    presenter: str | None = None
    conclusion: str = ""
    spent_seconds: float = 0.0
    extra: Json = field(default_factory=dict, compare=False)

    _KEYS = (
        "id", "title", "kind", "framing", "minutes", "started_at", "ended_at", "skipped",
        "body", "questions", "presenter_notes", "presenter", "conclusion", "spent_seconds",
    )  # fmt: skip

    def to_dict(self) -> Json:
        """Bundle ``agenda[]`` entry (our extra fields ride along as allowed extras)."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "framing": self.framing,
            "minutes": self.minutes,
            "started_at": format_time(self.started_at),
            "ended_at": format_time(self.ended_at),
            "skipped": self.skipped,
            "body": self.body,
            "questions": list(self.questions),
            "presenter_notes": self.presenter_notes,
            "presenter": self.presenter,
            "conclusion": self.conclusion,
            "spent_seconds": self.spent_seconds,
        } | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=data["id"],
            title=data["title"],
            kind=data.get("kind", "presentation"),
            framing=data.get("framing"),
            minutes=int(data.get("minutes", 10)),
            started_at=parse_time(data.get("started_at")),
            ended_at=parse_time(data.get("ended_at")),
            skipped=bool(data.get("skipped", False)),
            body=data.get("body", ""),
            questions=tuple(data.get("questions", ())),
            presenter_notes=data.get("presenter_notes", ""),
            presenter=data.get("presenter"),
            conclusion=data.get("conclusion", ""),
            spent_seconds=float(data.get("spent_seconds", 0.0)),
            extra=_extra(data, cls._KEYS),
        )


@dataclass(frozen=True)
class Note:
    """Something said or recorded during an agenda item."""

    id: str
    item: str
    at: datetime
    text: str
    kind: str = "opinion"
    speaker: str | None = None
    extra: Json = field(default_factory=dict, compare=False)

    _KEYS = ("id", "item", "at", "speaker", "kind", "text")

    def to_dict(self) -> Json:
        """Bundle ``notes[]`` entry."""
        return {
            "id": self.id,
            "item": self.item,
            "at": format_time(self.at),
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
        } | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        at = parse_time(data["at"])
        assert at is not None
        return cls(
            id=data["id"],
            item=data["item"],
            at=at,
            text=data["text"],
            kind=data.get("kind", "opinion"),
            speaker=data.get("speaker"),
            extra=_extra(data, cls._KEYS),
        )


@dataclass(frozen=True)
class Vote:
    """A show-of-hands vote; ``base`` is the members entitled to vote at that moment."""

    item: str
    question: str
    for_: int
    against: int = 0
    other: int = 0
    base: int = 0
    extra: Json = field(default_factory=dict, compare=False)

    _KEYS = ("item", "question", "for", "against", "other", "base")

    @property
    def passed(self) -> bool:
        """Party rule: adopted when more than half of those entitled approve."""
        return self.base > 0 and self.for_ * 2 > self.base

    def to_dict(self) -> Json:
        """Bundle ``votes[]`` entry."""
        return {
            "item": self.item,
            "question": self.question,
            "for": self.for_,
            "against": self.against,
            "other": self.other,
            "base": self.base,
        } | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            item=data["item"],
            question=data["question"],
            for_=int(data["for"]),
            against=int(data.get("against", 0)),
            other=int(data.get("other", 0)),
            base=int(data.get("base", 0)),
            extra=_extra(data, cls._KEYS),
        )


@dataclass(frozen=True)
class Reflection:
    """A written reflection (bài thu hoạch) and its grade."""

    person: str
    submitted: bool = False
    grade: str | None = None
    extra: Json = field(default_factory=dict, compare=False)

    _KEYS = ("person", "submitted", "grade")

    def to_dict(self) -> Json:
        """Bundle ``reflections[]`` entry."""
        return {k: getattr(self, k) for k in self._KEYS} | self.extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            person=data["person"],
            submitted=bool(data.get("submitted", False)),
            grade=data.get("grade"),
            extra=_extra(data, cls._KEYS),
        )


@dataclass(frozen=True)
class Approval:
    """The minutes were read back and approved by ``for_`` of ``base``."""

    at: datetime
    for_: int
    base: int

    def to_dict(self) -> Json:
        """Bundle ``approved`` object."""
        return {"at": format_time(self.at), "for": self.for_, "base": self.base}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        at = parse_time(data["at"])
        assert at is not None
        return cls(at=at, for_=int(data["for"]), base=int(data["base"]))


@dataclass(frozen=True)
class ContentRef:
    """Which content pack (and version) the session studied, and its source documents."""

    id: str = ""
    version: str = ""
    sources: tuple[str, ...] = ()
    framing: tuple[tuple[str, str, str], ...] = ()
    """(key, label, meaning) of the pack's lens, copied so the session stands alone."""

    def to_dict(self) -> Json:
        """Bundle ``content`` object."""
        data: Json = {"id": self.id, "version": self.version, "sources": list(self.sources)}
        if self.framing:
            data["framing"] = [list(f) for f in self.framing]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=data.get("id", ""),
            version=str(data.get("version", "")),
            sources=tuple(data.get("sources", ())),
            framing=tuple((str(f[0]), str(f[1]), str(f[2])) for f in data.get("framing", ())),
        )

    def lens_label(self, key: str | None) -> str:
        """Label of a framing key ("goc" -> "Gốc vững"), or "" when none."""
        return next((label for k, label, _ in self.framing if k == key), "")


@dataclass(frozen=True)
class Roles:
    """Who chairs, who takes the minutes, who presents (person ids)."""

    chair: str | None = None
    secretary: str | None = None
    presenters: tuple[str, ...] = ()

    def to_dict(self) -> Json:
        """Bundle ``roles`` object."""
        return {"chair": self.chair, "secretary": self.secretary, "presenters": [*self.presenters]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            chair=data.get("chair"),
            secretary=data.get("secretary"),
            presenters=tuple(data.get("presenters", ())),
        )


@dataclass(frozen=True)
class Progress:
    """Where the presenter is: the current item and when its current visit began."""

    current: str | None = None
    entered_at: datetime | None = None

    def to_dict(self) -> Json:
        """Stored form (an extra field in bundles)."""
        return {"current": self.current, "entered_at": format_time(self.entered_at)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(current=data.get("current"), entered_at=parse_time(data.get("entered_at")))


@dataclass(frozen=True)
class Narrative:
    """What only people can judge, typed in the app for the result report."""

    strengths: str = ""
    weaknesses: str = ""
    proposals: str = ""

    def to_dict(self) -> Json:
        """Stored form."""
        return {k: getattr(self, k) for k in ("strengths", "weaknesses", "proposals")}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            strengths=data.get("strengths", ""),
            weaknesses=data.get("weaknesses", ""),
            proposals=data.get("proposals", ""),
        )


@dataclass(frozen=True)
class Event:
    """An audit entry (closed, reopened...) kept with the session."""

    at: datetime
    kind: str
    detail: str = ""

    def to_dict(self) -> Json:
        """Stored form."""
        return {"at": format_time(self.at), "kind": self.kind, "detail": self.detail}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        at = parse_time(data["at"])
        assert at is not None
        return cls(at=at, kind=data["kind"], detail=data.get("detail", ""))


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
    content: ContentRef = ContentRef()
    roles: Roles = Roles()
    people: tuple[Person, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    notes: tuple[Note, ...] = ()
    votes: tuple[Vote, ...] = ()
    conclusion: str = ""
    reflections: tuple[Reflection, ...] = ()
    approved: Approval | None = None
    progress: Progress = Progress()
    narrative: Narrative = Narrative()
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


@dataclass(frozen=True)
class Roster:
    """A unit and the people on its roll, kept between sessions."""

    unit: Unit
    people: tuple[Person, ...] = ()
    updated_at: datetime | None = None

    def sorted_people(self) -> tuple[Person, ...]:
        """People in Vietnamese roster order."""
        return tuple(sorted(self.people, key=lambda p: p.sort_key))

    def to_dict(self) -> Json:
        """Stored form."""
        return {
            "unit": self.unit.to_dict(),
            "people": [p.to_dict() for p in self.people],
            "updated_at": format_time(self.updated_at),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`."""
        return cls(
            unit=Unit.from_dict(data["unit"]),
            people=tuple(Person.from_dict(p) for p in data.get("people", ())),
            updated_at=parse_time(data.get("updated_at")),
        )
