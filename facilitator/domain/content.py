"""Content packs: the frozen material for one kind of study session (see spec/content-pack.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitator.domain.vocab import ITEM_KINDS, SESSION_KINDS

__all__ = ["ITEM_KINDS", "PACK_KINDS"]  # ITEM_KINDS: agenda item kinds, in session order

PACK_KINDS: tuple[str, ...] = SESSION_KINDS
"""Pack kinds: sinh hoạt chuyên đề, sinh hoạt thường kỳ, hội nghị."""

DEFAULT_ITEM_KIND = "presentation"
DEFAULT_ITEM_MINUTES = 10


@dataclass(frozen=True)
class FramingLens:
    """One lens of the pack's framing (e.g. ``goc`` / "Gốc vững"), shown beside the agenda."""

    key: str
    label: str
    meaning: str


@dataclass(frozen=True)
class PlanRef:
    """The instruction from above a pack answers (its số và ký hiệu, date and issuer)."""

    number: str = ""
    date: date | None = None
    issuer: str = ""


@dataclass(frozen=True)
class PackItem:
    """One ``##`` agenda item of a pack.

    ``body_md`` is what the audience may see; ``presenter_notes`` never leaves the
    presenter's screen, so the two are kept apart from parse time on.
    """

    id: str
    title: str
    kind: str
    minutes: int
    framing: str | None
    body_md: str
    questions: tuple[str, ...]
    presenter_notes: str
    line: int


@dataclass(frozen=True)
class ContentPack:
    """A parsed, validated content pack.

    ``heading`` is the optional ``#`` title of the body; ``title`` (front matter) is the
    one the minutes use, so both are kept and ``shown_title`` picks for the UI.
    """

    id: str
    title: str
    kind: str
    version: str
    sources: tuple[str, ...]
    framing: tuple[FramingLens, ...]
    questions: tuple[str, ...]
    items: tuple[PackItem, ...]
    path: str
    heading: str = ""
    plan: PlanRef | None = None
    deadline: date | None = None
    """When the campaign must be completed (the plan's "Hoàn thành trong Quý II/2024")."""

    @property
    def total_minutes(self) -> int:
        """The sum of every item's time budget."""
        return sum(item.minutes for item in self.items)

    @property
    def shown_title(self) -> str:
        """The ``#`` heading when the author wrote one, else the front matter title."""
        return self.heading or self.title

    def lens(self, key: str) -> FramingLens | None:
        """The framing lens declared under ``key``, or None."""
        return next((lens for lens in self.framing if lens.key == key), None)

    def item(self, item_id: str) -> PackItem | None:
        """The item with id ``item_id``, or None."""
        return next((item for item in self.items if item.id == item_id), None)
