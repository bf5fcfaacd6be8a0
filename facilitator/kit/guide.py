"""The printable user guide (Hướng dẫn sử dụng) of the kit: its Markdown source, as DOCX.

The source uses only headings, paragraphs and "- " lists, so this small renderer is enough;
the layout follows the documents the app writes (A4, Times New Roman 14 pt).
"""

from __future__ import annotations

import io
from importlib.resources import files

from docx import Document
from docx.shared import Mm, Pt

GUIDE_NAME = "huong-dan-su-dung.md"


def guide_markdown() -> str:
    """The guide's source, shipped in the package."""
    return (files("facilitator.kit") / GUIDE_NAME).read_text(encoding="utf-8")


def guide_docx(markdown: str | None = None) -> bytes:
    """The guide as a DOCX document."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    for line in (markdown if markdown is not None else guide_markdown()).splitlines():
        text = line.strip()
        if not text:
            continue
        if text.startswith("# "):
            document.add_heading(text[2:], level=0)
        elif text.startswith("## "):
            document.add_heading(text[3:], level=1)
        elif text.startswith("- "):
            document.add_paragraph(text[2:], style="List Bullet")
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
