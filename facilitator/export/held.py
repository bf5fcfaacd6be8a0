"""Which agenda items the minutes state as held."""

from __future__ import annotations

from facilitator.domain.models import AgendaItem, Session


def was_held(session: Session, item: AgendaItem, recorded: set[str]) -> bool:
    """Whether the minutes state ``item`` as held: what was recorded on it always is; a
    skipped one is not; in a live meeting whose clock ran, neither is one the agenda
    jumped over (never started, no time spent), which used to print "… trình bày"."""
    if item.id in recorded:
        return True
    if item.skipped:
        return False
    clocked = not session.typed_up_afterwards and any(i.started_at for i in session.agenda)
    return not (clocked and item.started_at is None and not item.spent_seconds)
