"""The presenter's console (Textual). Only the CLI imports this package."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from facilitator.config.settings import Settings
from facilitator.storage.store import Store


def run_app(
    store: Store,
    content_dirs: Sequence[Path],
    session_id: str | None = None,
    content_files: tuple[Path, ...] = (),
    settings: Settings | None = None,
    legacy_store: Path | None = None,
) -> Path | None:
    """Run the console until the user quits (blocks); the crash log's path if it crashed."""
    from facilitator.config.locations import config_file
    from facilitator.ui.compose import build_app

    app = build_app(
        store,
        content_dirs,
        session_id=session_id,
        content_files=content_files,
        settings=settings,
        settings_path=config_file(),
        legacy_store=legacy_store,
    )
    app.run()
    return app.crash_log
