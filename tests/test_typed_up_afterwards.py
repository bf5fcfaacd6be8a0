"""A meeting typed up afterwards: note times follow corrected item times; no laptop clock."""

from __future__ import annotations

from datetime import datetime

from conftest import ICT, FrozenClock

from facilitator.bundle.validate import validate_session
from facilitator.domain.timing import planned_start
from facilitator.services.session import SessionService


def typed_up(store, session_id: str, clock: FrozenClock) -> SessionService:
    """Opened on 02/12/2026 for a meeting of 03/05/2024, typed up from paper."""
    clock.now = datetime(2026, 12, 2, 3, 56, tzinfo=ICT)
    service = SessionService.open(store, session_id, clock)
    service.start(datetime(2024, 5, 3, 7, 30, tzinfo=ICT), afterwards=True)
    return service


def test_notes_move_into_their_item_when_its_times_are_corrected(
    store, session_id, frozen_clock: FrozenClock
) -> None:
    service = typed_up(store, session_id, frozen_clock)
    item = service.session.agenda[-1].id
    texts = ["Ý kiến thứ nhất", "Ý kiến thứ hai", "Ý kiến thứ ba"]
    for text in texts:
        service.add_note(text, item=item)
    # No times entered for the item: filed when the plan had it, not at the start.
    due = planned_start(service.session, item)
    assert due > service.session.started_at
    assert {n.at.replace(second=0) for n in service.session.notes} == {due}
    start = datetime(2024, 5, 3, 8, 42, tzinfo=ICT)
    end = datetime(2024, 5, 3, 9, 7, tzinfo=ICT)
    service.set_times(service.session.started_at, end.replace(hour=10), {item: (start, end)})
    notes = sorted(service.session.notes, key=lambda n: n.at)
    assert [n.text for n in notes] == texts  # order kept
    assert all(start <= n.at <= end for n in notes)
    assert service.add_note("Ý kiến thứ tư", item=item).at > notes[-1].at
    service.close()
    # What was saved (and is bundled) agrees.
    reopened = SessionService.open(store, session_id, frozen_clock)
    stored = [n for n in reopened.session.notes if n.item == item]
    assert all(start <= n.at <= end for n in stored)
    assert validate_session(reopened.session.to_dict()) == []
    reopened.close()


def test_approval_of_minutes_typed_up_afterwards_is_the_meetings_end(
    store, session_id, frozen_clock: FrozenClock
) -> None:
    service = typed_up(store, session_id, frozen_clock)
    end = datetime(2024, 5, 3, 10, 5, tzinfo=ICT)
    service.set_times(service.session.started_at, end)
    closed = service.approve_and_close()
    data = closed.to_dict()
    assert closed.approved is not None and closed.approved.at == end
    assert data["approved"]["at"].startswith("2024-05-03T10:05")
    assert [e["at"][:16] for e in data["events"] if e["kind"] == "closed"] == ["2024-05-03T10:05"]
    assert "2026-12-02" not in str(data)
    service.close()


def test_notes_typed_up_item_by_item_keep_the_agenda_order_in_time(
    store, session_id, frozen_clock: FrozenClock
) -> None:
    service = typed_up(store, session_id, frozen_clock)
    agenda = [i for i in service.session.agenda if not i.skipped]
    # The secretary types the last item's notes first, then the second item's.
    late = service.add_note("Ý kiến ở mục cuối", item=agenda[-1].id)
    early = service.add_note("Ý kiến ở mục hai", item=agenda[1].id)
    assert early.at < late.at  # a list by time still follows the agenda
    start = service.session.started_at
    budget = sum(i.minutes for i in agenda[:1])
    assert (early.at - start).total_seconds() == budget * 60
    service.close()
