"""The writers named by :mod:`facilitator.export.formats`, and safe output names (files
are written by ``storage.output_file``).

Each writer takes the document's model and the settings and returns the file's bytes;
``MINUTES_WRITERS`` and ``REPORT_WRITERS`` (by ``--format`` value) are derived from the
format table, never listed again.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.vietnamese import slugify
from facilitator.export.formats import Document, Writer, formats_for
from facilitator.export.pdf import docx_to_pdf
from facilitator.export.settings import DocSettings
from facilitator.strings import output_text as output_text_text

if TYPE_CHECKING:
    from facilitator.export.minutes_model import Minutes
    from facilitator.export.report_model import Report
    from facilitator.export.script_model import Script

# Each writer imports its renderer when it is called: a CSV report must not pay for
# python-docx, openpyxl and the Markdown parser (0.1 s of every `report` run).


def minutes_docx(minutes: Minutes, settings: DocSettings) -> bytes:
    from facilitator.export.docx_writer import render_minutes_docx

    return render_minutes_docx(minutes, settings)


def minutes_pdf(minutes: Minutes, settings: DocSettings) -> bytes:
    return docx_to_pdf(minutes_docx(minutes, settings))


def minutes_md(minutes: Minutes, _settings: DocSettings) -> bytes:
    from facilitator.export.markdown import render_minutes_md

    return render_minutes_md(minutes).encode("utf-8")


def report_docx(report: Report, settings: DocSettings) -> bytes:
    from facilitator.export.docx_writer import render_report_docx

    return render_report_docx(report, settings)


def report_pdf(report: Report, settings: DocSettings) -> bytes:
    return docx_to_pdf(report_docx(report, settings))


def report_xlsx(report: Report, settings: DocSettings) -> bytes:
    from facilitator.export.xlsx_writer import render_report_xlsx

    return render_report_xlsx(report, settings)


def report_md(report: Report, _settings: DocSettings) -> bytes:
    from facilitator.export.markdown import render_report_md

    return render_report_md(report).encode("utf-8")


def report_csv(report: Report, _settings: DocSettings) -> bytes:
    from facilitator.export.csv_writer import render_report_csv

    return render_report_csv(report)


def script_docx(script: Script, settings: DocSettings) -> bytes:
    from facilitator.export.script_docx import render_script_docx

    return render_script_docx(script, settings)


def script_md(script: Script, _settings: DocSettings) -> bytes:
    from facilitator.export.script_md import render_script_md

    return render_script_md(script).encode("utf-8")


def writers(document: Document) -> dict[str, Writer]:
    """``--format`` value -> writer, for one document (the functions above, by name)."""
    here = globals()
    return {f.option: here[f.writer] for f in formats_for(document) if f.writer}


MINUTES_WRITERS = writers(Document.MINUTES)
REPORT_WRITERS = writers(Document.REPORT)

_EXTENSION = re.compile(r"[a-z0-9]{1,10}")


def safe_output_path(folder: Path | str, title: str, ext: str) -> Path:
    """``folder/<slug>.<ext>``: the slug is ASCII without "/" or "..", so it stays inside."""
    ext = ext.lower().lstrip(".")
    if not _EXTENSION.fullmatch(ext):
        raise FacilitatorError(output_text_text.bad_extension(ext))
    folder = Path(folder)
    path = folder / f"{slugify(title, max_length=80)}.{ext}"
    # Belt and braces: the slug cannot contain a separator, but check the resolved parent.
    if path.resolve().parent != folder.resolve():
        raise FacilitatorError(output_text_text.bad_extension(ext))
    return path
