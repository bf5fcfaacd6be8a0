"""Markdown rendering of the presenter's script: the same document as the Word one.

Side notes (the framing, the presenter-only notes) become block quotes, so they stand
apart from the lines to say aloud in any Markdown viewer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.export.document import Block
from facilitator.export.markdown import _blocks, _table, escape
from facilitator.export.wording import header as header_wording
from facilitator.strings import script as script_text

if TYPE_CHECKING:
    from facilitator.export.script_model import Script, ScriptItem


def render_script_md(script: Script) -> str:
    """The script as Markdown text."""
    separator = escape(header_wording.SUBJECT_SEPARATOR)
    lines = [f"# {escape(script.doc_type)}", "", f"**{escape(script.subject)}**", "", separator, ""]
    lines += [f"- **{escape(label)}:** {escape(value)}" for label, value in script.details]
    if script.sources:
        lines += ["", f"**{escape(script_text.LABEL_SOURCES)}:**"]
        lines += _blocks(Block("item", src, marker="-") for src in script.sources)
    lines += ["", f"## {escape(script_text.SECTION_AGENDA)}", ""]
    rows = [(str(r.number), r.time, r.title, str(r.minutes), r.leader) for r in script.agenda]
    lines += _table(script_text.AGENDA_COLUMNS, rows)
    lines += ["", escape(script.total)]
    if script.time_note:
        lines += ["", f"*{escape(script.time_note)}*"]
    if script.framing:
        lines += ["", *_side_note(script_text.FRAMING_TITLE, script.framing)]
    lines += ["", f"## {escape(script_text.SECTION_ITEMS)}"]
    for item in script.items:
        lines += _item(item)
    return "\n".join(lines).strip("\n") + "\n"


def _side_note(title: str, entries: tuple[tuple[str, str], ...]) -> list[str]:
    out = [f"> **{escape(title)}**"]
    for label, value in entries:
        out += [
            ">",
            f"> **{escape(label)}:** *{escape(value)}*" if label else f"> *{escape(value)}*",
        ]
    return out


def _item(item: ScriptItem) -> list[str]:
    number, _, rest = item.heading.partition(". ")
    lines = ["", f"### {number}. {escape(rest)}", "", f"*{escape(item.leader)}*"]
    if item.lens:
        lines += ["", *_side_note(script_text.LENS_NOTE, (("", item.lens),))]
    if item.chair_lines:
        lines += ["", f"**{escape(script_text.CHAIR_LINES)}**", *_blocks(item.chair_lines)]
    if item.points:
        lines += ["", f"**{escape(script_text.POINTS)}**", *_points(item.points)]
    if item.questions:
        questions = (Block("item", q, marker="-") for q in item.questions)
        lines += ["", f"**{escape(script_text.QUESTIONS)}**", *_blocks(questions)]
    if item.presenter_notes:
        notes = tuple(("", note) for note in item.presenter_notes)
        lines += ["", *_side_note(script_text.PRESENTER_NOTES, notes)]
    return lines


def _points(blocks: tuple[Block, ...]) -> list[str]:
    """Talking points; their groups one heading level below the item's."""
    out: list[str] = []
    run: list[Block] = []
    for block in (*blocks, None):
        if block is not None and block.kind != "subheading":
            run.append(block)
            continue
        out += _blocks(run)
        run = []
        if block is not None:
            out += ["", f"#### {escape(block.text)}"]
    return out
