"""One parser over a plan's lines: Vietnamese administrative numbering and section names.

Lines become blocks (a numbered heading, a bullet point or a paragraph; a paragraph
broken at the page width is joined back), blocks become a tree by their numbering style
(I. > 1. > 1.1. > a) > - > +, whichever order the author used), and the standard
sections (MỤC ĐÍCH, NỘI DUNG, THỜI GIAN…) are recognised by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from facilitator.domain.vietnamese import fold


class Marker(StrEnum):
    """How a block starts."""

    ROMAN = "roman"  # I., II., IV.
    CAPITAL = "capital"  # A., B.
    DECIMAL = "decimal"  # 1., 1.1., 2)
    LETTER = "letter"  # a), b.
    PAREN = "paren"  # (1), (a)
    PART = "part"  # Phần thứ nhất:, Chuyên đề 2.
    BULLET = "bullet"  # -, +, *, •
    SECTION = "section"  # an unnumbered standard heading in capitals: "NỘI DUNG SINH HOẠT"
    PLAIN = "plain"  # a paragraph


HEADINGS = frozenset(
    {Marker.ROMAN, Marker.CAPITAL, Marker.DECIMAL, Marker.LETTER, Marker.PART, Marker.SECTION}
)
"""Markers that open a section; the others are points or text inside one."""

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PATTERNS: tuple[tuple[Marker, re.Pattern[str]], ...] = (
    (Marker.DECIMAL, re.compile(r"(?P<label>\d{1,2}(?:\.\d{1,2})+)[.)]?\s+(?P<text>\S.*)")),
    (Marker.DECIMAL, re.compile(r"(?P<label>\d{1,2})[.)]\s*(?P<text>[^\d\s].*)")),
    (Marker.ROMAN, re.compile(rf"(?P<label>(?=[IVX]){_ROMAN})[.:)]\s*(?P<text>\S.*)")),
    (Marker.CAPITAL, re.compile(r"(?P<label>[A-ZĐ])[.)]\s+(?P<text>\S.*)")),
    (Marker.LETTER, re.compile(r"(?P<label>[a-zđ])[.)]\s+(?P<text>\S.*)")),
    (Marker.PAREN, re.compile(r"\((?P<label>\d{1,2}|[a-zđ])\)\s*(?P<text>\S.*)")),
    (
        Marker.PART,
        re.compile(
            r"(?P<text>(?P<label>(?:phần|chuyên đề|chương)\s+(?:thứ\s+\w+|[ivxlc]+|\d{1,2}))"
            r"(?:\s*[:.\-–]\s*.*)?)",
            re.IGNORECASE,
        ),
    ),
    (Marker.BULLET, re.compile(r"(?P<label>[-–—+*•·▪●○◦➢❖✓])\s*(?P<text>\S.*)")),
)
_DASHES = {"–": "-", "—": "-"}
_TERMINAL = ".;!?:"
MIN_WRAP_WIDTH = 40
_CONTINUING = ",;:)”’»]"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """A heading, point or paragraph; ``text`` is without its marker (a PART keeps it)."""

    line: int
    marker: Marker
    label: str
    text: str

    @property
    def style(self) -> str:
        """What makes two blocks siblings: the marker, a numbering depth or a bullet sign."""
        if self.marker is Marker.DECIMAL:
            return f"decimal{self.label.count('.') + 1}"
        if self.marker is Marker.BULLET:
            return f"bullet{self.label}"
        return self.marker.value

    @property
    def is_heading(self) -> bool:
        return self.marker in HEADINGS

    @property
    def numbered(self) -> str:
        """The block as written: "1.1. Phần thứ nhất…", "- Khẳng định…"."""
        if self.marker in (Marker.PLAIN, Marker.PART, Marker.SECTION):
            return self.text
        if self.marker is Marker.BULLET:
            return f"{self.label} {self.text}"
        if self.marker is Marker.PAREN:
            return f"({self.label}) {self.text}"
        return f"{self.label}. {self.text}"


def classify(line: str, line_no: int = 0) -> Block:
    """The block a single (whitespace-folded) line starts."""
    for marker, pattern in _PATTERNS:
        match = pattern.fullmatch(line)
        if match:
            label = match.group("label")
            if marker is Marker.BULLET:
                label = _DASHES.get(label, label)
            return Block(line_no, marker, label, match.group("text").strip())
    if _is_caps(line) and section_of(line) is not None:
        return Block(line_no, Marker.SECTION, "", line)
    return Block(line_no, Marker.PLAIN, "", line)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _wrap_width(lines: Sequence[str]) -> float:
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 5 else 0
    # Lines this short were never broken by a page width: nothing to join.
    return width if width >= MIN_WRAP_WIDTH else float("inf")


def _continues(previous: str, block: Block, last: Block, long_line: float) -> bool:
    """Whether ``block`` is the rest of a line the page width broke, not a new paragraph."""
    ends_open = previous[-1] not in _TERMINAL
    if block.marker is Marker.BULLET:
        # "chính trị" / "- kinh tế": a hyphen the line break put first.
        return (
            block.label == "-"
            and not last.is_heading
            and ends_open
            and len(previous) >= long_line
            and block.text[:1].islower()
        )
    if block.marker is not Marker.PLAIN:
        return False
    first = block.text[0]
    if first.islower() or first in _CONTINUING:
        return True
    if last.is_heading and _is_caps(last.text) and _is_caps(block.text):
        return True  # "III. HÌNH THỨC, … TỔ CHỨC SINH HOẠT" / "CHÍNH TRỊ, TƯ TƯỞNG"
    return ends_open and len(previous) >= long_line


def blocks_from_lines(lines: Sequence[tuple[int, str]], *, wrapped: bool) -> list[Block]:
    """Blocks from ``(line number, text)`` pairs; wrapped text is joined back."""
    folded = [(no, _SPACE.sub(" ", text).strip()) for no, text in lines]
    long_line = 0.75 * _wrap_width([text for _, text in folded]) if wrapped else float("inf")
    blocks: list[Block] = []
    previous = ""
    for no, text in folded:
        if not text:
            continue
        block = classify(text, no)
        if wrapped and blocks and _continues(previous, block, blocks[-1], long_line):
            last = blocks[-1]
            blocks[-1] = replace(last, text=f"{last.text} {text}")
        else:
            blocks.append(block)
        previous = text
    return blocks


@dataclass
class Node:
    """A block and what the numbering puts under it."""

    block: Block
    children: list[Node] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.block.text

    @property
    def headings(self) -> list[Node]:
        return [child for child in self.children if child.block.is_heading]

    @property
    def points(self) -> list[Node]:
        return [child for child in self.children if not child.block.is_heading]

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def lines(self) -> list[int]:
        return [node.block.line for node in self.walk()]


def build_outline(blocks: Sequence[Block]) -> list[Node]:
    """The tree of ``blocks``: a block of a style already open closes up to it (a sibling);
    a new style opens below the current one (a child), except that headings never go
    under points. Paragraphs never open anything."""
    roots: list[Node] = []
    stack: list[Node] = []
    for block in blocks:
        node = Node(block)
        if block.marker is Marker.SECTION:
            stack.clear()  # "NỘI DUNG SINH HOẠT" unnumbered: a part of the plan, top level
        elif block.marker is not Marker.PLAIN:
            same = [i for i, open_ in enumerate(stack) if open_.block.style == block.style]
            if same:
                del stack[same[-1] :]
            elif block.is_heading:
                # A heading never sits inside a bullet point, whatever came first.
                while stack and not stack[-1].block.is_heading:
                    stack.pop()
        (stack[-1].children if stack else roots).append(node)
        if block.marker is not Marker.PLAIN:
            stack.append(node)
    return roots


class Section(StrEnum):
    """The standard parts of a plan, recognised by the words their heading starts with."""

    PURPOSE = "muc-dich"
    REQUIREMENTS = "yeu-cau"
    CONTENT = "noi-dung"
    FORM = "hinh-thuc"
    AUDIENCE = "doi-tuong"
    TIME = "thoi-gian"
    PLACE = "dia-diem"
    MATERIALS = "tai-lieu"
    ORGANISATION = "to-chuc-thuc-hien"
    FUNDING = "kinh-phi"
    PARTICIPANTS = "thanh-phan"
    REPORTING = "bao-cao"


_SECTION_WORDS: tuple[tuple[str, Section], ...] = (
    ("muc dich", Section.PURPOSE),
    ("yeu cau", Section.REQUIREMENTS),
    ("noi dung", Section.CONTENT),
    ("hinh thuc", Section.FORM),
    ("doi tuong", Section.AUDIENCE),
    ("thoi gian", Section.TIME),
    ("tien do", Section.TIME),
    ("dia diem", Section.PLACE),
    ("tai lieu", Section.MATERIALS),
    ("to chuc thuc hien", Section.ORGANISATION),
    ("phan cong", Section.ORGANISATION),
    ("trach nhiem", Section.ORGANISATION),
    ("kinh phi", Section.FUNDING),
    ("thanh phan", Section.PARTICIPANTS),
    ("che do bao cao", Section.REPORTING),
)


def section_of(title: str) -> Section | None:
    """The standard section a heading names ("II. NỘI DUNG SINH HOẠT" -> CONTENT)."""
    words = fold(title)
    for prefix, section in _SECTION_WORDS:
        if words == prefix or words.startswith((f"{prefix} ", f"{prefix},", f"{prefix}:")):
            return section
    return None


def split_label(text: str) -> tuple[str, str]:
    """ "Thời gian: Hoàn thành trong Quý II/2024" -> ("Thời gian", "Hoàn thành…");
    text without a short label before a colon -> ("", text)."""
    head, colon, rest = text.partition(":")
    # The colon of "http://…" is not a label's.
    if colon and rest.strip() and len(head.split()) <= 6 and not head.endswith(("http", "https")):
        return head.strip(), rest.strip()
    return "", text
