"""Word (.docx) rendering of the minutes and the report (HD 36 layout, §1.11 sizes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.export import docx_layout as lay
from facilitator.export import docx_styles
from facilitator.export.document import Line
from facilitator.export.docx_meta import set_properties
from facilitator.export.settings import DocSettings
from facilitator.export.wording import header as header_wording
from facilitator.export.wording import report as report_wording

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table

    from facilitator.export.docx_styles import Styles
    from facilitator.export.minutes_model import Minutes
    from facilitator.export.report_model import Report

STAT_WIDTHS_MM = (8, 30, 11, 12, 12, 13, 12, 15, 13, 13, 10, 14, 13)
"""Statistics table columns before the grades (TT … Số bài thu hoạch), in mm."""
GRADE_WIDTH_MM = 13
"""One column per grade label; "Ghi chú" takes what is left of the landscape page."""


def _document(official: Minutes | Report, settings: DocSettings) -> tuple[DocxDocument, Styles]:
    """A new document with the official's header, title and body: what minutes and report
    share before their signatures."""
    doc, styles = docx_styles.new_document(settings)
    lay.write_header(doc, official.header, styles, settings)
    subject_line = header_wording.SUBJECT_SEPARATOR
    lay.write_title(doc, official.doc_type, official.subject, styles, settings, subject_line)
    lay.write_blocks(doc, official.body, styles)
    return doc, styles


def render_minutes_docx(minutes: Minutes, settings: DocSettings | None = None) -> bytes:
    """The minutes as a .docx file (bytes)."""
    settings = settings or DocSettings()
    doc, styles = _document(minutes, settings)
    half = lay.text_width(settings) / 2
    [[left, right]] = lay.borderless_table(doc, (half, half), 1)
    lay.write_signature(left, minutes.signatures[0], styles, settings)
    lay.write_signature(right, minutes.signatures[1], styles, settings)
    set_properties(doc, f"{minutes.doc_type} {minutes.subject}", minutes.signatures[1].name)
    return lay.to_bytes(doc)


def render_report_docx(report: Report, settings: DocSettings | None = None) -> bytes:
    """The report as a .docx file, with the statistics table on a landscape page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    settings = settings or DocSettings()
    doc, styles = _document(report, settings)

    half = lay.text_width(settings) / 2
    [[left, right]] = lay.borderless_table(doc, (half, half), 1)
    label = lay.styled_paragraph(left, styles.body, reuse=True)
    label.paragraph_format.first_line_indent = 0
    run = label.add_run(report_wording.RECIPIENTS_LABEL)
    run.underline = True
    run.bold = None
    for recipient in report.recipients:
        line = lay.write_line(
            left, Line(recipient, size=settings.small_size_pt), styles, settings, first=False
        )
        line.alignment = WD_ALIGN_PARAGRAPH.LEFT  # left: "- Đảng ủy … (để báo cáo),"
    lay.write_signature(right, report.signature, styles, settings)

    _statistics_section(doc, report, styles, settings)
    set_properties(doc, f"{report.doc_type} {report.subject}", report.signature.name)
    return lay.to_bytes(doc)


def _statistics_section(
    doc: DocxDocument, report: Report, styles: docx_styles.Styles, settings: DocSettings
) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = (
        Mm(docx_styles.A4_HEIGHT_MM),
        Mm(docx_styles.A4_WIDTH_MM),
    )
    section.different_first_page_header_footer = False  # keep numbering on this page
    lay.styled_paragraph(doc, styles.centre, report_wording.REPORT_TABLE_TITLE).runs[0].bold = True

    usable = lay.text_width(settings, docx_styles.A4_HEIGHT_MM)
    grades = [GRADE_WIDTH_MM] * len(settings.grade_labels)
    widths = [*STAT_WIDTHS_MM, *grades, max(usable - sum(STAT_WIDTHS_MM) - sum(grades), 15)]
    if sum(widths) > usable:  # a longer grading scale: shrink every column alike
        widths = [w * usable / sum(widths) for w in widths]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    lay.set_grid(table, widths)
    lay.narrow_cell_margins(table, 0.8)  # 18 columns: Word's 1.9 mm margins would split words
    _row(table, report.table_header, widths, styles, bold=True)
    rows = report.table_rows()
    for values in rows[:-1]:
        _row(table, values, widths, styles, bold=False)
    _row(table, rows[-1], widths, styles, bold=True)


def _row(
    table: Table,
    values: tuple[str, ...],
    widths: list[float],
    styles: docx_styles.Styles,
    *,
    bold: bool,
) -> None:
    from docx.shared import Mm

    cells = table.add_row().cells  # type: ignore[no-untyped-call]  # never table.cell() in a loop
    for cell, value, width in zip(cells, values, widths, strict=True):
        cell.width = Mm(width)
        paragraph = lay.styled_paragraph(cell, styles.cell, reuse=True)
        lay.add_text(paragraph, value).bold = bold or None
