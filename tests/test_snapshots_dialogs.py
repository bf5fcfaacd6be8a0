"""Pixel snapshots of the dialogs opened from the run and read-back screens, at 80×24 and
120×40, each opened with the keys a user presses (frozen clock, no cursor blink, fixed
paths). The attendance, Prepare and report dialogs: ``test_snapshots_dialogs_forms``."""

from __future__ import annotations

import pytest
from snapshot_setup import SIZES, mid_session, no_blink, no_office, opened, snapshot_app

from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.dialogs import ApproveDialog, ConfirmDialog, ReasonDialog, TextDialog
from facilitator.ui.screens.export_dialog import ExportDialog
from facilitator.ui.screens.note_dialogs import AbsentSpeakerDialog, NoteDialog
from facilitator.ui.screens.readback import ReadbackScreen
from facilitator.ui.screens.roles_dialog import RolesDialog
from facilitator.ui.screens.time_dialogs import TimesDialog
from facilitator.ui.screens.vote_dialogs import VoteDialog

__all__ = ["mid_session", "no_blink", "no_office"]  # fixtures used by the tests below


@pytest.fixture
def app(store, mid_session, content_dir, frozen_clock) -> FacilitatorApp:
    """The run screen, 12 minutes into "Gốc vững", two notes taken."""
    return snapshot_app(store, content_dir, frozen_clock, mid_session)


@pytest.fixture
def closed(store, mid_session, frozen_clock) -> str:
    """The session approved and closed (read-only until reopened)."""
    service = SessionService.open(store, mid_session, frozen_clock)
    frozen_clock.advance(40 * 60)
    service.approve_and_close()
    service.close()
    return mid_session


# -- run screen ----------------------------------------------------------------------------
@SIZES
def test_vote_dialog(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened(["f6"], VoteDialog))


@SIZES
def test_vote_dialog_too_many(snap_compare, app, size) -> None:
    """The base (3) exceeded: the error line wraps, the save button is disabled."""
    run_before = opened(["f6"], VoteDialog, then=["tab", "backspace", *"12"])
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_item_conclusion_dialog(snap_compare, app, size) -> None:
    run_before = opened(["f7"], TextDialog, then=[*"Chi bộ thống nhất cao."])
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_times_dialog(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened(["ctrl+f"], TimesDialog))


@SIZES
def test_export_dialog(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened(["f9"], ExportDialog))


@SIZES
def test_export_create_folder_confirm(snap_compare, app, size) -> None:
    """The export folder does not exist yet: created only when the user says so (the
    first Enter picks the format, the second the file)."""
    run_before = opened(["f9", ExportDialog, "enter", "enter"], ConfirmDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_note_dialog(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened(["ctrl+j", "e"], NoteDialog))


@SIZES
def test_note_dialog_speaker_matches(snap_compare, app, size) -> None:
    """A speaker typed in part: the matches list opens inside the dialog, which still fits."""
    then = ["ctrl+u", *"th"]  # the dialog opens on the speaker box
    run_before = opened(["ctrl+j", "e"], NoteDialog, then=then)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_delete_note_confirm(snap_compare, app, size) -> None:
    run_before = opened(["ctrl+j", "delete"], ConfirmDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_queue_speaker_dialog(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened(["ctrl+y"], ReasonDialog))


@SIZES
def test_absent_speaker_dialog(snap_compare, app, size) -> None:
    """Phạm Thị Dung is absent with a reason: asked about before she is the speaker."""
    run_before = opened(["f3", *"Phạm Thị Dung", "enter"], AbsentSpeakerDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_quit_running_confirm(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=opened(["ctrl+q"], ConfirmDialog))


@SIZES
def test_reopen_dialog(snap_compare, store, closed, content_dir, frozen_clock, size) -> None:
    app = snapshot_app(store, content_dir, frozen_clock, closed)
    assert snap_compare(app, terminal_size=size, run_before=opened(["ctrl+r"], ReasonDialog))


# -- read back -----------------------------------------------------------------------------
@SIZES
def test_approve_dialog(snap_compare, app, size) -> None:
    run_before = opened(["ctrl+b", ReadbackScreen, "ctrl+t"], ApproveDialog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_roles_dialog(snap_compare, app, size) -> None:
    assert snap_compare(
        app, terminal_size=size, run_before=opened(["ctrl+b", ReadbackScreen, "r"], RolesDialog)
    )
