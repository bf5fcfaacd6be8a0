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
from facilitator.rosters.headers import HEADER_OF, HEADERS, token
from facilitator.rosters.sheet import FORMULA_WITHOUT_VALUE, MAX_ROWS, Sheet, read_sheet
from facilitator.strings import roster as roster_text

MAX_REPORTED = 200
MAX_NAME_LENGTH = 200
# How far down the header row may sit (below title rows such as "DANH SÁCH ĐẢNG VIÊN").
HEADER_SEARCH_ROWS = 15

_HEADER_WORDS = frozenset(HEADER_OF)

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
_TEMPORARY: dict[str, str | None] = {
    "den": "den",
    "shtt den": "den",
    "sht den": "den",
    "tam thoi den": "den",
}
_TEMPORARY |= {"di": "di", "shtt di": "di", "sht di": "di", "tam thoi di": "di"}
_TEMPORARY |= {"": None, "khong": None}

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Column numbers printed under the header: 1, (1), [2], 3.
_COLUMN_NUMBER = re.compile(r"[(\[]?\d{1,3}[)\]]?\.?")
# Totals rows at the bottom: "Tổng cộng: 25", "Tổng số 25 đồng chí", "Cộng". Matched with
# their accents: folded, they would also match real names ("Tống Công Minh", "Cong Van").
_TOTALS = re.compile(r"(tổng cộng|tổng số|cộng)(\W|$)")
_TOTALS_BARE = re.compile(r"tong (cong|so)(\W|$)")
# Folded honorifics written before a name, longest first ("đồng chí" before "đc").
_HONORIFICS = ("dong chi", "d/c", "anh", "chi", "ong", "dc", "ba")
_token = token


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
        return (
            [*self.problems, Problem("", roster_text.more_problems(extra))]
            if extra
            else self.problems
        )


def _columns(sheet: Sheet, row: int, cells: tuple[Any, ...], report: _Report) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = HEADER_OF.get(_token(_text(cell)))
        if column is None:
            continue
        if column in columns:
            first = sheet.where(row, columns[column])
            report.add(sheet.where(row, index), roster_text.duplicate_column(_text(cell), first))
        else:
            columns[column] = index
    return columns


def _find_header(sheet: Sheet, report: _Report) -> tuple[int, dict[str, int]] | None:
    """Position in ``sheet.rows`` of the (last) header row and its columns, or None
    (reported). A second header row right below (``Họ và đệm | Tên`` under a merged
    ``Họ và tên``) is merged into the column map."""
    for position, (row, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        probe = _Report()
        columns = _columns(sheet, row, cells, probe)
        if "ten" in columns and not {"name", "ho", "hodem"} & columns.keys():
            columns["name"] = columns.pop("ten")  # a lone "Tên" column holds full names
        if "name" in columns or "ten" in columns:
            if position + 1 < len(sheet.rows):
                sub_row, sub_cells = sheet.rows[position + 1]
                sub = _sub_header(sheet, sub_row, sub_cells, columns, probe)
                if sub is not None:
                    columns, position = sub, position + 1
            for problem in probe.problems:
                report.add(problem.where, problem.message)
            return position, columns
    report.add(sheet.where(sheet.rows[0][0]), roster_text.NO_NAME_COLUMN)
    return None


def _sub_header(
    sheet: Sheet, row: int, cells: tuple[Any, ...], columns: dict[str, int], report: _Report
) -> dict[str, int] | None:
    """The header's columns merged with a second header row below it, or None if the row
    is data. It is a header row when it names name parts and every cell under the name
    columns is empty or a header word (a person's name never is)."""
    sub = _columns(sheet, row, cells, report)
    if not {"hodem", "ho", "dem", "ten"} & sub.keys():
        return None
    for column in ("name", "hodem", "ho", "ten"):
        index = columns.get(column)
        if index is not None and index < len(cells):
            text = _token(_text(cells[index]))
            if text and text not in _HEADER_WORDS:
                return None
    merged = {k: v for k, v in columns.items() if k not in sub}
    if "ten" in sub:
        merged.pop("name", None)  # the merged "Họ và tên" spans the part columns below
    return merged | sub


def _is_column_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer()
    return isinstance(value, str) and bool(_COLUMN_NUMBER.fullmatch(value.strip()))


def _is_numbers_row(cells: tuple[Any, ...]) -> bool:
    """A row of column numbers ("1 | 2 | 3" or "(1) | (2)") printed under the header."""
    filled = [c for c in cells if not (c is None or (isinstance(c, str) and not c.strip()))]
    return bool(filled) and all(_is_column_number(c) for c in filled)


def _is_totals(cells: tuple[Any, ...], columns: dict[str, int]) -> bool:
    """A "Tổng cộng"/"Tổng số"/"Cộng" row, in a name column or the row's first cell."""
    indexes = [columns[k] for k in ("name", "hodem", "ho") if k in columns]
    candidates = [cells[i] for i in indexes if i < len(cells)]
    first = next((c for c in cells if c is not None and _text(c)), None)
    for value in (*candidates, first):
        text = _text(value) if value is not None and value is not FORMULA_WITHOUT_VALUE else ""
        if _TOTALS.match(" ".join(nfc(text).casefold().split())):
            return True
        # Typed without accents ("TONG SO 2"): a total carries a number and no STT.
        if _TOTALS_BARE.match(fold(text)) and any(ch.isdigit() for ch in text):
            stt = _text(cells[0]) if cells and cells[0] is not None else ""
            if not stt.strip().isdigit():
                return True
    return False


def strip_honorific(text: str, following_words: int = 0) -> str:
    """``text`` without a leading "Ông", "Bà", "Anh", "Chị", "Đ/c", "Đc" or "Đồng chí"
    (any case or accents) followed by a space or a dot.

    After a space it is stripped only if at least two name words remain (three after
    "Ông", which is also a surname), counting ``following_words`` from other columns, so
    "Anh Tuấn" and "Ông Văn Bình" stay as written; after a dot ("Đ/c.Lan") it always goes.
    """
    text = nfc(text)
    for honorific in _HONORIFICS:
        size = len(honorific)
        # NFC Vietnamese letters fold one-to-one, so the prefix length carries over.
        if len(text) <= size or fold(text[:size]) != honorific or text[size] not in " .":
            continue
        rest = text[size:].lstrip(" .")
        # "Ông" is also a surname (Ông Văn Bình): only stripped before a full name.
        needed = 3 if honorific == "ong" else 2
        enough = len(rest.split()) + following_words >= needed or text[size] == "."
        return rest if rest and enough else text
    return text


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
            self.report.add(self.sheet.where(row, index), roster_text.FORMULA_WITHOUT_VALUE)
            return None
        return _text(value)

    def where(self, row: int, column: str) -> str:
        return self.sheet.where(row, self.columns.get(column, self.columns.get("ten")))


def _person(reader: _RowReader, row: int, cells: tuple[Any, ...], sequence: int) -> Person | None:
    values = {column: reader.cell(row, cells, column) for column in HEADERS}
    if any(v is None for v in values.values()):
        return None
    text: dict[str, str] = {k: v or "" for k, v in values.items()}
    report = reader.report
    ok = True
    text["name"] = strip_honorific(text["name"])
    if text["hodem"]:
        hodem = strip_honorific(text["hodem"], len(text["ten"].split())).split(" ", 1)
        text["ho"], text["dem"] = hodem[0], hodem[1] if len(hodem) > 1 else ""
    elif text["ho"]:
        text["ho"] = strip_honorific(text["ho"], len(f"{text['dem']} {text['ten']}".split()))
    parts = (text["ho"], text["dem"], text["ten"])
    joined = " ".join(p for p in parts if p)
    name = text["name"] or joined
    if not name:
        report.add(reader.where(row, "name"), roster_text.EMPTY_NAME)
        return None
    if len(name) > MAX_NAME_LENGTH:
        report.add(reader.where(row, "name"), roster_text.NAME_TOO_LONG)
        ok = False
    if joined and not parts[2]:
        report.add(reader.where(row, "ten"), roster_text.MISSING_GIVEN_NAME)
        ok = False
    elif joined and text["name"] and name_key(joined) != name_key(text["name"]):
        report.add(reader.where(row, "name"), roster_text.parts_mismatch(text["name"], joined))
        ok = False
    category = _CATEGORIES.get(_token(text["category"])) if text["category"] else "chinh-thuc"
    if category is None:
        report.add(reader.where(row, "category"), roster_text.unknown_category(text["category"]))
        ok = False
    exempt_token = _token(text["exempt"])
    if exempt_token not in _YES | _NO:
        report.add(reader.where(row, "exempt"), roster_text.unknown_exempt(text["exempt"]))
        ok = False
    temporary_token = _token(text["temporary"])
    if temporary_token not in _TEMPORARY:
        report.add(reader.where(row, "temporary"), roster_text.unknown_temporary(text["temporary"]))
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
        raise InputError(roster_text.file_empty(sheet.path))
    found = _find_header(sheet, report)
    if found is None:
        raise InputError(roster_text.roster_invalid(sheet.path), report.all())
    position, columns = found
    reader = _RowReader(sheet, columns, report)
    data_rows = sheet.rows[position + 1 :]
    if len(data_rows) > MAX_ROWS:
        report.add(sheet.where(data_rows[MAX_ROWS][0]), roster_text.too_many_rows(MAX_ROWS))
        data_rows = data_rows[:MAX_ROWS]
    people: list[Person] = []
    first_seen: dict[str, str] = {}
    if data_rows and _is_numbers_row(data_rows[0][1]):
        data_rows = data_rows[1:]
    for row, cells in data_rows:
        if _is_totals(cells, columns):
            continue
        person = _person(reader, row, cells, len(people) + 1)
        if person is None:
            continue
        key, where = name_key(person.name), reader.where(row, "name")
        if key in first_seen:
            report.add(where, roster_text.duplicate_name(person.name, first_seen[key], where))
            continue
        first_seen[key] = where
        people.append(person)
    if not people and not report.count:
        # Never save an empty roster over a real one (every row blank, numbers or totals).
        report.add(sheet.where(sheet.rows[position][0]), roster_text.NO_PEOPLE)
    if report.count:
        raise InputError(roster_text.roster_invalid(sheet.path), report.all())
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
