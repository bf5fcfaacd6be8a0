"""The composition root: the one place the console is put together.

The CLI and every test build the app here, so the store, the pack folders, the clock and
the settings reach it one way; a new dependency is added here once, not in each caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from facilitator.config.settings import Settings
from facilitator.services.clock import Clock, local_now
from facilitator.storage.store import Store
from facilitator.ui.app import FacilitatorApp


def build_app(
    store: Store,
    content_dirs: Sequence[Path],
    *,
    clock: Clock = local_now,
    session_id: str | None = None,
    content_files: Sequence[Path] = (),
    settings: Settings | None = None,
    settings_path: Path | None = None,
    legacy_store: Path | None = None,
    export_dir: Path | None = None,
) -> FacilitatorApp:
    """The console over ``store``.

    ``content_dirs``: pack folders in order (shipped packs first, then the user's and
    ``--content-dir``); ``content_files``: packs given by path; ``session_id``: opened at
    once; ``settings_path``: where a chosen theme and export folder are remembered
    (``None`` remembers nothing); ``export_dir``: where the export dialog opens, else the
    remembered folder or the user's Documents folder.
    """
    return FacilitatorApp(
        store,
        content_dir=Path(content_dirs[0]),
        extra_content_dirs=tuple(Path(p) for p in content_dirs[1:]),
        clock=clock,
        session_id=session_id,
        export_dir=export_dir,
        content_files=tuple(Path(p) for p in content_files),
        settings=settings,
        settings_path=settings_path,
        legacy_store=legacy_store,
    )
