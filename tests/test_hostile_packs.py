"""Hostile content packs: arbitrary and pack-like text, malformed YAML,
oversized files, deep nesting, terminal escape sequences and NFD text only ever fail
with a located InputError.

Every error must be a Vietnamese message that names the place (file, line or cell, JSON
path), and a failed import must write nothing (the other hostile files: test_hostile_*.py).
"""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from hostile_helpers import FAST, HOSTILE, all_strings, assert_inert, assert_message_inert
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.errors import InputError
from facilitator.parsing import load_pack, parse_pack

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
        assert_message_inert(err)
        return
    assert_inert(pack)


@FAST
@given(pack_text, pack_text)
def test_parse_pack_pack_like_text_raises_only_input_error(front: str, body: str) -> None:
    for text in (front + body, FRONT + body, front + BODY):
        try:
            pack = parse_pack(text, "goi.md")
        except InputError as err:
            assert "goi.md" in str(err)
            assert_message_inert(err)
            continue
        assert_inert(pack)


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
    assert_inert(pack)
    assert pack.title == "Gói thử"
    (item,) = pack.items
    assert item.title == "Trình bày đỏ"
    assert "Điểm một" in item.body_md and "Điểm hai" in item.body_md
    assert item.questions == ("Câu hỏi thảo luận?",)


def test_nfd_pack_becomes_nfc() -> None:
    pack = parse_pack(unicodedata.normalize("NFD", FRONT + BODY), "goi.md")
    for text in all_strings(pack):
        assert unicodedata.is_normalized("NFC", text)
    assert pack.title == "Gói thử"
