"""People and their units: who is on a roll, and how each attended a session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, Self

from facilitator.domain.nulls import null_keys, restore_nulls
from facilitator.domain.vietnamese import name_sort_key, split_name
from facilitator.domain.vocab import MEMBER_CATEGORIES, Json, format_time, parse_time
from facilitator.domain.vocab import extra_keys as _extra


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
