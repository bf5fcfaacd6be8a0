"""Decode a CSV roster's bytes: UTF-8 (BOM or not), UTF-16, or Windows-1258 when certain.

Excel on Vietnamese Windows saves "CSV" in the ANSI code page (cp1258) and "Unicode
text" as UTF-16; both are accepted when the bytes leave no doubt. Legacy 8-bit fonts
(TCVN3/ABC, VNI) reuse the same byte values for other letters: ``legacy_text`` converts
them when it is sure, and a file that only looks legacy is refused here with advice.
"""

from __future__ import annotations

import re
import unicodedata

from facilitator.strings import roster as roster_text

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aăâeêioôơuưy"
_LETTERS = set("bcdđghklmnpqrstvx")
for _vowel in _VOWELS:
    _LETTERS.update(unicodedata.normalize("NFC", _vowel + tone) for tone in ("", *_TONES))
VIETNAMESE_LETTERS = frozenset(_LETTERS | {ch.upper() for ch in _LETTERS})
"""Every lower- and upper-case Vietnamese letter, precomposed (NFC)."""


def _cp1258_letter_bytes() -> frozenset[int]:
    good = set()
    for value in range(0x80, 0x100):
        try:
            char = bytes([value]).decode("cp1258")
        except UnicodeDecodeError:
            continue
        if char in VIETNAMESE_LETTERS or char in _TONES:
            good.add(value)
    return frozenset(good)


_CP1258_LETTERS = _cp1258_letter_bytes()
# Bytes only Vietnamese text produces in cp1258: combining tones, ă đ ơ ư (either case).
_CP1258_EVIDENCE = frozenset(b"\xcc\xec\xd2\xde\xf2\xc3\xe3\xd0\xf0\xd5\xf5\xdd\xfd")
_LEGACY_FONT = re.compile(rb"\.vn[a-z]{3,}|vni[- ][a-z]{3,}", re.IGNORECASE)
# TCVN3 puts ă â ê ô ơ ư đ (and capitals) at 0xA1-0xAE; text in it is full of them.
_TCVN3_MODIFIED = frozenset(range(0xA1, 0xAF))
# VNI writes a base vowel followed by a mark byte (ø ù û õ ï, ä ã for ê/â with tones).
_VNI_PAIR = re.compile(rb"[aeiouyAEIOUY][\xf8\xf9\xfb\xef\xe4\xe3\xe2\xea\xf6\xf4]")


class EncodingProblem(ValueError):
    """The bytes cannot be decoded; ``line``/``message`` locate and explain it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when a BOM-less file is mostly NUL-padded ASCII."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _as_cp1258(data: bytes) -> str | None:
    """The text, when every high byte is a Vietnamese letter or tone in cp1258."""
    high = {b for b in data if b >= 0x80}
    if not high or not high <= _CP1258_LETTERS or not high & _CP1258_EVIDENCE:
        return None
    text = unicodedata.normalize("NFC", data.decode("cp1258"))
    # A tone mark that found no vowel to sit on means the guess was wrong.
    if any(ch in _TONES for ch in text):
        return None
    return text


def _looks_legacy(data: bytes) -> bool:
    if _LEGACY_FONT.search(data):
        return True
    high = [b for b in data if b >= 0x80]
    if len(high) < 2:
        return False
    tcvn3 = all(0xA1 <= b <= 0xFE for b in high) and any(b in _TCVN3_MODIFIED for b in high)
    return tcvn3 or len(_VNI_PAIR.findall(data)) >= 2


def cp1252_text(data: bytes) -> str | None:
    """The bytes as Windows shows them (cp1252), for files that are neither UTF-8 nor
    UTF-16: how text typed in the old TCVN3/VNI fonts reads before conversion."""
    if data.startswith((_UTF8_BOM, *_UTF16_BOMS)) or _looks_utf16(data):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return None
    return None


def decode_roster_bytes(data: bytes) -> str:
    """Text of a CSV roster (BOM removed, not yet normalised).

    Raises:
        EncodingProblem: not UTF-8/UTF-16/cp1258; legacy TCVN3/VNI text is named as such.
    """
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    elif data.startswith(_UTF16_BOMS) or _looks_utf16(data):
        encoding = "utf-16" if data.startswith(_UTF16_BOMS) else _looks_utf16(data)
        try:
            return data.decode(encoding or "utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise EncodingProblem(
                _line_of(data, exc.start), roster_text.bad_utf16(exc.start)
            ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        text = _as_cp1258(data)
        if text is not None:
            return text
        if _looks_legacy(data):
            raise EncodingProblem(line, roster_text.legacy_encoding(line, exc.start)) from exc
        raise EncodingProblem(line, roster_text.not_utf8(line, exc.start)) from exc
