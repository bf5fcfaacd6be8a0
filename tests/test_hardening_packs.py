"""Issue #12, content packs (9): an unclosed fence is reported with file:line, not swallowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli.content import content_group
from facilitator.domain.errors import InputError
from facilitator.parsing import parse_pack

FRONT = """---
id: thu
title: Gói thử
kind: chuyen-de
version: "2024.1"
sources:
  - Tài liệu A
---
"""
# FRONT is 8 lines; the body below starts on line 9.
UNCLOSED = """
## Mở đầu

Giới thiệu.

```notes
Nhắc người dẫn chương trình.

## Thảo luận

Nội dung thảo luận.

## Kết luận

Tổng kết.
"""
FENCE_LINE = 14


def test_unclosed_notes_fence_is_reported_at_its_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_pack(FRONT + UNCLOSED, "goi.md")
    located = [str(p) for p in caught.value.problems if p.where == f"goi.md:{FENCE_LINE}"]
    assert located, [str(p) for p in caught.value.problems]
    assert "```notes" in located[0] and "đóng" in located[0]


def test_unclosed_fence_inside_a_quote_is_reported() -> None:
    body = "\n## Mở đầu\n\n> Câu hỏi?\n>\n> ```notes\n> ghi chú\n\n## Hai\n\nChữ.\n"
    with pytest.raises(InputError) as caught:
        parse_pack(FRONT + body, "goi.md")
    assert any(p.where == "goi.md:14" for p in caught.value.problems)


def test_closed_fences_are_fine() -> None:
    body = UNCLOSED.replace("Nhắc người dẫn chương trình.\n", "Nhắc người dẫn chương trình.\n```\n")
    body += "\n> ```notes\n> trong trích dẫn\n> ```\n\n~~~~\nmã\n~~~~~\n"
    pack = parse_pack(FRONT + body, "goi.md")
    assert [item.title for item in pack.items] == ["Mở đầu", "Thảo luận", "Kết luận"]
    assert pack.items[0].presenter_notes == "Nhắc người dẫn chương trình."


def test_content_check_says_the_pack_is_broken(tmp_path: Path) -> None:
    path = tmp_path / "goi.md"
    path.write_text(FRONT + UNCLOSED, encoding="utf-8")
    result = CliRunner().invoke(content_group, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert f"{path}:{FENCE_LINE}" in result.output


# --- 14: YAML problems in Vietnamese ----------------------------------------------------

_ENGLISH = ("mapping", "expected", "found", "character", "token", "while ", "scanning")


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("---\nid: thu\ntitle: a: b\n---\n", 3),
        ("---\nid: thu\n\ttitle: x\n---\n", 3),
        ('---\nid: "thu\n---\n', 2),
        ("---\nid: [a, b\ntitle: x\n---\n", 3),
        ("---\nid: *khong\n---\n", 2),
    ],
)
def test_yaml_errors_are_explained_in_vietnamese(front: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_pack(front + "\n## Mục\n\nChữ.\n", "goi.md")
    problems = [str(p) for p in caught.value.problems if "YAML" in str(p)]
    assert problems, [str(p) for p in caught.value.problems]
    assert problems[0].startswith("goi.md:"), problems[0]
    assert not any(word in problems[0] for word in _ENGLISH), problems[0]
