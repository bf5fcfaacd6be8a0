"""Pixel snapshots of the key screens (frozen clock, no cursor blink) at 80×24 and 120×40."""

from __future__ import annotations

import pytest
from builders import make_app
from snapshot_setup import mid_session
from textual.widgets import Input

from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp

__all__ = ["mid_session"]  # the shared fixture the tests below take


@pytest.fixture(autouse=True)
def no_blink(monkeypatch) -> None:
    """A blinking cursor would make every snapshot flaky."""
    monkeypatch.setattr(Input, "cursor_blink", False)


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
