"""Draft a content pack from a plan: the steps in order, and the account of the result.

extract → furniture off → blocks → outline → facts, content parts, framing → the
standard shape around the parts → budgets → Markdown, checked by the pack parser itself
so a draft always passes ``facilitator content check``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from facilitator.domain.content import PlanRef
from facilitator.domain.vietnamese import fold
from facilitator.domain.vocab import ItemKind, SessionKind
from facilitator.drafting import shape
from facilitator.drafting.budget import fit_budget
from facilitator.drafting.extract import PlanText, extract_plan
from facilitator.drafting.facts import PlanFacts, read_facts
from facilitator.drafting.framing import Framing, detect_framing, map_lenses
from facilitator.drafting.furniture import split_plan
from facilitator.drafting.leftovers import leftovers, preview
from facilitator.drafting.model import Draft, DraftItem, DraftPack, Unplaced
from facilitator.drafting.names import sentence_case
from facilitator.drafting.outline import Marker, Node, Section, blocks_from_lines, build_outline
from facilitator.drafting.outline import section_of as named
from facilitator.drafting.pack_writer import render_pack
from facilitator.drafting.parts import Part, content_parts, find_content, part_item, short_slug
from facilitator.parsing.content_pack import parse_pack
from facilitator.strings import content as content_text
from facilitator.strings import drafting as drafting_text

_REGULAR = re.compile(r"thuong ky|dinh ky|hang thang|sinh hoat chi bo thang \d")
_TITLE_LEAD = re.compile(r"^(?:v/v|về việc|về)\s+", re.IGNORECASE)
_ACTION_LEAD = re.compile(
    r"^(?:triển khai|tổ chức)\s+(?=(?:đợt|sinh hoạt|học tập|nghiên cứu|hội nghị|quán triệt))",
    re.IGNORECASE,
)


def _short_date(day: date | None) -> str:
    return f"{day.day}/{day.month}/{day.year}" if day else ""


def pack_kind(facts: PlanFacts) -> SessionKind:
    """A monthly cell meeting plan drafts the regular shape; a conference plan, hội nghị."""
    words = fold(facts.subject)
    if _REGULAR.search(words) and "chuyen de" not in words:
        return SessionKind.REGULAR
    if _TITLE_LEAD.sub("", words).startswith(("hoi nghi", "to chuc hoi nghi")):
        return SessionKind.CONFERENCE
    return SessionKind.THEMATIC


def pack_title(facts: PlanFacts, path: str) -> str:
    """The subject as a session title: "triển khai đợt sinh hoạt…" -> "Đợt sinh hoạt…"."""
    title = _ACTION_LEAD.sub("", _TITLE_LEAD.sub("", sentence_case(facts.subject))).strip()
    if not title:
        title = " ".join(p for p in (facts.kind, facts.number) if p) or Path(path).stem
    return title[:1].upper() + title[1:]


def _plan_ref(facts: PlanFacts) -> PlanRef | None:
    if not (facts.number or facts.day or facts.issuer):
        return None
    return PlanRef(facts.number, facts.day, facts.issuer)


def _notes_from(roots: Sequence[Node], used: set[int]) -> list[str]:
    """Opening notes: the plan's grounds ("Thực hiện…") and its purposes."""
    notes: list[str] = []
    grounds = [r for r in roots if r.block.marker is Marker.PLAIN]
    if grounds:
        notes.append(" ".join([drafting_text.GROUNDS_NOTE, *(g.title for g in grounds)]))
        used.update(line for g in grounds for line in g.lines())
    purposes: list[str] = []
    for root in roots:
        for node in root.walk():
            wanted = named(node.title) in (Section.PURPOSE, Section.REQUIREMENTS)
            if node.block.is_heading and wanted and node.block.line not in used:
                for below in list(node.walk())[1:]:
                    heading = below.block.is_heading
                    purposes.append(f"{below.title}:" if heading else f"- {below.title}")
                used.update(node.lines())
    if purposes:
        notes.append("\n".join([drafting_text.PURPOSE_NOTE, *purposes]))
    return notes


def _frame(
    parts: list[Part], items: list[DraftItem], unplaced: list[Unplaced]
) -> tuple[Framing | None, list[DraftItem]]:
    texts = [" ".join(n.title for n in part.node.walk()) for part in parts]
    found = detect_framing(texts)
    if found is None:
        return None, items
    framing, near = found
    groups: dict[int, list[int]] = {}
    for index, part in enumerate(parts):
        groups.setdefault(id(part.parent), []).append(index)
    mapping = map_lenses(framing, list(groups.values()), near)
    if not mapping:
        line = parts[near].node.block.line
        text = drafting_text.FRAMING_UNMAPPED.format(
            phrase=framing.phrase, lenses=len(framing.lenses)
        )
        unplaced.append(Unplaced(line, framing.phrase, text))
    lenses = {lens.key: lens for lens in framing.lenses}
    framed = list(items)
    for index, key in mapping.items():
        lens = lenses[key]
        note = drafting_text.framing_note(lens.label, lens.meaning)
        framed[index] = replace(items[index], framing=key, notes=(*items[index].notes, note))
    return framing, framed


def draft_text(plan: PlanText, today: date) -> Draft:
    """Draft the pack of an extracted plan; ``today`` versions the draft."""
    split = split_plan(list(enumerate(plan.lines, 1)))
    blocks = blocks_from_lines(split.body, wrapped=plan.wrapped)
    roots = build_outline(blocks)
    facts = read_facts(split, roots, [block.text for block in blocks])
    kind = pack_kind(facts)
    reference = drafting_text.plan_reference(facts.kind, facts.number)

    content = find_content(roots)
    parts = content_parts(content) if content is not None else []
    taken = {"khai-mac", "cu-thu-ky", "diem-danh", "thong-qua-chuong-trinh"}
    taken |= {"thao-luan", "ket-luan", "bieu-quyet", "be-mac"}
    items = [part_item(part, taken, reference) for part in parts]
    used = {line for part in parts for line in part.node.lines()}
    if content is not None:
        used.add(content.block.line)
    unplaced: list[Unplaced] = []
    framing, items = _frame(parts, items, unplaced)
    if not items:
        items = (
            shape.regular_parts() if kind is SessionKind.REGULAR else [_placeholder(facts, plan)]
        )

    used |= _fact_lines(roots, facts)
    opening = shape.opening(kind, reference, _notes_from(roots, used))
    closing = shape.closing(kind, framing, facts.deadline_text)
    agenda = fit_budget([*opening, *items, *closing])
    title = pack_title(facts, plan.path)
    sources = [
        drafting_text.plan_source(
            facts.kind, facts.number, _short_date(facts.day), facts.issuer, facts.subject
        ),
        *facts.materials,
    ]
    pack = DraftPack(
        id=short_slug(title, 48),
        title=title,
        kind=kind,
        version=f"{today:%Y.%m.%d}",
        sources=tuple(dict.fromkeys(sources)),
        items=tuple(agenda),
        framing=framing.lenses if framing else (),
        questions=drafting_text.REFLECTION_QUESTIONS if kind is not SessionKind.REGULAR else (),
        plan=_plan_ref(facts),
        deadline=facts.deadline,
    )
    markdown = render_pack(pack)
    parse_pack(markdown, plan.path)  # the promise: a draft always loads
    unplaced = sorted([*unplaced, *leftovers(roots, used)], key=lambda u: u.line)
    furniture = split.removed + sum(
        1
        for part in (split.header, split.subject, split.addressees, split.tail)
        for _, text in part
        if text.strip()
    )
    return Draft(pack, markdown, _found(pack, facts, framing, furniture), tuple(unplaced))


def _placeholder(facts: PlanFacts, plan: PlanText) -> DraftItem:
    return DraftItem(
        "noi-dung",
        pack_title(facts, plan.path),
        ItemKind.PRESENTATION,
        0,
        notes=(drafting_text.NO_CONTENT_NOTE,),
        fixed=False,
    )


def _fact_lines(roots: Sequence[Node], facts: PlanFacts) -> set[int]:
    """Lines the facts came from: the materials listed and the deadline's sentence."""
    lines: set[int] = set()
    for root in roots:
        for node in root.walk():
            section = named(node.title) if node.block.is_heading else None
            if section is Section.MATERIALS and facts.materials:
                # The entries themselves; a note under one ("* Truy cập…") is reported.
                lines.add(node.block.line)
                lines.update(
                    c.block.line for c in node.children if c.block.marker is not Marker.PLAIN
                )
            if facts.deadline_text and fold(facts.deadline_text) in fold(node.title):
                lines.add(node.block.line)
    return lines


def _found(
    pack: DraftPack, facts: PlanFacts, framing: Framing | None, removed: int
) -> tuple[str, ...]:
    parts = [item for item in pack.items if item.kind is ItemKind.PRESENTATION]
    lenses = {lens.key: lens.label for lens in pack.framing}
    mapped = [f"{lenses[i.framing]} → {preview(i.title, 40)}" for i in parts if i.framing in lenses]
    kind_label = content_text.PACK_KIND_LABELS.get(pack.kind.value, pack.kind.value)
    return (
        drafting_text.found_title(pack.title, kind_label),
        drafting_text.found_plan(facts.kind, facts.number, _short_date(facts.day), facts.issuer),
        drafting_text.found_deadline(facts.deadline_text, _short_date(facts.deadline)),
        drafting_text.found_materials(len(pack.sources)),  # what the pack lists (the plan too)
        drafting_text.found_parts([item.title for item in parts]),
        drafting_text.found_framing(framing.phrase if framing else "", mapped),
        drafting_text.found_budget(len(pack.items), pack.total_minutes),
        drafting_text.found_removed(removed),
    )


def report_lines(draft: Draft) -> list[str]:
    """What was found, then what could not be placed, a line each (CLI and console)."""
    lines = list(draft.found)
    lines.append(drafting_text.unplaced_heading(len(draft.unplaced)))
    lines += [drafting_text.unplaced_line(u.line, u.text, u.reason) for u in draft.unplaced]
    return lines


def draft_plan(path: Path | str, today: date | None = None) -> Draft:
    """Read the plan at ``path`` and draft its pack.

    Raises:
        InputError: the plan cannot be read (format, encoding, scanned PDF…).
    """
    return draft_text(extract_plan(path), today or date.today())
