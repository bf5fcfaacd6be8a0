"""Content packs, what an item holds and how text arrives: body, notes and questions, text
hygiene (NFC, BOM, CRLF, escape sequences, slugs) and reading pack files.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pack_helpers import BODY_START, FRONT, pack, problems_of

from facilitator.domain.content import PackItem
from facilitator.domain.errors import InputError
from facilitator.parsing import MAX_PACK_BYTES, list_packs, load_pack, parse_pack, slugify

# --- item content ------------------------------------------------------------------------------


ITEM = """{minutes=15 framing=goc}
## Trình bày

### Nhóm thứ nhất

- ý một
- ý hai

  ```notes
  ghi chú lồng trong danh sách
  ```

| Cột | Giá trị |
|---|---|
| a | 1 |

> Câu hỏi *thứ nhất*
> còn tiếp?

> Câu hỏi thứ hai?

```notes
Ghi chú riêng cho báo cáo viên.
```

```python
print("khối mã vẫn hiển thị")
```
"""


def test_body_keeps_talking_points_groups_and_tables() -> None:
    (item,) = pack(ITEM).items
    assert "### Nhóm thứ nhất" in item.body_md
    assert "- ý một\n- ý hai" in item.body_md
    assert "| Cột | Giá trị |\n|---|---|\n| a | 1 |" in item.body_md
    assert 'print("khối mã vẫn hiển thị")' in item.body_md


def test_notes_are_never_in_the_body() -> None:
    (item,) = pack(ITEM).items
    assert "ghi chú" not in item.body_md.lower()
    assert "notes" not in item.body_md
    assert item.presenter_notes == (
        "ghi chú lồng trong danh sách\n\nGhi chú riêng cho báo cáo viên."
    )


def test_block_quotes_are_questions_not_body() -> None:
    (item,) = pack(ITEM).items
    assert item.questions == ("Câu hỏi thứ nhất còn tiếp?", "Câu hỏi thứ hai?")
    assert ">" not in item.body_md
    assert "Câu hỏi" not in item.body_md


def test_total_minutes_and_lens_lookup() -> None:
    result = pack(ITEM + "\n{minutes=5}\n## Kết\n")
    assert result.total_minutes == 20
    lens = result.lens(result.items[0].framing or "")
    assert lens is not None and lens.label == "Gốc vững"
    assert result.lens("khong-co") is None
    assert isinstance(result.item("ket"), PackItem)


# --- text hygiene ----------------------------------------------------------------------------


def test_nfd_input_is_normalised_to_nfc() -> None:
    text = unicodedata.normalize("NFD", FRONT + "## Việt Nam vững mạnh\n\n- Đoàn kết\n")
    assert text != unicodedata.normalize("NFC", text)
    result = parse_pack(text, "goi.md")
    (item,) = result.items
    assert item.title == "Việt Nam vững mạnh"
    assert unicodedata.is_normalized("NFC", item.body_md)
    assert result.framing[0].label == "Gốc vững"
    assert item.id == "viet-nam-vung-manh"


def test_bom_does_not_hide_the_front_matter() -> None:
    result = parse_pack("\ufeff" + FRONT + "## Mục\n", "goi.md")
    assert result.id == "thu"
    assert [item.title for item in result.items] == ["Mục"]


def test_crlf_line_endings_keep_line_numbers() -> None:
    text = (FRONT + "## Một\n\n{framing=sai}\n## Hai\n").replace("\n", "\r\n")
    found = problems_of(text)
    assert len(found) == 1
    assert found[0].startswith(f'goi.md:{BODY_START + 2}: khung "sai"')


def test_terminal_escapes_and_controls_are_stripped_everywhere() -> None:
    esc_front = FRONT.replace("title: Gói thử", "title: Gói\x1b]0;pwned\x07 thử\x1b[2J")
    body = (
        "## Mục \x1b[31mđỏ\x1b[0m\x07\n\n- ý\tmột\x9b6n\x00\n\n> hỏi\x1bc?\n\n"
        "```notes\nghi\x1b[1m chú\x7f\n```\n\n{framing=sai\x1b[0m}\n## Sai ở đây\n"
    )
    with pytest.raises(InputError) as caught:
        parse_pack(esc_front + body, "goi.md")
    # The escapes never shift a line: the bad framing is still reported where it was written.
    (problem,) = caught.value.problems
    assert problem.where == f"goi.md:{BODY_START + 10}"

    result = parse_pack(esc_front + body.replace("framing=sai", "framing=goc"), "goi.md")
    assert result.title == "Gói thử"
    first = result.items[0]
    assert first.title == "Mục đỏ"
    assert first.body_md == "- ý\tmột6n"
    assert first.questions == ("hỏi?",)
    assert first.presenter_notes == "ghi chú"
    everything = repr(result)
    assert "\\x1b" not in everything and "\\x07" not in everything and "\\x9b" not in everything


def test_slugify_strips_vietnamese_diacritics() -> None:
    assert slugify("Điểm danh, báo cáo số lượng") == "diem-danh-bao-cao-so-luong"
    assert slugify("ĐỐI NGOẠI -- Việt Nam!") == "doi-ngoai-viet-nam"
    assert slugify(unicodedata.normalize("NFD", "Cộng sản Việt Nam")) == "cong-san-viet-nam"
    assert slugify("???") == ""


def test_item_with_an_unsluggable_title_gets_a_positional_id() -> None:
    result = pack("## Mục\n\n## ???\n")
    assert result.items[1].id == "muc-2"


# --- files -------------------------------------------------------------------------------------


def test_load_pack_reads_a_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + (FRONT + "## Mục\n").encode("utf-8"))
    assert load_pack(path).items[0].title == "Mục"


def test_non_utf8_file_names_the_file_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.md"
    good = (FRONT + "## Mục\n\n").encode("utf-8")
    path.write_bytes(good + "- Đoàn\n".encode("cp1258"))
    with pytest.raises(InputError) as caught:
        load_pack(path)
    (problem,) = caught.value.problems
    bad_offset = len(good) + 2  # after "- ": "Đ" is 0xD0 in cp1258, then "o" cannot follow it
    assert problem.where == f"{path}:{BODY_START + 2}"
    assert f"byte lỗi ở vị trí {bad_offset}" in problem.message
    assert "UTF-8" in problem.message


def test_missing_file_is_an_input_error_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_pack(tmp_path / "khong-co.md")
    assert [p.message for p in caught.value.problems] == ["không tìm thấy tệp"]


def test_oversize_input_is_refused(tmp_path: Path) -> None:
    huge = FRONT + "## Mục\n\n" + "x" * MAX_PACK_BYTES
    with pytest.raises(InputError) as caught:
        parse_pack(huge, "lon.md")
    assert "quá lớn" in caught.value.problems[0].message
    path = tmp_path / "lon.md"
    path.write_text(huge, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_pack(path)
    assert caught.value.problems[0].where == str(path)


def test_list_packs_skips_the_readme_and_keeps_broken_packs(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Hướng dẫn\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(FRONT + "## Mục\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("không có gì\n", encoding="utf-8")
    entries = list_packs(tmp_path)
    assert [Path(entry.path).name for entry in entries] == ["a.md", "b.md"]
    assert entries[0].ok and entries[0].pack is not None and entries[0].pack.id == "thu"
    assert not entries[1].ok and entries[1].error is not None
