"""Shared pieces of the audience window tests (tests/test_audience_*.py): a clock moved by hand,
the cay-tre pack (the module-scoped ``pack`` fixture: import it to use it), a planned session
and one at a given item, and readers of what the window shows.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Markdown, Static

from facilitator.domain.content import ContentPack
from facilitator.domain.models import Person, Progress, Roster, Session, Unit
from facilitator.parsing import load_pack
from facilitator.services.planning import SessionPlan, build_session
from facilitator.storage.store import Store
from facilitator.ui.audience import AudienceApp

REPO = Path(__file__).resolve().parent.parent
TZ = timezone(timedelta(hours=7))
T0 = datetime(2024, 5, 10, 8, 30, tzinfo=TZ)
SIZE = (80, 24)


PEOPLE = (
    Person(id="p001", name="Nguyễn Văn An"),
    Person(id="p002", name="Trần Thị Bình"),
    Person(id="p003", name="Lê Hoàng Cường", category="du-bi"),
    Person(id="p004", name="Phạm Thu Dung", category="quan-chung"),
)


class FakeClock:
    """A clock the test moves by hand (shared by the presenter service and the window)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(scope="module", name="pack")
def pack_fixture() -> ContentPack:
    return load_pack(REPO / "content" / "cay-tre.md")


def planned_session(store: Store, pack: ContentPack, *, secret: str = "") -> Session:
    roster = Roster(unit=Unit(name="Chi bộ Khối Dân vận"), people=PEOPLE)
    session = build_session(store, pack, roster, SessionPlan(title="", started_at=T0))
    if secret:
        session = session.with_changes(
            agenda=tuple(replace(i, presenter_notes=f"{secret} ({i.id})") for i in session.agenda)
        )
    return session


def at_item(session: Session, index: int, *, entered: datetime, spent: float = 0.0) -> Session:
    """``session`` running with agenda item ``index`` current since ``entered``."""
    item = session.agenda[index]
    agenda = tuple(
        replace(i, spent_seconds=spent) if i.id == item.id else i for i in session.agenda
    )
    return session.with_changes(
        status="running", agenda=agenda, progress=Progress(current=item.id, entered_at=entered)
    )


# -- reading the screen ------------------------------------------------------------


def plain(app: AudienceApp, selector: str) -> str:
    visual = app.query_one(selector, Static).visual
    return str(getattr(visual, "plain", visual))


def shown(app: AudienceApp, selector: str) -> bool:
    """Displayed, counting hidden ancestors."""
    node = app.query_one(selector)
    return all(n.display for n in node.ancestors_with_self if hasattr(n, "display"))


def painted_text(app: AudienceApp) -> str:
    """The characters of the SVG screenshot (markup stripped)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def screen_text(app: AudienceApp) -> str:
    """Every character on screen plus every widget's text, hidden ones included:
    what must never appear is looked for in both."""
    parts = [painted_text(app)]
    for node in app.screen.walk_children(with_self=True):
        if isinstance(node, Static):
            visual = node.visual
            parts.append(str(getattr(visual, "plain", visual)))
        elif isinstance(node, Markdown):
            parts.append(node.source)
        elif isinstance(node, Digits):
            parts.append(node.value)
    return "\n".join(parts)


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], limit: float) -> float:
    """Seconds until ``condition`` held; fails past ``limit``."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, "the audience view did not follow in time"
        await pilot.pause(0.05)
    return time.monotonic() - start
