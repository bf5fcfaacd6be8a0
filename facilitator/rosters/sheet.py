"""Read a roster file (CSV or the first sheet of an XLSX) into numbered rows of cells.

Only whole-file problems are raised here (size, encoding, unreadable workbook); what the
cells mean is the importer's business. Formulas are never evaluated: a formula cell is
read through the value Excel cached when it last saved, and one without a cached value
comes back as :data:`FORMULA_WITHOUT_VALUE` so the importer can name the cell.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from facilitator.domain.errors import InputError, Problem
from facilitator.rosters.encoding import EncodingProblem, cp1252_text, decode_roster_bytes
from facilitator.rosters.headers import is_name_header
from facilitator.rosters.legacy_text import LegacyEncoding, convert, detect_encoding
from facilitator.rosters.xlsx_guard import check_xlsx
from facilitator.strings import roster as roster_text
from facilitator.userfiles import read_capped

MAX_ROSTER_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 64
# Title rows above the header (unit name, "DANH SÁCH ĐẢNG VIÊN") are common; allow a few.
_SLACK_ROWS = 50
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_PLAIN_SHEET_NAME = re.compile(r"\w+")
_DELIMITERS = (";", ",", "\t")
_SNIFF_LINES = 15


class _FormulaWithoutValue:
    def __repr__(self) -> str:
        return "FORMULA_WITHOUT_VALUE"


FORMULA_WITHOUT_VALUE: Any = _FormulaWithoutValue()


@dataclass(frozen=True)
class Sheet:
    """Non-empty rows as (line or row number, cells) and how to name a location in them."""

    path: Path
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    title: str | None = None
    """The XLSX sheet's name; ``None`` for CSV."""
    legacy: LegacyEncoding | None = None
    """The old font encoding the cells were typed in (now converted), if any."""
    originals: dict[tuple[int, int], str] = field(default_factory=dict)
    """Cells changed by the conversion, as typed: (row number, column index) -> text."""

    def where(self, row: int, column: int | None = None) -> str:
        """``file:line`` for CSV, ``file:Sheet!C5`` for XLSX."""
        if self.title is None:
            return f"{self.path}:{row}"
        from openpyxl.utils import get_column_letter

        sheet = self.title if _PLAIN_SHEET_NAME.fullmatch(self.title) else f"'{self.title}'"
        return f"{self.path}:{sheet}!{get_column_letter((column or 0) + 1)}{row}"


def _blank(cells: tuple[Any, ...]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _too_many(path: Path, where: str) -> InputError:
    return InputError(
        roster_text.roster_invalid(path), [Problem(where, roster_text.too_many_rows(MAX_ROWS))]
    )


def _delimiter(text: str) -> str:
    """The file's separator (Excel writes ";" where "," is the decimal mark).

    Title rows above the header ("Chi bộ Khối Dân vận, Đảng bộ xã Di Linh") may hold
    another separator, so the first line whose cells, split one way, include a name header
    decides; failing that, the separator most frequent over the first lines.
    """
    lines = [line for line in text.splitlines() if line.strip()][:_SNIFF_LINES]
    totals = {d: sum(line.count(d) for line in lines) for d in _DELIMITERS}
    for line in lines:
        named = [d for d in _DELIMITERS if any(is_name_header(c) for c in line.split(d))]
        if named:
            best = max(named, key=lambda d: line.count(d))
            if line.count(best):
                return best
            break  # a lone name column: the header line says nothing about separators
    best = max(_DELIMITERS, key=lambda d: totals[d])
    return best if totals[best] else ","


def _is_legacy_candidate(cell: Any) -> bool:
    # Legacy text is made of cp1252 characters only: "Nguyễn" typed in Unicode never is.
    if not isinstance(cell, str) or cell.isascii():
        return False
    try:
        cell.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _unlegacy(sheet: Sheet) -> Sheet:
    """The sheet with every cell converted to Unicode when it was typed in TCVN3 or VNI."""
    texts = [c for _, cells in sheet.rows for c in cells if _is_legacy_candidate(c)]
    encoding = detect_encoding(texts)
    if encoding is None:
        return sheet
    originals: dict[tuple[int, int], str] = {}
    rows: list[tuple[int, tuple[Any, ...]]] = []
    for number, cells in sheet.rows:
        converted = list(cells)
        for index, cell in enumerate(cells):
            if _is_legacy_candidate(cell):
                converted[index] = convert(cell, encoding)
                if converted[index] != cell:
                    originals[(number, index)] = cell
        rows.append((number, tuple(converted)))
    return replace(sheet, rows=tuple(rows), legacy=encoding, originals=originals)


def _csv_rows(path: Path, data: bytes) -> Sheet:
    legacy = cp1252_text(data)
    if legacy is not None:
        # Old fonts wrote bytes Windows shows as cp1252 ("NguyÔn"); they would also pass
        # for cp1258, so they are tried first, and kept only when the detector is sure.
        sheet = _unlegacy(_parse_csv(path, legacy))
        if sheet.legacy is not None:
            return sheet
    try:
        text = decode_roster_bytes(data)
    except EncodingProblem as exc:
        raise InputError(
            roster_text.roster_invalid(path), [Problem(f"{path}:{exc.line}", exc.message)]
        ) from exc
    return _unlegacy(_parse_csv(path, text))


def _parse_csv(path: Path, text: str) -> Sheet:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[int, tuple[Any, ...]]] = []
    start = 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise InputError(
                roster_text.roster_invalid(path),
                [Problem(f"{path}:{start}", roster_text.csv_error(exc))],
            ) from exc
        if cells is None:
            break
        row = tuple(cells[:MAX_COLUMNS])
        if not _blank(row):
            if len(rows) > MAX_ROWS + _SLACK_ROWS:
                raise _too_many(path, f"{path}:{start}")
            rows.append((start, row))
        start = reader.line_num + 1
    return Sheet(path, tuple(rows))


def _sheet_cells(path: Path, *, data_only: bool) -> tuple[Any, Iterator[tuple[Any, ...]]]:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it skips; none matter for a roster.
        warnings.simplefilter("ignore")
        book = load_workbook(path, read_only=True, data_only=data_only)
    if not book.worksheets:
        book.close()
        raise InputError(roster_text.no_sheet(path))
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(
        min_row=1, max_row=MAX_ROWS + _SLACK_ROWS + 1, max_col=MAX_COLUMNS, values_only=data_only
    )
    return book, rows


def _xlsx_rows(path: Path) -> Sheet:
    # A 10 MB .xlsx could inflate to gigabytes: refuse before openpyxl unpacks anything.
    check_xlsx(path, MAX_ROWS + _SLACK_ROWS, MAX_COLUMNS)
    values_book = formulas_book = None
    try:
        values_book, values = _sheet_cells(path, data_only=True)
        # The same sheet read again without cached values tells formulas from empty cells.
        formulas_book, formulas = _sheet_cells(path, data_only=False)
        title = values_book.worksheets[0].title
        rows: list[tuple[int, tuple[Any, ...]]] = []
        for number, (row_values, row_cells) in enumerate(
            zip(values, formulas, strict=True), start=1
        ):
            cells = tuple(
                FORMULA_WITHOUT_VALUE
                if value is None and getattr(cell, "data_type", None) == "f"
                else value
                for value, cell in zip(row_values, row_cells, strict=True)
            )
            if _blank(cells):
                continue
            if number > MAX_ROWS + _SLACK_ROWS:
                raise _too_many(path, Sheet(path, (), title).where(number))
            rows.append((number, cells))
    except InputError:
        raise
    except Exception as exc:  # untrusted file: openpyxl/zip/XML raise many unrelated types
        # The library's own text is English and means nothing to the user; say it in Vietnamese.
        raise InputError(roster_text.bad_xlsx(path, roster_text.UNREADABLE_WORKBOOK)) from exc
    finally:
        for book in (values_book, formulas_book):
            if book is not None:
                book.close()
    return _unlegacy(Sheet(path, tuple(rows), title))


def read_sheet(path: Path | str) -> Sheet:
    """Rows of a ``.csv`` (any extension that is not .xlsx) or ``.xlsx`` roster.

    Raises:
        InputError: the file is missing, too large, not decodable or not a workbook.
    """
    path = Path(path)
    data = read_capped(path, MAX_ROSTER_BYTES, roster_text.ROSTER_KIND)
    if not data.strip():
        raise InputError(roster_text.file_empty(path))
    if data.startswith(_OLE_MAGIC):
        raise InputError(roster_text.old_xls(path))
    if data.startswith(_ZIP_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    return _csv_rows(path, data)
