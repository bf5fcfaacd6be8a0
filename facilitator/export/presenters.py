"""Who presents: the session's báo cáo viên and each item's, as the minutes and the
presenter's script name them."""

from __future__ import annotations

from facilitator.domain.models import AgendaItem, Person, Session
from facilitator.domain.vietnamese import clean_line
from facilitator.export.wording import minutes as minutes_wording


def session_presenters(session: Session) -> list[Person]:
    """The session's báo cáo viên: ``roles.presenters``, then any item's own presenter,
    each once, in that order (a guest presenter is a person of the session too)."""
    people = {p.id: p for p in session.people}
    ids = [*session.roles.presenters, *(i.presenter for i in session.agenda if i.presenter)]
    return [people[pid] for pid in dict.fromkeys(ids) if pid in people]


def presenter_labels(persons: list[Person]) -> list[str]:
    """ "đồng chí Nguyễn Thị Thanh Hương – Phó Trưởng ban Tuyên giáo" for each (§5.3)."""
    return [
        minutes_wording.person_with_position(clean_line(p.name), clean_line(p.position))
        for p in persons
    ]


def item_presenters(session: Session, item: AgendaItem) -> list[Person]:
    """Who presents ``item``: its own presenter; for a presentation item without one, the
    session's báo cáo viên (all of them when several were named and none assigned)."""
    people = {p.id: p for p in session.people}
    if item.presenter in people:
        return [people[item.presenter or ""]]
    if item.kind == "presentation":
        return [people[pid] for pid in session.roles.presenters if pid in people]
    return []
