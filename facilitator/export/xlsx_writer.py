"""Excel (.xlsx) statistics sheets: the report's table as a real spreadsheet (openpyxl).

The level above consolidates in Excel, so the sheet holds numbers, not formatted text:
counts are integers shown "#,##0", shares are fractions shown "0.00%", and the totals
row is made of formulas (``SUM`` per column, a share of two sums), so a unit edited by
hand in Excel updates its totals.

Number formats in OOXML are locale-neutral: "0.00%" is stored and Excel or LibreOffice
shows "95,65%" under a Vietnamese locale ("95.65%" under an English one). Writing the
code "0,00%" would not localise the display; "," in a format code is a thousands
separator.

:func:`render_xlsx` is generic (any :class:`SheetTable`), so other tables (campaign
summaries...) reuse it; :func:`render_report_xlsx` maps a :class:`Report` onto it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from facilitator.export.wording import report as report_wording
from facilitator.strings.campaign import MISSING_HEADER, MISSING_SHEET_NAME, missing_heading

if TYPE_CHECKING:
    from facilitator.export.report_model import Report, UnitRow
    from facilitator.export.settings import DocSettings

CellValue = str | int | float | None

INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00%"  # shown "95,65%" in a Vietnamese locale (see the module doc)
MAX_SHEET_NAME = 31  # Excel's limit
_SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


class CellKind(StrEnum):
    """How a column's cells are stored and shown."""

    TEXT = "text"
    INTEGER = "integer"
    PERCENT = "percent"  # a fraction (0.9565) derived from two integer columns


class TotalRule(StrEnum):
    """What a column holds in the totals row."""

    NONE = "none"
    LABEL = "label"  # the totals row's label ("Tổng cộng")
    SUM = "sum"  # =SUM(...) over the data rows
    RATIO = "ratio"  # =IF(den=0,0,num/den) of the two summed columns


@dataclass(frozen=True)
class Column:
    """One column: its header, kind, width (characters) and totals rule.

    A ``PERCENT`` column names its numerator and denominator columns (0-based) in
    ``ratio``; its data cells are derived from them, never taken from the rows.
    """

    title: str
    kind: CellKind = CellKind.TEXT
    width: float = 10
    total: TotalRule = TotalRule.NONE
    ratio: tuple[int, int] | None = None


@dataclass(frozen=True)
class SheetTable:
    """A titled table: title lines above, a header row, data rows, an optional totals row."""

    sheet_name: str
    title_lines: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    total_label: str | None = None
    """With a label, a totals row follows the data (see ``TotalRule``)."""


def share(part: int, whole: int) -> float:
    """``part / whole`` as a fraction for a percent cell; 0 when there is nothing to divide
    (as ``format_percent`` says "0%")."""
    return part / whole if whole else 0.0


def render_xlsx(tables: Sequence[SheetTable]) -> bytes:
    """A workbook with one sheet per table, as bytes (written by ``storage.output_file``)."""
    from openpyxl import Workbook

    workbook = Workbook()
    default_sheet = workbook.active  # the empty "Sheet" every new workbook starts with
    if default_sheet is not None:
        workbook.remove(default_sheet)
    for table in tables:
        _write_sheet(workbook.create_sheet(_sheet_name(table.sheet_name)), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    cleaned = " ".join(name.translate(_SHEET_NAME_FORBIDDEN).split())
    return cleaned[:MAX_SHEET_NAME].strip("'") or report_wording.XLSX_SHEET_NAME


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters make openpyxl refuse the whole workbook; they carry nothing.
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def _write_sheet(sheet: Any, table: SheetTable) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    wrap_centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    width = len(table.columns)

    row = 1
    for line in table.title_lines:
        cell = sheet.cell(row=row, column=1)
        _set(cell, line, CellKind.TEXT)
        cell.font, cell.alignment = bold, Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    if table.title_lines:
        row += 1  # one empty row between the title and the table
    header_row = row
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=row, column=index)
        _set(cell, column.title, CellKind.TEXT)
        cell.font, cell.alignment, cell.border = bold, wrap_centre, grid
        sheet.column_dimensions[get_column_letter(index)].width = column.width

    first = header_row + 1
    for values in table.rows:
        row += 1
        for index, column in enumerate(table.columns, start=1):
            value = (
                _derived(column, values) if column.kind is CellKind.PERCENT else values[index - 1]
            )
            _write_cell(sheet.cell(row=row, column=index), value, column.kind, grid)
    last = row

    if table.total_label is not None:
        row += 1
        for index, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=row, column=index)
            _write_cell(cell, None, column.kind, grid)
            cell.font = bold
            if column.total is TotalRule.LABEL:
                _set(cell, table.total_label, CellKind.TEXT)
            elif column.total is TotalRule.SUM:
                letter = get_column_letter(index)
                cell.value = f"=SUM({letter}{first}:{letter}{last})" if table.rows else 0
            elif column.total is TotalRule.RATIO and column.ratio is not None:
                num, den = (f"{get_column_letter(c + 1)}{row}" for c in column.ratio)
                cell.value = f"=IF({den}=0,0,{num}/{den})"

    sheet.freeze_panes = sheet.cell(row=first, column=3)
    if table.rows:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(width)}{last}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _derived(column: Column, values: tuple[CellValue, ...]) -> float:
    if column.ratio is None:
        raise ValueError(f"percent column {column.title!r} has no ratio")
    num, den = (values[c] for c in column.ratio)
    return share(int(num or 0), int(den or 0))


def _write_cell(cell: Any, value: CellValue, kind: CellKind, border: Any) -> None:
    from openpyxl.styles import Alignment

    _set(cell, value, kind)
    cell.border = border
    if kind is CellKind.TEXT:
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    else:
        cell.number_format = PERCENT_FORMAT if kind is CellKind.PERCENT else INTEGER_FORMAT
        cell.alignment = Alignment(horizontal="right", vertical="center")


def _set(cell: Any, value: CellValue, kind: CellKind) -> None:
    if isinstance(value, str):
        cell.value = _text(value)
        # openpyxl stores any text starting with "=" as a formula: a unit named
        # "=HYPERLINK(…)" must stay text (the CSV guards the same case with an apostrophe).
        cell.data_type = "s"
    else:
        cell.value = value


# --- The result report's statistics table --------------------------------------------------

_UNIT_COLUMN = 1
_EXPECTED, _PRESENT, _RATE = 5, 6, 7  # positions in ``Report.table_header``
_WIDTHS = {0: 5, _UNIT_COLUMN: 32}
_NOTE_WIDTH = 24


def _report_columns(report: Report) -> tuple[Column, ...]:
    header = report.table_header
    columns: list[Column] = []
    for index, title in enumerate(header):
        if index == 0:
            columns.append(Column(title, CellKind.INTEGER, _WIDTHS[0]))
        elif index == _UNIT_COLUMN:
            columns.append(Column(title, CellKind.TEXT, _WIDTHS[index], TotalRule.LABEL))
        elif index == _RATE:
            ratio = (_PRESENT, _EXPECTED)
            columns.append(Column(title, CellKind.PERCENT, 10, TotalRule.RATIO, ratio))
        elif index == len(header) - 1:
            columns.append(Column(title, CellKind.TEXT, _NOTE_WIDTH))
        else:
            columns.append(Column(title, CellKind.INTEGER, 10, TotalRule.SUM))
    return tuple(columns)


def _report_row(number: int, row: UnitRow) -> tuple[CellValue, ...]:
    head: tuple[CellValue, ...] = (number, row.unit, *row.values())
    # The rate is derived by render_xlsx from the two columns it divides.
    return (*head, None, *row.counts(), row.note or None)


def report_sheet(report: Report) -> SheetTable:
    """The report's statistics table as a sheet, titled like the DOCX appendix."""
    issuer = next((line.text for line in report.header.left if line.bold), "")
    title = [issuer] if issuer else []
    title += [
        report_wording.REPORT_TABLE_TITLE,
        report_wording.xlsx_attached_to(report.doc_type, report.subject),
    ]
    return SheetTable(
        sheet_name=report_wording.XLSX_SHEET_NAME,
        title_lines=tuple(title),
        columns=_report_columns(report),
        rows=tuple(_report_row(i, row) for i, row in enumerate(report.rows, start=1)),
        total_label=report.total.unit,
    )


def missing_sheet(report: Report) -> SheetTable:
    """The expected units that did not report (a campaign's report), one per row."""
    columns = (Column(MISSING_HEADER[0], CellKind.INTEGER, 5), Column(MISSING_HEADER[1], width=48))
    rows = tuple((i, name) for i, name in enumerate(report.missing, start=1))
    title = (missing_heading(len(report.missing)),)
    return SheetTable(MISSING_SHEET_NAME, title, columns, rows)


def render_report_xlsx(report: Report, _settings: DocSettings | None = None) -> bytes:
    """The report's statistics table as an .xlsx workbook (bytes); a second sheet lists
    the units that did not report, when some did not."""
    sheets = [report_sheet(report)]
    if report.missing:
        sheets.append(missing_sheet(report))
    return render_xlsx(sheets)
