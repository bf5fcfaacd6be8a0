"""Minutes export: model wording, Markdown golden files, DOCX read back, safe writes."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from builders import EXPECTED, ICT, PRESENTER_SECRET, make_session
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn

from facilitator.domain.errors import FacilitatorError, StoreError
from facilitator.domain.models import Unit, Vote
from facilitator.export import export_minutes
from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.export.registry import MINUTES_WRITERS, safe_output_path
from facilitator.export.settings import DocSettings
from facilitator.storage.output_file import write_output

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

HCCB = Unit(
    name="Chi hội Cựu chiến binh thôn 2",
    parent="Hội Cựu chiến binh xã Di Linh",
    abbrev="CHCCB",
    profile="state",
    locality="Di Linh",
)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"golden {name} differs (UPDATE_GOLDEN=1)"


def read_docx(data: bytes):  # -> docx.document.Document
    return Document(io.BytesIO(data))


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def session():
    return make_session()


@pytest.fixture(scope="module")
def docx_bytes(session) -> bytes:
    return render_minutes_docx(build_minutes(session), DocSettings())


@pytest.fixture(scope="module")
def doc(docx_bytes):
    return read_docx(docx_bytes)


# -- model --------------------------------------------------------------------------------


def test_counts_are_derived_from_roster_and_attendance(session) -> None:
    counts = build_minutes(session).counts
    for field, value in EXPECTED.items():
        actual = counts.expected if field == "expected" else getattr(counts, field)
        assert actual == value, field


def test_minutes_text_has_every_derived_line(session) -> None:
    text = build_minutes(session).text
    assert "- Thời gian: bắt đầu lúc 07 giờ 30 phút, ngày 10 tháng 5 năm 2024." in text
    assert "- Địa điểm: Hội trường Ủy ban nhân dân xã." in text
    assert "Đại biểu dự: đồng chí Ngô Thị Lan – Phó Bí thư Đảng ủy xã." in text
    assert "Chủ trì: đồng chí Nguyễn Văn An – Bí thư chi bộ." in text
    assert "Thư ký: đồng chí Trần Thị Bình." in text
    assert (
        "Tổng số đảng viên: 26 đồng chí (chính thức 25, dự bị 1; miễn sinh hoạt 1; "
        "sinh hoạt tạm thời 1)." in text
    )
    assert "Có mặt: 23 đồng chí (chính thức 22, dự bị 1)" in text
    assert "1. Đồng chí Hoàng Văn Em – Đi công tác." in text
    assert "- Vắng không có lý do: 1 đồng chí:\n1. Đồng chí Vũ Thị Giang." in text
    assert "Quần chúng dự: 1 người; khách mời dự: 1 người." in text
    assert "tán thành 22/23 đồng chí (95,65%); không tán thành 1; ý kiến khác 0." in text
    assert "Kết quả: được thông qua" in text
    assert "Biên bản đã được thông qua trước chi bộ, 23/23 đồng chí tán thành (100%)." in text
    assert "Cuộc họp kết thúc lúc 10 giờ 05 phút cùng ngày." in text


def test_agenda_discussion_and_conclusions(session) -> None:
    text = build_minutes(session).text
    assert "2. Gốc vững: lợi ích quốc gia – dân tộc (đồng chí Lê Văn Cường trình bày)." in text
    assert "Đồng chí Lê Văn Cường trình bày." in text
    assert "- Đồng chí Phạm Thị Dung: Cần liên hệ thực tiễn địa phương." in text
    assert "- Đồng chí Bùi Thị Hoa hỏi: Vận dụng vào công tác dân vận thế nào?" in text
    assert "- Đồng chí Lê Văn Cường trả lời: Bắt đầu từ việc lắng nghe dân." in text
    # No speaker: no name prefix.
    assert "- Đề xuất: Tổ chức thêm buổi trao đổi ở thôn." in text
    assert "Đồng chí chủ trì kết luận: Chi bộ thống nhất cao với nội dung trình bày." in text
    assert "Giao chi ủy xây dựng kế hoạch." in text
    assert "Chi bộ thống nhất nội dung học tập." in text
    # A skipped item with nothing recorded is not part of the agenda as held.
    assert "Chiếu phim tư liệu" not in text


def test_a_skipped_item_with_recorded_notes_keeps_them(session) -> None:
    """What the secretary recorded is never dropped, even if the item was later skipped."""
    from facilitator.domain.models import Note

    note = Note(
        "n9",
        "phim",
        datetime(2024, 5, 10, 8, 30, tzinfo=ICT),
        "Đề nghị chiếu vào buổi sau",
        "proposal",
        "p01",
    )
    text = build_minutes(session.with_changes(notes=(*session.notes, note))).text
    assert "Chiếu phim tư liệu" in text
    assert "Đề nghị chiếu vào buổi sau" in text


def test_presenter_notes_and_escape_sequences_never_appear(session, docx_bytes) -> None:
    md = render_minutes_md(build_minutes(session))
    assert PRESENTER_SECRET not in md
    assert "Nội dung bài giảng" not in md  # the pack's presentation text either
    assert "\x1b" not in md and "[31m" not in md
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
    assert "GHI CHÚ RIÊNG" not in xml
    assert "\x1b" not in xml and "[31m" not in xml
    assert "Ý kiến đỏ *nhấn mạnh*." in xml


def test_dates_are_zero_padded_only_where_hd36_says() -> None:
    feb = make_session(started_at=datetime(2024, 2, 5, 14, 0, tzinfo=ICT), ended_at=None)
    minutes = build_minutes(feb)
    assert minutes.header.place_date == "Di Linh, ngày 05 tháng 02 năm 2024"
    assert "bắt đầu lúc 14 giờ 00 phút, ngày 05 tháng 02 năm 2024." in minutes.text
    apr = make_session(started_at=datetime(2024, 4, 24, 7, 5, tzinfo=ICT), ended_at=None)
    assert build_minutes(apr).header.place_date == "Di Linh, ngày 24 tháng 4 năm 2024"


def test_missing_end_time_approval_and_number_are_marked_blanks() -> None:
    minutes = build_minutes(make_session(ended_at=None, approved=None, number=""))
    fills = [b.text for b in minutes.body if b.kind == "fill"]
    assert any("Cuộc họp kết thúc lúc …… giờ …… phút" in f for f in fills)
    assert any(f.startswith("[Chưa thông qua") for f in fills)
    assert minutes.header.number == "Số    -BB/CB"


def test_meeting_past_midnight_names_the_end_date() -> None:
    late = make_session(ended_at=datetime(2024, 5, 11, 0, 15, tzinfo=ICT))
    assert "kết thúc lúc 00 giờ 15 phút, ngày 11 tháng 5 năm 2024." in build_minutes(late).text


def test_failed_vote_is_reported_as_not_passed() -> None:
    minutes = build_minutes(make_session(votes=(Vote("ket-luan", "Đề án A", 11, 12, 0, 23),)))
    assert "Đề án A: tán thành 11/23 đồng chí (47,83%); không tán thành 12" in minutes.text
    assert "Kết quả: không được thông qua" in minutes.text


def test_signer_styles() -> None:
    chair = build_minutes(make_session()).signatures
    assert [line.text for line in chair[0].lines] == ["THƯ KÝ"]
    assert chair[0].name == "Trần Thị Bình"
    assert [line.text for line in chair[1].lines] == ["CHỦ TRÌ"]
    assert chair[1].name == "Nguyễn Văn An"
    tm = build_minutes(make_session(), DocSettings(signer="tm")).signatures[1]
    assert [line.text for line in tm.lines] == ["T/M CHI BỘ", "BÍ THƯ"]


def test_state_profile_header_and_signer() -> None:
    session = make_session(unit=HCCB, number="", approved=None)
    minutes = build_minutes(session, DocSettings(signer="tm", signer_title="Chi hội trưởng"))
    assert [line.text for line in minutes.header.right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert minutes.header.right[1].rule_below
    assert "*" not in [line.text for line in minutes.header.left]
    assert minutes.header.number == "Số:    /BB-CHCCB"
    assert [line.text for line in minutes.signatures[1].lines] == [
        "TM. CHI HỘI",  # #10.9: the chi hội signs as such, its post below
        "CHI HỘI TRƯỞNG",
    ]
    assert "thông qua trước hội nghị" in minutes.text


def test_mass_organisation_counts_members_not_party_members() -> None:
    """A Hội CCB chi hội has hội viên (#10.9), not đảng viên; no chính thức/dự bị split when
    nobody is probationary."""
    session = make_session(unit=HCCB)
    people = tuple(
        replace(p, category="chinh-thuc") if p.category == "du-bi" else p for p in session.people
    )
    minutes = build_minutes(session.with_changes(people=people))
    assert "Tổng số hội viên:" in minutes.text
    assert "đảng viên" not in minutes.text
    assert "dự bị" not in minutes.text
    assert "trên một nửa số hội viên có quyền biểu quyết" in minutes.text


# -- Markdown golden files ------------------------------------------------------------------


def test_minutes_markdown_golden(session) -> None:
    check_golden("minutes_party.md", render_minutes_md(build_minutes(session)))


def test_minutes_markdown_golden_state_unapproved() -> None:
    vote = Vote("ket-luan", "Thông qua kế hoạch hành động", 6, 1, 0, 7)  # 7 entitled (filler=2)
    session = make_session(
        unit=HCCB, number="", approved=None, ended_at=None, filler=2, votes=(vote,)
    )
    minutes = build_minutes(session, DocSettings(signer="tm", signer_title="Chi hội trưởng"))
    check_golden("minutes_state.md", render_minutes_md(minutes))


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


# -- registry, paths and writes -----------------------------------------------------------


def test_registry_writers(session) -> None:
    minutes = build_minutes(session)
    assert set(MINUTES_WRITERS) == {"docx", "md", "pdf"}
    assert MINUTES_WRITERS["md"](minutes, DocSettings()).decode("utf-8").startswith("| ĐẢNG BỘ")
    assert MINUTES_WRITERS["docx"](minutes, DocSettings())[:2] == b"PK"


@pytest.mark.parametrize("title", ["../../etc/passwd", "a/b\\c", "..", "", "Biên bản / 05"])
def test_safe_output_path_stays_in_folder(tmp_path: Path, title: str) -> None:
    path = safe_output_path(tmp_path, title, "docx")
    assert path.parent == tmp_path
    assert path.suffix == ".docx" and ".." not in path.name and "/" not in path.stem


def test_safe_output_path_rejects_odd_extensions(tmp_path: Path) -> None:
    with pytest.raises(FacilitatorError):
        safe_output_path(tmp_path, "x", "../docx")


def test_export_minutes_refuses_to_overwrite(tmp_path: Path, session) -> None:
    path = export_minutes(session, "md", tmp_path)
    assert path.parent == tmp_path and path.name.startswith("bien-ban-2024-05-10-sinh-hoat")
    first = path.read_bytes()
    with pytest.raises(FacilitatorError) as excinfo:
        export_minutes(session, "md", tmp_path)
    assert path.name in str(excinfo.value) and "đã tồn tại" in str(excinfo.value)
    assert path.read_bytes() == first
    assert export_minutes(session, "md", tmp_path, overwrite=True) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temp files left


def test_export_minutes_docx_to_explicit_file(tmp_path: Path, session) -> None:
    target = tmp_path / "bb.docx"
    assert export_minutes(session, "docx", target) == target
    assert read_docx(target.read_bytes()).tables[0].rows[1].cells[0].text == "Số 05-BB/CB"


def test_unknown_format_is_a_vietnamese_error(tmp_path: Path, session) -> None:
    with pytest.raises(FacilitatorError, match="không được hỗ trợ"):
        export_minutes(session, "odt", tmp_path)


def test_write_output_reports_disk_full_without_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "bao-cao.csv"
    with pytest.raises(StoreError) as excinfo:
        write_output(target, b"x" * 10, overwrite=False)
    assert "ổ đĩa đã đầy" in str(excinfo.value) and str(target) in str(excinfo.value)
    assert list(tmp_path.iterdir()) == []


def test_write_output_into_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "khong-co" / "a.md"
    with pytest.raises(StoreError, match="Không ghi được tệp"):
        write_output(target, b"x", overwrite=False)


def test_core_export_does_not_import_docx_or_textual() -> None:
    code = (
        "import sys, facilitator.export, facilitator.export.registry;"
        "import facilitator.export.minutes_model, facilitator.export.report_model;"
        "bad = [m for m in ('docx', 'textual', 'rich') if m in sys.modules];"
        "assert not bad, bad"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_a_skipped_item_with_a_conclusion_keeps_it(session) -> None:
    from dataclasses import replace as _replace

    agenda = tuple(
        _replace(i, conclusion="Giao đồng chí Cường rà soát danh sách.") if i.id == "phim" else i
        for i in session.agenda
    )
    text = build_minutes(session.with_changes(agenda=agenda)).text
    assert "Giao đồng chí Cường rà soát danh sách." in text
