"""Roster import from CSV/XLSX: encodings, headers, values, problems, merge and order."""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from facilitator.domain.errors import InputError, NotFoundError
from facilitator.domain.models import Person, Roster, Unit
from facilitator.rosters import sheet as sheet_module
from facilitator.rosters.importer import merge_roster, name_key, read_roster
from facilitator.services.rosters import import_roster, show_roster
from facilitator.storage.store import Store

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


# --- headers and rows --------------------------------------------------------------------


def test_header_below_title_rows_is_found() -> None:
    people = read_roster(fixture("title_rows.csv"))
    assert names(people) == ["Nguyễn Văn An"]
    assert people[0].position == "Bí thư"


def test_separate_name_columns_keep_compound_surnames() -> None:
    people = read_roster(fixture("name_parts.csv"))
    assert names(people) == ["Tôn Nữ Thị Hà", "Nguyễn Văn An", "Âu Dương Phong"]
    assert (people[0].ho, people[0].dem, people[0].ten) == ("Tôn Nữ", "Thị", "Hà")
    assert (people[2].ho, people[2].dem, people[2].ten) == ("Âu Dương", "", "Phong")
    assert people[2].to_dict()["name_parts"] == ["Âu Dương", "", "Phong"]


def test_headers_are_case_and_accent_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("HO VA TEN;PHAN LOAI;chuc vu;Exempt;SHT\nLê Văn A;dang vien du bi;;1;đi\n")
    (person,) = read_roster(path)
    assert (person.category, person.exempt, person.temporary) == ("du-bi", True, "di")


def test_wrong_columns_are_reported_on_the_header() -> None:
    path = fixture("wrong_columns.csv")
    ((where, message),) = problems_of(path)
    assert where == f"{path}:1"
    assert "Họ và tên" in message


def test_empty_file_and_header_only() -> None:
    with pytest.raises(InputError, match="trống"):
        read_roster(fixture("empty.csv"))
    path = fixture("header_only.csv")
    ((where, message),) = problems_of(path)
    assert where == f"{path}:1"
    assert "không có người nào" in message


def test_bad_values_are_all_reported_with_their_lines() -> None:
    path = fixture("bad_values.csv")
    problems = problems_of(path)
    assert [w for w, _ in problems] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "Chính thứ" in problems[0][1]
    assert "thiếu họ và tên" in problems[1][1]
    assert "có lẽ" in problems[2][1]
    assert "về" in problems[3][1]


def test_duplicate_names_list_both_lines_but_different_names_pass() -> None:
    path = fixture("duplicates.csv")
    ((where, message),) = problems_of(path)
    # "lê thị hoà" (line 4) is "Lê Thị Hòa" (line 2): case and tone placement differ only;
    # "Lê Văn Hùng" and "Lê Văn Hưng" are two people.
    assert where == f"{path}:4"
    assert f"{path}:2" in message
    assert f"{path}:4" in message


def test_name_key_ignores_case_and_tone_placement_only() -> None:
    assert name_key("Nguyễn Thị Thuỷ") == name_key("nguyễn  thị thủy")
    assert name_key("Hoà") == name_key("Hòa")
    assert name_key("Hùng") != name_key("Hưng")
    assert name_key("An") != name_key("Ân")


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_module, "MAX_ROSTER_BYTES", 50)
    path = tmp_path / "big.csv"
    path.write_text("Họ và tên\n" + "Nguyễn Văn A\n" * 10)
    with pytest.raises(InputError, match="quá lớn"):
        read_roster(path)


def test_too_many_rows_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("facilitator.rosters.importer.MAX_ROWS", 3)
    path = tmp_path / "long.csv"
    path.write_text("Họ và tên\n" + "".join(f"Người Số {chr(65 + i)}\n" for i in range(5)))
    problems = problems_of(path)
    assert (f"{path}:5", "danh sách quá dài: tối đa 3 dòng") in problems


def test_old_xls_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(InputError, match=r"\.xlsx"):
        read_roster(path)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="Không tìm thấy"):
        read_roster(FIXTURES / "khong-co.csv")


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


# --- merging into the stored roster ------------------------------------------------------


def test_merge_keeps_ids_of_known_people_and_numbers_new_ones() -> None:
    unit = Unit("Chi bộ 1")
    existing = Roster(
        unit, (Person("p001", "Nguyễn Văn An"), Person("p007", "Lê Thị Hòa"), Person("x", "Bỏ Đi"))
    )
    incoming = [
        Person("p001", "Trần Văn Mới"),
        Person("p002", "lê thị hoà"),
        Person("p003", "Nguyễn Văn An"),
    ]
    merged = merge_roster(existing, incoming, unit)
    assert [(p.id, p.name) for p in merged.people] == [
        ("p008", "Trần Văn Mới"),
        ("p007", "lê thị hoà"),
        ("p001", "Nguyễn Văn An"),
    ]
    assert merged.unit == unit
    assert isinstance(merged.updated_at, datetime)
    assert merged.updated_at.tzinfo is not None


def test_merge_without_existing_roster_numbers_from_one() -> None:
    merged = merge_roster(None, [Person("z", "A B"), Person("y", "C D")], Unit("U"))
    assert [p.id for p in merged.people] == ["p001", "p002"]


def test_import_roster_saves_and_reimport_keeps_ids_and_unit_fields(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    first = import_roster(
        store, fixture("semicolon_bom.csv"), "Chi bộ Khối Dân vận",
        parent="Đảng bộ xã Di Linh", abbrev="CB", locality="Di Linh",
    )  # fmt: skip
    assert len(first.people) == 6
    an_id = next(p.id for p in first.people if p.name == "Nguyễn Văn An")
    second = import_roster(store, fixture("comma.csv"), "Chi bộ Khối Dân vận", profile="state")
    assert names(second.people) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert next(p.id for p in second.people if p.name == "Nguyễn Văn An") == an_id
    stored = store.roster("Chi bộ Khối Dân vận")
    assert stored.unit == Unit(
        "Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "state", "Di Linh"
    )
    assert stored.people == second.people


def test_failed_import_saves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    import_roster(store, fixture("comma.csv"), "Chi bộ 1")
    broken = tmp_path / "dup.csv"
    shutil.copy(fixture("duplicates.csv"), broken)
    with pytest.raises(InputError):
        import_roster(store, broken, "Chi bộ 1", abbrev="X")
    roster = store.roster("Chi bộ 1")
    assert names(roster.people) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert roster.unit.abbrev == ""
    with pytest.raises(InputError):
        import_roster(store, fixture("comma.csv"), "   ")
    with pytest.raises(InputError, match="party"):
        import_roster(store, fixture("comma.csv"), "Chi bộ 2", profile="company")
    with pytest.raises(NotFoundError):
        store.roster("Chi bộ 2")


# --- Vietnamese order ------------------------------------------------------------------------

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


def test_show_roster_sorts_in_vietnamese_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    import_roster(store, fixture("sort_order.csv"), "Chi bộ 1")
    assert names(show_roster(store, "Chi bộ 1").people) == EXPECTED_ORDER


# --- Rows that are not people: column numbers, totals, second header rows ------------------


def test_column_number_row_under_the_header_is_skipped(tmp_path: Path) -> None:
    csv_path = tmp_path / "so-cot.csv"
    csv_path.write_text(
        "STT,Họ và tên,Chức vụ\n(1),(2),(3)\n1,Nguyễn Văn An,Bí thư\n", encoding="utf-8"
    )
    xlsx_path = make_xlsx(
        tmp_path / "so-cot.xlsx",
        [["STT", "Họ và tên", "Loại"], [1, 2, 3], [1, "Trần Thị Bình", "Dự bị"]],
    )
    assert names(read_roster(csv_path)) == ["Nguyễn Văn An"]
    (binh,) = read_roster(xlsx_path)
    assert (binh.name, binh.category, binh.id) == ("Trần Thị Bình", "du-bi", "p001")


def test_totals_rows_at_the_bottom_are_skipped(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "tong.xlsx",
        [
            ["STT", "Họ và tên", "Loại"],
            [1, "Nguyễn Văn An", "CT"],
            [2, "Công Thị Hoa", "CT"],  # a surname that folds like "Cộng": kept
            [None, "Tổng cộng: 2 đồng chí", None],
            [None, "TONG SO 2", None],
            [None, "Cộng", 2],
            ["Tổng cộng", None, None],  # written in the STT column, name cell empty
        ],
    )
    assert names(read_roster(path)) == ["Nguyễn Văn An", "Công Thị Hoa"]


def test_second_header_row_splits_a_merged_name_header(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", None, "Chức vụ"])
    sheet.append([None, "Họ và đệm", "Tên", None])
    sheet.append(["(1)", "(2)", "(3)", "(4)"])
    sheet.append([1, "Nguyễn Văn", "An", "Bí thư"])
    sheet.append([2, "Trần Thị Ngọc", "Bình", None])
    sheet.append([3, "Bà Lê", "Hoa", None])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    path = tmp_path / "gop.xlsx"
    book.save(path)
    an, binh, hoa = read_roster(path)
    assert (an.name, an.ho, an.dem, an.ten, an.position) == (
        "Nguyễn Văn An", "Nguyễn", "Văn", "An", "Bí thư",
    )  # fmt: skip
    assert (binh.name, binh.ho, binh.dem, binh.ten) == (
        "Trần Thị Ngọc Bình",
        "Trần",
        "Thị Ngọc",
        "Bình",
    )
    assert (hoa.name, hoa.ho, hoa.dem, hoa.ten) == ("Lê Hoa", "Lê", "", "Hoa")


def test_second_header_row_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "hai-dong.csv"
    path.write_text("STT;Họ và tên;;Loại\n;Họ đệm;Tên;\n1;Phạm Văn;Cường;DB\n", encoding="utf-8")
    (cuong,) = read_roster(path)
    assert (cuong.name, cuong.ho, cuong.dem, cuong.ten, cuong.category) == (
        "Phạm Văn Cường", "Phạm", "Văn", "Cường", "du-bi",
    )  # fmt: skip


def test_first_data_row_is_not_taken_for_a_second_header(tmp_path: Path) -> None:
    path = tmp_path / "ten.csv"
    path.write_text("STT,Họ và tên,Ghi chú\n1,Nguyễn Văn An,Tên\n2,Lê Thị Hoa,\n", encoding="utf-8")
    # A header word in some cell does not make a row a header while its name cell is a name.
    assert names(read_roster(path)) == ["Nguyễn Văn An", "Lê Thị Hoa"]


@pytest.mark.parametrize(
    "cell",
    [
        "Ông Nguyễn Văn An",
        "ông. Nguyễn Văn An",
        "Đ/c Nguyễn Văn An",
        "đ/c.Nguyễn Văn An",
        "Đc Nguyễn Văn An",
        "ĐỒNG CHÍ Nguyễn Văn An",
        "Dong chi Nguyễn Văn An",
        "Anh Nguyễn Văn An",
    ],
)
def test_leading_honorifics_are_stripped(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "danh-xung.csv"
    path.write_text(f"Họ và tên\n{cell}\n", encoding="utf-8")
    (person,) = read_roster(path)
    assert (person.name, person.ho, person.dem, person.ten) == (
        "Nguyễn Văn An",
        "Nguyễn",
        "Văn",
        "An",
    )


def test_honorifics_for_women_and_names_that_only_look_like_one(tmp_path: Path) -> None:
    path = tmp_path / "danh-xung.csv"
    path.write_text(
        "Họ và tên\nBà Trần Thị Bình\nChị Lê Thị Hoa\nAnh Tuấn\nAnhThư Lê\nBàng Văn Cả\n",
        encoding="utf-8",
    )
    assert names(read_roster(path)) == [
        "Trần Thị Bình",
        "Lê Thị Hoa",
        "Anh Tuấn",  # nothing would be left but one word: kept as written
        "AnhThư Lê",
        "Bàng Văn Cả",
    ]


def test_honorific_duplicates_are_still_caught(tmp_path: Path) -> None:
    path = tmp_path / "trung.csv"
    path.write_text("Họ và tên\nNguyễn Văn An\nĐ/c Nguyễn Văn An\n", encoding="utf-8")
    found = problems_of(path)
    assert len(found) == 1
    assert found[0][0] == f"{path}:3"
    assert "«Nguyễn Văn An» có hai lần" in found[0][1]


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


def test_real_names_that_fold_like_totals_or_honorifics_are_kept(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "ten-that.xlsx",
        [
            ["STT", "Họ và tên", "Chức vụ"],
            [1, "Tống Công Minh", "Bí thư"],
            [2, "Tong Cong Hai", None],  # typed without accents, numbered: a person
            [3, "Ông Văn Bình", None],  # Ông is his surname
            [4, "Cong Van Phuong", None],
            [None, "Tổng cộng: 4 đồng chí", None],
        ],
    )
    assert names(read_roster(path)) == [
        "Tống Công Minh",
        "Tong Cong Hai",
        "Ông Văn Bình",
        "Cong Van Phuong",
    ]


def test_a_file_with_nobody_in_it_is_refused_not_saved_empty(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "rong.xlsx",
        [["STT", "Họ và tên"], ["(1)", "(2)"], [None, "Tổng cộng: 0 đồng chí"]],
    )
    with pytest.raises(InputError) as excinfo:
        read_roster(path)
    assert "rong.xlsx" in str(excinfo.value)
