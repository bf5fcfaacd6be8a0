"""One rule for "too long ago to time": the run screen's pacing line and the projector
agree about a meeting reopened days later and about one that runs past midnight."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from builders import ICT

from facilitator.domain.timing import STALE_AFTER, is_stale
from facilitator.services.live import LiveItem
from facilitator.storage.store import Store
from facilitator.ui.pacing import compute_pacing

LATE_START = datetime(2024, 5, 10, 23, 0, tzinfo=ICT)


@pytest.mark.parametrize(
    ("after", "stale"),
    [
        (timedelta(minutes=90), False),  # 00:30 the next day: the meeting goes on
        (STALE_AFTER, False),
        (STALE_AFTER + timedelta(minutes=1), True),
        (timedelta(days=2), True),  # reopened two days later
    ],
    ids=["past-midnight", "at-the-limit", "just-past", "days-later"],
)
def test_the_run_screen_and_the_projector_share_one_rule(
    store: Store, running: str, after: timedelta, stale: bool
) -> None:
    session = replace(store.load_session(running), started_at=LATE_START)
    now = LATE_START + after
    item = session.progress.current
    pacing = compute_pacing(session, lambda _id: (now - LATE_START).total_seconds(), now)
    live = LiveItem(id=item or "", minutes=5, entered_at=LATE_START)

    assert is_stale(LATE_START, now) is stale
    assert live.visit_is_stale(now) is stale
    if stale:
        assert pacing.started_earlier == LATE_START.date()
        assert pacing.expected_end is None and pacing.elapsed == 0.0
    else:  # the timer counts on, across midnight
        assert pacing.started_earlier is None
        assert pacing.elapsed == after.total_seconds()
        assert pacing.expected_end is not None


def test_a_naive_stamp_is_never_called_stale() -> None:
    assert not is_stale(datetime(2024, 5, 10, 8, 0), LATE_START + timedelta(days=3))
