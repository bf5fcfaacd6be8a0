"""Vietnamese text rules: NFC, name parts, collation, search folding, dates and numbers.

Collation follows CLDR ``vi`` (standard): letters are compared first over the whole
string (a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư), tones only break ties
(ngang < huyền < hỏi < ngã < sắc < nặng), case last. Pure Python so it behaves the
same on every platform (``locale.strxfrm`` does not).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: 100 + i for i, ch in enumerate(_ALPHABET)}
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# ESC-introduced sequences first (CSI with its parameters, OSC up to BEL/ST, then any
# two-byte escape), so no printable parameter bytes ("[31m") survive as text.
# They never span lines, so stripping them cannot shift a reported line number.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[ -/]*[0-~]?"  # other escapes (e.g. "ESC c" resets the terminal), or a lone ESC
)
# Remaining C0 controls except tab/newline, DEL, and the C1 block (U+0080-U+009F, which
# some terminals honour as 8-bit CSI/OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode format characters (category Cf): invisible, yet they change what text means.
# U+202E reverses the display ("nA nǎV" shown for a name), U+200B/U+2060/U+FEFF make two
# equal names differ. Kept in free text: ZWNJ/ZWJ (U+200C/U+200D), which emoji and some
# scripts need. The list is Unicode 15's Cf set; a test checks it against unicodedata.
_FORMAT_CHARS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_FORMAT = re.compile(f"[{_FORMAT_CHARS}]")
# A name or a title needs no joiner either (Vietnamese never does), nor the other
# invisible code points that could make "Nguyễn Văn An" two different people: the
# combining grapheme joiner, Hangul fillers, variation selectors.
_INVISIBLE_IN_LINE = re.compile(
    f"[{_FORMAT_CHARS}\u200c\u200d\u034f\u115f\u1160\u3164\uffa0\u180b-\u180d\u180f"
    "\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored string uses."""
    return unicodedata.normalize("NFC", text)


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control and format characters (bidi overrides,
    zero-width spaces), keeping tabs, newlines and the joiners ZWNJ/ZWJ."""
    if text.isprintable():
        # One C-level scan: printable text holds no control (Cc) or format (Cf) character,
        # the only ones the patterns below match. Reports clean thousands of strings.
        return text
    return _FORMAT.sub("", _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text)))


def clean_text(text: str, *, multiline: bool = True) -> str:
    """NFC-normalise and strip control characters and escape sequences (keeps tab/newline).

    ``multiline=False`` (names, titles, every single-line field) also drops every
    invisible code point, joiners included, and collapses whitespace.
    """
    text = strip_controls(nfc(text).replace("\r\n", "\n").replace("\r", "\n"))
    if not multiline:
        text = " ".join(_INVISIBLE_IN_LINE.sub("", text).split())
    return text


def clean_line(text: str) -> str:
    """A single-line field: cleaned, inner whitespace collapsed, trimmed."""
    return clean_text(text, multiline=False)


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a full name into (họ, tên đệm, tên): first token, middle tokens, last token.

    Names are cleaned where they enter (import, keyboard); splitting stays cheap because
    it runs for every person of every loaded session.
    """
    parts = full_name.split()
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def _char_keys(ch: str) -> tuple[int, int, int]:
    """(letter rank, tone rank, case rank) of one precomposed character."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    lower = base.lower()
    case = 1 if base != lower else 0
    if lower == "đ":
        return _LETTER_RANK["đ"], 0, case
    tone = 0
    letter = lower
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        else:
            letter = _MODIFIED.get((letter, mark), letter)
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter], tone, case
    if lower.isspace():
        return 0, 0, 0
    if lower.isdigit():
        return 10 + int(lower) if lower in "0123456789" else 20, 0, 0
    return 1000 + ord(lower), tone, case


@lru_cache(maxsize=16384)  # names repeat across every session of a unit
def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Sort key for Vietnamese text: all letters first, then tones, then case."""
    keys = [_char_keys(ch) for ch in nfc(text)]
    return (
        tuple(k[0] for k in keys),
        tuple(k[1] for k in keys),
        tuple(k[2] for k in keys),
    )


def name_sort_key(ho: str, dem: str, ten: str, full: str = "") -> tuple[object, ...]:
    """Roster order: by tên, then họ, then tên đệm; the full name breaks remaining ties."""
    return (
        collation_key(ten),
        collation_key(ho),
        collation_key(dem),
        collation_key(full or f"{ho} {dem} {ten}"),
    )


def fold(text: str) -> str:
    """Accent- and case-insensitive search key: "Nguyễn Văn Đức" -> "nguyen van duc"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def slugify(text: str, *, max_length: int = 60) -> str:
    """ASCII slug safe for ids and file names: no "/", no "..", never empty."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "khong-ten"


def _two_digit_if_needed(value: int, *, below: int) -> str:
    return f"{value:02d}" if value < below else str(value)


def format_date(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2024": day < 10 and months 1–2 zero-padded (HD 36)."""
    return (
        f"ngày {_two_digit_if_needed(day.day, below=10)} "
        f"tháng {_two_digit_if_needed(day.month, below=3)} năm {day.year}"
    )


def format_short_date(day: date) -> str:
    """ "05/03/2024": tables and messages, where the spelled-out date is too long."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_place_date(place: str, day: date) -> str:
    """ "Di Linh, ngày 24 tháng 4 năm 2024"."""
    return f"{place}, {format_date(day)}" if place else format_date(day).capitalize()


def format_clock(moment: datetime | time) -> str:
    """ "10 giờ 05 phút"."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def format_int(value: int) -> str:
    """Thousands with dots: 35599 -> "35.599"."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float, digits: int = 2) -> str:
    """Decimal comma, dot thousands: 1234.5 -> "1.234,50"."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(part: int | float, whole: int | float, digits: int = 2) -> str:
    """Share as "95,65%"; "0%" when the denominator is zero (nothing to divide)."""
    if not whole:
        return "0%"
    value = round(100 * part / whole, digits)
    text = format_decimal(value, digits)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def word_prefix_rank(label: str, query: str) -> int | None:
    """How well ``query`` names ``label`` by word prefixes, accents ignored; None: not at all.

    "hung" finds "Phạm Văn Hùng" but not "Hà Thị Nhung": a picker that matched inside
    words would pick the wrong person. Lower ranks are better, in this order: the whole
    name as typed (accents included); whole words over word beginnings ("hoa" names
    Trần Thị Hoa before Hoàng Thị Lan); accents as typed over accents ignored ("Ân"
    names Lê Văn Ân before Lê Văn An); then the earlier the matching word, the better.
    """
    wanted = fold(query)
    if not wanted:
        return None
    typed = " ".join(nfc(query).casefold().split())
    shown = " ".join(nfc(label).casefold().split())
    if shown == typed:
        return 0
    words = fold(label).split(" ")
    accented = shown.split(" ")
    for start in range(len(words)):
        rest = " ".join(words[start:])
        if rest.startswith(wanted):
            whole = len(rest) == len(wanted) or rest[len(wanted)] == " "
            same_accents = " ".join(accented[start:]).startswith(typed)
            return 1 + (0 if whole else 200) + (0 if same_accents else 100) + start
    return None
    words = fold(label).split(" ")
    for start in range(len(words)):
        if " ".join(words[start:]).startswith(wanted):
            exact = nfc(label).casefold().find(nfc(query).strip().casefold()) >= 0
            return start * 2 + (0 if exact else 1)
    return None
