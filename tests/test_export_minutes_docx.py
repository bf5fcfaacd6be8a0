"""Minutes export, the DOCX read back: A4 page and HD36 margins, fonts and typography, the
header table, page numbers, content, fill-in blanks and settings.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from builders import PRESENTER_SECRET, make_session
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from minutes_helpers import (
    all_text,
    docx_bytes_fixture,  # noqa: F401  (the ``docx_bytes`` fixture)
    read_docx,
    session_fixture,  # noqa: F401  (the ``session`` fixture)
)

from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.minutes_model import build_minutes
from facilitator.export.settings import DocSettings


@pytest.fixture(scope="module")
def doc(docx_bytes):
    return read_docx(docx_bytes)


# -- DOCX read back -------------------------------------------------------------------------


def test_docx_page_is_a4_with_hd36_margins(doc) -> None:
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_docx_every_font_slot_is_times_new_roman(docx_bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    doc = read_docx(docx_bytes)
    fonts = doc.styles.element.findall(f".//{qn('w:rFonts')}")
    assert len(fonts) > 20  # every style, not just Normal
    for element in fonts:
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert element.get(qn(slot)) == "Times New Roman", slot
    assert (
        "Theme" not in "".join(attr for element in fonts for attr in element.attrib)
        and "w:asciiTheme" not in styles
    )
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "Table Grid", "Header"):
        r_fonts = doc.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert r_fonts is not None and r_fonts.get(qn("w:eastAsia")) == "Times New Roman", name
        assert r_fonts.get(qn("w:cs")) == "Times New Roman", name


def test_docx_body_typography(doc) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.size.pt == 14
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.paragraph_format.line_spacing.pt == 18
    assert normal.paragraph_format.space_after.pt == 6
    body = next(p for p in doc.paragraphs if p.text.startswith("- Thời gian:"))
    assert body.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(body.style.paragraph_format.first_line_indent.mm) == 10
    title = next(p for p in doc.paragraphs if p.text == "BIÊN BẢN")
    assert title.runs[0].bold and title.runs[0].font.size.pt == 15
    subject = next(p for p in doc.paragraphs if p.text.startswith("Sinh hoạt chuyên đề"))
    assert subject.runs[0].bold
    heading = next(p for p in doc.paragraphs if p.text == "I. NỘI DUNG")
    assert heading.style.font.bold


def test_docx_header_table(doc) -> None:
    header = doc.tables[0]
    (left, right), (number, place) = (row.cells for row in header.rows)
    lines = [p for p in left.paragraphs]
    assert [p.text for p in lines] == ["ĐẢNG BỘ XÃ DI LINH", "CHI BỘ KHỐI DÂN VẬN", "*"]
    assert not lines[0].runs[0].bold and lines[1].runs[0].bold
    title = right.paragraphs[0]
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert title.runs[0].bold and title.runs[0].font.size.pt == 15
    border = title._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert border is not None and border.get(qn("w:val")) == "single"
    assert number.text == "Số 05-BB/CB"
    assert place.text == "Di Linh, ngày 10 tháng 5 năm 2024"
    assert place.paragraphs[0].runs[0].italic
    # Borderless: no table style with borders, no explicit borders.
    assert header._tbl.tblPr.find(qn("w:tblBorders")) is None
    assert header.style is None or header.style.name == "Normal Table"
    # The grid (what LibreOffice lays out by) gives the national title the wider column,
    # so "ĐẢNG CỘNG SẢN VIỆT NAM" fits on one line.
    grid = [col.width.mm for col in header.columns]
    assert grid[1] > grid[0] and abs(sum(grid) - 165) < 1


def test_docx_page_numbers_from_page_two(doc) -> None:
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in section.first_page_header._element.xml


def test_docx_content_names_counts_and_signatures(doc) -> None:
    text = all_text(doc)
    assert "Có mặt: 23 đồng chí (chính thức 22, dự bị 1)" in text
    assert "Hoàng Văn Em – Đi công tác" in text
    assert "(95,65%)" in text
    assert PRESENTER_SECRET not in text
    signatures = doc.tables[-1]
    left, right = signatures.rows[0].cells
    assert left.paragraphs[0].text == "THƯ KÝ" and left.paragraphs[0].runs[0].bold
    assert left.paragraphs[-1].text == "Trần Thị Bình" and left.paragraphs[-1].runs[0].bold
    assert right.paragraphs[0].text == "CHỦ TRÌ"
    assert right.paragraphs[-1].text == "Nguyễn Văn An"
    assert right.paragraphs[1].runs[0].italic  # "(Ký, ghi rõ họ tên)"


def test_docx_fill_blanks_are_highlighted() -> None:
    data = render_minutes_docx(build_minutes(make_session(approved=None)), DocSettings())
    paragraph = next(p for p in read_docx(data).paragraphs if p.text.startswith("[Chưa thông qua"))
    assert paragraph.runs[0].font.highlight_color is not None


def test_docx_settings_change_layout() -> None:
    settings = DocSettings(margin_left_mm=35, line_spacing_pt=None, signer="tm")
    doc = read_docx(render_minutes_docx(build_minutes(make_session(), settings), settings))
    assert round(doc.sections[0].left_margin.mm) == 35
    assert doc.styles["Normal"].paragraph_format.line_spacing_rule == WD_LINE_SPACING.SINGLE
    right = doc.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs[:2]] == ["T/M CHI BỘ", "BÍ THƯ"]
