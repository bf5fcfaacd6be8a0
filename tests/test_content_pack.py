"""Content packs: parsing rules of spec/content-pack.md, the shipped packs and `content check`."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli.content import content_group
from facilitator.domain.content import ITEM_KINDS, ContentPack, FramingLens, PackItem
from facilitator.domain.errors import InputError
from facilitator.parsing import (
    MAX_PACK_BYTES,
    list_packs,
    load_pack,
    parse_pack,
    slugify,
)

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"

FRONT = """---
id: thu
title: Gói thử
kind: chuyen-de
version: "2024.1"
sources:
  - Tài liệu A
framing:
  goc: {label: Gốc vững, meaning: Nền tảng}
  than: {label: Thân chắc, meaning: Đoàn kết}
questions:
  - Câu hỏi thu hoạch?
---
"""
# FRONT is 13 lines, so the body below it starts on file line 14.
BODY_START = 14


def pack(body: str, front: str = FRONT) -> ContentPack:
    return parse_pack(front + body, "goi.md")


def problems_of(text: str, path: str = "goi.md") -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_pack(text, path)
    return [str(problem) for problem in caught.value.problems]


def body_problems(body: str) -> list[str]:
    return problems_of(FRONT + body)


# --- front matter ------------------------------------------------------------------------------


def test_front_matter_fields_are_read() -> None:
    result = pack("## Mục\n")
    assert result.id == "thu"
    assert result.title == "Gói thử"
    assert result.kind == "chuyen-de"
    assert result.version == "2024.1"
    assert result.sources == ("Tài liệu A",)
    assert result.framing == (
        FramingLens("goc", "Gốc vững", "Nền tảng"),
        FramingLens("than", "Thân chắc", "Đoàn kết"),
    )
    assert result.questions == ("Câu hỏi thu hoạch?",)
    assert result.path == "goi.md"


def test_front_matter_is_never_an_item() -> None:
    result = pack("## Mục duy nhất\n")
    assert [item.title for item in result.items] == ["Mục duy nhất"]
    assert all("id:" not in item.body_md and "---" not in item.body_md for item in result.items)


def test_unquoted_version_keeps_the_authors_spelling() -> None:
    # yaml.safe_load would turn 2024.10 into the float 2024.1.
    result = pack("## Mục\n", FRONT.replace('version: "2024.1"', "version: 2024.10"))
    assert result.version == "2024.10"


def test_missing_front_matter_is_reported_at_line_1() -> None:
    found = problems_of("# Tiêu đề\n\n## Mục\n")
    assert len(found) == 1
    assert found[0].startswith("goi.md:1: thiếu phần khai báo ở đầu tệp")


def test_unclosed_front_matter_never_becomes_an_item() -> None:
    found = problems_of("---\nid: thu\ntitle: Gói thử\n\n## Mục\n")
    assert found == ["goi.md:1: phần khai báo ở đầu tệp chưa được đóng lại bằng một dòng '---'"]


def test_every_front_matter_problem_is_reported_with_its_line() -> None:
    front = """---
id: Sai_Ma
title:
kind: hop-chi-bo
sources: Tài liệu A
framing:
  goc: {meaning: Không có tên}
  than: {label: Thân chắc, mau: do}
tac-gia: Ai đó
---
"""
    found = problems_of(front + "## Mục\n")
    assert found == [
        'goi.md:1: thiếu trường bắt buộc "version" trong phần khai báo ở đầu tệp',
        'goi.md:2: mã gói "Sai_Ma" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu '
        'gạch ngang (ví dụ "cay-tre")',
        'goi.md:3: thiếu trường bắt buộc "title" trong phần khai báo ở đầu tệp',
        found[3],
        'goi.md:5: trường "sources" phải là danh sách tài liệu, mỗi dòng bắt đầu bằng "- "',
        'goi.md:7: khung "goc" thiếu "label" (tên hiển thị)',
        'goi.md:8: khung "than" có trường "mau" không được hỗ trợ; chỉ dùng "label" và "meaning"',
        found[7],
    ]
    assert found[3].startswith('goi.md:4: loại gói "hop-chi-bo" không hợp lệ')
    assert found[7].startswith('goi.md:9: trường "tac-gia" không được hỗ trợ')


def test_yaml_syntax_error_names_the_real_file_line() -> None:
    front = FRONT.replace("kind: chuyen-de", "kind: [chuyen-de")
    found = problems_of(front + "## Mục\n")
    assert len(found) == 1
    # The bad flow sequence opens on file line 4; YAML notices it on the next line.
    assert found[0].startswith("goi.md:5: phần khai báo ở đầu tệp viết sai cú pháp YAML")


def test_source_entries_must_be_text() -> None:
    front = FRONT.replace("  - Tài liệu A", "  - Tài liệu A\n  - {a: 1}")
    found = problems_of(front + "## Mục\n")
    assert found == ['goi.md:8: mục thứ 2 của "sources" phải là một dòng chữ']


# --- items and attributes ------------------------------------------------------------------


def test_item_defaults_and_slug_id() -> None:
    (item,) = pack("## Điểm danh, báo cáo số lượng\n").items
    assert item.id == "diem-danh-bao-cao-so-luong"
    assert item.kind == "presentation"
    assert item.minutes == 10
    assert item.framing is None
    assert item.line == BODY_START


def test_attributes_apply_to_the_next_heading_only() -> None:
    body = "{minutes=20 kind=discussion framing=goc id=thao-luan}\n## Thảo luận\n\n## Kết luận\n"
    first, second = pack(body).items
    assert (first.id, first.minutes, first.kind, first.framing) == (
        "thao-luan",
        20,
        "discussion",
        "goc",
    )
    assert (second.id, second.minutes, second.kind, second.framing) == (
        "ket-luan",
        10,
        "presentation",
        None,
    )
    assert first.line == BODY_START + 1
    assert second.line == BODY_START + 3


def test_stacked_attribute_lines_merge_onto_one_heading() -> None:
    (item,) = pack("{minutes=7}\n{kind=vote}\n## Biểu quyết\n").items
    assert (item.minutes, item.kind) == (7, "vote")


def test_attributes_on_a_non_heading_block_are_reported() -> None:
    body = "## Mục\n\n{minutes=5}\n- ý một\n\n{kind=vote}\n### Nhóm\n"
    assert body_problems(body) == [
        f"goi.md:{BODY_START + 2}: dòng thuộc tính {{…}} chỉ được đặt ngay trên một tiêu đề "
        "mục '## '; ở đây nó gắn vào một khối nội dung khác",
        f"goi.md:{BODY_START + 5}: dòng thuộc tính {{…}} chỉ được đặt ngay trên một tiêu đề "
        "mục '## '; ở đây nó gắn vào một khối nội dung khác",
    ]


def test_trailing_attribute_line_is_reported() -> None:
    found = body_problems("## Mục\n\n{minutes=5}\n")
    assert found == [
        f"goi.md:{BODY_START + 2}: dòng thuộc tính {{…}} không đứng trên tiêu đề mục '## ' nào"
    ]


def test_attribute_line_glued_to_a_paragraph_is_reported() -> None:
    # Without a blank line the {...} is paragraph text and "Hai" would silently get defaults.
    found = body_problems("## Một\n\nĐoạn văn.\n{minutes=5}\n## Hai\n")
    assert len(found) == 1
    assert found[0].startswith(f"goi.md:{BODY_START + 3}: dòng thuộc tính {{…}} dính liền")


@pytest.mark.parametrize(
    "line",
    [
        "{minutes=7",
        "{minutes = 7}",
        "{minutes=7.5}",
        "{minutes=7, framing=goc}",
        "{kind=vote id=bieu-quyet",
        "{id: ket-luan}",
    ],
)
def test_malformed_attribute_line_is_reported_not_shown(line: str) -> None:
    # After a blank line, below the previous item: it would silently become a talking point
    # of "Một" while "Hai" kept its defaults.
    found = body_problems(f"## Một\n\nĐoạn văn.\n\n{line}\n## Hai\n")
    assert found == [
        f"goi.md:{BODY_START + 4}: dòng «{line}» trông như dòng thuộc tính nhưng viết sai "
        "nên bị coi là nội dung; viết đúng dạng {minutes=15 kind=discussion framing=… id=…}: "
        "đóng bằng '}', các cặp cách nhau bằng dấu cách (không dùng dấu phẩy), không có dấu "
        "cách quanh '=', số phút là số nguyên"
    ]


def test_malformed_attribute_line_inside_a_paragraph_is_located() -> None:
    found = body_problems("## Một\n\nĐoạn văn.\n{minutes=5\nTiếp theo.\n")
    assert len(found) == 1
    assert found[0].startswith(f"goi.md:{BODY_START + 3}: dòng «{{minutes=5»")


def test_brace_text_without_attribute_names_stays_body_text() -> None:
    (item,) = pack("## Mục\n\n{Ghi chú: đọc chậm}\n\n{x=1\n").items
    assert item.body_md == "{Ghi chú: đọc chậm}\n\n{x=1"


def test_unknown_attributes_are_reported() -> None:
    found = body_problems("{minutes=5 colour=red .lop onclick=x}\n## Mục\n")
    names = sorted(line.split('"')[1] for line in found)
    assert names == ["class", "colour", "onclick"]
    assert all(line.startswith(f"goi.md:{BODY_START}: thuộc tính ") for line in found)


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5", "١٠"])
def test_minutes_must_be_a_positive_integer(value: str) -> None:
    found = body_problems(f'{{minutes="{value}"}}\n## Mục\n')
    assert found == [
        f'goi.md:{BODY_START}: thời lượng "minutes={value}" phải là số phút nguyên dương '
        "(ví dụ minutes=15)"
    ]


def test_absurd_minutes_are_refused() -> None:
    found = body_problems("{minutes=100000}\n## Mục\n")
    assert found == [
        f"goi.md:{BODY_START}: thời lượng 100000 phút quá dài cho một mục (tối đa 480 phút)"
    ]


def test_unknown_item_kind_is_reported() -> None:
    found = body_problems("{kind=party}\n## Mục\n")
    assert len(found) == 1
    assert found[0].startswith(f'goi.md:{BODY_START}: loại mục "party" không hợp lệ')
    assert all(f'"{kind}"' in found[0] for kind in ITEM_KINDS)


def test_undeclared_framing_names_the_key_and_the_line() -> None:
    found = problems_of(FRONT + "{framing=goc2}\n## Mục\n", "content/cay-tre.md")
    assert found == [
        f'content/cay-tre.md:{BODY_START}: khung "goc2" chưa được khai báo trong trường '
        '"framing" ở đầu tệp (các khung đã khai báo: "goc", "than")'
    ]


def test_duplicate_item_ids_are_reported_at_the_second_heading() -> None:
    # Different headings, same slug once diacritics are gone.
    found = body_problems("## Thảo luận\n\n## Thao luan\n\n{id=mot}\n## A\n\n{id=mot}\n## B\n")
    assert found == [
        f'goi.md:{BODY_START + 2}: mã mục "thao-luan" bị trùng với mục ở dòng {BODY_START}; '
        "hãy đổi tiêu đề hoặc đặt id riêng, ví dụ {id=ten-khac}",
        f'goi.md:{BODY_START + 8}: mã mục "mot" bị trùng với mục ở dòng {BODY_START + 5}; '
        "hãy đổi tiêu đề hoặc đặt id riêng, ví dụ {id=ten-khac}",
    ]


def test_explicit_item_id_must_be_a_slug() -> None:
    found = body_problems("{id=Muc_1}\n## Mục\n")
    assert len(found) == 1
    assert found[0].startswith(f'goi.md:{BODY_START}: mã mục "Muc_1" không hợp lệ')


def test_a_pack_without_items_is_an_error() -> None:
    assert body_problems("# Chỉ có tiêu đề\n") == [
        "goi.md:1: gói chưa có mục nào: mỗi mục của chương trình bắt đầu bằng một dòng '## Tiêu đề'"
    ]


def test_setext_heading_is_refused() -> None:
    found = body_problems("## Mục\n\nMột dòng chữ\n---\n")
    assert len(found) == 1
    assert found[0].startswith(f"goi.md:{BODY_START + 2}: dòng '---'")


def test_h1_is_the_shown_title_and_only_one_is_allowed() -> None:
    result = pack("# Tên hiển thị\n\n## Mục\n")
    assert result.heading == "Tên hiển thị"
    assert result.shown_title == "Tên hiển thị"
    assert pack("## Mục\n").shown_title == "Gói thử"
    found = body_problems("# Một\n\n## Mục\n\n# Hai\n")
    assert len(found) == 1
    assert found[0].startswith(f"goi.md:{BODY_START + 4}: chỉ được có một tiêu đề '# '")


def test_content_before_the_first_item_is_reported_but_comments_are_not() -> None:
    found = body_problems("<!-- ghi chú của người soạn -->\n\nLời mở đầu.\n\n## Mục\n")
    assert len(found) == 1
    assert found[0].startswith(f"goi.md:{BODY_START + 2}: nội dung này nằm trước mục")


def test_several_problems_are_reported_together_in_line_order() -> None:
    body = "{minutes=0}\n## Một\n\n{framing=x kind=y}\n## Hai\n\n{zz=1}\n## Một\n"
    found = body_problems(body)
    lines = [int(line.split(":")[1]) for line in found]
    assert lines == sorted(lines)
    assert len(found) == 5
    assert {BODY_START, BODY_START + 3, BODY_START + 6, BODY_START + 7} == set(lines)


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


# --- the shipped packs ---------------------------------------------------------------------


def test_shipped_packs_all_parse() -> None:
    entries = list_packs(CONTENT)
    assert {Path(entry.path).name for entry in entries} == {"cay-tre.md", "thuong-ky.md"}
    assert all(entry.ok for entry in entries), [str(entry.error) for entry in entries]


def test_cay_tre_is_a_full_study_session() -> None:
    result = load_pack(CONTENT / "cay-tre.md")
    assert result.id == "cay-tre"
    assert result.kind == "chuyen-de"
    assert 90 <= result.total_minutes <= 120
    assert [lens.label for lens in result.framing] == [
        "Gốc vững",
        "Thân chắc",
        "Cành uyển chuyển",
    ]
    assert all(lens.meaning for lens in result.framing)
    assert any("172-KH/HU" in source for source in result.sources)
    assert result.questions, "bài thu hoạch needs questions"
    kinds = {item.kind for item in result.items}
    assert kinds == set(ITEM_KINDS)
    assert {item.framing for item in result.items} >= {"goc", "than", "canh"}
    assert result.items[0].kind == "procedure" and result.items[-1].kind == "conclusion"
    discussion = [item for item in result.items if item.kind == "discussion"]
    assert discussion and len(discussion[0].questions) >= 3
    presentations = [item for item in result.items if item.kind == "presentation"]
    assert all("###" in item.body_md and item.presenter_notes for item in presentations)


def test_cay_tre_leaves_out_unverified_lists() -> None:
    text = (CONTENT / "cay-tre.md").read_text(encoding="utf-8")
    assert "05 bài học" not in text and "06 nhiệm vụ" not in text


def test_thuong_ky_is_a_regular_meeting() -> None:
    result = load_pack(CONTENT / "thuong-ky.md")
    assert result.kind == "thuong-ky"
    assert 60 <= result.total_minutes <= 90
    assert result.framing == ()


# --- `content check` -------------------------------------------------------------------------


def test_check_prints_a_summary_for_a_valid_pack() -> None:
    result = CliRunner().invoke(content_group, ["check", str(FIXTURES / "valid.md")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{FIXTURES / 'valid.md'}: hợp lệ",
        "  Mã gói: thu-nghiem",
        "  Tiêu đề: Gói thử nghiệm",
        "  Loại: sinh hoạt thường kỳ",
        "  Phiên bản: 1",
        "  Tài liệu sinh hoạt: 1",
        "  Số mục: 2 (thủ tục: 1, trình bày: 1)",
        "  Khung sử dụng: Gốc vững",
        "  Tổng thời lượng: 25 phút",
        "  Câu hỏi thảo luận: 1",
        "  Câu hỏi thu hoạch: 0",
    ]


def test_check_lists_every_problem_and_exits_1() -> None:
    path = str(FIXTURES / "broken.md")
    result = CliRunner().invoke(content_group, ["check", path])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: có 4 lỗi"
    assert [line.split(": ", 1)[0] for line in lines[1:]] == [
        f"{path}:2",
        f"{path}:12",
        f"{path}:15",
        f"{path}:15",
    ]
    assert 'khung "goc2" chưa được khai báo' in result.output
    assert 'thuộc tính "colour" không được hỗ trợ' in result.output


def test_check_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "khong-co.md")
    result = CliRunner().invoke(content_group, ["check", missing])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.splitlines() == [f"{missing}: có 1 lỗi", f"{missing}: không tìm thấy tệp"]


def test_check_several_files_reports_each_and_a_total() -> None:
    files = [str(CONTENT / "cay-tre.md"), str(FIXTURES / "broken.md")]
    result = CliRunner().invoke(content_group, ["check", *files])
    assert result.exit_code == 1
    assert f"{files[0]}: hợp lệ" in result.output
    assert f"{files[1]}: có 4 lỗi" in result.output
    assert result.output.splitlines()[-1] == "Đã kiểm tra 2 tệp: 1 hợp lệ, 1 có lỗi."


def test_check_of_the_whole_content_folder_skips_its_readme() -> None:
    """The acceptance command `facilitator content check content/*.md` passes."""
    from click.testing import CliRunner

    from facilitator.cli.content import content_group

    files = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "content").glob("*.md"))
    assert any(f.endswith("README.md") for f in files)
    result = CliRunner().invoke(content_group, ["check", *files])
    assert result.exit_code == 0, result.output
    assert "README.md: bỏ qua" in result.output
    assert "Đã kiểm tra 2 tệp: 2 hợp lệ, 0 có lỗi." in result.output


def test_braces_in_plain_text_mentioning_id_are_body_text() -> None:
    text = (
        "---\nid: p\ntitle: P\nkind: thuong-ky\nversion: '1'\nsources: [Kế hoạch]\n---\n\n"
        "## Mục\n\n{Phần dành cho chi bộ có id riêng}: đọc kỹ trước khi sinh hoạt.\n"
    )
    pack = parse_pack(text, "p.md")
    assert "id riêng" in pack.items[0].body_md
