"""Official documents (biên bản, báo cáo) exported from sessions, without any UI.

The CLI and the TUI call :func:`export_minutes` and :func:`export_report`; everything
else (models, renderers, registry) is importable on its own for tests and tools. The
formats each accepts are those :mod:`facilitator.export.formats` declares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.domain.models import Session, Unit
from facilitator.export.formats import Document, find
from facilitator.export.settings import DocSettings

if TYPE_CHECKING:
    from facilitator.export.report_details import Blank, ReportDetails
    from facilitator.export.report_tally import ReportInput

__all__ = ["DocSettings", "export_minutes", "export_report", "export_script"]


def _target(path: Path | str, stem: str, fmt: str) -> Path:
    from facilitator.export.registry import safe_output_path

    path = Path(path)
    return safe_output_path(path, stem, fmt) if path.is_dir() else path


def export_minutes(
    session: Session,
    fmt: str,
    path: Path | str,
    *,
    overwrite: bool = False,
    settings: DocSettings | None = None,
) -> Path:
    """Write the minutes of ``session`` as ``fmt`` (a minutes ``--format`` value) to ``path``.

    ``path`` is a file, or a folder in which a safe name is built from the title.
    Returns the file written. Raises ``FacilitatorError`` (Vietnamese message) when the
    file exists and ``overwrite`` is false, or ``StoreError`` when the write fails.
    """
    from facilitator.export.minutes_model import build_minutes
    from facilitator.storage.output_file import write_output

    chosen = find(fmt, Document.MINUTES)
    writer = chosen.load_writer()
    settings = settings or DocSettings()
    minutes = build_minutes(session, settings)
    target = _target(path, minutes.file_stem, chosen.ext)
    return write_output(target, writer(minutes, settings), overwrite=overwrite)


def export_report(
    sessions: Iterable[ReportInput],
    fmt: str,
    path: Path | str,
    *,
    unit: Unit,
    title: str | None = None,
    period: tuple[date, date] | None = None,
    overwrite: bool = False,
    settings: DocSettings | None = None,
    details: ReportDetails | None = None,
    on_blanks: Callable[[list[Blank]], None] | None = None,
    missing: Iterable[str] = (),
    on_repeats: Callable[[tuple[str, ...]], None] | None = None,
) -> Path:
    """Aggregate ``sessions`` into the report of ``unit`` and write it as ``fmt`` (a
    report ``--format`` value but "bundle"). ``sessions`` may be a lazy generator: it is
    read once. ``details`` are the fields given by hand (number, signer, narrative…);
    ``on_blanks`` hears what is still blank before the file is written; ``missing`` names
    the expected units that did not report (sessions may also be report bundles);
    ``on_repeats`` hears the units that sent a report and sessions (or two reports)."""
    from facilitator.export.report_details import find_blanks, signed_report
    from facilitator.storage.output_file import write_output

    chosen = find(fmt, Document.REPORT)
    writer = chosen.load_writer()
    settings = settings or DocSettings()
    report, unit = signed_report(
        sessions, unit=unit, title=title, period=period, settings=settings, details=details,
        missing=missing,
    )  # fmt: skip
    if on_blanks is not None:
        on_blanks(find_blanks(report, unit))
    if on_repeats is not None and report.repeated:
        on_repeats(report.repeated)
    target = _target(path, report.file_stem, chosen.ext)
    return write_output(target, writer(report, settings), overwrite=overwrite)


def export_script(
    session: Session,
    fmt: str,
    path: Path | str,
    *,
    overwrite: bool = False,
    settings: DocSettings | None = None,
    start_known: bool = True,
) -> Path:
    """Write the presenter's script of ``session`` as ``fmt`` ("script" = DOCX,
    "script-md" = Markdown) to ``path`` (a file, or a folder for a safe name).

    ``start_known`` false (a pack, before any session) leaves the date and clock blank.
    """
    from facilitator.export.script_model import build_script
    from facilitator.storage.output_file import write_output

    chosen = find(fmt, Document.SCRIPT)
    writer = chosen.load_writer()
    settings = settings or DocSettings()
    script = build_script(session, start_known=start_known)
    target = _target(path, script.file_stem, chosen.ext)
    return write_output(target, writer(script, settings), overwrite=overwrite)
