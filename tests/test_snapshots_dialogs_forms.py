"""Pixel snapshots of the dialogs opened from the attendance, Prepare and report screens,
and of F5's question on another day, at 80×24 and 120×40, each opened with the keys a user
presses (frozen clock, no cursor blink, fixed paths). The run and read-back dialogs:
``test_snapshots_dialogs``."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot_setup import SIZES, mid_session, no_blink, no_office, opened, snapshot_app, until

from facilitator.drafting.draft import draft_plan, report_lines
from facilitator.services.session import SessionService
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.dialogs import (
    ConfirmDialog,
    GuestDialog,
    ReasonDialog,
    RosterImportDialog,
)
from facilitator.ui.screens.draft_dialog import DraftDialog, DraftReportDialog
from facilitator.ui.screens.export_dialog import ExportDialog
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.screens.report import ReportScreen
from facilitator.ui.screens.report_dialogs import SigningDialog, UnitDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.screens.time_dialogs import ClockDialog, StartDialog

__all__ = ["mid_session", "no_blink", "no_office"]  # fixtures used by the tests below

PLAN = Path(__file__).parent / "fixtures" / "plans" / "ke-hoach-huyen-uy.txt"
PACKS = Path("/home/bi-thu/.local/share/facilitator/packs")
"""The user's packs folder the draft dialog names: the same on every machine."""


@pytest.fixture
def left_early(store, running, frozen_clock) -> str:
    """The meeting under way; Nguyễn Văn An left at 08:10 (so the time can be cleared)."""
    service = SessionService.open(store, running, frozen_clock)
    frozen_clock.advance(50 * 60)
    service.set_left("p01", frozen_clock().replace(minute=10))
    service.close()
    return running


# -- attendance ----------------------------------------------------------------------------
@SIZES
def test_excused_reason_dialog(snap_compare, store, session_id, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock, session_id)
    assert snap_compare(app, terminal_size=size, run_before=opened(["3"], ReasonDialog))


@SIZES
def test_late_clock_dialog(snap_compare, store, session_id, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock, session_id)
    assert snap_compare(app, terminal_size=size, run_before=opened(["2"], ClockDialog))


@SIZES
def test_left_clock_dialog(snap_compare, store, left_early, content_dir, frozen_clock, size):
    """Pressed again on someone who left: the time can be corrected or cleared."""
    app = snapshot_app(store, content_dir, frozen_clock, left_early)
    assert snap_compare(
        app, terminal_size=size, run_before=opened(["f2", AttendanceScreen, "6"], ClockDialog)
    )


@SIZES
def test_guest_dialog(snap_compare, store, session_id, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock, session_id)
    run_before = opened(["ctrl+g"], GuestDialog, then=[*"Ngô Thị Lan"])
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_start_other_day_dialog(snap_compare, store, session_id, content_dir, frozen_clock, size):
    """F5 the day after the planned one: keep the planned time or start now."""
    frozen_clock.advance(24 * 3600 + 45 * 60)
    app = snapshot_app(store, content_dir, frozen_clock, session_id)
    run_before = opened(["escape", RunScreen, "f5"], StartDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


# -- Prepare -------------------------------------------------------------------------------
@SIZES
def test_roster_import_dialog(snap_compare, store, roster, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock)
    run_before = opened(["n", PrepareScreen, "ctrl+r"], RosterImportDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_draft_dialog(snap_compare, store, roster, content_dir, frozen_clock, size, monkeypatch):
    monkeypatch.setattr("facilitator.config.locations.user_packs_dir", lambda: PACKS)
    app = snapshot_app(store, content_dir, frozen_clock)
    assert snap_compare(
        app, terminal_size=size, run_before=opened(["n", PrepareScreen, "ctrl+o"], DraftDialog)
    )


@SIZES
def test_draft_report_dialog(snap_compare, store, roster, content_dir, frozen_clock, size):
    """What a draft found and could not place (pushed as the draft action does)."""
    lines = report_lines(draft_plan(PLAN))
    app = snapshot_app(store, content_dir, frozen_clock)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PrepareScreen))
        app.push_screen(DraftReportDialog(lines))
        await until(pilot, lambda: isinstance(app.screen, DraftReportDialog))

    assert snap_compare(app, terminal_size=size, run_before=run_before)


# -- the result report ---------------------------------------------------------------------
@SIZES
def test_signing_dialog(snap_compare, store, mid_session, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    run_before = opened(["ctrl+n", ReportScreen, "f9"], SigningDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_signing_blanks_confirm(snap_compare, store, mid_session, content_dir, frozen_clock, size):
    """Exported with fields still blank: they are listed and asked about."""
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    run_before = opened(["ctrl+n", ReportScreen, "f9", SigningDialog, "ctrl+s"], ConfirmDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_report_export_dialog(snap_compare, store, mid_session, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    steps = ["ctrl+n", ReportScreen, "f9", SigningDialog, "ctrl+s", ConfirmDialog, "y"]
    run_before = opened(steps, ExportDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_unit_dialog(snap_compare, store, mid_session, content_dir, frozen_clock, size):
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    assert snap_compare(
        app, terminal_size=size, run_before=opened(["ctrl+n", ReportScreen, "ctrl+t"], UnitDialog)
    )
