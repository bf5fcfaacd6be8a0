"""What happens in a session besides attendance: agenda, notes, votes, roles, events."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self

from facilitator.domain.vocab import Json, format_time, parse_time
from facilitator.domain.vocab import extra_keys as _extra


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
