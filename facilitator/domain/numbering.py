"""Document numbers ("số và ký hiệu", vietnamese-formats §1.5), normalised once for every writer.

What the user types is the number with its symbol ("7-BB/CB", "Số: 07-BB/CB", "7"); what a
document prints is the profile's prefix ("Số " for Party documents, "Số: " for NĐ 30) and
the normalised number, which :func:`normalise_number` returns:

- any "Số" / "Số:" typed in is dropped (the prefix belongs to the profile, printed once);
- a number below 10 gets its leading zero ("7-BB/CB" -> "07-BB/CB");
- a bare number gets the document's symbol: "7" -> "07-BB/CB" (Party: number-type/issuer)
  or "07/BB-CHCCB" (NĐ 30: number/type-issuer).
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from facilitator.domain.models import Unit
from facilitator.domain.vietnamese import clean_line

_PREFIX = re.compile(r"^\s*số\s*[:.]?\s*", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(\d+)(?=\D|$)")


class NumberStyle(Enum):
    """How the symbol follows the number."""

    PARTY = "party"
    """HD 36: "05-BB/CB" (hyphen before the type, slash before the issuer)."""
    STATE = "state"
    """NĐ 30: "05/BB-CHCCB" (slash before the type, hyphen before the issuer)."""


def _strip_prefixes(text: str) -> str:
    while True:
        match = _PREFIX.match(text)
        if match is None or not match.group():
            return text.strip()
        text = text[match.end() :]


def normalise_number(raw: str, *, doc_code: str, abbrev: str, style: NumberStyle) -> str:
    """The number to print after the profile's "Số" prefix ("" when none was given)."""
    text = " ".join(_strip_prefixes(unicodedata.normalize("NFC", raw or "")).split())
    if not text:
        return ""
    match = _LEADING_NUMBER.match(text)
    if match is not None:
        digits = match.group(1)
        if len(digits) == 1:
            text = f"0{digits}{text[match.end() :]}"
    if text.isdigit():
        text += symbol(doc_code, abbrev, style)
    return text


def symbol(doc_code: str, abbrev: str, style: NumberStyle) -> str:
    """The part after the number: "-BB/CB" (Party) or "/BB-CB" (NĐ 30)."""
    if style is NumberStyle.PARTY:
        return f"-{doc_code}/{abbrev}" if abbrev else f"-{doc_code}"
    return f"/{doc_code}-{abbrev}" if abbrev else f"/{doc_code}"


def unit_number(unit: Unit, raw: str, doc_code: str) -> str:
    """:func:`normalise_number` for a document of ``unit`` (its profile and abbreviation)."""
    style = NumberStyle.STATE if unit.profile == "state" else NumberStyle.PARTY
    return normalise_number(raw, doc_code=doc_code, abbrev=clean_line(unit.abbrev), style=style)
