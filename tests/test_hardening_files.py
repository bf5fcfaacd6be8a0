"""Issue #12, hostile files: XLSX bombs (5), FIFOs and other non-regular files (11)."""

from __future__ import annotations

import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from facilitator.domain.errors import InputError
from facilitator.rosters.importer import read_roster

openpyxl = pytest.importorskip("openpyxl")


def _small_book(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Chức vụ"])
    sheet.append(["Nguyễn Văn An", "Bí thư"])
    book.save(path)


def _refusal(path: Path) -> tuple[str, float, int]:
    """The message, the seconds and the peak bytes Python allocated to refuse ``path``."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InputError) as caught:
            read_roster(path)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return str(caught.value), elapsed, peak


def test_xlsx_with_a_huge_member_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    _small_book(path)
    # 300 MB of one repeated byte deflates to a few hundred kilobytes: the classic bomb.
    # Streamed in 1 MB writes so the test itself stays small.
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/sharedStrings2.xml", "w", force_zip64=True) as member,
    ):
        chunk = b"<si><t>A</t></si>" * (1024 * 1024 // 17)
        for _ in range(300):
            member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    message, elapsed, peak = _refusal(path)
    assert str(path) in message
    assert "giải nén" in message and "20 MB" in message
    assert elapsed < 5.0, f"refusal took {elapsed:.2f} s"
    assert peak < 100 * 1024 * 1024


def test_xlsx_whose_sheet_claims_a_million_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rong.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên"])
    sheet.append(["Nguyễn Văn An"])
    sheet["ZZ1000000"] = "x"  # the dimension becomes A1:ZZ1000000
    book.save(path)
    message, elapsed, _ = _refusal(path)
    assert str(path) in message
    assert "A1:ZZ1000000" in message
    assert elapsed < 5.0


def test_xlsx_too_many_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cot.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên"])
    sheet.append(["Nguyễn Văn An"])
    sheet["CZ2"] = "x"
    book.save(path)
    message, _, _ = _refusal(path)
    assert "A1:CZ2" in message and "cột" in message


def test_ordinary_xlsx_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "dung.xlsx"
    _small_book(path)
    assert [p.name for p in read_roster(path)] == ["Nguyễn Văn An"]


def test_damaged_xlsx_message_is_vietnamese_only(tmp_path: Path) -> None:
    good, path = tmp_path / "dung.xlsx", tmp_path / "hong.xlsx"
    _small_book(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = b"<worksheet><sheetData><row"  # cut short: XML parser error
            target.writestr(info.filename, data)
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert str(path) in message
    assert "Error" not in message and "Exception" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_roster_is_refused_without_hanging(tmp_path: Path) -> None:
    path = tmp_path / "ong.csv"
    os.mkfifo(path)
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert time.perf_counter() - started < 5.0
    message = str(caught.value)
    assert str(path) in message and "tệp thường" in message


def test_csv_error_is_explained_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "dai.csv"
    path.write_text('Họ và tên\nNguyễn Văn An\n"' + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert f"{path}:3" in message and "ô dài quá mức" in message
    assert "field" not in message
