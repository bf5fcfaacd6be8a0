"""Recognise and convert text typed in the old 8-bit Vietnamese fonts (TCVN3, VNI).

Offices still keep rosters typed with the ABC fonts (.VnTime, .VnTimeH: TCVN3) or the
VNI fonts (VNI-Times). The file only holds the fonts' byte values, which any program
shows as Windows-1252 characters: "NguyÔn V¨n An" (TCVN3), "Nguyeãn Vaên An" (VNI).
Every function here works on that cp1252 view of the text.

TCVN3 was checked against glibc's TCVN5712-1 (whose lowercase half is TCVN3) and two
converters' tables; VNI against two converters' tables. TCVN3 has no capitals with a
tone: .VnTimeH shows the lowercase codes as capitals, so a word whose other letters are
capitals is capitalised whole ("NGUYÔN" is "NGUYỄN").

Detection is deliberately conservative: a text counts as legacy only when it is not
plausible Vietnamese as it stands and every word becomes a valid Vietnamese syllable
once converted, and most non-ASCII cells of a file must agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache

from facilitator.domain.vietnamese import nfc


class LegacyEncoding(StrEnum):
    """An 8-bit Vietnamese font encoding this module converts."""

    TCVN3 = "tcvn3"
    VNI = "vni"


# Rows: the vowel, then its forms with huyền, hỏi, ngã, sắc, nặng (TCVN3's code order).
_TONE_ORDER = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TCVN3_ROWS: dict[str, tuple[int, ...]] = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_SINGLE = {0xAE: "đ", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư"}
_TCVN3_SINGLE[0xA7] = "Đ"


def _byte_char(value: int) -> str:
    return bytes([value]).decode("cp1252")


def _tcvn3_table() -> dict[str, str]:
    table = {_byte_char(b): letter for b, letter in _TCVN3_SINGLE.items()}
    for vowel, codes in _TCVN3_ROWS.items():
        for tone, code in zip(_TONE_ORDER, codes, strict=True):
            if code >= 0x80:
                table[_byte_char(code)] = nfc(vowel + tone)
    return table


TCVN3_TO_UNICODE: dict[str, str] = _tcvn3_table()
"""TCVN3 code (as its cp1252 character) -> Unicode letter."""

# VNI: a base letter followed by a mark character. Lowercase marks (0xE0-0xFF) and
# capital marks (0xC0-0xDF) draw the same mark at two heights; the base letter's case
# is the letter's case.
_VNI_TONES = {"ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ù": "\u0301", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "á": "\u0301"}
_VNI_CIRCUMFLEX["ä"] = "\u0323"
_VNI_BREVE = {"ê": "", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "é": "\u0301"}
_VNI_BREVE["ë"] = "\u0323"
# Letters VNI writes as one character, lowercase; their capital is the capital code.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị"}
_VNI_SINGLE["î"] = "ỵ"


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(sequence: str, letter: str) -> None:
        table[sequence] = letter
        table[sequence.upper()] = letter.upper()
        if len(sequence) == 2:  # a capital base under a lowercase-height mark
            table[sequence[0].upper() + sequence[1]] = letter.upper()

    for base in "aeiouy":
        for mark, tone in _VNI_TONES.items():
            add(base + mark, nfc(base + tone))
    for base, modified in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for mark, tone in _VNI_CIRCUMFLEX.items():
            add(base + mark, nfc(modified + tone))
    for mark, tone in _VNI_BREVE.items():
        add("a" + mark, nfc("ă" + tone))
    for code, letter in _VNI_SINGLE.items():
        add(code, letter)
    for horned, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            add(horned + mark, nfc(letter + tone))
    return table


VNI_TO_UNICODE: dict[str, str] = _vni_table()
"""VNI sequence (one or two cp1252 characters) -> Unicode letter."""

_VNI_PATTERN = re.compile(
    "|".join(re.escape(s) for s in sorted(VNI_TO_UNICODE, key=len, reverse=True))
)
_TCVN3_PATTERN = re.compile("[" + re.escape("".join(TCVN3_TO_UNICODE)) + "]")
_TCVN3_LOWER = frozenset(ch for ch, letter in TCVN3_TO_UNICODE.items() if letter.islower())

# --- Plausibility ---------------------------------------------------------------------

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?"
_NUCLEUS = "(?:iê|yê|uô|ươ|ia|ya|ua|ưa|oo|[aăâeêioôơuưy])"
# Rhymes closed by a glide (the glide never carries the tone: "ai" is a word, "aí" is not).
_GLIDED = "ai|ay|ao|au|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|uôi|ươi|ươu|iêu|yêu|yu"
_SYLLABLE = re.compile(f"{_ONSET}[ou]?(?:{_GLIDED}|{_NUCLEUS}(?:ch|ng|nh|[cmnpt])?)")
_GLIDES = frozenset("iouy")
_VOWELS = frozenset("aăâeêioôơuưy")
_EDGE_PUNCTUATION = "()[]{}.,;:!?\"'-/"


@lru_cache(maxsize=8192)  # a roster repeats the same few hundred words
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case) is spelt like a Vietnamese syllable: letters only, at
    most one tone, an onset, vowels and a final that Vietnamese spelling allows."""
    decomposed = unicodedata.normalize("NFD", nfc(word).lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = nfc("".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    if not _SYLLABLE.fullmatch(bare):
        return False
    return not tones or not _tone_on_glide(bare, _tone_position(nfc(word).lower()))


def _tone_position(word: str) -> int:
    return next(
        i for i, ch in enumerate(word) if set(unicodedata.normalize("NFD", ch)) & _TONE_MARKS
    )


def _tone_on_glide(bare: str, position: int) -> bool:
    """A tone on a final glide after a vowel ("leõ"), except where that letter is the
    vowel itself: "uý" (thuý), "quí", "giú"."""
    if position != len(bare) - 1 or bare[-1] not in _GLIDES or position == 0:
        return False
    before = bare[position - 1]
    if before not in _VOWELS:
        return False
    if before == "u" and (bare[-1] == "y" or bare[: position - 1].endswith("q")):
        return False
    return not (before == "i" and bare[: position - 1].endswith("g"))


def is_plausible_vietnamese(text: str) -> bool:
    """Whether every word with a non-ASCII letter is a Vietnamese syllable (ASCII words,
    numbers and punctuation are always plausible: codes, abbreviations, foreign names)."""
    for token in text.split():
        word = token.strip(_EDGE_PUNCTUATION)
        if word.isascii():
            continue
        if not is_vietnamese_syllable(word):
            return False
    return True


# --- Conversion -----------------------------------------------------------------------


def _fix_tcvn3_case(original: str, converted: str) -> str:
    """Capitals .VnTimeH drew from lowercase codes: a word whose ASCII letters are all
    capitals is capitalised whole; in a name whose words all start with a capital, a
    word starting with a lowercase code gets a capital too ("¸nh" in "TrÇn ThÞ ¸nh")."""
    words, sources = converted.split(" "), original.split(" ")
    if len(words) != len(sources):
        return converted
    cell_letters = [ch for ch in original if ch.isascii() and ch.isalpha()]
    if len(cell_letters) >= 2 and all(ch.isupper() for ch in cell_letters):
        return converted.upper()  # a title typed in .VnTimeH
    capitalised = all(
        w[:1].isupper() or s[:1] in _TCVN3_LOWER for w, s in zip(words, sources, strict=True) if w
    )
    fixed = []
    for word, source in zip(words, sources, strict=True):
        ascii_letters = [ch for ch in source if ch.isascii() and ch.isalpha()]
        if len(ascii_letters) >= 2 and all(ch.isupper() for ch in ascii_letters):
            word = word.upper()
        elif capitalised and len(words) > 1 and source[:1] in _TCVN3_LOWER:
            word = word[:1].upper() + word[1:]
        fixed.append(word)
    return " ".join(fixed)


@lru_cache(maxsize=4096)  # "Chính thức", "Đảng viên"… repeat on every row
def convert(text: str, encoding: LegacyEncoding) -> str:
    """``text`` (as read through cp1252) converted to Unicode NFC; ASCII is unchanged."""
    if text.isascii():
        return text
    if encoding is LegacyEncoding.TCVN3:
        converted = _TCVN3_PATTERN.sub(lambda m: TCVN3_TO_UNICODE[m.group(0)], text)
        return nfc(_fix_tcvn3_case(text, converted))
    return nfc(_VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text))


def is_legacy_text(text: str, encoding: LegacyEncoding) -> bool:
    """Evidence for ``encoding``: ``text`` is not Vietnamese as it stands, and is once
    converted (every word a syllable, no unconverted mark left)."""
    if text.isascii() or is_plausible_vietnamese(text):
        return False
    converted = convert(text, encoding)
    return converted != text and is_plausible_vietnamese(converted)


# A file is legacy when at least this share of its non-ASCII cells is evidence for one
# encoding: a stray odd cell in a Unicode file cannot tip it.
DETECTION_SHARE = 0.6
# Distinct cells looked at: the first thousand say as much as twenty thousand.
DETECTION_SAMPLE = 1000


def detect_encoding(cells: Iterable[str]) -> LegacyEncoding | None:
    """The legacy encoding most of the distinct non-ASCII ``cells`` (the first
    :data:`DETECTION_SAMPLE`) are written in, or None."""
    candidates = list(dict.fromkeys(cell for cell in cells if not cell.isascii()))
    candidates = candidates[:DETECTION_SAMPLE]
    if not candidates:
        return None
    best: tuple[int, LegacyEncoding] | None = None
    for encoding in LegacyEncoding:
        evidence = sum(is_legacy_text(cell, encoding) for cell in candidates)
        enough = evidence and evidence >= DETECTION_SHARE * len(candidates)
        if enough and (best is None or evidence > best[0]):
            best = (evidence, encoding)
    return best[1] if best else None
