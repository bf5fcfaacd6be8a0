"""Issue #10.2: header geometry. National titles on one line, names broken before their
administrative level, sizes within the reference (NĐ 30: 12–13 pt; HD 36: 14/15 pt)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from builders import make_session
from docx import Document

from facilitator.domain.models import Unit
from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.font_metrics import text_width_mm
from facilitator.export.header_geometry import CELL_PADDING_MM, break_name, fit_header
from facilitator.export.minutes_model import build_minutes
from facilitator.export.profiles import build_header
from facilitator.export.settings import DocSettings

HOI = Unit(
    name="Chi hội Cựu chiến binh thôn Tân Lạc 2",
    parent="Hội Cựu chiến binh xã Tân Thượng",
    abbrev="CHCCB",
    profile="state",
    locality="Tân Thượng",
)
CHI_BO = Unit(
    name="Chi bộ thôn Tân Lạc 2", parent="Đảng bộ xã Tân Thượng", abbrev="CB", locality="Tân Thượng"
)
DAY = date(2024, 5, 10)
TEXT_WIDTH = 165.0  # A4 minus the 30 + 15 mm margins


def header_of(unit: Unit):
    return build_header(unit, number="", doc_code="BB", day=DAY, settings=DocSettings())


def test_font_metrics_match_times_new_roman() -> None:
    # Times New Roman advances: "M" 0.889 em, "i" 0.278 em regular; bold "W" 1 em.
    assert text_width_mm("M", 72) == pytest.approx(0.889 * 25.4, abs=0.05)
    assert text_width_mm("i", 72) == pytest.approx(0.278 * 25.4, abs=0.05)
    assert text_width_mm("W", 72, bold=True) == pytest.approx(25.4, abs=0.05)
    # Accents keep their letter's advance; the horned Ư is wider than U.
    assert text_width_mm("Ế", 12) == text_width_mm("E", 12)
    assert text_width_mm("Ự", 12) > text_width_mm("U", 12)


def test_state_title_fits_one_line_and_names_break_before_their_level() -> None:
    layout = fit_header(
        header_of(HOI), TEXT_WIDTH, 14, title_sizes=(None, 12.0), name_sizes=(None, 12.0)
    )
    title = layout.right[0]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and title.size == 13
    room = layout.right_mm - CELL_PADDING_MM
    assert text_width_mm(title.text, 13, bold=True) < room
    parent, name = layout.left
    assert parent.text == "HỘI CỰU CHIẾN BINH\nXÃ TÂN THƯỢNG"
    assert name.text == "CHI HỘI CỰU CHIẾN BINH\nTHÔN TÂN LẠC 2"
    assert 12 <= name.size <= 13 and layout.number_size == name.size
    assert layout.left_mm + layout.right_mm == pytest.approx(TEXT_WIDTH)


def test_party_header_keeps_fourteen_point_names_on_one_line() -> None:
    layout = fit_header(header_of(CHI_BO), TEXT_WIDTH, 14)
    assert [line.text for line in layout.left] == [
        "ĐẢNG BỘ XÃ TÂN THƯỢNG",
        "CHI BỘ THÔN TÂN LẠC 2",
        "*",
    ]
    assert all(line.size is None for line in layout.left)  # the body's 14 pt
    assert layout.right[0].size == 15


def test_break_name_prefers_level_words_and_falls_back_to_words() -> None:
    assert break_name("ĐẢNG BỘ XÃ A", 100, 14, bold=True) == ("ĐẢNG BỘ XÃ A", True)
    text, clean = break_name("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LÂM ĐỒNG", 75, 14, bold=True)
    assert clean and text == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN\nTỈNH LÂM ĐỒNG"
    text, clean = break_name("BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG", 40, 14, bold=True)
    assert not clean and all(text_width_mm(p, 14, bold=True) <= 40 for p in text.split("\n"))


def test_docx_header_carries_the_fitted_geometry() -> None:
    settings = DocSettings(signer="tm")
    doc = Document(io.BytesIO(render_minutes_docx(build_minutes(make_session(unit=HOI), settings))))
    header = doc.tables[0]
    (left, right), (number, _place) = (row.cells for row in header.rows)
    grid = [col.width.mm for col in header.columns]
    assert grid[1] > 95 and sum(grid) == pytest.approx(TEXT_WIDTH, abs=0.5)
    title = right.paragraphs[0]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert title.runs[0].font.size.pt == 13
    names = [p.text for p in left.paragraphs if p.text]
    assert names == ["HỘI CỰU CHIẾN BINH\nXÃ TÂN THƯỢNG", "CHI HỘI CỰU CHIẾN BINH\nTHÔN TÂN LẠC 2"]
    assert number.paragraphs[0].runs[0].font.size.pt in (12, 13)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("soffice.exe")


@pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler's pdftotext are needed to render",
)
@pytest.mark.parametrize("unit", [HOI, CHI_BO], ids=["hoi-ccb", "chi-bo"])
def test_libreoffice_renders_titles_on_one_line(unit: Unit, tmp_path: Path) -> None:
    settings = DocSettings(signer="tm")
    source = tmp_path / "bb.docx"
    source.write_bytes(render_minutes_docx(build_minutes(make_session(unit=unit), settings)))
    subprocess.run(
        [str(soffice()), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    layout = subprocess.run(
        ["pdftotext", "-layout", "-l", "1", str(tmp_path / "bb.pdf"), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    top = layout.splitlines()[:6]
    if unit is HOI:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top[0]
        assert "Độc lập - Tự do - Hạnh phúc" in top[1]
        assert [line.strip().split("  ")[0] for line in top[:4] if line.strip()][:4] == [
            "HỘI CỰU CHIẾN BINH",
            "XÃ TÂN THƯỢNG",
            "CHI HỘI CỰU CHIẾN BINH",
            "THÔN TÂN LẠC 2",
        ]
    else:
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in top[0] and "ĐẢNG BỘ XÃ TÂN THƯỢNG" in top[0]
        assert top[1].strip() == "CHI BỘ THÔN TÂN LẠC 2"
    assert any("ngày 10 tháng 5 năm 2024" in line for line in top)
