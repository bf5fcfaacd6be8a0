"""Issue #10.11a: the report's statistics table as XLSX, agreeing with DOCX, Markdown, CSV."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from builders import make_session
from click.testing import CliRunner
from docx import Document
from test_export_report import COMMUNE, ISSUED, report

from facilitator.cli.main import main
from facilitator.domain.models import Unit
from facilitator.export.csv_writer import render_report_csv
from facilitator.export.docx_writer import render_report_docx
from facilitator.export.markdown import render_report_md
from facilitator.export.report_model import build_report
from facilitator.export.xlsx_writer import (
    PERCENT_FORMAT,
    CellKind,
    Column,
    SheetTable,
    TotalRule,
    render_report_xlsx,
    render_xlsx,
)
from facilitator.storage.store import Store

_SUM = re.compile(r"=SUM\(([A-Z]+)(\d+):\1(\d+)\)")
_RATIO = re.compile(r"=IF\(([A-Z]+\d+)=0,0,([A-Z]+\d+)/\1\)")


def sheet_of(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def evaluate(sheet, cell):
    """The two formula shapes the writer emits, evaluated the way Excel would."""
    value = cell.value
    if not isinstance(value, str) or cell.data_type != "f":
        return value
    if match := _SUM.fullmatch(value):
        col, first, last = match.group(1), int(match.group(2)), int(match.group(3))
        return sum(sheet[f"{col}{r}"].value or 0 for r in range(first, last + 1))
    match = _RATIO.fullmatch(value)
    assert match, value
    den, num = (evaluate(sheet, sheet[ref]) for ref in match.groups())
    return num / den if den else 0


def header_row(sheet, header: tuple[str, ...]) -> int:
    for row in sheet.iter_rows():
        if tuple(c.value for c in row) == header:
            return row[0].row
    raise AssertionError("no header row")


def as_csv_cell(value, kind: str) -> str:
    """An XLSX value written as the CSV writes it (plain integers, "92%")."""
    if value is None:
        return ""
    if kind == "percent":
        text = f"{round(100 * value, 2):.2f}".replace(".", ",").rstrip("0").rstrip(",")
        return f"{text}%"
    return str(value)


def test_sheet_has_title_header_numbers_and_formula_totals() -> None:
    rep = report()
    sheet = sheet_of(render_report_xlsx(rep))
    start = header_row(sheet, rep.table_header)
    assert sheet["A1"].value == "ĐẢNG ỦY XÃ DI LINH"  # the issuer (#10.4)
    assert sheet["A2"].value == "PHỤ LỤC: BIỂU THỐNG KÊ"
    assert "A1:R1" in {str(r) for r in sheet.merged_cells.ranges}
    first = sheet[start + 1]
    assert first[1].value == "Chi bộ Khối Dân vận"
    assert [c.value for c in first[2:7]] == [2, 26, 1, 25, 23]
    assert all(isinstance(c.value, int) for c in first[2:7])
    assert first[7].value == pytest.approx(23 / 25) and first[7].number_format == PERCENT_FORMAT
    assert first[2].number_format == "#,##0"
    total = sheet[start + len(rep.rows) + 1]
    assert total[1].value == "Tổng cộng"
    assert total[2].value == f"=SUM(C{start + 1}:C{start + 2})"
    assert total[7].value == f"=IF(F{total[0].row}=0,0,G{total[0].row}/F{total[0].row})"
    assert evaluate(sheet, total[5]) == rep.total.expected == 37
    assert evaluate(sheet, total[7]) == pytest.approx(33 / 37)
    assert sheet.freeze_panes == f"C{start + 1}"
    assert sheet.page_setup.orientation == "landscape"


def test_xlsx_agrees_with_csv_markdown_and_docx() -> None:
    rep = report()
    sheet = sheet_of(render_report_xlsx(rep))
    start = header_row(sheet, rep.table_header)
    kinds = ["int"] * len(rep.table_header)
    kinds[7] = "percent"
    xlsx_rows = [
        [as_csv_cell(evaluate(sheet, c), k) for c, k in zip(row, kinds, strict=True)]
        for row in sheet.iter_rows(min_row=start + 1)
    ]
    csv_rows = list(csv.reader(io.StringIO(render_report_csv(rep).decode("utf-8-sig"))))
    assert csv_rows[0] == list(rep.table_header)
    assert xlsx_rows == csv_rows[1:]
    # DOCX and Markdown show the same totals, formatted ("89,19%").
    md = render_report_md(rep)
    assert "| Tổng cộng | 3 | 39 | 2 | 37 | 33 | 89,19% |" in md
    doc = Document(io.BytesIO(render_report_docx(rep)))
    last = [c.text for c in doc.tables[-1].rows[-1].cells]
    assert last[1:8] == ["Tổng cộng", "3", "39", "2", "37", "33", "89,19%"]


def test_formula_looking_unit_name_stays_text() -> None:
    evil = Unit(name='=HYPERLINK("http://x")', parent="Đảng bộ xã Di Linh")
    rep = build_report([make_session(unit=evil)], unit=COMMUNE, issued_on=ISSUED)
    sheet = sheet_of(render_report_xlsx(rep))
    start = header_row(sheet, rep.table_header)
    cell = sheet.cell(row=start + 1, column=2)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_empty_report_sheet_has_zero_totals() -> None:
    rep = build_report([], unit=COMMUNE, issued_on=ISSUED)
    sheet = sheet_of(render_report_xlsx(rep))
    start = header_row(sheet, rep.table_header)
    total = sheet[start + 1]
    assert total[1].value == "Tổng cộng" and total[2].value == 0
    assert evaluate(sheet, total[7]) == 0


def test_generic_table_derives_percentages_and_cleans_sheet_name() -> None:
    table = SheetTable(
        sheet_name="Đợt 1/2024: [tổng hợp]",
        title_lines=(),
        columns=(
            Column("Đơn vị", total=TotalRule.LABEL),
            Column("Phải", CellKind.INTEGER, total=TotalRule.SUM),
            Column("Có", CellKind.INTEGER, total=TotalRule.SUM),
            Column("Tỷ lệ", CellKind.PERCENT, total=TotalRule.RATIO, ratio=(2, 1)),
        ),
        rows=(("A\x07", 4, 3, 0.99), ("B", 0, 0, None)),
        total_label="Cộng",
    )
    sheet = sheet_of(render_xlsx([table]))
    assert sheet.title == "Đợt 1 2024 tổng hợp"
    assert [c.value for c in sheet[2]] == ["A", 4, 3, 0.75]  # derived, the 0.99 ignored
    assert sheet["D3"].value == 0
    assert evaluate(sheet, sheet["D4"]) == 0.75


def test_cli_report_xlsx(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session = make_session()
    Store(data).put_session(session)
    out = tmp_path / "bc.xlsx"
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(data), "report", "--unit", session.unit.name, "--format", "xlsx",
         "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    sheet = sheet_of(out.read_bytes())
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert session.unit.name in values and "Tổng cộng" in values


def _calc() -> str | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    probe = Path(soffice).resolve().parent / "libsclo.so"
    return soffice if probe.exists() else None


@pytest.mark.skipif(_calc() is None, reason="LibreOffice Calc (soffice) is not installed")
def test_libreoffice_computes_the_totals(tmp_path: Path) -> None:
    rep = report()
    source = tmp_path / "bc.xlsx"
    source.write_bytes(render_report_xlsx(rep))
    subprocess.run(
        [str(_calc()), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO((tmp_path / "bc.csv").read_text("utf-8"))))
    total = next(r for r in rows if len(r) > 1 and r[1] == "Tổng cộng")
    assert total[2:7] == ["3", "39", "2", "37", "33"]
    assert total[7] == "89.19%"  # en-US locale in the conversion (language 1033)
