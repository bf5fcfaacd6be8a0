"""The list of units expected to report, from a CSV or the first sheet of an XLSX.

Columns are recognised by their header, accents and case optional: tên đơn vị (required),
cấp trên, viết tắt, loại (chi bộ, đảng bộ, hội, đoàn, công đoàn, khác; read from the
name when left empty). Every problem is reported with its ``file:line`` or cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitator.campaign.model import ExpectedUnit, UnitKind
from facilitator.domain.errors import InputError, Problem
from facilitator.domain.vietnamese import clean_line, fold
from facilitator.rosters.sheet import read_sheet
from facilitator.strings import campaign as campaign_text

HEADERS = {
    "name": ("ten don vi", "don vi", "ten", "name", "unit"),
    "parent": ("cap tren", "don vi cap tren", "truc thuoc", "parent"),
    "abbrev": ("viet tat", "ky hieu", "ten viet tat", "abbrev", "abbreviation"),
    "kind": ("loai", "loai hinh", "loai don vi", "kind"),
}
HEADER_SEARCH_ROWS = 15


def _text(value: Any) -> str:
    return clean_line("" if value is None else str(value))


def _columns(cells: tuple[Any, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = " ".join(fold(_text(cell)).split())
        for field, words in HEADERS.items():
            if key in words and field not in found:
                found[field] = index
    return found


def read_expected_units(path: Path | str) -> tuple[ExpectedUnit, ...]:
    """Every unit of the file, in file order.

    Raises:
        InputError: no header with a unit-name column, a bad kind, a unit listed twice.
    """
    sheet = read_sheet(path)
    header = next(
        (
            (number, cols)
            for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]
            if "name" in (cols := _columns(cells))
        ),
        None,
    )
    if header is None:
        raise InputError(campaign_text.units_no_header(sheet.path))
    header_row, cols = header
    units: list[ExpectedUnit] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}

    def cell(cells: tuple[Any, ...], field: str) -> str:
        index = cols.get(field)
        return _text(cells[index]) if index is not None and index < len(cells) else ""

    for number, cells in sheet.rows:
        if number <= header_row:
            continue
        name = cell(cells, "name")
        if not name:
            continue
        where = sheet.where(number, cols["name"] + 1)
        kind = UnitKind.parse(cell(cells, "kind"), name)
        if kind is None:
            problems.append(
                Problem(sheet.where(number), campaign_text.bad_kind(cell(cells, "kind")))
            )
            continue
        unit = ExpectedUnit(name, cell(cells, "parent"), cell(cells, "abbrev"), kind)
        key = (fold(unit.name), fold(unit.parent))
        if key in seen:
            problems.append(Problem(where, campaign_text.unit_twice(name, seen[key])))
            continue
        seen[key] = where
        units.append(unit)
    if problems:
        raise InputError(campaign_text.units_invalid(sheet.path), problems)
    if not units:
        raise InputError(campaign_text.units_empty(sheet.path))
    return tuple(units)
