"""Hostile files: content packs, rosters and bundles only ever fail with a located InputError.

Property tests (hypothesis) throw arbitrary text, bytes and JSON at each reader; the
hand-written cases cover what real files do to us: malformed YAML, oversized files,
deep nesting, terminal escape sequences, legacy Vietnamese encodings, NFD text, Excel
formulas, huge arrays. Every error must be a Vietnamese message that names the place
(file, line or cell, JSON path), and a failed import must write nothing.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from crash_writer import ICT, demo_session
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.errors import InputError
from facilitator.domain.models import Attendance, Note, Session, Vote
from facilitator.parsing import load_pack, parse_pack
from facilitator.storage.store import Store

HOSTILE = "\x1b[2J\x1b]0;pwned\x07"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRONT = """---
id: thu
title: Gói thử
kind: chuyen-de
version: "2024.1"
sources:
  - Tài liệu A
framing:
  goc: {label: Gốc vững, meaning: Nền tảng}
---
"""
BODY = """
{minutes=5 kind=procedure}
## Khai mạc

- Tuyên bố lý do

{minutes=20 framing=goc}
## Trình bày

- Điểm thứ nhất

> Câu hỏi thảo luận?
"""


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a dataclass/tuple/list/dict tree."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)


def _has_control(text: str) -> bool:
    return any((ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F for ch in text)


def _assert_message_inert(err: BaseException) -> None:
    """An error message is printed to a terminal as is: it must not carry the input's codes."""
    assert not _has_control(str(err)), repr(str(err))


def _assert_inert(value: Any) -> None:
    for text in _strings(value):
        assert not _has_control(text), repr(text)
        assert "pwned" not in text and "[2J" not in text and "[31m" not in text, repr(text)


# == content packs ==========================================================================

PACK_PIECES = [
    "---\n", "## ", "# ", "### ", "{minutes=", "{kind=vote}", "{framing=goc}", "{id=a}", "}",
    "\n", "- ", "1. ", "> ", "```notes\n", "```\n", "~~~", "id: x\n", "title: ", "kind: ",
    "sources:\n  - ", "framing:\n  goc: {label: a}", "[", "{", "'", '"', "\t", "\r\n", "\ufeff",
    HOSTILE, "\x00", "\u0301", "Việt Nam", "0", "-1", "999999999999999999999", "&a", "*a", "!!",
]  # fmt: skip
pack_text = st.lists(st.sampled_from(PACK_PIECES) | st.text(max_size=12), max_size=60).map("".join)


@FAST
@given(st.text(max_size=3000))
def test_parse_pack_arbitrary_text_raises_only_input_error(text: str) -> None:
    try:
        pack = parse_pack(text, "goi.md")
    except InputError as err:
        assert err.problems and all(p.where.startswith("goi.md") for p in err.problems)
        _assert_message_inert(err)
        return
    _assert_inert(pack)


@FAST
@given(pack_text, pack_text)
def test_parse_pack_pack_like_text_raises_only_input_error(front: str, body: str) -> None:
    for text in (front + body, FRONT + body, front + BODY):
        try:
            pack = parse_pack(text, "goi.md")
        except InputError as err:
            assert "goi.md" in str(err)
            _assert_message_inert(err)
            continue
        _assert_inert(pack)


@pytest.mark.parametrize(
    "front",
    [
        "---\nid: [chưa đóng\n---\n",
        "---\nid: thu\n  title: lệch lề\n---\n",
        "---\n: :\n---\n",
        "---\n- một\n- danh sách\n---\n",
        "---\nid: !!python/object/apply:os.system ['echo pwned']\n---\n",
        "---\nid: " + "[" * 3000 + "\n---\n",
        "---\nid: " + "{a: " * 3000 + "\n---\n",
        "---\nid: thu\n",  # never closed
    ],
    ids=["unclosed", "indent", "colons", "list", "python-tag", "deep-list", "deep-map", "open"],
)
def test_malformed_yaml_is_located(front: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_pack(front + BODY, "content/goi.md")
    message = str(caught.value)
    assert "content/goi.md:" in message  # file and line
    assert "Traceback" not in message
    assert "pwned" not in message or "!!python" in front  # echoing the input is fine


def test_three_megabyte_pack_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "lon.md"
    path.write_text(FRONT + BODY + ("- Điểm rất dài " * 20 + "\n") * 10_000, "utf-8")
    assert path.stat().st_size > 3_000_000
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        load_pack(path)
    with pytest.raises(InputError):
        parse_pack(path.read_text("utf-8"), str(path))
    assert time.perf_counter() - started < 1.0
    assert str(path) in str(caught.value) and "MB" in str(caught.value)


@pytest.mark.parametrize(
    "body",
    [
        "> " * 5000 + "x\n",
        "\n".join("  " * i + "- x" for i in range(300)),
        "\n".join("1. " * i + "x" for i in range(1, 200)),
        "[" * 50_000,
        "*a " * 50_000,
        "`" * 50_000,
    ],
    ids=["quotes", "lists", "numbered", "brackets", "emphasis", "backticks"],
)
def test_deep_nesting_is_handled(body: str) -> None:
    started = time.perf_counter()
    try:
        pack = parse_pack(FRONT + "## Mục\n\n" + body, "goi.md")
    except InputError as err:
        assert "goi.md" in str(err)
    else:
        assert [item.title for item in pack.items] == ["Mục"]
    assert time.perf_counter() - started < 5.0


def test_escape_sequences_are_stripped_from_pack() -> None:
    text = f"""---
id: thu
title: "Gói {HOSTILE}thử"
kind: chuyen-de
version: "1"
sources:
  - Tài liệu{HOSTILE}
---

{{minutes=5}}
## Trình bày \x1b[31mđỏ\x1b[0m{HOSTILE}

- Điểm {HOSTILE}một\x9b2J
- Điểm \x07hai\x00

> Câu hỏi {HOSTILE}thảo luận?

```notes
Ghi chú {HOSTILE}riêng
```
"""
    pack = parse_pack(text, "goi.md")
    _assert_inert(pack)
    assert pack.title == "Gói thử"
    (item,) = pack.items
    assert item.title == "Trình bày đỏ"
    assert "Điểm một" in item.body_md and "Điểm hai" in item.body_md
    assert item.questions == ("Câu hỏi thảo luận?",)


def test_nfd_pack_becomes_nfc() -> None:
    pack = parse_pack(unicodedata.normalize("NFD", FRONT + BODY), "goi.md")
    for text in _strings(pack):
        assert unicodedata.is_normalized("NFC", text)
    assert pack.title == "Gói thử"


# == rosters ===============================================================================


def _roster_api() -> Any:
    return pytest.importorskip("facilitator.rosters.importer").read_roster


HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ")
DEM = ("Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "Quang")
TEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khang", "Lan", "Mai", "Ánh", "Yến",
       "Hùng", "Hưng", "Long", "Nam", "Phúc", "Quý", "Sơn", "Tâm", "Vinh")  # fmt: skip


def _unique_names(count: int) -> list[str]:
    names = [f"{h} {d1} {d2} {t}" for h in HO for d1 in DEM for d2 in DEM for t in TEN]
    assert len(names) >= count
    return names[:count]


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_roster_empty_file(tmp_path: Path) -> None:
    read_roster = _roster_api()
    for data in (b"", b"\n\n  \n", b"\xef\xbb\xbf"):
        path = _write(tmp_path, "trong.csv", data)
        with pytest.raises(InputError) as caught:
            read_roster(path)
        assert "trong.csv" in str(caught.value)


def test_roster_header_without_people(tmp_path: Path) -> None:
    read_roster = _roster_api()
    path = _write(tmp_path, "chi-tieu-de.csv", "Họ và tên,Chức vụ\n")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert "chi-tieu-de.csv:1" in str(caught.value)


def test_roster_wrong_columns(tmp_path: Path) -> None:
    read_roster = _roster_api()
    path = _write(tmp_path, "sai-cot.csv", "Mã,Địa chỉ,Điện thoại\n1,Di Linh,0123\n")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert "sai-cot.csv:1" in str(caught.value)


def test_roster_duplicate_names_name_both_lines(tmp_path: Path) -> None:
    read_roster = _roster_api()
    csv = "Họ và tên,Chức vụ\nNguyễn Văn An,Bí thư\nTrần Thị Bình,\nnguyễn văn an,Đảng viên\n"
    path = _write(tmp_path, "trung.csv", csv)
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert "trung.csv:4" in message and "trung.csv:2" in message


def test_roster_bad_values_are_each_located(tmp_path: Path) -> None:
    read_roster = _roster_api()
    csv = "Họ và tên,Loại,Miễn sinh hoạt\nNguyễn Văn An,chính thức,\nTrần Thị Bình,sếp,\nLê Văn Cường,,có lẽ\n"
    path = _write(tmp_path, "gia-tri.csv", csv)
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert "gia-tri.csv:3" in message and "gia-tri.csv:4" in message


def test_roster_ten_thousand_rows_is_fast(tmp_path: Path) -> None:
    read_roster = _roster_api()
    names = _unique_names(10_000)
    lines = ["Họ và tên,Chức vụ,Loại"] + [f"{n},Đảng viên,Chính thức" for n in names]
    path = _write(tmp_path, "lon.csv", "\n".join(lines) + "\n")
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
    read_roster = _roster_api()
    text = "Họ và tên,Chức vụ\nNguyễn Văn Ánh,Bí thư chi bộ\nĐặng Thị Hương,Đảng viên\n"
    path = _write(tmp_path, "ansi.csv", _cp1258_bytes(text))
    people = read_roster(path)
    assert [p.name for p in people] == ["Nguyễn Văn Ánh", "Đặng Thị Hương"]
    assert all(unicodedata.is_normalized("NFC", p.name) for p in people)


def test_roster_tcvn3_is_converted_not_refused(tmp_path: Path) -> None:
    """Issue 11: a roster typed with a .VnTime (TCVN3) font is converted to Unicode."""
    read_roster = _roster_api()
    # "Họ và tên / Nguyễn Văn Ănh" typed with a .VnTime (TCVN3) font.
    data = b"H\xe4 v\xb5 t\xaan\nNguy\xd4n V\xa8n \xa1nh\n"
    people = read_roster(_write(tmp_path, "tcvn3.csv", data))
    assert [p.name for p in people] == ["Nguyễn Văn Ănh"]


def test_roster_nfd_becomes_nfc(tmp_path: Path) -> None:
    read_roster = _roster_api()
    text = unicodedata.normalize("NFD", "Họ và tên,Chức vụ\nNguyễn Thị Ánh,Phó bí thư\n")
    people = read_roster(_write(tmp_path, "nfd.csv", text))
    assert people[0].name == "Nguyễn Thị Ánh"
    assert len(people[0].name) == 14
    assert people[0].position == "Phó bí thư"
    assert people[0].ten == "Ánh"


def test_roster_escape_sequences_are_stripped(tmp_path: Path) -> None:
    read_roster = _roster_api()
    text = f"Họ và tên,Chức vụ\nNguyễn Văn {HOSTILE}An,Bí thư\x9b2J\n"
    people = read_roster(_write(tmp_path, "esc.csv", text))
    _assert_inert(people)
    assert people[0].name == "Nguyễn Văn An"


def test_roster_xlsx_formula_cells(tmp_path: Path) -> None:
    read_roster = _roster_api()
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
    read_roster = _roster_api()
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
    _assert_inert(people)


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
    read_roster = _roster_api()
    path = _write(tmp_path, name, data)
    try:
        people = read_roster(path)
    except InputError as err:
        assert name in str(err)
    else:
        assert [p.name for p in people] == ["Nguyễn Văn An"]


@FAST
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")))
def test_read_roster_arbitrary_bytes_raises_only_input_error(data: bytes) -> None:
    read_roster = _roster_api()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ds.csv"
        path.write_bytes(data)
        try:
            people = read_roster(path)
        except InputError as err:
            assert "ds.csv" in str(err)
            _assert_message_inert(err)
            return
    _assert_inert(people)
    for person in people:
        assert person.name and unicodedata.is_normalized("NFC", person.name)


# == bundles ================================================================================


def _bundle_api() -> Any:
    return pytest.importorskip("facilitator.bundle.io")


def _valid_session(session_id: str = "2024-05-10-chi-bo-khoi-dan-van") -> Session:
    base = demo_session(session_id, people=6)
    at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    return base.with_changes(
        status="running",
        attendance=(
            Attendance("p0001", "present"),
            Attendance("p0002", "late", arrived_at=at),
            Attendance("p0003", "absent-excused", reason="Ốm"),
        ),
        notes=(Note("n1", "phan-1", at, "Ý kiến thứ nhất", speaker="p0001"),),
        votes=(Vote("phan-2", "Thông qua nghị quyết", 4, 0, 0, 5),),
        conclusion="Kết luận của chủ trì",
    )


def _valid_bundle() -> dict[str, Any]:
    return json.loads(json.dumps(_valid_session().to_dict()))


# (JSON path, how to reach it) for every required field of the spec.
REQUIRED = [
    "format", "id", "status", "unit", "unit.name", "title", "kind", "place", "started_at",
    "content", "content.id", "content.version", "content.sources", "roles", "people",
    "people[0].id", "people[0].name", "people[0].category", "attendance",
    "attendance[0].person", "attendance[0].status", "agenda", "agenda[0].id",
    "agenda[0].title", "agenda[0].kind", "agenda[0].minutes", "notes", "notes[0].id",
    "notes[0].item", "notes[0].at", "notes[0].kind", "notes[0].text", "votes",
    "votes[0].item", "votes[0].question", "votes[0].for", "votes[0].against",
    "votes[0].other", "votes[0].base", "conclusion",
]  # fmt: skip


def _parent_and_key(data: dict[str, Any], field: str) -> tuple[Any, str]:
    parts = field.replace("[0]", ".0").split(".")
    node: Any = data
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    return node, parts[-1]


def _wrong_type(value: Any) -> Any:
    if isinstance(value, str):
        return 42
    if isinstance(value, bool | int):
        return "năm"
    return "sai kiểu"


def _write_json(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_valid_bundle_round_trips(tmp_path: Path) -> None:
    io = _bundle_api()
    path = _write_json(tmp_path, "buoi.json", _valid_bundle())
    assert io.read_bundle(path) == _valid_session()


@pytest.mark.parametrize("field", REQUIRED)
@pytest.mark.parametrize("damage", ["removed", "wrong-type"])
def test_each_required_field_is_named_by_json_path(tmp_path: Path, field: str, damage: str) -> None:
    io = _bundle_api()
    data = _valid_bundle()
    parent, key = _parent_and_key(data, field)
    if damage == "removed":
        del parent[key]
    else:
        parent[key] = _wrong_type(parent[key])
    path = _write_json(tmp_path, "hong.json", data)
    with pytest.raises(InputError) as caught:
        io.read_bundle(path)
    message = str(caught.value)
    assert "hong.json" in message
    assert f"$.{field}" in message, message
    assert any(p.where == f"$.{field}" for p in caught.value.problems)
    assert "Traceback" not in message and "KeyError" not in message


@pytest.mark.parametrize("version", ["facilitator.session/2", "facilitator.session/0", 1, None])
def test_wrong_format_version(tmp_path: Path, version: Any) -> None:
    io = _bundle_api()
    data = _valid_bundle()
    data["format"] = version
    with pytest.raises(InputError) as caught:
        io.read_bundle(_write_json(tmp_path, "v2.json", data))
    message = str(caught.value)
    assert "$.format" in message and "v2.json" in message
    assert "facilitator.session/1" in message
    assert len(caught.value.problems) == 1  # another version's shape is not listed field by field


def test_huge_attendance_gives_bounded_fast_errors(tmp_path: Path) -> None:
    io = _bundle_api()
    data = _valid_bundle()
    data["attendance"] = [{"person": f"x{i}", "status": "có mặt"} for i in range(200_000)]
    path = _write_json(tmp_path, "lon.json", data)
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        io.read_bundle(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"{elapsed:.2f} s"
    assert 1 < len(caught.value.problems) <= 250
    assert len(str(caught.value)) < 100_000
    assert "$.attendance[0].person" in str(caught.value)


def test_huge_valid_looking_duplicates_are_bounded(tmp_path: Path) -> None:
    io = _bundle_api()
    data = _valid_bundle()
    data["attendance"] = [{"person": "p0001", "status": "present"}] * 200_000
    data["notes"] = [data["notes"][0]] * 50_000
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        io.read_bundle(_write_json(tmp_path, "trung.json", data))
    assert time.perf_counter() - started < 5.0
    assert len(caught.value.problems) <= 250


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("trong.json", b""),
        ("mang.json", b"[]"),
        ("so.json", b"42"),
        ("cat.json", b'{"format": "facilitator.session/1", "id": '),
        ("sau.json", b"[" * 200_000),
        ("sau2.json", b'{"a":' * 100_000),
        ("nan.json", b'{"format": "facilitator.session/1", "x": NaN}'),
        ("bigint.json", b'{"format": "facilitator.session/1", "x": ' + b"9" * 10_000 + b"}"),
        ("latin1.json", '{"title": "Nguyễn"}'.encode("cp1258", "replace") + b"\xff"),
    ],
)
def test_broken_json_files(tmp_path: Path, name: str, raw: bytes) -> None:
    io = _bundle_api()
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        io.read_bundle(path)
    assert name in str(caught.value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@FAST
@given(json_values)
def test_read_bundle_arbitrary_json_raises_only_input_error(value: Any) -> None:
    io = _bundle_api()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.json"
        path.write_text(json.dumps(value), "utf-8")
        with pytest.raises(InputError) as caught:
            io.read_bundle(path)
        _assert_message_inert(caught.value)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


VALID_PATHS = list(_paths(_valid_bundle()))[1:]


@FAST
@given(st.sampled_from(VALID_PATHS), json_values | st.sampled_from([HOSTILE, "", -1, 0, 1e308]))
def test_mutated_bundle_is_valid_or_input_error(where: tuple[Any, ...], value: Any) -> None:
    """One field of a valid bundle replaced by anything: either a located InputError, or a
    session that is itself valid again (never a crash further down the line)."""
    io = _bundle_api()
    from facilitator.bundle.validate import validate_session

    data = copy.deepcopy(_valid_bundle())
    node: Any = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    try:
        session = io.session_from_data(data, "x.json")
    except InputError as err:
        assert "x.json" in str(err)
        _assert_message_inert(err)
        return
    assert validate_session(session.to_dict()) == []


C1_CSI = "\x9b2J"


def test_bundle_errors_do_not_echo_control_characters(tmp_path: Path) -> None:
    """A rejected value is quoted in the message, which the CLI prints to the terminal:
    C0 codes are escaped by json.dumps, but C1 ones (U+0080-U+009F, 8-bit CSI) must go too."""
    io = _bundle_api()
    data = _valid_bundle()
    data["attendance"][0]["status"] = f"{C1_CSI}{HOSTILE}"
    data["people"][0]["category"] = f"x{C1_CSI}"
    with pytest.raises(InputError) as caught:
        io.read_bundle(_write_json(tmp_path, "c1.json", data))
    assert "$.attendance[0].status" in str(caught.value)
    _assert_message_inert(caught.value)


def test_roster_and_pack_errors_do_not_echo_control_characters(tmp_path: Path) -> None:
    read_roster = _roster_api()
    path = _write(tmp_path, "c1.csv", f"Họ và tên,Loại\nNguyễn Văn An,sếp{C1_CSI}{HOSTILE}\n")
    with pytest.raises(InputError) as caught:
        read_roster(path)
    _assert_message_inert(caught.value)
    with pytest.raises(InputError) as caught:
        parse_pack(f"---\nid: thu{C1_CSI}\n---\n{{minutes={C1_CSI}{HOSTILE}}}\n## A\n", "g.md")
    _assert_message_inert(caught.value)


def test_import_with_one_invalid_file_writes_nothing(tmp_path: Path) -> None:
    bundles = pytest.importorskip("facilitator.services.bundles")
    good = _valid_bundle()
    other = _valid_bundle()
    other["id"] = "2024-06-10-chi-bo-khoi-dan-van"
    bad = _valid_bundle()
    bad["id"] = "2024-07-10-chi-bo-khoi-dan-van"
    bad["attendance"][0]["status"] = "có mặt"
    files = [
        _write_json(tmp_path, "a.json", good),
        _write_json(tmp_path, "b-hong.json", bad),
        _write_json(tmp_path, "c.json", other),
    ]
    store = Store(tmp_path / "data")
    with pytest.raises(InputError) as caught:
        bundles.import_bundles(store, files)
    message = str(caught.value)
    assert "b-hong.json" in message and "$.attendance[0].status" in message
    assert store.session_ids() == []
    assert [p.name for p in store.root.iterdir() if not p.name.startswith(".")] == []
    result = bundles.import_bundles(store, [files[0], files[2]])  # the good ones alone do
    assert sorted(result.ids) == [good["id"], other["id"]]
    assert store.load_session(good["id"]) == _valid_session()


def test_import_same_id_twice_writes_nothing(tmp_path: Path) -> None:
    bundles = pytest.importorskip("facilitator.services.bundles")
    files = [_write_json(tmp_path, f"{n}.json", _valid_bundle()) for n in ("a", "b")]
    store = Store(tmp_path / "data")
    with pytest.raises(InputError) as caught:
        bundles.import_bundles(store, files)
    assert "b.json" in str(caught.value)
    assert store.session_ids() == []


# == exports and the audience ===============================================================


def _hostile_session() -> Session:
    session = _valid_session()
    at = datetime(2024, 5, 10, 8, 5, tzinfo=ICT)
    agenda = tuple(
        dataclasses.replace(
            item,
            title=f"{item.title}{HOSTILE}",
            body=f"- Điểm {HOSTILE}một\n",
            questions=(f"Câu hỏi{HOSTILE}?",),
        )
        for item in session.agenda
    )
    notes = (
        *session.notes,
        Note("n2", "phan-1", at, f"Ý kiến {HOSTILE}có mã điều khiển\x9b2J", speaker="p0002"),
        Note("n3", "phan-2", at, f"Kết luận {HOSTILE}", kind="conclusion"),
    )
    return session.with_changes(
        title=f"Sinh hoạt {HOSTILE}chuyên đề", agenda=agenda, notes=notes, status="closed"
    )


def test_escape_sequences_never_reach_exported_markdown(tmp_path: Path) -> None:
    export = pytest.importorskip("facilitator.export")
    path = export.export_minutes(_hostile_session(), "md", tmp_path / "bien-ban.md")
    text = Path(path).read_text("utf-8")
    assert "có mã điều khiển" in text  # the note is there...
    assert not _has_control(text.replace("\n", "").replace("\t", ""))  # ...without the codes
    assert "pwned" not in text and "[2J" not in text


def test_escape_sequences_from_imported_bundle_never_reach_the_audience(tmp_path: Path) -> None:
    io = _bundle_api()
    audience = pytest.importorskip("facilitator.ui.audience")
    from facilitator.services.live import read_live
    from facilitator.services.session import SessionService

    data = _hostile_session().with_changes(status="running").to_dict()
    session = io.read_bundle(_write_json(tmp_path, "doc-hai.json", data))
    store = Store(tmp_path / "data")
    store.put_session(session)
    service = SessionService.open(store, session.id)
    try:
        service.go_to("phan-1")
    finally:
        service.close()
    view = audience.parse_live(read_live(store.root))
    assert view is not None and view.item is not None
    _assert_inert(view)
    assert view.item.title.startswith("Phần 1")
