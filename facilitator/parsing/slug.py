"""ASCII slugs of Vietnamese headings, used as default item ids."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Return ``text`` without diacritics, lower case, runs of other characters as ``-``.

    "Điểm danh, báo cáo số lượng" -> "diem-danh-bao-cao-so-luong". đ/Đ has no
    decomposition in Unicode, so it is mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("-", bare.lower()).strip("-")
