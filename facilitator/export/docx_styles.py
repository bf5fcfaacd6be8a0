"""python-docx documents as the formats want them: A4 page, margins, fonts, paragraph
styles, page numbers. The writing of header, blocks and signatures is ``docx_layout``.

python-docx is imported inside functions only: importing it costs ~170 ms (lxml), which
the TUI must not pay at startup (performance-reliability-facts §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.export.settings import DocSettings

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


@dataclass
class Styles:
    """Paragraph styles created once per document (lookup by name is a linear scan)."""

    body: Any
    bold: Any
    centre: Any
    cell: Any
    levels: list[Any]


def set_fonts(rpr: Any, name: str) -> None:
    """Set all four ``w:rFonts`` slots on a ``w:rPr`` and drop the theme fonts."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    _fill_font_slots(fonts, name)


def _fill_font_slots(fonts: Any, name: str) -> None:
    from docx.oxml.ns import qn

    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), name)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)


def new_document(settings: DocSettings) -> tuple[DocxDocument, Styles]:
    """An empty A4 document with the fonts, margins, styles and page numbers set."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    # python-docx's template is US Letter: A4 must be set explicitly.
    section.page_width, section.page_height = Mm(A4_WIDTH_MM), Mm(A4_HEIGHT_MM)
    section.top_margin, section.bottom_margin = (
        Mm(settings.margin_top_mm),
        Mm(settings.margin_bottom_mm),
    )
    section.left_margin, section.right_margin = (
        Mm(settings.margin_left_mm),
        Mm(settings.margin_right_mm),
    )

    # Every style, and the document defaults, get Times New Roman in all four slots so no
    # theme font (Calibri, Cambria) can leak into headings, tables or headers.
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            set_fonts(rpr, settings.font)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            set_fonts(style.element.get_or_add_rPr(), settings.font)
            if style.type != WD_STYLE_TYPE.TABLE and style.font.color.type is not None:
                style.font.color.rgb = None  # the template's blue headings
    # Table styles also carry theme fonts in their conditional parts (first row...).
    for fonts in styles_el.iter(qn("w:rFonts")):
        _fill_font_slots(fonts, settings.font)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(settings.body_size_pt)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(settings.space_after_pt)
    if settings.line_spacing_pt is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(settings.line_spacing_pt)
    heading_sizes = {
        "Heading 1": settings.title_size_pt,
        "Heading 2": settings.body_size_pt,
        "Heading 3": settings.body_size_pt,
        "Title": settings.title_size_pt,
    }
    for name, size in heading_sizes.items():
        doc.styles[name].font.size = Pt(size)

    def paragraph_style(
        name: str, *, align: Any, indent_mm: float | None, bold: bool = False
    ) -> Any:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        set_fonts(style.element.get_or_add_rPr(), settings.font)
        style.paragraph_format.alignment = align
        if indent_mm is not None:
            style.paragraph_format.first_line_indent = Mm(indent_mm)
        style.font.bold = bold
        return style

    justify, centre = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER
    indent = settings.first_line_indent_mm
    body = paragraph_style("Facilitator Body", align=justify, indent_mm=indent)
    bold = paragraph_style("Facilitator Heading", align=justify, indent_mm=indent, bold=True)
    bold.paragraph_format.keep_with_next = True
    centre_style = paragraph_style("Facilitator Centre", align=centre, indent_mm=None)
    centre_style.paragraph_format.space_after = Pt(0)
    cell = paragraph_style("Facilitator Cell", align=centre, indent_mm=None)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    cell.font.size = Pt(settings.small_size_pt - 1)  # 18 columns must fit a landscape A4
    levels = [
        paragraph_style(f"Facilitator Level {lvl}", align=justify, indent_mm=indent + 5 * lvl)
        for lvl in range(1, 4)
    ]
    add_page_numbers(section, settings)
    return doc, Styles(body=body, bold=bold, centre=centre_style, cell=cell, levels=levels)


def add_page_numbers(section: Any, settings: DocSettings) -> None:
    """Centred PAGE field in the top margin, from page 2 (first page header left empty)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit empty header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "2"), ("end", ""))
    for kind, text in field:
        run = paragraph.add_run()
        run.font.size = Pt(settings.body_size_pt)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
