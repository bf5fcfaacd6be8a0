"""Text out of a plan file: .txt/.md, .docx (python-docx, tables included), text PDF (pypdf).

Every failure is an InputError naming the file, in Vietnamese; nothing here guesses at
structure, it only returns the lines in reading order.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.domain.errors import InputError, Problem
from facilitator.parsing.text_input import clean_text
from facilitator.strings import drafting as drafting_text
from facilitator.userfiles import read_capped

if TYPE_CHECKING:
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

MAX_PLAN_BYTES = 30 * 1024 * 1024
"""Plans are a few pages; a scanned 100-page PDF or a video is not a plan."""

_MARKDOWN_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|\*\*|__")
"""A plan kept as Markdown: "## II. NỘI DUNG", "**Thời gian:**" read as the words."""

MIN_PDF_LETTERS = 40
"""Fewer letters than this in a whole PDF means its pages are pictures (a scan)."""


class PlanFormat(StrEnum):
    """The file formats a plan is read from."""

    TEXT = "text"
    DOCX = "docx"
    PDF = "pdf"


_SUFFIXES = {
    ".txt": PlanFormat.TEXT,
    ".md": PlanFormat.TEXT,
    ".markdown": PlanFormat.TEXT,
    ".docx": PlanFormat.DOCX,
    ".pdf": PlanFormat.PDF,
}


@dataclass(frozen=True)
class PlanText:
    """A plan's lines in reading order.

    ``wrapped`` says the lines may be a paragraph broken at the page width (text from a
    PDF, or a .txt copied out of one), so the parser must join them back; Word paragraphs
    are whole and are never joined.
    """

    path: str
    format: PlanFormat
    lines: tuple[str, ...]
    wrapped: bool


def _fail(path: str, message: str) -> InputError:
    return InputError(drafting_text.plan_unreadable(path), [Problem(path, message)])


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1258, as NFC.

    Vietnamese Word exports "Plain text" as Windows-1258 by default, with tone marks as
    combining characters; NFC turns those into the precomposed letters we compare.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1258")
    for encoding in candidates:
        try:
            return clean_text(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise _fail(path, drafting_text.UNKNOWN_ENCODING)


def _paragraph_text(paragraph: Paragraph) -> str:
    text = paragraph.text
    p_pr = paragraph._p.pPr
    # Word's automatic bullets are not in the text; without a mark the parser would read
    # a bulleted point as a paragraph of its own.
    if p_pr is not None and p_pr.numPr is not None and text.strip():
        return f"- {text.strip()}"
    return text


def _cell_lines(cell: _Cell) -> Iterator[str]:
    for paragraph in cell.paragraphs:
        yield _paragraph_text(paragraph)
    for table in cell.tables:
        yield from _table_lines(table)


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            yield from _cell_lines(cell)


def _docx_lines(data: bytes, path: str) -> list[str]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as err:  # zip, lxml and OPC errors alike: a damaged or mislabelled file
        raise _fail(path, drafting_text.DOCX_BROKEN) from err
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(Paragraph(child, document)))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return lines


def _pdf_lines(data: bytes, path: str) -> list[str]:
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError:
        raise _fail(path, drafting_text.PDF_SUPPORT_MISSING) from None

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(path, drafting_text.PDF_ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as err:
        raise _fail(path, drafting_text.PDF_BROKEN) from err
    text = clean_text("\n".join(pages))
    if sum(ch.isalpha() for ch in text) < MIN_PDF_LETTERS:
        raise _fail(path, drafting_text.PDF_NO_TEXT)
    return text.split("\n")


def plan_format(path: Path) -> PlanFormat:
    """The format a plan file is read as, from its name.

    Raises:
        InputError: for a name we cannot read (.doc, images, …), saying what to do.
    """
    suffix = path.suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    shown = str(path)
    if suffix in (".doc", ".rtf", ".odt"):
        raise _fail(shown, drafting_text.OLD_WORD_FORMAT)
    raise _fail(shown, drafting_text.unsupported_format(suffix or path.name))


def extract_plan(path: Path | str) -> PlanText:
    """Read the plan at ``path`` into lines.

    Raises:
        InputError: unreadable, unsupported, a scanned PDF, or pypdf not installed.
    """
    path = Path(path)
    shown = str(path)
    data = read_capped(path, MAX_PLAN_BYTES, drafting_text.PLAN_KIND)  # a folder is said as one
    kind = plan_format(path)
    if kind is PlanFormat.DOCX:
        lines = [clean_text(line) for line in _docx_lines(data, shown)]
        return PlanText(shown, kind, tuple(part for x in lines for part in x.split("\n")), False)
    if kind is PlanFormat.PDF:
        return PlanText(shown, kind, tuple(_pdf_lines(data, shown)), True)
    lines = decode_text(data, shown).split("\n")
    if path.suffix.lower() in (".md", ".markdown"):
        lines = [_MARKDOWN_MARKS.sub("", line) for line in lines]
    return PlanText(shown, kind, tuple(lines), True)
