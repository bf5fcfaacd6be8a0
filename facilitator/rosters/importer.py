"""Turn a roster file into people, and merge them into a unit's stored roster.

The header row is found by its name column (title rows above it are skipped) and
recognised case- and accent-insensitively. Every problem is collected with its
``file:line`` or ``file:Sheet!C5`` before one :class:`InputError` is raised, so the user
fixes the whole file in one pass; nothing is saved on error.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from facilitator.domain.errors import InputError, Problem
from facilitator.domain.models import Person, Roster, Unit
from facilitator.domain.vietnamese import clean_line, fold, nfc
from facilitator.rosters.sheet import FORMULA_WITHOUT_VALUE, MAX_ROWS, Sheet, read_sheet
from facilitator.strings import roster as msg

MAX_REPORTED = 200
MAX_NAME_LENGTH = 200
# How far down the header row may sit (below title rows such as "DANH SÁCH ĐẢNG VIÊN").
HEADER_SEARCH_ROWS = 15

_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("ho va ten", "ho ten", "ho va ten dang vien", "ten day du", "name", "full name"),
    "ho": ("ho",),
    "dem": ("dem", "ten dem", "ten lot", "chu lot"),
    "ten": ("ten",),
    "category": ("loai", "phan loai", "dang vien", "loai dang vien", "category"),
    "position": ("chuc vu", "chuc danh", "position"),
    "exempt": ("mien sinh hoat", "mien sh", "msh", "exempt"),
    "temporary": ("sinh hoat tam thoi", "shtt", "sht", "tam thoi", "temporary"),
}
_HEADER_OF = {alias: column for column, aliases in _HEADERS.items() for alias in aliases}

_CATEGORIES = {
    "chinh thuc": "chinh-thuc",
    "dang vien chinh thuc": "chinh-thuc",
    "ct": "chinh-thuc",
    "du bi": "du-bi",
    "dang vien du bi": "du-bi",
    "db": "du-bi",
    "quan chung": "quan-chung",
    "qc": "quan-chung",
    "khach": "khach",
    "khach moi": "khach",
}
_YES = {"x", "co", "1", "true", "yes", "y", "msh", "mien"}
_NO = {"", "0", "khong", "false", "no", "n"}
_TEMPORARY = {"den": "den", "shtt den": "den", "sht den": "den", "tam thoi den": "den"}
_TEMPORARY |= {"di": "di", "shtt di": "di", "sht di": "di", "tam thoi di": "di"}
_TEMPORARY |= {"": None, "khong": None}

_NON_WORD = re.compile(r"[^a-z0-9]+")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _token(text: str) -> str:
    """Folded, punctuation-free form for matching headers and keyword values."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def name_key(name: str) -> str:
    """Identity of a name for de-duplication and matching: case-insensitive and blind to
    tone placement ("Hoà" = "Hòa", "Thuỷ" = "Thủy"), but not to the letters or tones
    themselves, so "Hùng" and "Hưng" stay two people."""
    words = []
    for word in nfc(clean_line(name)).casefold().split(" "):
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
        bare = unicodedata.normalize(
            "NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
        )
        words.append(bare + tones)
    return " ".join(words)


def _text(value: Any) -> str:
    """A cell as one clean line of text (Excel numbers lose their ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return clean_line(str(value))


@dataclass
class _Report:
    """Problems of one file, capped so a broken 20,000-row file stays readable."""

    problems: list[Problem] = field(default_factory=list)
    count: int = 0

    def add(self, where: str, message: str) -> None:
        self.count += 1
        if self.count <= MAX_REPORTED:
            self.problems.append(Problem(where, message))

    def all(self) -> list[Problem]:
        extra = self.count - len(self.problems)
        return [*self.problems, Problem("", msg.more_problems(extra))] if extra else self.problems


def _columns(sheet: Sheet, row: int, cells: tuple[Any, ...], report: _Report) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = _HEADER_OF.get(_token(_text(cell)))
        if column is None:
            continue
        if column in columns:
            first = sheet.where(row, columns[column])
            report.add(sheet.where(row, index), msg.duplicate_column(_text(cell), first))
        else:
            columns[column] = index
    return columns


def _find_header(sheet: Sheet, report: _Report) -> tuple[int, dict[str, int]] | None:
    """Position in ``sheet.rows`` of the header and its columns, or None (reported)."""
    for position, (row, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        probe = _Report()
        columns = _columns(sheet, row, cells, probe)
        if "ten" in columns and not {"name", "ho"} & columns.keys():
            columns["name"] = columns.pop("ten")  # a lone "Tên" column holds full names
        if "name" in columns or "ten" in columns:
            for problem in probe.problems:
                report.add(problem.where, problem.message)
            return position, columns
    report.add(sheet.where(sheet.rows[0][0]), msg.NO_NAME_COLUMN)
    return None


class _RowReader:
    """Reads one data row's cells through the header's column map."""

    def __init__(self, sheet: Sheet, columns: dict[str, int], report: _Report) -> None:
        self.sheet = sheet
        self.columns = columns
        self.report = report

    def cell(self, row: int, cells: tuple[Any, ...], column: str) -> str | None:
        """Text of a mapped column ("" when absent); None after reporting a formula."""
        index = self.columns.get(column)
        if index is None or index >= len(cells):
            return ""
        value = cells[index]
        if value is FORMULA_WITHOUT_VALUE:
            self.report.add(self.sheet.where(row, index), msg.FORMULA_WITHOUT_VALUE)
            return None
        return _text(value)

    def where(self, row: int, column: str) -> str:
        return self.sheet.where(row, self.columns.get(column, self.columns.get("ten")))


def _person(reader: _RowReader, row: int, cells: tuple[Any, ...], sequence: int) -> Person | None:
    values = {column: reader.cell(row, cells, column) for column in _HEADERS}
    if any(v is None for v in values.values()):
        return None
    text: dict[str, str] = {k: v or "" for k, v in values.items()}
    report = reader.report
    ok = True
    parts = (text["ho"], text["dem"], text["ten"])
    joined = " ".join(p for p in parts if p)
    name = text["name"] or joined
    if not name:
        report.add(reader.where(row, "name"), msg.EMPTY_NAME)
        return None
    if len(name) > MAX_NAME_LENGTH:
        report.add(reader.where(row, "name"), msg.NAME_TOO_LONG)
        ok = False
    if joined and not parts[2]:
        report.add(reader.where(row, "ten"), msg.MISSING_GIVEN_NAME)
        ok = False
    elif joined and text["name"] and name_key(joined) != name_key(text["name"]):
        report.add(reader.where(row, "name"), msg.parts_mismatch(text["name"], joined))
        ok = False
    category = _CATEGORIES.get(_token(text["category"])) if text["category"] else "chinh-thuc"
    if category is None:
        report.add(reader.where(row, "category"), msg.unknown_category(text["category"]))
        ok = False
    exempt_token = _token(text["exempt"])
    if exempt_token not in _YES | _NO:
        report.add(reader.where(row, "exempt"), msg.unknown_exempt(text["exempt"]))
        ok = False
    temporary_token = _token(text["temporary"])
    if temporary_token not in _TEMPORARY:
        report.add(reader.where(row, "temporary"), msg.unknown_temporary(text["temporary"]))
        ok = False
    if not ok:
        return None
    ho, dem, ten = parts if joined else ("", "", "")
    return Person(
        id=f"p{sequence:03d}",
        name=name,
        category=category or "chinh-thuc",
        position=text["position"],
        exempt=exempt_token in _YES,
        temporary=_TEMPORARY[temporary_token],
        ho=ho,
        dem=dem,
        ten=ten,
    )


def people_from_sheet(sheet: Sheet) -> list[Person]:
    """People of an already-read sheet, ids ``p001``… in file order.

    Raises:
        InputError: with every problem found, each located by line or cell.
    """
    report = _Report()
    if not sheet.rows:
        raise InputError(msg.file_empty(sheet.path))
    found = _find_header(sheet, report)
    if found is None:
        raise InputError(msg.roster_invalid(sheet.path), report.all())
    position, columns = found
    reader = _RowReader(sheet, columns, report)
    data_rows = sheet.rows[position + 1 :]
    if not data_rows:
        report.add(sheet.where(sheet.rows[position][0]), msg.NO_PEOPLE)
    if len(data_rows) > MAX_ROWS:
        report.add(sheet.where(data_rows[MAX_ROWS][0]), msg.too_many_rows(MAX_ROWS))
        data_rows = data_rows[:MAX_ROWS]
    people: list[Person] = []
    first_seen: dict[str, str] = {}
    for row, cells in data_rows:
        person = _person(reader, row, cells, len(people) + 1)
        if person is None:
            continue
        key, where = name_key(person.name), reader.where(row, "name")
        if key in first_seen:
            report.add(where, msg.duplicate_name(person.name, first_seen[key], where))
            continue
        first_seen[key] = where
        people.append(person)
    if report.count:
        raise InputError(msg.roster_invalid(sheet.path), report.all())
    return people


def read_roster(path: Path | str) -> list[Person]:
    """People listed in a CSV or XLSX roster (NFC, cleaned, names split into họ/đệm/tên).

    Raises:
        InputError: naming the file, with every problem located by line or cell.
    """
    return people_from_sheet(read_sheet(path))


def _next_number(ids: set[str]) -> int:
    numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(r"p(\d+)", i))]
    return max(numbers, default=0) + 1


def merge_roster(existing: Roster | None, people: list[Person], unit: Unit) -> Roster:
    """The unit's new roster: the file's people, keeping the id of anyone already listed
    under the same name (so past attendance still points at them), new ids otherwise."""
    old_ids: dict[str, str] = {}
    used: set[str] = set()
    if existing is not None:
        for person in existing.people:
            old_ids.setdefault(name_key(person.name), person.id)
            used.add(person.id)
    number = _next_number(used)
    merged: list[Person] = []
    taken: set[str] = set()
    for person in people:
        person_id = old_ids.get(name_key(person.name))
        if person_id is None or person_id in taken:
            while f"p{number:03d}" in used:
                number += 1
            person_id = f"p{number:03d}"
            used.add(person_id)
        taken.add(person_id)
        merged.append(replace(person, id=person_id))
    return Roster(unit=unit, people=tuple(merged), updated_at=datetime.now().astimezone())
