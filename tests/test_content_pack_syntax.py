"""Content packs, the syntax of spec/content-pack.md: front matter, items (headings) and their
attribute lines, and every problem located at its line.
"""

from __future__ import annotations

import pytest
from pack_helpers import BODY_START, FRONT, body_problems, pack, problems_of

from facilitator.domain.content import ITEM_KINDS, FramingLens
from facilitator.parsing import parse_pack

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


def test_braces_in_plain_text_mentioning_id_are_body_text() -> None:
    text = (
        "---\nid: p\ntitle: P\nkind: thuong-ky\nversion: '1'\nsources: [Kế hoạch]\n---\n\n"
        "## Mục\n\n{Phần dành cho chi bộ có id riêng}: đọc kỹ trước khi sinh hoạt.\n"
    )
    pack = parse_pack(text, "p.md")
    assert "id riêng" in pack.items[0].body_md
