"""Shared pieces of the roster import tests (tests/test_roster_import_*.py and the CLI's): the
fixture rosters, an XLSX writer, the located problems of a refused file, and the
Vietnamese order of sort_order.csv.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from facilitator.domain.errors import InputError
from facilitator.domain.models import Person
from facilitator.rosters.importer import read_roster

FIXTURES = Path(__file__).parent / "fixtures" / "rosters"


def fixture(name: str) -> Path:
    return FIXTURES / name


def names(people: list[Person] | tuple[Person, ...]) -> list[str]:
    return [p.name for p in people]


def problems_of(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        read_roster(path)
    assert str(path) in info.value.message
    return [(p.where, p.message) for p in info.value.problems]


def make_xlsx(path: Path, rows: list[list[Any]], title: str = "Danh sách") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def cache_formula_value(path: Path, cell: str, value: str) -> None:
    """Give a formula cell the cached value Excel would have saved (openpyxl writes none)."""
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    xml = entries["xl/worksheets/sheet1.xml"].decode("utf-8")
    xml, count = re.subn(
        rf'<c r="{cell}"><f>(.*?)</f><v></v></c>',
        lambda m: f'<c r="{cell}" t="str"><f>{m.group(1)}</f><v>{value}</v></c>',
        xml,
    )
    assert count == 1
    entries["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


EXPECTED_ORDER = [
    "Hồ Văn An",  # a < ă < â
    "Phạm Thị Ăn",
    "Nguyễn Văn Ân",
    "Lê Thị Bình",  # same tên: by họ
    "Trần Văn Bình",
    "Nguyễn Đức Cường",  # same tên and họ: by đệm
    "Nguyễn Văn Cường",
    "Bùi Văn Dương",  # d < đ, whatever follows
    "Đinh Văn Đào",
    "Võ Thị Hà",  # letters first ("ha" < "hai"), tones only break ties
    "Lê Văn Hai",
    "Lê Văn Hải",
]
