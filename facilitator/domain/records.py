"""What happens in a session besides attendance: agenda, notes, votes, roles, events."""

from __future__ import annotations

from dataclasses import field
from datetime import datetime

from facilitator.domain import schema as s
from facilitator.domain.codec import Record
from facilitator.domain.vocab import Grade, ItemKind, Json, NoteKind
from facilitator.strings import bundle as bundle_text


@s.record
class AgendaItem(Record):
    """One agenda item as held: copied from the content pack when the session starts.

    ``spent_seconds`` is the time already spent on the item before its current visit;
    the session's :class:`Progress` says when the current visit began, so a timer can
    resume exactly after a crash. Fields past ``skipped`` are the app's extras.
    """

    id: str = s.text(non_empty=True)
    title: str = s.text(non_empty=True)
    kind: str = s.choice(ItemKind, default="presentation")
    framing: str | None = s.text(default=None, optional=True, nullable=True)
    minutes: int = s.integer(default=10, minimum=1)
    started_at: datetime | None = s.time(default=None, optional=True, nullable=True)
    ended_at: datetime | None = s.time(default=None, optional=True, nullable=True)
    skipped: bool = s.flag(default=False, optional=True)
    body: str = s.text(default="", optional=True)
    questions: tuple[str, ...] = s.texts(default=(), optional=True)
    presenter_notes: str = s.text(default="", optional=True)
    presenter: str | None = s.text(default=None, optional=True, nullable=True)
    conclusion: str = s.text(default="", optional=True)
    spent_seconds: float = s.number(default=0.0, optional=True)
    extra: Json = field(default_factory=dict, compare=False)


@s.record
class Note(Record):
    """Something said or recorded during an agenda item.

    Written in the file's order (id, item, at, speaker, kind, text), which the ranks give:
    the constructor takes ``text`` before ``kind`` and ``speaker``.
    """

    id: str = s.text(non_empty=True)
    item: str = s.text()
    at: datetime = s.time()
    text: str = s.text(rank=3)
    kind: str = s.choice(NoteKind, default="opinion", rank=2)
    speaker: str | None = s.text(default=None, optional=True, nullable=True, rank=1)
    extra: Json = field(default_factory=dict, compare=False)


@s.record
class Vote(Record):
    """A show-of-hands vote; ``base`` is the members entitled to vote at that moment."""

    item: str = s.text()
    question: str = s.text()
    for_: int = s.integer(key="for")
    against: int = s.integer(default=0)
    other: int = s.integer(default=0)
    base: int = s.integer(default=0)
    extra: Json = field(default_factory=dict, compare=False)

    @property
    def passed(self) -> bool:
        """Party rule: adopted when more than half of those entitled approve."""
        return self.base > 0 and self.for_ * 2 > self.base


@s.record
class Reflection(Record):
    """A written reflection (bài thu hoạch) and its grade."""

    person: str = s.text()
    submitted: bool = s.flag(default=False, optional=True)
    grade: str | None = s.choice((*Grade, None), default=None, optional=True)
    extra: Json = field(default_factory=dict, compare=False)


@s.record
class Approval(Record):
    """The minutes were read back and approved by ``for_`` of ``base``."""

    at: datetime = s.time()
    for_: int = s.integer(key="for")
    base: int = s.integer()
    extra: Json = field(default_factory=dict, compare=False)


@s.record
class ContentRef(Record):
    """Which content pack (and version) the session studied, and its source documents."""

    id: str = s.text(default="")
    version: str = s.text(default="")
    sources: tuple[str, ...] = s.texts(default=())
    framing: tuple[tuple[str, str, str], ...] = s.triples(
        bundle_text.FRAMING_ENTRY, default=(), optional=True
    )
    """(key, label, meaning) of the pack's lens, copied so the session stands alone."""
    extra: Json = field(default_factory=dict, compare=False)

    def lens_label(self, key: str | None) -> str:
        """Label of a framing key ("goc" -> "Gốc vững"), or "" when none."""
        return next((label for k, label, _ in self.framing if k == key), "")


@s.record
class Roles(Record):
    """Who chairs, who takes the minutes, who presents (person ids)."""

    chair: str | None = s.text(default=None, optional=True, nullable=True)
    secretary: str | None = s.text(default=None, optional=True, nullable=True)
    presenters: tuple[str, ...] = s.texts(default=(), optional=True)
    extra: Json = field(default_factory=dict, compare=False)


@s.record
class Progress(Record):
    """Where the presenter is: the current item and when its current visit began.

    Only typed: a dangling pointer must not make a session unopenable.
    """

    current: str | None = s.text(default=None, optional=True, nullable=True)
    entered_at: datetime | None = s.time(default=None, optional=True, nullable=True)


@s.record
class Narrative(Record):
    """What only people can judge, typed in the app for the result report."""

    strengths: str = s.text(default="", optional=True)
    weaknesses: str = s.text(default="", optional=True)
    proposals: str = s.text(default="", optional=True)


@s.record
class Event(Record):
    """An audit entry (closed, reopened...) kept with the session."""

    at: datetime = s.time()
    kind: str = s.text()
    detail: str = s.text(default="", optional=True)
