"""The presenter's script (kịch bản điều hành): DOCX read back, Markdown agrees, pack form."""

from __future__ import annotations

from pathlib import Path

from builders import make_app
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from facilitator.cli.main import main
from facilitator.services.session import SessionService
from facilitator.storage.store import Store
from tests.conftest import ROOT


def run(store: Store, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(store.root), *args])
    return result.exit_code, result.output


def read_docx(path: Path) -> tuple[list[str], list[list[list[str]]], list[str]]:
    """(body paragraphs, tables as rows of cell texts, highlighted runs)."""
    doc = Document(str(path))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    marked = [
        run.text
        for p in doc.paragraphs
        for run in p.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    return [p.text for p in doc.paragraphs], tables, marked


def export(store: Store, session_id: str, tmp_path: Path, fmt: str) -> Path:
    target = tmp_path / f"kich-ban.{'md' if fmt.endswith('md') else 'docx'}"
    code, output = run(store, "export", session_id, "--format", fmt, "-o", str(target))
    assert code == 0, output
    return target


def test_docx_script_of_a_prepared_session(store, session_id, frozen_clock, tmp_path) -> None:
    # Prepare changes the plan: a longer opening, one item skipped; times must follow.
    service = SessionService.open(store, session_id, frozen_clock)
    service.update_item("khai-mac", minutes=10)
    service.update_item("gioi-thieu-tac-pham", skipped=True)
    service.close()

    paragraphs, tables, marked = read_docx(export(store, session_id, tmp_path, "script"))
    text = "\n".join(paragraphs)
    agenda = tables[0]
    assert agenda[0] == ["TT", "Thời gian", "Nội dung", "Phút", "Người thực hiện"]
    rows = {row[2]: row for row in agenda[1:]}
    assert rows["Khai mạc, tuyên bố lý do, giới thiệu đại biểu"][1] == "07:30 – 07:40"
    assert rows["Cử thư ký buổi sinh hoạt"][1] == "07:40 – 07:42"
    assert "Giới thiệu chung về tác phẩm" not in rows  # skipped: not held, no time
    assert rows["Bế mạc"][1] == "09:15 – 09:17"  # 07:30 + 110 + 5 - 8 minutes
    assert rows["Thảo luận, liên hệ thực tiễn"][4] == "Chủ trì: Nguyễn Văn An"
    assert agenda[-1][0] == str(len(agenda) - 1)
    assert "Tổng thời gian dự kiến: 107 phút, kết thúc lúc 09 giờ 17 phút." in text

    # Who, when, where.
    assert "Thời gian: 07 giờ 30 phút, ngày 10 tháng 5 năm 2024" in text
    assert "Địa điểm: Hội trường" in text
    assert "Chủ trì: đồng chí Nguyễn Văn An – Bí thư chi bộ" in text
    assert "Báo cáo viên: đồng chí Nguyễn Văn An – Bí thư chi bộ" in text
    # The chair's lines, in the app's wording, with blanks for the live count and votes.
    assert "Tôi xin tuyên bố khai mạc buổi sinh hoạt chuyên đề." in text
    assert "chủ trì đề nghị đồng chí Trần Thị Bình làm thư ký" in text
    assert "Tổng số đảng viên của đơn vị: 6 đồng chí." in text
    live = next(m for m in marked if m.startswith("Có mặt:"))
    assert "…/… đồng chí" in live
    assert any("Đồng chí nào nhất trí với chương trình" in m for m in marked)
    assert any("tuyên bố bế mạc" in m and "…… giờ …… phút" in m for m in marked)
    # Items: headings with times, leaders, talking points and questions.
    assert (
        "6. Phần thứ hai: Đối ngoại Việt Nam vì độc lập, tự chủ, hòa bình, hữu nghị, hợp " in text
    )
    assert "Sau đây, xin mời đồng chí Nguyễn Văn An trình bày nội dung" in text
    assert any(
        p.startswith("- Gốc vững: lấy phục vụ lợi ích quốc gia - dân tộc") for p in paragraphs
    )
    assert "- Vì sao “gốc vững” phải được đặt lên trước “thân chắc” và “cành uyển chuyển”?" in (
        paragraphs
    )
    # Side notes: the framing box, each item's lens, the presenter-only notes.
    boxes = ["\n".join(row[0] for row in t) for t in tables[1:]]
    framing = boxes[0]
    assert framing.startswith("Ghi chú bên lề") and "Cành uyển chuyển: Phong cách" in framing
    assert any(b.startswith("Cách nhìn\nGốc vững – Nguyên tắc chỉ đạo") for b in boxes)
    notes = [b for b in boxes if b.startswith("Ghi chú riêng của báo cáo viên")]
    assert not any("Nên cầm cuốn sách trên tay" in b for b in notes)  # the skipped item's
    assert any('đọc to "có mặt …/… đồng chí"' in b for b in notes)


def test_docx_script_fits_a4_in_the_layout_fonts(store, session_id, tmp_path) -> None:
    doc = Document(str(export(store, session_id, tmp_path, "script")))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    width = section.page_width - section.left_margin - section.right_margin
    assert sum(col.width for col in doc.tables[0].columns) <= width
    fonts = {
        s.element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii"
        )
        for s in doc.styles
        if s.element.rPr is not None and s.element.rPr.rFonts is not None
    }
    assert fonts == {"Times New Roman"}
    assert doc.styles["Normal"].font.size.pt == 14


def test_markdown_script_agrees_with_the_docx(store, session_id, tmp_path) -> None:
    paragraphs, tables, _ = read_docx(export(store, session_id, tmp_path, "script"))
    markdown = export(store, session_id, tmp_path, "script-md").read_text("utf-8")
    for row in tables[0][1:]:
        assert f"| {row[0]} | {row[1]} | " in markdown
    headings = [p for p in paragraphs if p[:1].isdigit() and " phút)" in p]
    assert len(headings) == 13
    for heading in headings:
        number, _, rest = heading.partition(". ")
        assert f"### {number}. {rest}" in markdown
    assert "…/… đồng chí" in markdown
    assert "> **Ghi chú riêng của báo cáo viên (không đọc to):**" in markdown
    assert "> **Gốc vững:** *Nguyên tắc chỉ đạo" in markdown


def test_pack_script_from_the_command_line(store, tmp_path) -> None:
    target = tmp_path / "ks.docx"
    code, output = run(
        store, "content", "script", "cay-tre", "--start", "24/04/2024 14:00",
        "--place", "Nhà văn hóa", "-o", str(target),
    )  # fmt: skip
    assert code == 0, output
    paragraphs, tables, _ = read_docx(target)
    assert tables[0][1][1] == "14:00 – 14:05" and tables[0][-1][1] == "15:48 – 15:50"
    assert "Thời gian: 14 giờ 00 phút, ngày 24 tháng 4 năm 2024" in paragraphs
    assert "Chủ trì: đồng chí ………………" in paragraphs  # nobody chosen yet: a blank

    md = tmp_path / "ks.md"
    code, output = run(store, "content", "script", str(ROOT / "content" / "thuong-ky.md"), "--format",
                       "script-md", "-o", str(md))  # fmt: skip
    assert code == 0, output
    text = md.read_text("utf-8")
    assert "| 1 | 0′ – 3′ | Khai mạc, tuyên bố lý do |" in text  # no start: minutes
    assert "Chưa có giờ bắt đầu" in text and "ngày …… tháng …… năm ……" in text


def test_unknown_pack_is_a_clear_message(store, tmp_path) -> None:
    code, output = run(store, "content", "script", "khong-co", "-o", str(tmp_path / "x.docx"))
    assert code == 1
    assert "Không tìm thấy gói nội dung «khong-co»" in output and "Traceback" not in output
    assert not (tmp_path / "x.docx").exists()


async def test_console_export_dialog_writes_the_script(
    store, running, content_dir, frozen_clock, tmp_path
) -> None:
    from textual.widgets import Input

    app = make_app(store, content_dir, frozen_clock, running, export_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        for _ in range(3):  # Word, Markdown, bundle, then the script (Word)
            await pilot.press("down")
        path = app.screen.query_one("#export-path", Input)
        assert path.value.endswith("-kich-ban.docx")  # the name follows the format
        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = tmp_path / f"{running}-kich-ban.docx"
    _, tables, _ = read_docx(written)
    assert tables[0][1][1] == "07:30 – 07:35"
