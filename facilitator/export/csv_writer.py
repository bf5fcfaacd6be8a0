"""CSV of the report's statistics table: UTF-8 with BOM, comma-separated, Excel-friendly."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from facilitator.strings.campaign import missing_heading

if TYPE_CHECKING:
    from facilitator.export.report_model import Report

# Excel, LibreOffice and Google Sheets evaluate a cell that starts with one of these as a
# formula: a unit named "=HYPERLINK(...)" would run when the report is opened (OWASP
# "CSV injection"). The fix is OWASP's: a leading apostrophe makes the cell plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Cells the spreadsheet must still read as numbers or dates: "-3", "85,5%", "10/05/2024".
_PLAIN_VALUE = re.compile(
    r"[-+]?\d+(?:[.,]\d+)*(?:\s?%)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}"
)


def neutralise_cell(cell: str) -> str:
    """``cell`` as a spreadsheet will show it, never as a formula it would run."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_VALUE.fullmatch(cell):
        return "'" + cell
    return cell


def _safe(rows: Iterable[Iterable[str]]) -> list[list[str]]:
    return [[neutralise_cell(str(cell)) for cell in row] for row in rows]


def render_report_csv(report: Report) -> bytes:
    """Header row, one row per unit, then "Tổng cộng"; integers stay plain for Excel."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows(_safe([report.table_header, *report.table_rows(raw=True)]))
    if report.missing:  # after a blank line, the units that did not report
        rows = [[str(i), name] for i, name in enumerate(report.missing, start=1)]
        writer.writerows(_safe([[], [missing_heading(len(report.missing))], *rows]))
    # The BOM makes Excel read UTF-8 instead of the ANSI code page (§5.4 rule 3).
    return buffer.getvalue().encode("utf-8-sig")
