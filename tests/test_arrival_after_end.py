"""Nobody is recorded as arriving after the meeting ended. In a real-terminal run a
latecomer typed as arriving at 19:55 was kept when the minutes were approved at 19:47:
"đến lúc 19 giờ 55 phút" in minutes that end "lúc 19 giờ 47 phút"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.domain.errors import InputError
from facilitator.services.session import SessionService
from facilitator.strings import timing as timing_text


def test_approving_with_an_arrival_after_the_end_is_refused_until_it_is_put_right(
    store, running, frozen_clock
):
    service = SessionService.open(store, running, frozen_clock)
    start = service.session.started_at
    service.mark("p04", "late", arrived_at=start + timedelta(minutes=25))  # typed ahead
    frozen_clock.advance(10 * 60)
    base = service.counts().voting_base
    with pytest.raises(InputError) as refused:
        service.approve_and_close(base)
    end = f"{frozen_clock():%H:%M}"
    assert refused.value.message == timing_text.ARRIVED_AFTER_END.format(
        name="Phạm Thị Dung", time=f"{start + timedelta(minutes=25):%H:%M}", end=end
    )
    assert store.load_session(running).status == "running"  # nothing frozen
    service.mark("p04", "late", arrived_at=start + timedelta(minutes=5))
    service.approve_and_close(base)
    service.close()
    session = store.load_session(running)
    assert session.status == "closed"
    assert session.attendance_of("p04").arrived_at == start + timedelta(minutes=5)  # type: ignore[union-attr]


def test_an_arrival_after_an_entered_end_is_refused_when_marked(store, running, frozen_clock):
    service = SessionService.open(store, running, frozen_clock)
    start = service.session.started_at
    service.set_times(start, start + timedelta(minutes=90))
    with pytest.raises(InputError) as refused:
        service.mark("p04", "late", arrived_at=start + timedelta(minutes=95))
    assert refused.value.message == timing_text.ARRIVAL_AFTER_END.format(
        time=f"{start + timedelta(minutes=95):%H:%M}", end=f"{start + timedelta(minutes=90):%H:%M}"
    )
    service.close()
    assert store.load_session(running).attendance_of("p04") is None
