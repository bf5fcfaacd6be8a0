"""Pixel snapshots of the key screens (frozen clock, no cursor blink) at 80×24 and 120×40."""

from __future__ import annotations

import pytest
from builders import make_app
from textual.widgets import Input

from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp


@pytest.fixture(autouse=True)
def no_blink(monkeypatch) -> None:
    """A blinking cursor would make every snapshot flaky."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def mid_session(store, session_id, frozen_clock) -> str:
    """Attendance taken, the first five items done, 12 minutes into "Gốc vững", two notes."""
    service = SessionService.open(store, session_id, frozen_clock)
    for person, status in (("p01", "present"), ("p02", "present"), ("p03", "present")):
        service.mark(person, status)
    service.mark("p04", "absent-excused", "Đi công tác")
    service.mark("p06", "exempt-absent")
    service.start()
    for minutes in (5, 2, 3, 2, 9):
        frozen_clock.advance(minutes * 60)
        service.step(1)
    frozen_clock.advance(6 * 60)
    service.add_note("Gốc có vững thì cây mới đứng vững trước gió bão.", "opinion", "p02")
    frozen_clock.advance(6 * 60 + 30)
    service.add_note("Liên hệ với công tác dân vận ở xã thế nào?", "question", "p03")
    service.close()
    return session_id


def snapshot_app(store, content_dir, clock, session_id=None) -> FacilitatorApp:
    app = make_app(store, content_dir, clock, session_id)
    app.data_dir_label = "C:\\Users\\bi-thu\\AppData\\Local\\facilitator\\sessions"  # not tmp_path
    return app


def test_home_80x24(snap_compare, store, session_id, content_dir, frozen_clock) -> None:
    assert snap_compare(snapshot_app(store, content_dir, frozen_clock), terminal_size=(80, 24))


def test_attendance_80x24(snap_compare, store, session_id, content_dir, frozen_clock) -> None:
    service = SessionService.open(store, session_id, frozen_clock)
    service.mark("p01", "present")
    service.mark("p04", "absent-excused", "Ốm")
    service.close()
    app = snapshot_app(store, content_dir, frozen_clock, session_id)
    assert snap_compare(app, terminal_size=(80, 24), press=["down"])


def test_run_80x24(snap_compare, store, mid_session, content_dir, frozen_clock) -> None:
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    assert snap_compare(app, terminal_size=(80, 24))


def test_run_120x40(snap_compare, store, mid_session, content_dir, frozen_clock) -> None:
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    assert snap_compare(app, terminal_size=(120, 40))


def test_report_80x24(snap_compare, store, mid_session, content_dir, frozen_clock) -> None:
    service = SessionService.open(store, mid_session, frozen_clock)
    service.set_reflection("p02", True, "kha")
    service.set_reflection("p03", True, None)
    service.close()
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    assert snap_compare(
        app, terminal_size=(80, 24), press=["ctrl+n", *"Chuẩn bị chu đáo.", "ctrl+j", "down"]
    )
