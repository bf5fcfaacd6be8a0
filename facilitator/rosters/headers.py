"""Header words of a roster file, shared by the reader (delimiter sniffing) and importer."""

from __future__ import annotations

import re

from facilitator.domain.vietnamese import fold

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("ho va ten", "ho ten", "ho va ten dang vien", "ten day du", "name", "full name"),
    "ho": ("ho",),
    # Họ and đệm in one column, under a merged "Họ và tên" or on its own.
    "hodem": ("ho va dem", "ho dem", "ho va ten dem", "ho va chu lot", "ho lot"),
    "dem": ("dem", "ten dem", "ten lot", "chu lot"),
    "ten": ("ten",),
    "category": ("loai", "phan loai", "dang vien", "loai dang vien", "category"),
    "position": ("chuc vu", "chuc danh", "position"),
    "exempt": ("mien sinh hoat", "mien sh", "msh", "exempt"),
    "temporary": ("sinh hoat tam thoi", "shtt", "sht", "tam thoi", "temporary"),
}
HEADER_OF = {alias: column for column, aliases in HEADERS.items() for alias in aliases}
NAME_COLUMNS = frozenset({"name", "ho", "hodem", "ten"})
"""Columns that make a row a header row (and a separator the right one)."""

_NON_WORD = re.compile(r"[^a-z0-9]+")


def token(text: str) -> str:
    """Folded, punctuation-free form for matching headers and keyword values."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def is_name_header(text: str) -> bool:
    """Whether a cell's text is one of the name column headers."""
    return HEADER_OF.get(token(text)) in NAME_COLUMNS
