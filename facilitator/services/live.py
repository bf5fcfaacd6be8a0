"""The audience's view of the meeting: a small file the projector window follows.

Only what may be shown on a screen goes here: titles, talking points, discussion
questions and the timer. Never presenter notes, names, attendance or reasons.
Written atomically, so the audience window never reads half a file, and it survives
the presenter's window restarting.

The file's format is declared once, as the records below: the presenter writes them
(``to_dict``) and the audience window reads them back leniently
(:func:`facilitator.domain.codec.read_lenient`), so the two cannot drift apart. They
keep no unknown keys: a reader sees the whitelist, whatever the file carries.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.domain import schema as s
from facilitator.domain.codec import Record
from facilitator.domain.models import Session
from facilitator.domain.timing import is_stale
from facilitator.domain.vocab import ItemKind, SessionStatus
from facilitator.storage.atomic import read_json, write_bytes_atomic

LIVE_FILE = "live.json"


@s.record
class LiveItem(Record):
    """The current agenda item, as far as the audience may see it."""

    id: str = s.text(default="")
    title: str = s.text(default="")
    kind: str = s.choice(ItemKind, default="")
    framing: str | None = s.text(default=None, nullable=True)
    framing_label: str = s.text(default="")
    minutes: int = s.integer(default=0)
    body: str = s.text(default="")
    questions: tuple[str, ...] = s.texts(default=())
    position: int = s.integer(default=0)
    count: int = s.integer(default=0)
    spent_seconds: float = s.number(default=0.0)
    entered_at: datetime | None = s.time(default=None, nullable=True)

    def elapsed(self, now: datetime) -> float:
        """Seconds spent on the item: banked time plus the running visit, if any."""
        seconds = self.spent_seconds
        if self.entered_at is not None:
            # A naive stamp (hand-edited file) cannot meet an aware clock: banked time only.
            with contextlib.suppress(TypeError):
                seconds += (now - self.entered_at).total_seconds()
        return max(seconds, 0.0)

    def visit_is_stale(self, now: datetime) -> bool:
        """The running visit began too long ago to be timed (see :func:`is_stale`)."""
        return self.entered_at is not None and is_stale(self.entered_at, now)


@s.record
class AgendaEntry(Record):
    """One line of the agenda outline."""

    id: str = s.text(default="")
    title: str = s.text(default="")
    framing_label: str = s.text(default="")


@s.record
class LiveView(Record):
    """Everything the projector shows."""

    session: str = s.text(default="")
    title: str = s.text(default="")
    unit: str = s.text(default="")
    status: str = s.choice(SessionStatus, default="")
    updated_at: datetime | None = s.time(default=None, nullable=True, compare=False)
    item: LiveItem | None = s.nested(LiveItem, default=None, optional=True)
    agenda: tuple[AgendaEntry, ...] = s.records(AgendaEntry, default=())


def live_state(session: Session, now: datetime) -> LiveView:
    """Audience-safe state of ``session``."""
    item = session.item(session.progress.current)
    visible = [i for i in session.agenda if not i.skipped]
    position = next((n for n, i in enumerate(visible, 1) if item and i.id == item.id), 0)
    lens = session.content.lens_label
    return LiveView(
        session=session.id,
        title=session.title,
        unit=session.unit.name,
        status=session.status,
        updated_at=now,
        item=None
        if item is None
        else LiveItem(
            id=item.id,
            title=item.title,
            kind=item.kind,
            framing=item.framing,
            framing_label=lens(item.framing),
            minutes=item.minutes,
            body=item.body,
            questions=item.questions,
            position=position,
            count=len(visible),
            spent_seconds=item.spent_seconds,
            entered_at=session.progress.entered_at,
        ),
        agenda=tuple(AgendaEntry(i.id, i.title, lens(i.framing)) for i in visible),
    )


def write_live(root: Path, session: Session, now: datetime) -> None:
    """Publish the current item for the audience window."""
    payload = json.dumps(live_state(session, now).to_dict(), ensure_ascii=False)
    write_bytes_atomic(root / LIVE_FILE, payload.encode("utf-8"))


def read_live(root: Path) -> dict[str, Any] | None:
    """The last published file as it stands, or ``None`` when nothing is being presented
    (read it with ``read_lenient(LiveView, ...)``)."""
    path = root / LIVE_FILE
    if not path.exists():
        return None
    data = read_json(path)
    return data if isinstance(data, dict) else None
