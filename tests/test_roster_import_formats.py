"""Roster import, reading the file: CSV encodings and delimiters (UTF-8 with or without BOM,
Windows-1258, UTF-16, TCVN3) and XLSX sheets, cells and formulas.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from roster_helpers import cache_formula_value, fixture, make_xlsx, names, problems_of

from facilitator.domain.errors import InputError
from facilitator.rosters import sheet as sheet_module
from facilitator.rosters.importer import read_roster

# --- CSV: encodings and delimiters -----------------------------------------------------


def test_semicolon_csv_with_bom_reads_every_column() -> None:
    people = read_roster(fixture("semicolon_bom.csv"))
    assert names(people) == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
        "Đỗ Thị Giang",
    ]
    assert [p.id for p in people] == ["p001", "p002", "p003", "p004", "p005", "p006"]
    assert [p.category for p in people] == [
        "chinh-thuc",
        "du-bi",
        "chinh-thuc",
        "chinh-thuc",
        "quan-chung",
        "khach",
    ]
    assert people[0].position == "Bí thư chi bộ"
    assert [p.exempt for p in people] == [False, False, True, False, False, False]
    assert people[3].temporary == "den"
    assert (people[0].ho, people[0].dem, people[0].ten) == ("Nguyễn", "Văn", "An")


def test_comma_csv_without_bom_and_quoted_commas() -> None:
    people = read_roster(fixture("comma.csv"))
    assert names(people) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert people[0].category == "du-bi"
    assert people[0].position == "Chi ủy viên, phụ trách tuyên giáo"
    assert people[1].exempt is True


def test_nfd_input_is_normalised_to_nfc() -> None:
    people = read_roster(fixture("nfd.csv"))
    assert names(people) == ["Nguyễn Thị Thủy", "Đặng Văn Việt"]
    assert all(unicodedata.is_normalized("NFC", p.name) for p in people)
    assert people[1].ten == "Việt"
    assert people[1].category == "du-bi"


def test_windows_1258_csv_is_decoded() -> None:
    people = read_roster(fixture("cp1258.csv"))
    assert names(people) == ["Nguyễn Văn Đức", "Trần Thị Hương"]
    assert people[0].position == "Bí thư"
    assert [p.category for p in people] == ["chinh-thuc", "du-bi"]


def test_excel_unicode_text_utf16_tab_separated() -> None:
    people = read_roster(fixture("utf16.txt"))
    assert names(people) == ["Nguyễn Văn Đức", "Trần Thị Hương"]
    assert people[1].category == "du-bi"


def test_non_utf8_file_names_line_and_byte_and_suggests_utf8() -> None:
    path = fixture("cp1252.csv")
    ((where, message),) = problems_of(path)
    assert where == f"{path}:2"
    assert "không phải UTF-8" in message
    assert "dòng 2, byte thứ 17" in message
    assert "Lưu bằng UTF-8" in message


def test_tcvn3_file_is_converted_to_unicode() -> None:
    people = read_roster(fixture("tcvn3.csv"))
    assert names(people) == ["Nguyễn Văn Đức", "Trần Thị Hoa"]
    assert [p.category for p in people] == ["chinh-thuc", "du-bi"]


# --- Delimiter sniffing ----------------------------------------------------------------------


def test_semicolon_file_with_a_comma_in_the_title_imports(tmp_path: Path) -> None:
    path = tmp_path / "tieu-de.csv"
    path.write_text(
        "Chi bộ Khối Dân vận, Đảng bộ xã Di Linh\n"
        "DANH SÁCH ĐẢNG VIÊN\n"
        "STT;Họ và tên;Chức vụ;Loại\n"
        "1;Nguyễn Văn An;Bí thư, kiêm nhiệm;CT\n"
        "2;Trần Thị Bình;;DB\n",
        encoding="utf-8",
    )
    an, binh = read_roster(path)
    assert (an.name, an.position, an.category) == (
        "Nguyễn Văn An",
        "Bí thư, kiêm nhiệm",
        "chinh-thuc",
    )
    assert (binh.name, binh.category) == ("Trần Thị Bình", "du-bi")


def test_delimiter_follows_the_header_not_the_first_line() -> None:
    detect = sheet_module._delimiter
    assert detect("Tiêu đề; có chấm phẩy\nSTT,Họ và tên\n1,An\n") == ","
    assert detect("Danh sách, 2024\nHọ\tĐệm\tTên\nLê\tVăn\tAn\n") == "\t"
    # No recognisable header: the separator most frequent over the first lines.
    assert detect("a,b;c\nx;y;z\np;q;r\n") == ";"
    assert detect("Họ và tên\nNguyễn Văn An\n") == ","


# --- XLSX ----------------------------------------------------------------------------------


def test_xlsx_first_sheet_with_numbers_and_booleans(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["DANH SÁCH ĐẢNG VIÊN"],
            ["STT", "Họ và tên", "Loại", "Chức vụ", "Miễn SH"],
            [1, unicodedata.normalize("NFD", "Nguyễn Văn An"), "CT", "Bí thư", None],
            [2, "Trần Thị Bình", "Dự bị", None, True],
            [None, None, None, None, None],
            [3, "  Lê   Văn Cường ", "QC", 12, 1],
        ],
    )
    people = read_roster(path)
    assert names(people) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert [p.exempt for p in people] == [False, True, True]
    assert people[2].position == "12"
    assert people[2].category == "quan-chung"


def test_xlsx_problems_name_sheet_and_cell(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên", "Loại"], ["Nguyễn Văn An", "Chinh thuc"], ["Trần Văn B", "Đảng"]],
        title="Chi bộ 1",
    )
    assert problems_of(path)[0][0] == f"{path}:'Chi bộ 1'!B3"


def test_xlsx_formula_without_cached_value_names_the_cell(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên", "Loại"], ["Nguyễn Văn An", "CT"], ['=CONCAT("Lê ","Văn B")', "CT"]],
        title="DS",
    )
    ((where, message),) = problems_of(path)
    assert where == f"{path}:DS!A3"
    assert "công thức" in message


def test_xlsx_formula_with_cached_value_uses_it_without_evaluating(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên", "Loại"], ['=CONCAT("Lê ","Văn B")', '=IF(1,"CT","DB")']],
        title="DS",
    )
    cache_formula_value(path, "A2", "Lê Văn Bê")
    cache_formula_value(path, "B2", "DB")  # deliberately not what the formula would give
    (person,) = read_roster(path)
    assert person.name == "Lê Văn Bê"
    assert person.category == "du-bi"


def test_broken_xlsx_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="Excel"):
        read_roster(path)
