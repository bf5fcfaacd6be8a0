"""Rosters typed in the old TCVN3 (ABC, .VnTime) and VNI fonts are converted, not refused."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook
from roster_helpers import fixture
from test_cli_data import run

from facilitator.domain.errors import InputError
from facilitator.rosters.importer import read_roster
from facilitator.rosters.legacy_text import (
    LegacyEncoding,
    convert,
    detect_encoding,
    is_vietnamese_syllable,
)
from facilitator.rosters.roster_file import read_roster_file
from facilitator.rosters.sheet import read_sheet
from facilitator.storage.store import Store

TCVN3, VNI = LegacyEncoding.TCVN3, LegacyEncoding.VNI
SEEDS = Path("/work/shared/seeds")

# Every Vietnamese vowel with its five tones, in the usual order: ngang, huyền, sắc, hỏi,
# ngã, nặng; then đ. Written out by hand, not derived from the module under test.
LOWER = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ"
LETTERS = [ch for ch in LOWER if ch != " "] + [ch.upper() for ch in LOWER if ch != " "]

# TCVN3 bytes of the same letters, in the same order (from the TCVN 5712:1993 VN3 chart).
TCVN3_BYTES = bytes.fromhex(
    "61 b5 b8 b6 b7 b9  a8 bb be bc bd c6  a9 c7 ca c8 c9 cb  65 cc d0 ce cf d1"
    " aa d2 d5 d3 d4 d6  69 d7 dd d8 dc de  6f df e3 e1 e2 e4  ab e5 e8 e6 e7 e9"
    " ac ea ed eb ec ee  75 ef f3 f1 f2 f4  ad f5 f8 f6 f7 f9  79 fa fd fb fc fe  ae"
)
# The seven capitals TCVN3 has codes for; the others are drawn by .VnTimeH from the
# lowercase codes.
TCVN3_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

# VNI: base letter + one mark character per tone (huyền, sắc, hỏi, ngã, nặng).
_VNI_PLAIN = dict(zip("\u0300\u0301\u0309\u0303\u0323", "øùûõï", strict=True))
_VNI_HAT = dict(zip("\u0300\u0301\u0309\u0303\u0323", "àáåãä", strict=True))
_VNI_BREVE = dict(zip("\u0300\u0301\u0309\u0303\u0323", "èéúüë", strict=True))
_VNI_I = dict(zip("\u0300\u0301\u0309\u0303\u0323", "ìíæóò", strict=True))


def tcvn3_encode(text: str) -> str:
    """``text`` as typed in .VnTime (lowercase) / .VnTimeH (capitals), seen as cp1252."""
    table = dict(zip([ch for ch in LOWER if ch != " "], TCVN3_BYTES, strict=True))
    out = []
    for ch in text:
        if ch in TCVN3_CAPITALS:
            out.append(TCVN3_CAPITALS[ch])
        elif ch.lower() in table and not ch.isascii():
            out.append(table[ch.lower()])
        else:
            out.append(ord(ch))
    return bytes(out).decode("cp1252")


def vni_encode(text: str) -> str:
    """``text`` as typed in VNI-Times, seen as cp1252."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        upper = ch.isupper()
        base, *marks = unicodedata.normalize("NFD", ch.lower())
        tone = next((m for m in marks if m in _VNI_PLAIN), "")
        if ch.lower() == "đ":
            code = "ñ"
        elif base == "i":
            code = _VNI_I[tone]
        elif base == "y" and tone == "\u0323":
            code = "î"
        elif "\u0302" in marks:
            code = base + _VNI_HAT.get(tone, "â")
        elif "\u0306" in marks:
            code = "a" + _VNI_BREVE.get(tone, "ê")
        elif "\u031b" in marks:
            code = {"o": "ô", "u": "ö"}[base] + _VNI_PLAIN.get(tone, "")
        else:
            code = base + _VNI_PLAIN[tone]
        out.append(code.upper() if upper else code)
    return "".join(out)


# --- the letters ----------------------------------------------------------------------


def test_the_test_alphabet_is_all_134_letters() -> None:
    # 12 vowels x 6 tones + đ, both cases; 134 of them are not ASCII.
    assert len(LETTERS) == len(set(LETTERS)) == 146
    assert sum(not ch.isascii() for ch in LETTERS) == 134
    assert all(unicodedata.is_normalized("NFC", ch) for ch in LETTERS)


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_vni(letter: str) -> None:
    assert convert(vni_encode(letter), VNI) == letter
    word = f"T{letter}n" if letter.islower() else f"T{letter}N"
    assert convert(vni_encode(word), VNI) == word


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_tcvn3(letter: str) -> None:
    if letter.islower() or letter in TCVN3_CAPITALS:
        assert convert(tcvn3_encode(letter), TCVN3) == letter
    # Capitals with a tone exist only in .VnTimeH words, all in capitals.
    word = f"T{letter}N" if letter.isupper() else f"T{letter}n"
    assert convert(tcvn3_encode(word), TCVN3) == word


def test_tcvn3_table_agrees_with_glibc() -> None:
    if shutil.which("iconv") is None:
        pytest.skip("iconv not installed")
    lower = "".join(ch for ch in LOWER if ch != " ")
    result = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=TCVN3_BYTES, capture_output=True
    )
    if result.returncode:
        pytest.skip("iconv lacks TCVN5712-1")
    assert unicodedata.normalize("NFC", result.stdout.decode()) == lower
    assert convert(TCVN3_BYTES.decode("cp1252"), TCVN3) == lower


def test_sentences_round_trip_in_both_encodings() -> None:
    for text in ("Nguyễn Văn An", "Đoàn Thị Ưng", "Bí thư Chi bộ", "Trương Ngọc Ánh"):
        assert convert(vni_encode(text), VNI) == text
        assert convert(tcvn3_encode(text), TCVN3) == text
    assert tcvn3_encode("Nguyễn Văn An") == "NguyÔn V¨n An"
    assert vni_encode("Nguyễn Văn An") == "Nguyeãn Vaên An"
    assert convert("DANH S¸CH §¶NG VI£N", TCVN3) == "DANH SÁCH ĐẢNG VIÊN"


def test_syllable_check() -> None:
    for word in ("Nguyễn", "Hoàng", "Đoàn", "Ưng", "quý", "Thuỷ", "khuỷu", "gìn", "Người"):
        assert is_vietnamese_syllable(word), word
    for word in ("NguyÔn", "Vaên", "Nguyeón", "leõ", "thuỷy", "Müller", "ThÞ"):
        assert not is_vietnamese_syllable(word), word


# --- detection ------------------------------------------------------------------------

UNICODE_NAMES = [
    "Hoàng Văn Minh",
    "Đoàn Thị Ưng",
    "Ưng Hoàng Phúc",
    "Lê Thị Ánh",
    "Nguyễn Thị Thuỷ",
    "Hà Thị Hoà",
    "Tó",
]


def test_unicode_and_ascii_text_is_never_legacy() -> None:
    assert detect_encoding(UNICODE_NAMES) is None
    assert detect_encoding(["Nguyen Van An", "John Smith", "Party cell 3"]) is None
    assert detect_encoding(["José Müller", "François Ñúñez", "Ørsted", "café"]) is None
    # A single odd cell does not tip a Unicode file.
    assert detect_encoding([*UNICODE_NAMES, "NguyÔn V¨n An"]) is None


def test_seed_plans_are_not_legacy() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("no seed plans here")
    for seed in seeds:
        lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert detect_encoding(lines) is None, seed


def test_repo_roster_fixtures_are_read_unchanged() -> None:
    folder = fixture("comma.csv").parent
    checked = 0
    for path in sorted(folder.iterdir()):
        if path.name in ("tcvn3.csv",):
            continue
        try:
            sheet = read_sheet(path)
        except InputError:
            continue
        checked += 1
        assert sheet.legacy is None, path
        assert sheet.originals == {}, path
    assert checked >= 10


TCVN3_OR_VNI_ROSTER = [
    "Đảng bộ xã Di Linh",
    "DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN 2",
    "STT;Họ và tên;Chức vụ;Loại",
    "1;Nguyễn Văn An;Bí thư;Chính thức",
    "2;Trần Thị Ánh;Phó bí thư;Chính thức",
    "3;Đoàn Ngọc Ưng;;Dự bị",
    "4;Lê Thị Hoà;Chi uỷ viên;Chính thức",
    "5;Phạm Quốc Trường;;Chính thức",
    "6;Vũ Đức Thắng;;Dự bị",
    "7;NGUYỄN THỊ HƯỜNG;;Chính thức",
]
EXPECTED = [
    "Nguyễn Văn An",
    "Trần Thị Ánh",
    "Đoàn Ngọc Ưng",
    "Lê Thị Hoà",
    "Phạm Quốc Trường",
    "Vũ Đức Thắng",
    "NGUYỄN THỊ HƯỜNG",
]


def _legacy_csv(path: Path, encode: object) -> Path:
    assert callable(encode)
    text = "\r\n".join(encode(line) for line in TCVN3_OR_VNI_ROSTER) + "\r\n"
    path.write_bytes(text.encode("cp1252"))  # the bytes the old font put in the file
    return path


@pytest.mark.parametrize(
    ("encode", "encoding"), [(tcvn3_encode, TCVN3), (vni_encode, VNI)], ids=["tcvn3", "vni"]
)
def test_legacy_csv_is_detected_and_converted(
    tmp_path: Path, encode: object, encoding: LegacyEncoding
) -> None:
    path = _legacy_csv(tmp_path / f"{encoding}.csv", encode)
    result = read_roster_file(path)
    assert result.encoding is encoding
    assert [p.name for p in result.people] == EXPECTED
    assert [p.position for p in result.people][:2] == ["Bí thư", "Phó bí thư"]
    assert [p.category for p in result.people][2] == "du-bi"
    assert [p.ten for p in result.people][:2] == ["An", "Ánh"]
    assert all(unicodedata.is_normalized("NFC", p.name) for p in result.people)
    assert result.preview[0] == (encode("Nguyễn Văn An"), "Nguyễn Văn An")  # type: ignore[operator]
    assert len(result.preview) == 5
    (notice,) = result.notices
    assert "TCVN3" in notice if encoding is TCVN3 else "VNI" in notice
    assert str(path) in notice


def test_legacy_text_in_a_utf8_file_is_converted(tmp_path: Path) -> None:
    # A TCVN3 file someone re-saved as UTF-8 without converting it.
    path = tmp_path / "utf8.csv"
    path.write_text("\n".join(tcvn3_encode(line) for line in TCVN3_OR_VNI_ROSTER), "utf-8")
    assert [p.name for p in read_roster(path)] == EXPECTED


def test_xlsx_with_tcvn3_cells_is_converted(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in TCVN3_OR_VNI_ROSTER:
        sheet.append([tcvn3_encode(cell) or None for cell in line.split(";")])
    sheet.append(["8", "Hồ Văn Ước", None, "Chính thức"])  # typed later, in Unicode
    path = tmp_path / "danh-sach.xlsx"
    book.save(path)
    result = read_roster_file(path)
    assert result.encoding is TCVN3
    assert [p.name for p in result.people] == [*EXPECTED, "Hồ Văn Ước"]
    assert result.preview[1] == ("TrÇn ThÞ ¸nh", "Trần Thị Ánh")


def cp1258_bytes(text: str) -> bytes:
    """``text`` as Excel saves it in the Vietnamese ANSI code page: base letter + tone."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", decomposed[:-1])
            out += base.encode("cp1258") + decomposed[-1].encode("cp1258")
    return out


def test_unicode_roster_with_hoang_doan_ung_is_untouched(tmp_path: Path) -> None:
    rows = ["Họ và tên;Loại", *(f"{name};Chính thức" for name in UNICODE_NAMES)]
    text = "\n".join(rows)
    for encoding, data in (("utf-8", text.encode()), ("cp1258", cp1258_bytes(text))):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(data)
        result = read_roster_file(path)
        assert result.encoding is None
        assert result.notices == ()
        assert [p.name for p in result.people] == UNICODE_NAMES


def test_file_that_only_looks_legacy_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "half.csv"
    path.write_bytes(b"Ho va ten\nNguy\xd4\xd4n V\xa8\xa8n An\n")
    with pytest.raises(InputError) as info:
        read_roster(path)
    assert "TCVN3" in info.value.problems[0].message


# --- the CLI and the store -------------------------------------------------------------


def test_cli_import_prints_notice_and_preview_and_stores_unicode(tmp_path: Path) -> None:
    path = _legacy_csv(tmp_path / "tcvn3.csv", tcvn3_encode)
    data = tmp_path / "data"
    result = run(data, "roster", "import", str(path), "--unit", "Chi bộ Thôn 2")
    assert result.exit_code == 0, result.output
    assert "TCVN3" in result.output
    assert "NguyÔn V¨n An → Nguyễn Văn An" in result.output
    assert "TrÇn ThÞ ¸nh → Trần Thị Ánh" in result.output
    assert result.output.count(" → ") == 5
    stored = Store(data).roster("Chi bộ Thôn 2")
    assert [p.name for p in stored.people] == EXPECTED
    assert all(unicodedata.is_normalized("NFC", p.name) for p in stored.people)


def test_cli_import_of_unicode_file_prints_no_notice(tmp_path: Path) -> None:
    result = run(tmp_path / "data", "roster", "import", str(fixture("comma.csv")), "--unit", "X")
    assert result.exit_code == 0, result.output
    assert "TCVN3" not in result.output and "→" not in result.output
