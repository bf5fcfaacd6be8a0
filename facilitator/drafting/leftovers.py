"""What of a plan no item, note or fact took: reported, so nothing is lost silently."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from facilitator.drafting.model import Unplaced
from facilitator.drafting.outline import Node, Section, section_of
from facilitator.drafting.parts import is_standard
from facilitator.strings import drafting as drafting_text

PREVIEW = 80

_REASONS = {
    Section.ORGANISATION: drafting_text.LEFT_ORGANISATION,
    Section.FORM: drafting_text.LEFT_ORGANISER,
    Section.AUDIENCE: drafting_text.LEFT_ORGANISER,
    Section.PLACE: drafting_text.LEFT_ORGANISER,
    Section.PARTICIPANTS: drafting_text.LEFT_ORGANISER,
    Section.FUNDING: drafting_text.LEFT_ORGANISER,
    Section.REPORTING: drafting_text.LEFT_ORGANISER,
    Section.TIME: drafting_text.LEFT_TIME,
    Section.MATERIALS: drafting_text.LEFT_MATERIALS,
    Section.CONTENT: drafting_text.LEFT_CONTENT,
}


def preview(text: str, limit: int = PREVIEW) -> str:
    """The first words of a block, as the report quotes it."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _reason(section: Section | None) -> str:
    return (
        _REASONS.get(section, drafting_text.LEFT_UNKNOWN) if section else drafting_text.LEFT_UNKNOWN
    )


def leftovers(roots: Sequence[Node], used: Iterable[int]) -> list[Unplaced]:
    """Each unused branch once, at its top, with the reason of the section it sits in."""
    taken = set(used)
    found: list[Unplaced] = []

    def visit(node: Node, section: Section | None) -> None:
        own = section_of(node.title) if node.block.is_heading else None
        section = own or section
        lines = node.lines()
        if not taken.intersection(lines):
            standard = (
                node.block.is_heading and section is Section.CONTENT and is_standard(node.title)
            )
            reason = drafting_text.LEFT_STANDARD if standard else _reason(section)
            found.append(Unplaced(node.block.line, preview(node.block.numbered), reason))
            return
        for child in node.children:
            visit(child, section)

    for root in roots:
        visit(root, None)
    return found
