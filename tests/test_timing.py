"""Time rules of the core: entered times, latecomers and early leavers, bundle ``left_at``."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from bundle_helpers import make_session
from conftest import ICT, FrozenClock

from facilitator.bundle.validate import validate_session
from facilitator.domain.errors import InputError
from facilitator.domain.models import Session
from facilitator.domain.timing import default_arrival, parse_clock, parse_moment, planned_start
from facilitator.services.session import SessionService


def test_times_are_read_as_people_type_them() -> None:
    assert parse_moment("3/5/2024 7h30", ICT) == datetime(2024, 5, 3, 7, 30, tzinfo=ICT)
    assert parse_clock("07:45", datetime(2024, 5, 3).date(), ICT).hour == 7
    for bad in ("31/02/2024 07:30", "03/05/2024 25:00", "hôm qua"):
        with pytest.raises(InputError):
            parse_moment(bad, ICT)


def test_default_arrival_uses_the_clock_only_during_the_live_meeting() -> None:
    session = make_session().with_changes(status="running", ended_at=None, approved=None)
    start = session.started_at
    assert default_arrival(session, start.replace(minute=start.minute + 5)) > start
    # Off the meeting's day, or typed up afterwards: the clock says nothing; the proposal
    # is where the minutes have got to, the current item's start (never the opening).
    item = session.item(session.progress.current)
    assert item is not None
    reached = (item.started_at or planned_start(session, item.id)).replace(second=0)
    assert reached > start
    assert default_arrival(session, datetime(2026, 12, 1, 9, 0, tzinfo=ICT)) == reached
    afterwards = session.with_changes(mode="afterwards")
    assert default_arrival(afterwards, start.replace(minute=start.minute + 5)) == reached
    at_opening = session.with_changes(progress=replace(session.progress, current=None))
    assert default_arrival(at_opening, datetime(2026, 12, 1, 9, 0, tzinfo=ICT)) == start


def test_a_latecomer_typed_up_afterwards_is_proposed_at_the_item_under_way(
    store, session_id, frozen_clock: FrozenClock
) -> None:
    frozen_clock.now = datetime(2026, 12, 2, 3, 56, tzinfo=ICT)
    service = SessionService.open(store, session_id, frozen_clock)
    service.start(datetime(2024, 5, 3, 7, 30, tzinfo=ICT), afterwards=True)
    kept = [i for i in service.session.agenda if not i.skipped]
    service.go_to(kept[3].id)
    due = planned_start(service.session, kept[3].id)
    assert due > service.session.started_at
    person = service.session.people[0].id
    service.mark(person, "late")
    assert service.session.attendance_of(person).arrived_at == due.replace(second=0)
    service.close()


def test_mode_round_trips_and_live_bundles_stay_as_they_were() -> None:
    live = make_session()
    assert "mode" not in live.to_dict()
    typed_up = live.with_changes(mode="afterwards")
    assert Session.from_dict(typed_up.to_dict()).typed_up_afterwards
    assert validate_session(typed_up.to_dict()) == []
    bad = dict(typed_up.to_dict(), mode="later")
    assert [p.where for p in validate_session(bad)] == ["$.mode"]


def test_left_at_belongs_to_someone_present_and_not_before_arrival() -> None:
    data = make_session().to_dict()
    data["attendance"][1]["left_at"] = "2024-05-10T07:35:00+07:00"  # before arriving 07:40
    data["attendance"][2]["left_at"] = "2024-05-10T09:00:00+07:00"  # absent-excused
    wheres = [p.where for p in validate_session(data)]
    assert wheres == ["$.attendance[1].left_at", "$.attendance[2].left_at"]


def test_service_refuses_arrivals_before_the_start_and_departures_of_absentees(
    store, session_id, frozen_clock: FrozenClock
) -> None:
    service = SessionService.open(store, session_id, frozen_clock)
    start = service.session.started_at
    with pytest.raises(InputError):
        service.mark("p03", "late", arrived_at=start.replace(minute=0))
    service.mark("p04", "absent")
    with pytest.raises(InputError):
        service.set_left("p04", start.replace(hour=9))
    service.mark("p05", "present")
    service.set_left("p05", start.replace(hour=9))
    service.mark("p05", "present")  # marked again: the departure stays
    assert service.session.attendance_of("p05").left_at == start.replace(hour=9)
    service.close()
