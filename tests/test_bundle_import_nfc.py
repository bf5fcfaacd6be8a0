"""A bundle with \\u escapes is normalised exactly as the walk over its strings would
(the quick check of its serialisation only spares the walk when nothing changes)."""

from __future__ import annotations

import copy
import json
import unicodedata
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from facilitator.bundle.io import nfc_tree, parse_bundle_bytes

# Letters that compose, marks (in and out of canonical order), characters NFC replaces,
# and what the serialisation escapes: quote, backslash, control characters.
ALPHABET = 'aeoAEOuyđ\u0300\u0301\u0302\u0303\u0309\u0323\u031b\u0306\u212b\u0340"\\\x1b\x1e\x00\n '
texts = st.text(alphabet=ALPHABET, max_size=12)
values = st.recursive(
    st.none() | st.integers() | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


def _expected(value: Any) -> Any:
    return nfc_tree(copy.deepcopy(value))


@given(value=values, ascii_only=st.booleans())
def test_parsed_strings_are_nfc_as_the_walk_makes_them(value: Any, ascii_only: bool) -> None:
    raw = json.dumps({"v": value}, ensure_ascii=ascii_only).encode("utf-8")
    parsed = parse_bundle_bytes(raw, "b.json")
    assert parsed == _expected(json.loads(raw))
    assert json.dumps(parsed, ensure_ascii=False) == json.dumps(
        _expected(json.loads(raw)), ensure_ascii=False
    )


def test_an_escaped_letter_before_a_mark_is_composed() -> None:
    raw = b'{"a": "\\u0065\\u0301", "b": "\\u001e\xcc\x81", "\\u0041\\u030a": 1}'
    parsed = parse_bundle_bytes(raw, "b.json")
    assert parsed["a"] == "é"
    assert parsed["b"] == "\x1e\u0301"
    assert list(parsed)[-1] == "Å"
    assert all(unicodedata.is_normalized("NFC", k + str(v)) for k, v in parsed.items())
