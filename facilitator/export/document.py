"""Renderer-neutral building blocks shared by the minutes and the report models.

The models word every text in Vietnamese; renderers (Markdown, DOCX) only decide how a
block looks. Keeping the document as a flat sequence of typed blocks means both
renderers produce the same document, in the same order, from the same strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "subheading", "para", "item", "fill"]
"""heading: "I. NỘI DUNG" (bold); subheading: "1. <item>" (bold); para: justified body;
item: a list line with ``marker`` ("-", "+", "1."); fill: a blank the user completes by hand
(highlighted in Word)."""


@dataclass(frozen=True)
class Line:
    """One line of the header or of a signature block, with its typography."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None  # points; None = body size
    rule_below: bool = False  # solid rule under the line (national title, NĐ 30 body name)


@dataclass(frozen=True)
class DocHeader:
    """The two-column header: issuing body on the left, national title on the right.

    ``left`` holds the lines above the number (superior body, issuing body, "*");
    ``number`` and ``place_date`` share the last row so they line up in Word.
    """

    left: tuple[Line, ...]
    right: tuple[Line, ...]
    number: str
    place_date: str
    title_sizes: tuple[float, ...] = ()
    """Smaller sizes the reference allows for the right column, tried in order when the
    national title would not leave the names room (NĐ 30: 13 then 12 pt)."""
    name_sizes: tuple[float, ...] = ()
    """Smaller sizes allowed for the organisation names (NĐ 30: 12–13 pt)."""


@dataclass(frozen=True)
class Signature:
    """One signature block: authority lines (bold), a hint, space to sign, then the name."""

    lines: tuple[Line, ...]
    hint: str
    name: str


@dataclass(frozen=True)
class Block:
    """One paragraph of the body."""

    kind: BlockKind
    text: str
    marker: str = ""  # list marker for "item" blocks: "-", "+", "1."...
    level: int = 0  # nesting of list items (0 = top level)

    @property
    def display(self) -> str:
        """The text as printed on paper (marker included)."""
        return f"{self.marker} {self.text}" if self.marker else self.text
