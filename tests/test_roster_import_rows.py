"""Roster import, reading the rows: headers, values and their located problems, limits, and the
rows that are not people (column numbers, totals, second header rows, honorifics).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from roster_helpers import FIXTURES, fixture, make_xlsx, names, problems_of

from facilitator.domain.errors import InputError
from facilitator.rosters import sheet as sheet_module
from facilitator.rosters.importer import name_key, read_roster

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
