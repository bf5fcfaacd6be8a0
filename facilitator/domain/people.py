"""People and their units: who is on a roll, and how each attended a session."""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from functools import cached_property

from facilitator.domain import schema as s
from facilitator.domain.codec import Record
from facilitator.domain.vietnamese import name_sort_key, split_name
from facilitator.domain.vocab import (
    ATTENDING,
    MEMBER_CATEGORIES,
    TEMPORARY_VALUES,
    AttendanceStatus,
    Json,
    PersonCategory,
    Profile,
)
from facilitator.strings import bundle as bundle_text


@s.record
class Unit(Record):
    """An organisation (chi bộ, chi hội...) that holds sessions and owns a roster."""

    name: str = s.text(non_empty=True)
    parent: str = s.text(default="", optional=True)
    abbrev: str = s.text(default="", optional=True)
    profile: str = s.choice(Profile, default="party", optional=True)
    locality: str = s.text(default="", optional=True)
    extra: Json = field(default_factory=dict, compare=False)


def _default_split(person: Person) -> bool:
    return (person.ho, person.dem, person.ten) == split_name(person.name)


@s.record
class Person(Record):
    """Someone on a roster or a guest; ``ho``/``dem``/``ten`` are derived unless given
    (and written as ``name_parts`` only when they differ from the default split)."""

    id: str = s.text(non_empty=True)
    name: str = s.text(non_empty=True)
    category: str = s.choice(PersonCategory, default="chinh-thuc")
    position: str = s.text(default="", optional=True, nullable=True, keep_null=True)
    exempt: bool = s.flag(default=False, optional=True)
    temporary: str | None = s.choice(TEMPORARY_VALUES, default=None, optional=True)
    ho: str = s.parts(
        "name_parts", ("ho", "dem", "ten"), bundle_text.NAME_PARTS, _default_split, default=""
    )
    dem: str = ""
    ten: str = ""
    extra: Json = field(default_factory=dict, compare=False)
    nulls: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

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


@s.record
class Attendance(Record):
    """One person's attendance at one session."""

    person: str = s.text()
    status: str = s.choice(AttendanceStatus)
    arrived_at: datetime | None = s.time(default=None, optional=True, nullable=True)
    left_at: datetime | None = s.time(default=None, optional=True, nullable=True)
    reason: str | None = s.text(default=None, optional=True, nullable=True)
    extra: Json = field(default_factory=dict, compare=False)

    @property
    def is_present(self) -> bool:
        """Counted as có mặt (on time or late)."""
        return self.status in ATTENDING


@s.record
class Roster(Record):
    """A unit and the people on its roll, kept between sessions."""

    unit: Unit = s.nested(Unit)
    people: tuple[Person, ...] = s.records(Person, default=())
    updated_at: datetime | None = s.time(default=None, nullable=True)

    def sorted_people(self) -> tuple[Person, ...]:
        """People in Vietnamese roster order."""
        return tuple(sorted(self.people, key=lambda p: p.sort_key))
