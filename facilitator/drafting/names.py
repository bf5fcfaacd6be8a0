"""Organisation names out of a letterhead's capitals: "HUYỆN ỦY DI LINH" -> "Huyện ủy Di Linh".

Letterheads are all capitals, sources and minutes are not: the organisation words get
their official casing and what is left (the place names) is capitalised word by word.
"""

from __future__ import annotations

import re

from facilitator.domain.vietnamese import fold

ORGANISATION_WORDS = (
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Tổ chức",
    "Ban Tuyên giáo và Dân vận",
    "Ủy ban Kiểm tra",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Huyện ủy",
    "Tỉnh ủy",
    "Thành ủy",
    "Thị ủy",
    "Quận ủy",
    "Đảng ủy",
    "Chi ủy",
    "Chi bộ",
    "Đảng bộ",
    "Đảng đoàn",
    "Ban cán sự đảng",
    "Hội Cựu chiến binh",
    "Hội Liên hiệp Phụ nữ",
    "Hội Nông dân",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Công đoàn",
    "Thường trực",
    "Hội",
    "tỉnh",
    "huyện",
    "thị xã",
    "thị trấn",
    "thành phố",
    "quận",
    "phường",
    "xã",
    "thôn",
    "bản",
    "buôn",
    "tổ dân phố",
    "khu phố",
    "khối",
    "cơ quan",
    "trường",
)
ACRONYMS = frozenset({"UBND", "HĐND", "MTTQ", "CCB", "BCH", "BTV", "TW", "VN", "CB", "ĐB"})

_BY_WORDS = sorted(
    ((tuple(fold(name).split()), name) for name in ORGANISATION_WORDS),
    key=lambda entry: -len(entry[0]),
)
# "UỶ" (old tone placement) and "ỦY" are both written: the official casing uses "ủy".
_SPELLINGS = (("UỶ", "ỦY"), ("Uỷ", "Ủy"), ("uỷ", "ủy"))


def _respell(text: str) -> str:
    for old, new in _SPELLINGS:
        text = text.replace(old, new)
    return text


def _proper(word: str) -> str:
    if word.upper() in ACRONYMS or word.isdigit():
        return word.upper()
    return word[:1].upper() + word[1:].lower()


def organisation_case(text: str) -> str:
    """Official casing of an organisation written in capitals (other text left as is)."""
    words = _respell(text).split()
    if not words or any(ch.islower() for ch in text):
        return " ".join(words)
    keys = [fold(word) for word in words]
    out: list[str] = []
    index = 0
    while index < len(words):
        for key, name in _BY_WORDS:
            if tuple(keys[index : index + len(key)]) == key:
                out.append(name if out or not name[0].islower() else name.capitalize())
                index += len(key)
                break
        else:
            out.append(_proper(words[index]))
            index += 1
    return " ".join(out)


PROPER_WORDS = ("Việt Nam", "Đảng", "Hồ Chí Minh", "Nhân dân", "Tổ quốc", "Nhà nước", "Trung ương")


def sentence_case(text: str) -> str:
    """A title written in capitals, as a sentence: "SINH HOẠT CHI BỘ…" -> "Sinh hoạt chi bộ…".

    Text that has small letters is left as written; the few proper words a plan's title
    carries keep their capitals.
    """
    if any(ch.islower() for ch in text):
        return text
    lowered = text.lower()
    for word in PROPER_WORDS:
        lowered = re.sub(rf"\b{re.escape(word.lower())}\b", word, lowered)
    return lowered[:1].upper() + lowered[1:]
