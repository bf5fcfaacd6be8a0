"""Advance widths of Times New Roman, to lay out header columns without a renderer.

Word and LibreOffice break a header line where it overflows its column; deciding the
column widths (national title on one line) and where an organisation name may break
needs the printed width of a line. The widths are those of Liberation Serif, which is
metric-compatible with Times New Roman by design (the same advance for every
character), in font units of 1/2048 em. Vietnamese letters take the advance of their
base letter, except the horned Ơ/Ư, which are wider and listed.
"""

from __future__ import annotations

import unicodedata

UNITS_PER_EM = 2048
MM_PER_POINT = 25.4 / 72
_HORN = "\u031b"
_CHARSET = "".join(map(chr, range(32, 127))) + "ĐđƯưƠơ–—…“”‘’•"


def _widths(table: str) -> tuple[int, ...]:
    return tuple(int(width) for width in table.split())


_REGULAR = _widths(
    """
512 682 836 1024 1024 1706 1593 369 682 682 1024 1155 512 682 512 569 1024 1024 1024
1024 1024 1024 1024 1024 1024 1024 569 569 1155 1155 1155 909 1886 1479 1366 1366 1479
1251 1139 1479 1479 682 797 1479 1251 1821 1479 1479 1139 1479 1366 1139 1251 1479 1479
1933 1479 1479 1251 682 569 682 961 1024 682 909 1024 909 1024 909 682 1024 1024 569 569
1024 569 1593 1024 1024 1024 1024 682 797 569 1024 1024 1479 1024 1024 909 983 410 983
1108 1479 1024 1589 1110 1479 1083 1024 2048 2048 909 909 682 682 717
"""
)
_BOLD = _widths(
    """
512 682 1137 1024 1024 2048 1706 569 682 682 1024 1167 512 682 512 569 1024 1024 1024
1024 1024 1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1905 1479 1366 1479 1479
1366 1251 1593 1593 797 1024 1593 1366 1933 1479 1593 1251 1593 1479 1139 1366 1479 1479
2048 1479 1479 1366 682 569 682 1190 1024 682 1024 1139 909 1139 909 682 1024 1139 569
682 1139 569 1706 1139 1024 1139 1139 909 797 682 1139 1024 1479 1024 1024 909 807 451
807 1065 1479 1139 1630 1229 1593 1134 1024 2048 2048 1024 1024 682 682 717
"""
)
_ITALIC = _widths(
    """
512 682 860 1024 1024 1706 1593 438 682 682 1024 1382 512 682 512 569 1024 1024 1024
1024 1024 1024 1024 1024 1024 1024 682 682 1382 1382 1382 1024 1884 1251 1251 1366 1479
1251 1251 1479 1479 682 909 1366 1139 1706 1366 1479 1251 1479 1251 1024 1139 1479 1251
1706 1251 1139 1139 797 569 797 864 1024 682 1024 1024 909 1024 909 569 1024 1024 569
569 909 569 1479 1024 1024 1024 1024 797 797 569 1024 909 1366 909 909 797 819 563 819
1108 1479 1024 1544 1117 1479 1093 1024 1821 1821 1139 1139 682 682 717
"""
)
_TABLES = {
    (False, False): dict(zip(_CHARSET, _REGULAR, strict=True)),
    (True, False): dict(zip(_CHARSET, _BOLD, strict=True)),
    (False, True): dict(zip(_CHARSET, _ITALIC, strict=True)),
}
_FALLBACK = 1024  # half an em: an unknown character (rare in a header)


def _base(char: str) -> str:
    """The character whose advance ``char`` has: "Ế" -> "E", "Ự" -> "Ư"."""
    decomposed = unicodedata.normalize("NFD", char)
    if _HORN in decomposed:
        return unicodedata.normalize("NFC", decomposed[0] + _HORN)
    return decomposed[0]


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Printed width of ``text`` set in Times New Roman at ``size_pt`` (bold italic is
    measured as bold, within 1% for capitals)."""
    table = _TABLES[(bold, italic and not bold)]
    units = 0
    for char in text:
        width = table.get(char)
        if width is None:
            width = table.get(_base(char), _FALLBACK)
        units += width
    return units / UNITS_PER_EM * size_pt * MM_PER_POINT
