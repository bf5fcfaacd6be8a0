"""Writers by format and safe output names (files are written by ``storage.output_file``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.vietnamese import slugify
from facilitator.export.csv_writer import render_report_csv
from facilitator.export.docx_writer import render_minutes_docx, render_report_docx
from facilitator.export.markdown import render_minutes_md, render_report_md
from facilitator.export.minutes_model import Minutes
from facilitator.export.pdf import as_pdf
from facilitator.export.report_model import Report
from facilitator.export.script_docx import render_script_docx
from facilitator.export.script_md import render_script_md
from facilitator.export.script_model import Script
from facilitator.export.settings import DocSettings
from facilitator.export.xlsx_writer import render_report_xlsx
from facilitator.strings import export as s

MinutesWriter = Callable[[Minutes, DocSettings], bytes]
ReportWriter = Callable[[Report, DocSettings], bytes]
ScriptWriter = Callable[[Script, DocSettings], bytes]

MINUTES_WRITERS: dict[str, MinutesWriter] = {
    "docx": render_minutes_docx,
    "md": lambda minutes, _settings: render_minutes_md(minutes).encode("utf-8"),
    "pdf": as_pdf(render_minutes_docx),
}
REPORT_WRITERS: dict[str, ReportWriter] = {
    "docx": render_report_docx,
    "md": lambda report, _settings: render_report_md(report).encode("utf-8"),
    "csv": lambda report, _settings: render_report_csv(report),
    "xlsx": render_report_xlsx,
    "pdf": as_pdf(render_report_docx),
}
# The presenter's script (kịch bản điều hành): format -> (writer, file extension).
SCRIPT_WRITERS: dict[str, tuple[ScriptWriter, str]] = {
    "script": (render_script_docx, "docx"),
    "script-md": (lambda script, _settings: render_script_md(script).encode("utf-8"), "md"),
}

_EXTENSION = re.compile(r"[a-z0-9]{1,10}")


def safe_output_path(folder: Path | str, title: str, ext: str) -> Path:
    """``folder/<slug>.<ext>``: the slug is ASCII without "/" or "..", so it stays inside."""
    ext = ext.lower().lstrip(".")
    if not _EXTENSION.fullmatch(ext):
        raise FacilitatorError(s.bad_extension(ext))
    folder = Path(folder)
    path = folder / f"{slugify(title, max_length=80)}.{ext}"
    # Belt and braces: the slug cannot contain a separator, but check the resolved parent.
    if path.resolve().parent != folder.resolve():
        raise FacilitatorError(s.bad_extension(ext))
    return path
