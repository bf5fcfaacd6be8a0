"""Every export format, declared once (#14): the CLI's ``--format`` choices, the console's
export dialog (its list and default file names) and the exporters all read this table.

A format is one document (minutes, result report, presenter's script, session bundle,
report bundle) in one file type. ``option`` is what ``--format`` takes; ``id`` is unique
across documents (the wording of the console's list is keyed by it in
``facilitator.strings.export_ui``). The writer is named, not imported: this module is
read by ``facilitator --help``, which must not load python-docx.

Adding a format: one line here, its label in ``strings/export_ui.py``, its writer in
``export/registry.py``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from facilitator.domain.errors import FacilitatorError
from facilitator.strings import output_text as output_text_text


class Document(StrEnum):
    """What a format writes."""

    MINUTES = "minutes"  # biên bản
    REPORT = "report"  # báo cáo kết quả
    SCRIPT = "script"  # kịch bản điều hành
    BUNDLE = "bundle"  # the session bundle (facilitator.session/1)
    REPORT_BUNDLE = "report-bundle"  # the report's figures, for the level above


Writer = Callable[[Any, Any], bytes]
"""(document model, DocSettings) -> the file's bytes."""

WRITERS_MODULE = "facilitator.export.registry"


@dataclass(frozen=True)
class ExportFormat:
    """One document in one file type."""

    id: str
    document: Document
    option: str
    """The value of ``--format`` (unique within a command's documents)."""
    ext: str
    suffix: str
    """Default console file name: ``<session id><suffix>.<ext>``."""
    writer: str = ""
    """Function in :data:`WRITERS_MODULE`; "" when the document's own module writes it
    (bundles are JSON written by ``facilitator.bundle``)."""
    converted: bool = False
    """Needs LibreOffice (PDF through the DOCX)."""

    def default_name(self, session_id: str) -> str:
        """The file name the console proposes for a session."""
        return f"{session_id}{self.suffix}.{self.ext}"

    def load_writer(self) -> Writer:
        """The writer function (imports the renderers on first use)."""
        if not self.writer:  # a caller's mistake, never the user's: bundles write themselves
            raise LookupError(f"{self.id} has no document writer")
        function: Writer = getattr(importlib.import_module(WRITERS_MODULE), self.writer)
        return function


_M, _R, _S = Document.MINUTES, Document.REPORT, Document.SCRIPT

FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("minutes-docx", _M, "docx", "docx", "-bien-ban", "minutes_docx"),
    ExportFormat("minutes-md", _M, "md", "md", "-bien-ban", "minutes_md"),
    ExportFormat("minutes-pdf", _M, "pdf", "pdf", "-bien-ban", "minutes_pdf", converted=True),
    ExportFormat("bundle", Document.BUNDLE, "bundle", "json", ""),
    ExportFormat("script-docx", _S, "script", "docx", "-kich-ban", "script_docx"),
    ExportFormat("script-md", _S, "script-md", "md", "-kich-ban", "script_md"),
    ExportFormat("report-docx", _R, "docx", "docx", "-bao-cao", "report_docx"),
    ExportFormat("report-md", _R, "md", "md", "-bao-cao", "report_md"),
    ExportFormat("report-pdf", _R, "pdf", "pdf", "-bao-cao", "report_pdf", converted=True),
    ExportFormat("report-csv", _R, "csv", "csv", "-bao-cao", "report_csv"),
    ExportFormat("report-xlsx", _R, "xlsx", "xlsx", "-bao-cao", "report_xlsx"),
    ExportFormat("report-bundle", Document.REPORT_BUNDLE, "bundle", "json", "-bao-cao"),
)

EXPORT_DOCUMENTS = (Document.MINUTES, Document.BUNDLE, Document.SCRIPT)
"""What ``facilitator export`` writes of one session (and the console's F9 offers)."""
REPORT_DOCUMENTS = (Document.REPORT, Document.REPORT_BUNDLE)
"""What ``facilitator report`` writes."""


def formats_for(*documents: Document) -> tuple[ExportFormat, ...]:
    """The formats of these documents, in table order."""
    return tuple(f for f in FORMATS if f.document in documents)


def options(*documents: Document) -> tuple[str, ...]:
    """The ``--format`` choices of a command writing these documents."""
    return tuple(f.option for f in formats_for(*documents))


def find(option: str, *documents: Document) -> ExportFormat:
    """The format ``--format option`` means for these documents (a Vietnamese error
    naming the choices when there is none)."""
    for candidate in formats_for(*documents):
        if candidate.option == option:
            return candidate
    raise FacilitatorError(output_text_text.unknown_format(option, sorted(options(*documents))))


def extension(option: str) -> str:
    """The file extension of a ``--format`` value (one per value, whatever the document)."""
    return next(f.ext for f in FORMATS if f.option == option)


def by_id(format_id: str) -> ExportFormat:
    """The format with this id (raises ``KeyError``)."""
    for candidate in FORMATS:
        if candidate.id == format_id:
            return candidate
    raise KeyError(format_id)


def offered(*documents: Document, converter: bool) -> tuple[ExportFormat, ...]:
    """The formats worth listing: converted ones only where the converter is installed."""
    return tuple(f for f in formats_for(*documents) if converter or not f.converted)
