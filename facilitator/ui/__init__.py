"""The presenter's console (Textual). Only the CLI imports this package."""

from __future__ import annotations

from pathlib import Path

from facilitator.storage.store import Store


def run_app(
    store: Store,
    content_dir: Path,
    session_id: str | None = None,
    content_files: tuple[Path, ...] = (),
) -> None:
    """Run the console until the user quits (blocks)."""
    from facilitator.ui.app import FacilitatorApp

    FacilitatorApp(
        store, content_dir=Path(content_dir), session_id=session_id, content_files=content_files
    ).run()
