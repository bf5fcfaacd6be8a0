"""Word (.docx) rendering of the presenter's script: A4 portrait, the layout rules' fonts.

Page, fonts and styles come from :mod:`facilitator.export.docx_layout` (as for the
minutes); the agenda is a grid table, the framing and the presenter-only notes sit in
boxes of their own so they read as side notes and never as lines to say aloud.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from facilitator.export import docx_layout as lay
from facilitator.export import docx_styles
from facilitator.export.document import Block
from facilitator.export.docx_meta import set_properties
from facilitator.export.docx_writer import _row
from facilitator.export.settings import DocSettings
from facilitator.export.wording import header as header_wording
from facilitator.strings import script as script_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from facilitator.export.script_model import Script, ScriptItem

AGENDA_WIDTHS_MM = (10, 27, 0, 13, 38)
"""TT, Thời gian, Nội dung (the rest of the line), Phút, Người thực hiện."""
_LEFT_COLUMNS = (2, 4)


def render_script_docx(script: Script, settings: DocSettings | None = None) -> bytes:
    """The script as a .docx file (bytes)."""
    settings = settings or DocSettings()
    doc, styles = docx_styles.new_document(settings)
    lay.write_title(
        doc, script.doc_type, script.subject, styles, settings, header_wording.SUBJECT_SEPARATOR
    )
    for label, value in script.details:
        paragraph = lay.styled_paragraph(doc, styles.body)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if script.sources:
        lay.styled_paragraph(doc, styles.bold, f"{script_text.LABEL_SOURCES}:")
        lay.write_blocks(doc, (Block("item", src, marker="-") for src in script.sources), styles)

    lay.styled_paragraph(doc, styles.bold, script_text.SECTION_AGENDA)
    _agenda_table(doc, script, styles, settings)
    lay.styled_paragraph(doc, styles.body, script.total)
    if script.time_note:
        lay.styled_paragraph(doc, styles.body).add_run(script.time_note).italic = True
    if script.framing:
        lines = [(label, meaning) for label, meaning in script.framing]
        _box(doc, script_text.FRAMING_TITLE, lines, styles, settings)

    lay.styled_paragraph(doc, styles.bold, script_text.SECTION_ITEMS)
    for item in script.items:
        _item(doc, item, styles, settings)
    unit = dict(script.details).get(script_text.LABEL_UNIT, "")
    set_properties(doc, f"{script.doc_type} {script.subject}", unit)
    return lay.to_bytes(doc)


def _agenda_table(
    doc: DocxDocument, script: Script, styles: docx_styles.Styles, settings: DocSettings
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    fixed = sum(AGENDA_WIDTHS_MM)
    widths = [w or lay.text_width(settings) - fixed for w in AGENDA_WIDTHS_MM]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    lay.set_grid(table, widths)
    _row(table, script_text.AGENDA_COLUMNS, widths, styles, bold=True)
    for row in script.agenda:
        values = (str(row.number), row.time, row.title, str(row.minutes), row.leader)
        _row(table, values, widths, styles, bold=False)
        cells = table.rows[-1].cells
        for column in _LEFT_COLUMNS:
            cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT


def _box(
    doc: DocxDocument,
    title: str,
    lines: Iterable[tuple[str, str]],
    styles: docx_styles.Styles,
    settings: DocSettings,
) -> None:
    """A bordered one-cell table: a side note, set apart from what is read aloud."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    table = doc.add_table(rows=0, cols=1)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    width = lay.text_width(settings)
    lay.set_grid(table, (width,))
    cell = table.add_row().cells[0]
    cell.width = Mm(width)
    heading = lay.styled_paragraph(cell, styles.cell, reuse=True)
    heading.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(settings.small_size_pt)
    for label, value in lines:
        paragraph = lay.styled_paragraph(cell, styles.cell)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if label:
            labelled = paragraph.add_run(f"{label}: ")
            labelled.bold = True
            labelled.font.size = Pt(settings.small_size_pt)
        text = paragraph.add_run(value)
        text.italic = True
        text.font.size = Pt(settings.small_size_pt)
    lay.styled_paragraph(doc, styles.body).paragraph_format.space_after = Pt(0)


def _item(
    doc: DocxDocument, item: ScriptItem, styles: docx_styles.Styles, settings: DocSettings
) -> None:
    lay.styled_paragraph(doc, styles.bold, item.heading)
    lay.styled_paragraph(doc, styles.body).add_run(item.leader).italic = True
    if item.lens:
        _box(doc, script_text.LENS_NOTE, [("", item.lens)], styles, settings)
    if item.chair_lines:
        lay.styled_paragraph(doc, styles.bold, script_text.CHAIR_LINES)
        lay.write_blocks(doc, item.chair_lines, styles)
    if item.points:
        lay.styled_paragraph(doc, styles.bold, script_text.POINTS)
        lay.write_blocks(doc, item.points, styles)
    if item.questions:
        lay.styled_paragraph(doc, styles.bold, script_text.QUESTIONS)
        lay.write_blocks(doc, (Block("item", q, marker="-") for q in item.questions), styles)
    if item.presenter_notes:
        notes = [("", note) for note in item.presenter_notes]
        _box(doc, script_text.PRESENTER_NOTES, notes, styles, settings)
