"""Preparing a session: copy a content pack and a roster into a new stored session.

The agenda (titles, budgets, text, framing) is copied, so later edits of the pack
never change a recorded session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitator.domain.content import ContentPack
from facilitator.domain.models import AgendaItem, ContentRef, Roles, Roster, Session
from facilitator.domain.vietnamese import clean_line, slugify
from facilitator.services.clock import Clock, local_now
from facilitator.services.session import SessionService
from facilitator.storage.names import is_windows_reserved
from facilitator.storage.store import Store


@dataclass(frozen=True)
class SessionPlan:
    """What the Prepare form collects."""

    title: str
    started_at: datetime
    place: str = ""
    number: str = ""
    chair: str | None = None
    secretary: str | None = None
    presenters: tuple[str, ...] = ()


def agenda_from_pack(pack: ContentPack) -> tuple[AgendaItem, ...]:
    """Copy every pack item into session agenda items."""
    return tuple(
        AgendaItem(
            id=item.id,
            title=item.title,
            kind=item.kind,
            framing=item.framing,
            minutes=item.minutes,
            body=item.body_md,
            questions=item.questions,
            presenter_notes=item.presenter_notes,
        )
        for item in pack.items
    )


def content_ref(pack: ContentPack) -> ContentRef:
    """The pack's identity, sources and lens, copied into the session."""
    return ContentRef(
        id=pack.id,
        version=pack.version,
        sources=pack.sources,
        framing=tuple((lens.key, lens.label, lens.meaning) for lens in pack.framing),
    )


def new_session_id(store: Store, started_at: datetime, unit_name: str, pack_id: str) -> str:
    """``2024-05-10-chi-bo-khoi-dan-van-cay-tre``, suffixed when taken."""
    unit_slug = slugify(unit_name, max_length=40)
    base = f"{started_at:%Y-%m-%d}-{unit_slug}-{slugify(pack_id, max_length=30)}"
    candidate, number = base, 2
    # The date prefix already keeps ids off Windows device names ("con", "nul"); checked
    # anyway (first, since the store refuses such an id) so a format change cannot slip.
    while is_windows_reserved(candidate) or store.exists(candidate):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def build_session(store: Store, pack: ContentPack, roster: Roster, plan: SessionPlan) -> Session:
    """A planned session ready to be stored."""
    return Session(
        id=new_session_id(store, plan.started_at, roster.unit.name, pack.id),
        unit=roster.unit,
        title=clean_line(plan.title) or pack.title,
        started_at=plan.started_at,
        status="planned",
        number=clean_line(plan.number),
        kind=pack.kind,
        place=clean_line(plan.place),
        content=content_ref(pack),
        roles=Roles(chair=plan.chair, secretary=plan.secretary, presenters=plan.presenters),
        people=roster.sorted_people(),
        agenda=agenda_from_pack(pack),
    )


def start_session(
    store: Store, pack: ContentPack, roster: Roster, plan: SessionPlan, clock: Clock = local_now
) -> SessionService:
    """Create the session in the store and open it for editing."""
    return SessionService.create(store, build_session(store, pack, roster, plan), clock)
