"""Vietnamese text rules: NFC, name parts, collation order, dates and numbers."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from facilitator.domain.models import Person
from facilitator.domain.vietnamese import (
    clean_text,
    collation_key,
    fold,
    format_clock,
    format_date,
    format_int,
    format_percent,
    format_place_date,
    slugify,
    split_name,
)


def test_split_name_into_ho_dem_ten() -> None:
    assert split_name("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_name("  Lê   Lợi ") == ("Lê", "", "Lợi")
    assert split_name("Bảo") == ("", "", "Bảo")


def test_nfd_input_is_stored_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    person = Person("p1", clean_text(nfd))
    assert person.name == "Nguyễn Thị Ánh"
    assert len(person.name) == 14
    assert person.ten == "Ánh"


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("u", "ư"),
        ("An", "Anh"),  # shorter prefix first
        ("Anh", "Ánh"),  # tones break ties only
        ("Ánh", "Ăn"),  # letters before tones: a-n-h < ă-n
        ("Ha", "Hà"),
        ("Hà", "Hả"),
        ("Hả", "Hã"),
        ("Hã", "Há"),
        ("Há", "Hạ"),
        ("Dũng", "Đạt"),
    ],
)
def test_collation_order(smaller: str, larger: str) -> None:
    assert collation_key(smaller) < collation_key(larger)


def test_roster_sorted_by_ten_then_ho_then_dem() -> None:
    people = [
        Person("1", "Trần Văn Bình"),
        Person("2", "Nguyễn Văn Bình"),
        Person("3", "Nguyễn Thị Bình"),
        Person("4", "Lê Văn Ân"),
        Person("5", "Đỗ Thị An"),
        Person("6", "Đinh Văn Đức"),
        Person("7", "Vũ Văn Dũng"),
    ]
    ordered = [p.name for p in sorted(people, key=lambda p: p.sort_key)]
    assert ordered == [
        "Đỗ Thị An",
        "Lê Văn Ân",
        "Nguyễn Thị Bình",
        "Nguyễn Văn Bình",
        "Trần Văn Bình",
        "Vũ Văn Dũng",
        "Đinh Văn Đức",
    ]


def test_dates_follow_hd36_zero_padding() -> None:
    assert format_date(date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert format_date(date(2024, 4, 24)) == "ngày 24 tháng 4 năm 2024"
    assert format_date(date(2024, 1, 9)) == "ngày 09 tháng 01 năm 2024"
    assert format_date(date(2024, 12, 10)) == "ngày 10 tháng 12 năm 2024"
    assert format_place_date("Di Linh", date(2024, 4, 24)) == "Di Linh, ngày 24 tháng 4 năm 2024"
    assert format_clock(datetime(2024, 5, 10, 10, 5)) == "10 giờ 05 phút"


def test_numbers_use_decimal_comma_and_dot_thousands() -> None:
    assert format_percent(22, 23) == "95,65%"
    assert format_percent(17, 17) == "100%"
    assert format_percent(0, 0) == "0%"
    assert format_int(35599) == "35.599"


def test_fold_is_accent_and_case_insensitive() -> None:
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold(unicodedata.normalize("NFD", "Việt Nam")) == "viet nam"


def test_clean_text_makes_escape_sequences_inert() -> None:
    dirty = "Tiêu đề\x1b[2J\x1b]0;pwned\x07 hết\x00\tcột\nxuống dòng"
    assert clean_text(dirty) == "Tiêu đề hết\tcột\nxuống dòng"


def test_slug_cannot_escape_a_folder() -> None:
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Biên bản / Chi bộ") == "bien-ban-chi-bo"
    assert slugify("///") == "khong-ten"
