"""What a draft is made of, before it is written out as a content pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from facilitator.domain.content import FramingLens, PlanRef
from facilitator.domain.vocab import ItemKind, SessionKind


@dataclass(frozen=True)
class Point:
    """A talking point and the points the plan put under it."""

    text: str
    below: tuple[str, ...] = ()


@dataclass(frozen=True)
class PointGroup:
    """Points under a ``###`` heading; the first group of an item may have no title."""

    title: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class DraftItem:
    """One agenda item of the draft.

    ``fixed`` items (the standard procedure) keep their minutes; the others share what
    is left of the session's time by ``weight``.
    """

    id: str
    title: str
    kind: ItemKind
    minutes: int
    groups: tuple[PointGroup, ...] = ()
    questions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    framing: str | None = None
    fixed: bool = True
    weight: int = 1


@dataclass(frozen=True)
class DraftPack:
    """A content pack as drafted: everything the pack writer needs."""

    id: str
    title: str
    kind: SessionKind
    version: str
    sources: tuple[str, ...]
    items: tuple[DraftItem, ...]
    framing: tuple[FramingLens, ...] = ()
    questions: tuple[str, ...] = ()
    plan: PlanRef | None = None
    deadline: date | None = None

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)


@dataclass(frozen=True)
class Unplaced:
    """Text of the plan no item took, where it was and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Draft:
    """A drafted pack, its Markdown, and the account of what was found and left out."""

    pack: DraftPack
    markdown: str
    found: tuple[str, ...]
    unplaced: tuple[Unplaced, ...] = field(default=())
