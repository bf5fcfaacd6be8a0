"""python-docx building blocks: header, title, blocks, signatures, tables (the page,
fonts and styles they use are made in ``docx_styles``).

python-docx is imported inside functions only: importing it costs ~170 ms (lxml), which
the TUI must not pay at startup (performance-reliability-facts §3). Tables are filled
with ``add_row().cells`` and never with ``table.cell()`` in a loop (quadratic).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from facilitator.export.document import Block, DocHeader, Line, Signature
from facilitator.export.docx_styles import A4_WIDTH_MM, Styles
from facilitator.export.header_geometry import CELL_PADDING_MM, SLACK_MM, fit_header, line_width
from facilitator.export.settings import DocSettings

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

RULE_LINE_PT = 4  # height of the paragraph that carries the short rule under a name
SIGNATURE_GAP_LINES = 4  # empty lines left for the handwritten signature (§1.9: about 4)


def add_rule_below(paragraph: Paragraph, width_mm: float, column_mm: float) -> None:
    """A solid bottom border as long as ``width_mm``, centred in a ``column_mm`` cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    side = max((column_mm - CELL_PADDING_MM - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(attr), value)
    borders.append(bottom)
    # pBdr must precede spacing/ind/jc in CT_PPr's sequence.
    anchor = next((c for c in p_pr if c.tag in {qn("w:spacing"), qn("w:ind"), qn("w:jc")}), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        p_pr.append(borders)


def styled_paragraph(
    container: Any, style: Any, text: str = "", *, reuse: bool = False
) -> Paragraph:
    """A paragraph with ``style`` set by id.

    ``Paragraph.style = obj`` scans every style of the document to find the default one,
    and python-docx's ``w:pStyle`` setter searches the successor list of ``w:pPr`` for
    each insert; a fresh paragraph has no ``w:pPr``, so it is built and put first
    directly (the minutes write ~1,100 paragraphs). ``reuse`` fills the empty paragraph
    a new table cell already has.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = cast("Paragraph", container.paragraphs[0] if reuse else container.add_paragraph())
    p = paragraph._p
    if p.pPr is None:
        p_pr = OxmlElement("w:pPr")
        p_pr.append(OxmlElement("w:pStyle", {qn("w:val"): style.style_id}))
        p.insert(0, p_pr)
    else:
        p.style = style.style_id
    if text:
        add_text(paragraph, text)
    return paragraph


def add_text(paragraph: Paragraph, text: str) -> Run:
    """A run holding ``text``: one ``w:t`` built directly (python-docx's ``run.text``
    walks the text a character at a time for tabs and breaks, ~40% of the minutes' cost);
    text with a line break or tab takes python-docx's path."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.run import Run

    if "\n" in text or "\t" in text or "\r" in text:
        return paragraph.add_run(text)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)
    return Run(r, paragraph)


def write_line(
    cell_or_doc: Any, line: Line, styles: Styles, settings: DocSettings, *, first: bool
) -> Paragraph:
    """One header/signature line as a centred paragraph (reusing a fresh cell's paragraph)."""
    from docx.shared import Pt

    paragraph = styled_paragraph(cell_or_doc, styles.centre, reuse=first)
    run = add_text(paragraph, line.text)
    run.bold = line.bold or None
    run.italic = line.italic or None
    if line.size is not None and line.size != settings.body_size_pt:
        run.font.size = Pt(line.size)
    return paragraph


def set_grid(table: Table, widths_mm: Sequence[float]) -> None:
    """Column widths in the table grid: LibreOffice lays out by the grid (w:gridCol), Word
    by the cells, so both must be set (cells are set row by row as rows are added)."""
    from docx.shared import Mm

    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)


def narrow_cell_margins(table: Table, side_mm: float) -> None:
    """Left/right cell margins for the whole table (``w:tblCellMar``), in mm."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(side_mm * 56.7)))  # twentieths of a point
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def borderless_table(doc: DocxDocument, widths_mm: Sequence[float], rows: int) -> list[list[_Cell]]:
    """A table without borders (Word's "Normal Table") with fixed column widths."""
    from docx.shared import Mm

    table = doc.add_table(rows=0, cols=len(widths_mm))
    table.autofit = False
    set_grid(table, widths_mm)
    grid: list[list[_Cell]] = []
    for _ in range(rows):
        cells = table.add_row().cells
        for cell, width in zip(cells, widths_mm, strict=True):
            cell.width = Mm(width)
        grid.append(list(cells))
    return grid


def text_width(settings: DocSettings, page_width_mm: float = A4_WIDTH_MM) -> float:
    """Printable width between the margins, in mm."""
    return page_width_mm - settings.margin_left_mm - settings.margin_right_mm


def write_header(
    doc: DocxDocument, header: DocHeader, styles: Styles, settings: DocSettings
) -> None:
    """The two-column header as a borderless 2×2 table; number and date share row 2.

    Column widths, sizes and name breaks come from ``fit_header`` so the national title
    stays on one line and a long name breaks before its administrative level.
    """
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    layout = fit_header(
        header,
        text_width(settings),
        settings.body_size_pt,
        title_sizes=(None, *header.title_sizes),
        name_sizes=(None, *header.name_sizes),
    )
    widths = (layout.left_mm, layout.right_mm)
    (left, right), (number_cell, date_cell) = borderless_table(doc, widths, 2)
    for column, lines, width in ((left, layout.left, widths[0]), (right, layout.right, widths[1])):
        for i, line in enumerate(lines):
            paragraph = write_line(column, line, styles, settings, first=i == 0)
            if not line.rule_below:
                continue
            measured = line_width(line, settings.body_size_pt) + SLACK_MM
            if column is right:  # the rule as long as the title, on the title itself
                add_rule_below(paragraph, min(measured, width - CELL_PADDING_MM), width)
            else:
                # NĐ 30's rule under the issuing body is shorter than the name: drawn on
                # its own thin paragraph, so the name keeps the column's whole width.
                rule = styled_paragraph(column, styles.centre)
                rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                rule.paragraph_format.line_spacing = Pt(RULE_LINE_PT)
                add_rule_below(rule, min(measured / 3, width - CELL_PADDING_MM), width)
    number = Line(header.number, size=layout.number_size)
    write_line(number_cell, number, styles, settings, first=True)
    write_line(date_cell, Line(header.place_date, italic=True), styles, settings, first=True)


def write_title(
    doc: DocxDocument,
    doc_type: str,
    subject: str,
    styles: Styles,
    settings: DocSettings,
    separator: str,
) -> None:
    """BIÊN BẢN / BÁO CÁO (15 pt bold), the subject line (bold) and "-----"."""
    from docx.shared import Pt

    title = styled_paragraph(doc, styles.centre)
    title.paragraph_format.space_before = Pt(18)
    run = add_text(title, doc_type)
    run.bold = True
    run.font.size = Pt(settings.title_size_pt)
    add_text(styled_paragraph(doc, styles.centre), subject).bold = True
    styled_paragraph(doc, styles.centre, separator).paragraph_format.space_after = Pt(12)


def write_blocks(doc: DocxDocument, blocks: Iterable[Block], styles: Styles) -> None:
    """Body paragraphs; styles carry the formatting so each block costs one paragraph."""
    from docx.enum.text import WD_COLOR_INDEX

    for block in blocks:
        if block.kind in ("heading", "subheading"):
            styled_paragraph(doc, styles.bold, block.text)
        elif block.kind == "fill":
            run = add_text(styled_paragraph(doc, styles.body), block.text)
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW  # a blank to complete by hand
        elif block.kind == "item" and block.level:
            styled_paragraph(doc, styles.levels[min(block.level, 3) - 1], block.display)
        else:
            styled_paragraph(doc, styles.body, block.display)


def write_signature(cell: _Cell, sig: Signature, styles: Styles, settings: DocSettings) -> None:
    """Authority lines (bold), the hint (italic), room to sign, the name (bold)."""
    for i, line in enumerate(sig.lines):
        write_line(cell, line, styles, settings, first=i == 0)
    write_line(cell, Line(sig.hint, italic=True), styles, settings, first=False)
    for _ in range(SIGNATURE_GAP_LINES):
        styled_paragraph(cell, styles.centre)
    write_line(cell, Line(sig.name, bold=True), styles, settings, first=False)


def to_bytes(doc: DocxDocument) -> bytes:
    """Serialise the document (.docx is a zip written in memory, then saved atomically)."""
    import io

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
