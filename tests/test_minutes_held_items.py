"""An agenda item the meeting jumped over is not stated as held in the minutes (it used to
print "Đồng chí … trình bày." under it); one with something recorded on it always is."""

from __future__ import annotations

from note_helpers import make_namesakes

from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.services.session import SessionService


def test_items_jumped_over_are_not_in_the_minutes(store, content_dir, frozen_clock) -> None:
    session_id = make_namesakes(store, content_dir, frozen_clock)
    service = SessionService.open(store, session_id, frozen_clock)
    agenda = service.session.agenda
    assert len(agenda) >= 5
    frozen_clock.advance(300)
    service.go_to(agenda[1].id)
    frozen_clock.advance(300)
    service.go_to(agenda[4].id)  # 2 and 3 jumped over; a vote is recorded on 3
    service.record_vote("Thông qua", 6, item=agenda[3].id)
    frozen_clock.advance(300)
    session = service.session
    service.close()
    text = render_minutes_md(build_minutes(session))
    assert agenda[1].title in text and agenda[4].title in text
    assert agenda[2].title not in text  # never started, nothing recorded
    assert agenda[3].title in text  # a vote was recorded on it
