"""The audience's view of the meeting: a small file the projector window follows.

Only what may be shown on a screen goes here: titles, talking points, discussion
questions and the timer. Never presenter notes, names, attendance or reasons.
Written atomically, so the audience window never reads half a file, and it survives
the presenter's window restarting.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.domain.models import Session, format_time
from facilitator.storage.atomic import read_json, write_bytes_atomic

LIVE_FILE = "live.json"


def live_state(session: Session, now: datetime) -> dict[str, Any]:
    """Audience-safe state of ``session``."""
    item = session.item(session.progress.current)
    visible = [i for i in session.agenda if not i.skipped]
    position = next((n for n, i in enumerate(visible, 1) if item and i.id == item.id), 0)
    return {
        "session": session.id,
        "title": session.title,
        "unit": session.unit.name,
        "status": session.status,
        "updated_at": format_time(now),
        "item": None
        if item is None
        else {
            "id": item.id,
            "title": item.title,
            "kind": item.kind,
            "framing": item.framing,
            "framing_label": session.content.lens_label(item.framing),
            "minutes": item.minutes,
            "body": item.body,
            "questions": list(item.questions),
            "position": position,
            "count": len(visible),
            "spent_seconds": item.spent_seconds,
            "entered_at": format_time(session.progress.entered_at),
        },
        "agenda": [
            {"id": i.id, "title": i.title, "framing_label": session.content.lens_label(i.framing)}
            for i in visible
        ],
    }


def write_live(root: Path, session: Session, now: datetime) -> None:
    """Publish the current item for the audience window."""
    payload = json.dumps(live_state(session, now), ensure_ascii=False)
    write_bytes_atomic(root / LIVE_FILE, payload.encode("utf-8"))


def read_live(root: Path) -> dict[str, Any] | None:
    """The last published state, or ``None`` when nothing is being presented."""
    path = root / LIVE_FILE
    if not path.exists():
        return None
    data = read_json(path)
    return data if isinstance(data, dict) else None
