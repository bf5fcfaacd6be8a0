"""Hostile rosters: empty and oversized files, wrong columns, duplicates, legacy
Vietnamese encodings (CP1258, TCVN3), NFD text, Excel formulas and arbitrary bytes only
ever fail with a located InputError.

Every error must be a Vietnamese message that names the place (file, line or cell, JSON
path), and a failed import must write nothing (the other hostile files: test_hostile_*.py).
"""

from __future__ import annotations

import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from hostile_helpers import (
    C1_CSI,
    FAST,
    HOSTILE,
    assert_inert,
    assert_message_inert,
    roster_api,
    write_file,
)
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.errors import InputError
from facilitator.parsing import parse_pack

HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ")
DEM = ("Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "Quang")
TEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khang", "Lan", "Mai", "Ánh", "Yến",
       "Hùng", "Hưng", "Long", "Nam", "Phúc", "Quý", "Sơn", "Tâm", "Vinh")  # fmt: skip


def _unique_names(count: int) -> list[str]:
    names = [f"{h} {d1} {d2} {t}" for h in HO for d1 in DEM for d2 in DEM for t in TEN]
    assert len(names) >= count
    return names[:count]


def test_roster_empty_file(tmp_path: Path) -> None:
    read_roster = roster_api()
    for data in (b"", b"\n\n  \n", b"\xef\xbb\xbf"):
        path = write_file(tmp_path, "trong.csv", data)
        with pytest.raises(InputError) as caught:
            read_roster(path)
        assert "trong.csv" in str(caught.value)


def test_roster_header_without_people(tmp_path: Path) -> None:
    read_roster = roster_api()
    path = write_file(tmp_path, "chi-tieu-de.csv", "Họ và tên,Chức vụ\n")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert "chi-tieu-de.csv:1" in str(caught.value)


def test_roster_wrong_columns(tmp_path: Path) -> None:
    read_roster = roster_api()
    path = write_file(tmp_path, "sai-cot.csv", "Mã,Địa chỉ,Điện thoại\n1,Di Linh,0123\n")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert "sai-cot.csv:1" in str(caught.value)


def test_roster_duplicate_names_name_both_lines(tmp_path: Path) -> None:
    read_roster = roster_api()
    csv = "Họ và tên,Chức vụ\nNguyễn Văn An,Bí thư\nTrần Thị Bình,\nnguyễn văn an,Đảng viên\n"
    path = write_file(tmp_path, "trung.csv", csv)
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert "trung.csv:4" in message and "trung.csv:2" in message


def test_roster_bad_values_are_each_located(tmp_path: Path) -> None:
    read_roster = roster_api()
    csv = "Họ và tên,Loại,Miễn sinh hoạt\nNguyễn Văn An,chính thức,\nTrần Thị Bình,sếp,\nLê Văn Cường,,có lẽ\n"
    path = write_file(tmp_path, "gia-tri.csv", csv)
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert "gia-tri.csv:3" in message and "gia-tri.csv:4" in message


def test_roster_ten_thousand_rows_is_fast(tmp_path: Path) -> None:
    read_roster = roster_api()
    names = _unique_names(10_000)
    lines = ["Họ và tên,Chức vụ,Loại"] + [f"{n},Đảng viên,Chính thức" for n in names]
    path = write_file(tmp_path, "lon.csv", "\n".join(lines) + "\n")
    started = time.perf_counter()
    people = read_roster(path)
    elapsed = time.perf_counter() - started
    assert len(people) == 10_000
    assert [p.name for p in people[:2]] == names[:2]
    assert len({p.id for p in people}) == 10_000
    assert elapsed < 5.0, f"10,000 rows took {elapsed:.2f} s"


def _cp1258_bytes(text: str) -> bytes:
    """What Vietnamese Windows Excel writes: base letters precomposed, tones combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append(base + "".join(c for c in decomposed if c in tones))
    return "".join(out).encode("cp1258")


def test_roster_cp1258_is_decoded_to_nfc(tmp_path: Path) -> None:
    read_roster = roster_api()
    text = "Họ và tên,Chức vụ\nNguyễn Văn Ánh,Bí thư chi bộ\nĐặng Thị Hương,Đảng viên\n"
    path = write_file(tmp_path, "ansi.csv", _cp1258_bytes(text))
    people = read_roster(path)
    assert [p.name for p in people] == ["Nguyễn Văn Ánh", "Đặng Thị Hương"]
    assert all(unicodedata.is_normalized("NFC", p.name) for p in people)


def test_roster_tcvn3_is_converted_not_refused(tmp_path: Path) -> None:
    """Issue 11: a roster typed with a .VnTime (TCVN3) font is converted to Unicode."""
    read_roster = roster_api()
    # "Họ và tên / Nguyễn Văn Ănh" typed with a .VnTime (TCVN3) font.
    data = b"H\xe4 v\xb5 t\xaan\nNguy\xd4n V\xa8n \xa1nh\n"
    people = read_roster(write_file(tmp_path, "tcvn3.csv", data))
    assert [p.name for p in people] == ["Nguyễn Văn Ănh"]


def test_roster_nfd_becomes_nfc(tmp_path: Path) -> None:
    read_roster = roster_api()
    text = unicodedata.normalize("NFD", "Họ và tên,Chức vụ\nNguyễn Thị Ánh,Phó bí thư\n")
    people = read_roster(write_file(tmp_path, "nfd.csv", text))
    assert people[0].name == "Nguyễn Thị Ánh"
    assert len(people[0].name) == 14
    assert people[0].position == "Phó bí thư"
    assert people[0].ten == "Ánh"


def test_roster_escape_sequences_are_stripped(tmp_path: Path) -> None:
    read_roster = roster_api()
    text = f"Họ và tên,Chức vụ\nNguyễn Văn {HOSTILE}An,Bí thư\x9b2J\n"
    people = read_roster(write_file(tmp_path, "esc.csv", text))
    assert_inert(people)
    assert people[0].name == "Nguyễn Văn An"


def test_roster_xlsx_formula_cells(tmp_path: Path) -> None:
    read_roster = roster_api()
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "DanhSach"
    sheet.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ"])
    sheet.append(["Họ", "Đệm", "Tên", "Họ và tên", "Chức vụ"])
    sheet.append(["Nguyễn", "Văn", "An", "Nguyễn Văn An", "Bí thư"])
    sheet.append(["Trần", "Thị", "Bình", '=A4&" "&B4&" "&C4', '=cmd|" /C calc"!A0'])
    path = tmp_path / "cong-thuc.xlsx"
    book.save(path)  # openpyxl stores no cached values: the formulas cannot be read
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert "cong-thuc.xlsx:DanhSach!D4" in message
    assert "cong-thuc.xlsx:DanhSach!E4" in message


def test_roster_xlsx_plain_values(tmp_path: Path) -> None:
    read_roster = roster_api()
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Loại"])
    sheet.append([1, unicodedata.normalize("NFD", "Nguyễn Văn An"), "Bí thư", "Chính thức"])
    # openpyxl neither writes nor unescapes control characters, so none can come this way.
    sheet.append([2, "  Trần   Thị Bình ", 2024, "Dự bị"])
    path = tmp_path / "dung.xlsx"
    book.save(path)
    people = read_roster(path)
    assert [p.name for p in people] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert [p.category for p in people] == ["chinh-thuc", "du-bi"]
    assert_inert(people)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("hong.xlsx", b"PK\x03\x04 not really a zip"),
        ("cu.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 600),
        ("nhi-phan.csv", bytes(range(256)) * 10),
        ("utf16.csv", "Họ và tên\nNguyễn Văn An\n".encode("utf-16")),
    ],
)
def test_roster_odd_files(tmp_path: Path, name: str, data: bytes) -> None:
    read_roster = roster_api()
    path = write_file(tmp_path, name, data)
    try:
        people = read_roster(path)
    except InputError as err:
        assert name in str(err)
    else:
        assert [p.name for p in people] == ["Nguyễn Văn An"]


@FAST
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")))
def test_read_roster_arbitrary_bytes_raises_only_input_error(data: bytes) -> None:
    read_roster = roster_api()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.csv"
        path.write_bytes(data)
        try:
            people = read_roster(path)
        except InputError as err:
            assert "ds.csv" in str(err)
            assert_message_inert(err)
            return
    assert_inert(people)
    for person in people:
        assert person.name and unicodedata.is_normalized("NFC", person.name)


def test_roster_and_pack_errors_do_not_echo_control_characters(tmp_path: Path) -> None:
    read_roster = roster_api()
    path = write_file(tmp_path, "c1.csv", f"Họ và tên,Loại\nNguyễn Văn An,sếp{C1_CSI}{HOSTILE}\n")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert_message_inert(caught.value)
    with pytest.raises(InputError) as caught:
        parse_pack(f"---\nid: thu{C1_CSI}\n---\n{{minutes={C1_CSI}{HOSTILE}}}\n## A\n", "g.md")
    assert_message_inert(caught.value)
