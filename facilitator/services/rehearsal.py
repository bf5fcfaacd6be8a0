"""Writing a rehearsal's minutes back as the session's budgets (the only write it makes).

The change goes through :meth:`SessionService.set_agenda`, the same validated path the
Prepare screen's +/- use, so nothing but ``minutes`` changes and a refused value never
reaches the disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from facilitator.domain.errors import InputError
from facilitator.domain.models import Session
from facilitator.services.session import SessionService
from facilitator.strings import rehearsal as rehearsal_text


def write_budgets(service: SessionService, budgets: Mapping[str, int]) -> Session:
    """Set each named item's budget (whole minutes, at least 1) on a session not yet held.

    Raises:
        InputError: the session has started or closed (its agenda is the record now),
            or a budget is not a positive whole number.
    """
    session = service.session
    if session.status != "planned":
        raise InputError(rehearsal_text.NOT_PLANNED)
    if any(not isinstance(m, int) or m < 1 for m in budgets.values()):
        raise InputError(rehearsal_text.BAD_BUDGET)
    agenda = tuple(
        replace(item, minutes=budgets[item.id]) if item.id in budgets else item
        for item in session.agenda
    )
    return service.set_agenda(agenda)
