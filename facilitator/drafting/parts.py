"""The content part of a plan ("II. NỘI DUNG") cut into presentation items.

Each section of the content part is one item; a section that only groups others
("1. Những nội dung cốt lõi" over 1.1, 1.2, 1.3) gives way to them. Its points become
talking points, lower headings ("a)", "1.1.1.") become ``###`` groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.domain.vietnamese import fold, slugify
from facilitator.domain.vocab import ItemKind
from facilitator.drafting.model import DraftItem, Point, PointGroup
from facilitator.drafting.outline import (
    HEADINGS,
    Marker,
    Node,
    Section,
    section_of,
    split_label,
)
from facilitator.strings import drafting as drafting_text

LONG_TITLE = 160
"""A heading longer than this carries its text after a colon: the title is the label."""
SHORT_POINT = 160
MOST_BULLET_PARTS = 8
ID_LENGTH = 40

NOT_CONTENT = frozenset(Section) - {Section.CONTENT}
PART_MARKERS = frozenset(HEADINGS - {Marker.LETTER})
STANDARD_ITEMS = ("khai mac", "thao luan", "ket luan", "bieu quyet", "be mac", "diem danh")
"""A plan's "3. Thảo luận" is the standard discussion, already in every draft."""


@dataclass(frozen=True)
class Part:
    """A section of the content part and the section it sits in (its siblings' parent)."""

    node: Node
    parent: Node | None
    title: str = ""


def find_content(roots: Sequence[Node]) -> Node | None:
    """The shallowest heading named "Nội dung…"; inside it, a "Nội dung…" child beside
    "Hình thức…", "Thời gian…" (a combined "NỘI DUNG, HÌNH THỨC" part) is the one.
    Without one, the first top-level part of no standard name that has sections."""
    level = [node for node in roots if node.block.is_heading]
    while level:
        for node in level:
            if section_of(node.title) is Section.CONTENT:
                inner = [c for c in node.headings if section_of(c.title) is Section.CONTENT]
                others = [c for c in node.headings if section_of(c.title) in NOT_CONTENT]
                return inner[0] if inner and others else node
        level = [child for node in level for child in node.headings]
    # No "Nội dung" part ("II. NHIỆM VỤ TRỌNG TÂM"): the first unnamed part with sections.
    unnamed = [n for n in roots if n.block.is_heading and section_of(n.title) is None]
    return next((node for node in unnamed if node.headings), None)


def content_parts(content: Node) -> list[Part]:
    """The sections of ``content`` that become items, in order."""
    parts: list[Part] = []
    for child in content.headings:
        if section_of(child.title) in NOT_CONTENT or is_standard(child.title):
            continue
        points = [p for p in child.points if p.block.marker is not Marker.PLAIN]
        # 1.1, 1.2 under "1." are parts of their own; a), b) are groups of one part.
        if not points and any(h.block.marker in PART_MARKERS for h in child.headings):
            parts += [Part(grand, child) for grand in child.headings]
        else:
            parts.append(Part(child, content))
    if parts:
        return parts
    bullets = [c for c in content.points if c.block.marker is not Marker.PLAIN]
    if 2 <= len(bullets) <= MOST_BULLET_PARTS and all(len(b.title) <= SHORT_POINT for b in bullets):
        return [Part(bullet, content) for bullet in bullets]
    _, inline = split_label(content.title)
    if content.children or inline != content.title:
        return [Part(content, None, inline if not content.children else "")]
    return []


def short_slug(text: str, length: int) -> str:
    """A slug cut between words: "phan-thu-hai-doi-ngoai", not "phan-thu-hai-doi-ng"."""
    slug = slugify(text, max_length=10 * length)
    return slug if len(slug) <= length else slug[: length + 1].rsplit("-", 1)[0]


def is_standard(title: str) -> bool:
    """A part the standard shape already holds (opening, discussion, conclusion, vote)."""
    return fold(title).startswith(STANDARD_ITEMS)


def _point(node: Node) -> Point:
    below = tuple(n.title for child in node.children for n in child.walk())
    return Point(node.title, below)


def _groups(node: Node) -> tuple[PointGroup, ...]:
    loose = tuple(_point(child) for child in node.points)
    groups = [PointGroup("", loose)] if loose else []
    for heading in node.headings:
        points = tuple(_point(child) for child in heading.children)
        groups.append(PointGroup(heading.title.rstrip(" :"), points))
    return tuple(groups)


def _title(part: Part) -> tuple[str, tuple[Point, ...]]:
    title = (part.title or part.node.title).strip().rstrip(" :.;")
    if len(title) > LONG_TITLE:
        label, rest = split_label(title)
        if label:
            return label, (Point(rest),)
    return title, ()


def part_item(part: Part, taken: set[str], plan: str) -> DraftItem:
    """The presentation item of one part; ``taken`` holds ids already used (updated)."""
    title, lead = _title(part)
    groups = _groups(part.node) if not part.title else ()
    if lead:
        groups = (PointGroup("", lead), *groups)
    base = short_slug(title, ID_LENGTH)
    item_id, suffix = base, 2
    while item_id in taken:
        item_id, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(item_id)
    count = sum(len(g.points) + sum(len(p.below) for p in g.points) for g in groups)
    label = part.node.block.label if part.node.block.marker is Marker.DECIMAL else ""
    notes = (drafting_text.review_note(label, plan),) if count else (drafting_text.NO_POINTS_NOTE,)
    return DraftItem(
        item_id,
        title,
        ItemKind.PRESENTATION,
        0,
        tuple(g for g in groups if g.points or g.title),
        notes=notes,
        fixed=False,
        weight=3 + count,
    )
