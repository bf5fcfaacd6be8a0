"""Pixel snapshots of the Prepare, Read back and Help (F1) screens at 80×24 and 120×40, each
opened the way a user does (frozen clock, no cursor blink, fixed paths)."""

from __future__ import annotations

from snapshot_setup import SIZES, mid_session, no_blink, no_office, opened, snapshot_app

from facilitator.ui.screens.help import HelpScreen
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.screens.readback import ReadbackScreen

__all__ = ["mid_session", "no_blink", "no_office"]  # fixtures used by the tests below


@SIZES
def test_prepare(snap_compare, store, roster, content_dir, frozen_clock, size) -> None:
    app = snapshot_app(store, content_dir, frozen_clock)
    assert snap_compare(app, terminal_size=size, run_before=opened(["n"], PrepareScreen))


@SIZES
def test_readback(snap_compare, store, mid_session, content_dir, frozen_clock, size) -> None:
    app = snapshot_app(store, content_dir, frozen_clock, mid_session)
    assert snap_compare(app, terminal_size=size, run_before=opened(["ctrl+b"], ReadbackScreen))


@SIZES
def test_help_from_home(snap_compare, store, session_id, content_dir, frozen_clock, size) -> None:
    app = snapshot_app(store, content_dir, frozen_clock)
    assert snap_compare(app, terminal_size=size, run_before=opened(["f1"], HelpScreen))
