"""Shared pieces of the content-pack tests (tests/test_content_pack_*.py): the folders, a
front matter to put before a body, and parsing helpers that return the pack or its problems.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.domain.content import ContentPack
from facilitator.domain.errors import InputError
from facilitator.parsing import parse_pack

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
