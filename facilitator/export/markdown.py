"""Markdown rendering of the minutes and the report: the same document, readable as text.

User text is escaped so that a note such as "*quan trọng*" or "<script>" stays literal.
The header and the signature blocks become two-column pipe tables, like the borderless
tables of the Word version.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING

from facilitator.export.document import Block, DocHeader, Line, Signature
from facilitator.export.wording import header as header_wording
from facilitator.export.wording import minutes as minutes_wording
from facilitator.export.wording import report as report_wording

if TYPE_CHECKING:
    from facilitator.export.minutes_model import Minutes
    from facilitator.export.report_model import Report

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LEADING_LIST = re.compile(r"^(\d+)([.)])(?=\s|$)")
_NUMBER_PREFIX = re.compile(r"^(\d+\.\s)(.*)$", re.DOTALL)


def escape(text: str) -> str:
    """Make ``text`` literal in CommonMark (inline markup and block starts)."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LEADING_LIST.sub(r"\1\\\2", text)
    if text[:1] in ("#", "-", "+", "=", "~"):
        text = "\\" + text
    return text


def _styled(line: Line) -> str:
    text = escape(line.text)
    if line.bold:
        text = f"**{text}**"
    if line.italic:
        text = f"*{text}*"
    return text


def _two_columns(left: Sequence[str], right: Sequence[str]) -> list[str]:
    rows = list(zip_longest(left, right, fillvalue=""))
    if not rows:
        return []
    first, *rest = rows
    out = [f"| {first[0]} | {first[1]} |", "|:---:|:---:|"]
    out += [f"| {a} | {b} |" for a, b in rest]
    return out


def _number(number: str) -> str:
    """The number line; one left blank for the văn thư is dotted ("Số ……-BB/CB"): the
    Word layout's spaces ("Số    -BB/CB") collapse to one in Markdown and on screen."""
    blank = " " + header_wording.BLANK_NUMBER  # after the prefix's own space
    return escape(number.replace(blank, " " + minutes_wording.FILL_DOTS, 1))


def _header(header: DocHeader) -> list[str]:
    left = [_styled(line) for line in header.left] + [_number(header.number)]
    right = [_styled(line) for line in header.right]
    # The place-date shares the last row with the number, as in the Word layout.
    right += [""] * (len(left) - len(right) - 1) + [f"*{escape(header.place_date)}*"]
    return _two_columns(left, right)


def _signature_cells(sig: Signature | None, left_lines: Sequence[str] = ()) -> list[str]:
    if sig is None:
        return list(left_lines)
    cells = [_styled(line) for line in sig.lines]
    cells += [f"*{escape(sig.hint)}*", "", f"**{escape(sig.name)}**" if sig.name else ""]
    return cells


def _blocks(blocks: Iterable[Block]) -> list[str]:
    out: list[str] = []
    previous_was_item = False
    for block in blocks:
        is_item = block.kind == "item"
        if not (is_item and previous_was_item):
            out.append("")
        previous_was_item = is_item
        if block.kind == "heading":
            out.append(f"## {escape(block.text)}")
        elif block.kind == "subheading":
            number, rest = _split_number(block.text)
            out.append(f"### {number}{escape(rest)}")
        elif block.kind == "fill":
            out.append(f"_{escape(block.text)}_")
        elif is_item:
            numbered = block.marker[:-1].isdigit() and block.marker.endswith(".")
            marker = block.marker if numbered else "-"
            # CommonMark nests an item under its parent's content column; parents are
            # always "- " bullets (numbered items are leaves), hence two spaces a level.
            out.append(f"{'  ' * block.level}{marker} {escape(block.text)}")
        else:
            out.append(escape(block.text))
    return out


def _split_number(text: str) -> tuple[str, str]:
    """ "1. Mở đầu" -> ("1. ", "Mở đầu") so the numbering is not escaped."""
    match = _NUMBER_PREFIX.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def _title(doc_type: str, subject: str) -> list[str]:
    separator = escape(
        header_wording.SUBJECT_SEPARATOR
    )  # a bare "-----" would be a setext underline
    return ["", f"# {escape(doc_type)}", "", f"**{escape(subject)}**", "", separator]


def render_minutes_md(minutes: Minutes) -> str:
    """The minutes as Markdown text (UTF-8 when encoded by the registry)."""
    lines = _header(minutes.header)
    lines += _title(minutes.doc_type, minutes.subject)
    lines += _blocks(minutes.body)
    left, right = minutes.signatures
    lines.append("")
    lines += _two_columns(_signature_cells(left), _signature_cells(right))
    return "\n".join(lines).strip("\n") + "\n"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(escape(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return out


def render_report_md(report: Report) -> str:
    """The result report as Markdown, with the statistics table as an appendix."""
    lines = _header(report.header)
    lines += _title(report.doc_type, report.subject)
    lines += _blocks(report.body)
    recipients = [escape(report_wording.RECIPIENTS_LABEL)] + [escape(r) for r in report.recipients]
    lines.append("")
    lines += _two_columns(recipients, _signature_cells(report.signature))
    lines += ["", f"## {escape(report_wording.REPORT_TABLE_TITLE)}", ""]
    lines += _table(report.table_header, report.table_rows())
    return "\n".join(lines).strip("\n") + "\n"
