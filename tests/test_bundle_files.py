"""Session bundles, reading and writing files: UTF-8 JSON bytes, round trips with unknown
fields, no overwrite, NFC, BOM, encoding and JSON errors located, size and depth limits.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from bundle_helpers import (
    bundle_fixture,  # noqa: F401  (the ``bundle`` fixture)
    make_session,
    write_json,
)

from facilitator.bundle import io as bundle_io
from facilitator.bundle.io import bundle_bytes, read_bundle, write_bundle
from facilitator.domain.errors import FacilitatorError, InputError

# --- reading and writing files ---------------------------------------------------------


def test_bundle_bytes_are_readable_utf8_json(tmp_path: Path) -> None:
    data = bundle_bytes(make_session())
    text = data.decode("utf-8")
    assert "Nguyễn Văn An" in text  # not \u escapes
    assert text.startswith('{\n  "format": "facilitator.session/1",')
    assert unicodedata.is_normalized("NFC", text)


def test_written_bundle_reads_back_equal_with_unknown_fields(tmp_path: Path) -> None:
    session = make_session()
    path = write_bundle(session, tmp_path / "b.json")
    loaded = read_bundle(path)
    assert loaded == session
    assert loaded.to_dict() == session.to_dict()  # extras are not part of ==, check them too
    assert loaded.extra == {"x_truong_moi": {"giu": [1, 2]}}
    assert loaded.unit.extra == {"ma_don_vi": 42}
    assert loaded.people[0].extra == {"ghi_chu": "x"}
    assert (loaded.people[1].ho, loaded.people[1].ten) == ("Tôn Nữ", "Hà")


def test_write_refuses_existing_file_unless_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text("cũ", encoding="utf-8")
    with pytest.raises(FacilitatorError, match="đã tồn tại"):
        write_bundle(make_session(), target)
    assert target.read_text(encoding="utf-8") == "cũ"
    write_bundle(make_session(), target, overwrite=True)
    assert read_bundle(target).id == "2024-05-10-cb-dan-van"


def test_write_into_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FacilitatorError, match="không tồn tại"):
        write_bundle(make_session(), tmp_path / "khong-co" / "b.json")


def test_read_normalises_nfd_text_to_nfc(tmp_path: Path) -> None:
    raw = bundle_bytes(make_session()).decode("utf-8")
    path = tmp_path / "nfd.json"
    path.write_bytes(unicodedata.normalize("NFD", raw).encode("utf-8"))
    loaded = read_bundle(path)
    assert loaded.people[0].name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", loaded.people[0].name)
    assert loaded.unit.name == "Chi bộ Khối Dân vận"


def test_read_normalises_escaped_combining_marks(tmp_path: Path, bundle: dict[str, Any]) -> None:
    bundle["title"] = unicodedata.normalize("NFD", "Học tập nghị quyết")
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle, ensure_ascii=True), encoding="ascii")
    assert read_bundle(path).title == "Học tập nghị quyết"


def test_read_tolerates_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + bundle_bytes(make_session()))
    assert read_bundle(path).title == "Sinh hoạt chuyên đề"


def test_read_reports_non_utf8_with_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{\n"title": "Ngu\xe9n"}')
    with pytest.raises(InputError) as info:
        read_bundle(path)
    assert str(path) in info.value.message
    assert "UTF-8" in info.value.message
    assert "dòng 2" in info.value.message
    assert "byte thứ 15" in info.value.message


def test_read_reports_json_errors_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "a",\n  "title": }\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_bundle(path)
    assert "dòng 3, cột 12" in info.value.message
    assert str(path) in info.value.message


def test_read_refuses_nan(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{"format": "facilitator.session/1", "x": NaN}', encoding="utf-8")
    with pytest.raises(InputError, match="NaN"):
        read_bundle(path)


def test_read_reports_deep_nesting_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match="lồng quá nhiều"):
        read_bundle(path)


def test_read_refuses_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_io, "MAX_BUNDLE_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 101)
    with pytest.raises(InputError, match="quá lớn"):
        read_bundle(path)


def test_read_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Không tìm thấy"):
        read_bundle(tmp_path / "none.json")
    with pytest.raises(InputError, match="thư mục"):
        read_bundle(tmp_path)


def test_read_invalid_bundle_lists_problems_and_names_file(
    tmp_path: Path, bundle: dict[str, Any]
) -> None:
    bundle["attendance"][3]["status"] = "?"
    path = write_json(tmp_path / "bad.json", bundle)
    with pytest.raises(InputError) as info:
        read_bundle(path)
    assert str(path) in info.value.message
    assert [p.where for p in info.value.problems] == ["$.attendance[3].status"]
