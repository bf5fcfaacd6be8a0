"""Content packs shipped with the app, and the `content check` command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pack_helpers import CONTENT, FIXTURES

from facilitator.cli.content import content_group
from facilitator.domain.content import ITEM_KINDS
from facilitator.parsing import list_packs, load_pack

# --- the shipped packs ---------------------------------------------------------------------


def test_shipped_packs_all_parse() -> None:
    entries = list_packs(CONTENT)
    assert {Path(entry.path).name for entry in entries} == {"cay-tre.md", "thuong-ky.md"}
    assert all(entry.ok for entry in entries), [str(entry.error) for entry in entries]


def test_cay_tre_is_a_full_study_session() -> None:
    result = load_pack(CONTENT / "cay-tre.md")
    assert result.id == "cay-tre"
    assert result.kind == "chuyen-de"
    assert 90 <= result.total_minutes <= 120
    assert [lens.label for lens in result.framing] == [
        "Gốc vững",
        "Thân chắc",
        "Cành uyển chuyển",
    ]
    assert all(lens.meaning for lens in result.framing)
    assert any("172-KH/HU" in source for source in result.sources)
    assert result.questions, "bài thu hoạch needs questions"
    kinds = {item.kind for item in result.items}
    assert kinds == set(ITEM_KINDS)
    assert {item.framing for item in result.items} >= {"goc", "than", "canh"}
    assert result.items[0].kind == "procedure" and result.items[-1].kind == "conclusion"
    discussion = [item for item in result.items if item.kind == "discussion"]
    assert discussion and len(discussion[0].questions) >= 3
    presentations = [item for item in result.items if item.kind == "presentation"]
    assert all("###" in item.body_md and item.presenter_notes for item in presentations)


def test_cay_tre_leaves_out_unverified_lists() -> None:
    text = (CONTENT / "cay-tre.md").read_text(encoding="utf-8")
    assert "05 bài học" not in text and "06 nhiệm vụ" not in text


def test_thuong_ky_is_a_regular_meeting() -> None:
    result = load_pack(CONTENT / "thuong-ky.md")
    assert result.kind == "thuong-ky"
    assert 60 <= result.total_minutes <= 90
    assert result.framing == ()


# --- `content check` -------------------------------------------------------------------------


def test_check_prints_a_summary_for_a_valid_pack() -> None:
    result = CliRunner().invoke(content_group, ["check", str(FIXTURES / "valid.md")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{FIXTURES / 'valid.md'}: hợp lệ",
        "  Mã gói: thu-nghiem",
        "  Tiêu đề: Gói thử nghiệm",
        "  Loại: sinh hoạt thường kỳ",
        "  Phiên bản: 1",
        "  Tài liệu sinh hoạt: 1",
        "  Số mục: 2 (thủ tục: 1, trình bày: 1)",
        "  Khung sử dụng: Gốc vững",
        "  Tổng thời lượng: 25 phút",
        "  Câu hỏi thảo luận: 1",
        "  Câu hỏi thu hoạch: 0",
    ]


def test_check_lists_every_problem_and_exits_1() -> None:
    path = str(FIXTURES / "broken.md")
    result = CliRunner().invoke(content_group, ["check", path])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: có 4 lỗi"
    assert [line.split(": ", 1)[0] for line in lines[1:]] == [
        f"{path}:2",
        f"{path}:12",
        f"{path}:15",
        f"{path}:15",
    ]
    assert 'khung "goc2" chưa được khai báo' in result.output
    assert 'thuộc tính "colour" không được hỗ trợ' in result.output


def test_check_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "khong-co.md")
    result = CliRunner().invoke(content_group, ["check", missing])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.splitlines() == [f"{missing}: có 1 lỗi", f"{missing}: không tìm thấy tệp"]


def test_check_several_files_reports_each_and_a_total() -> None:
    files = [str(CONTENT / "cay-tre.md"), str(FIXTURES / "broken.md")]
    result = CliRunner().invoke(content_group, ["check", *files])
    assert result.exit_code == 1
    assert f"{files[0]}: hợp lệ" in result.output
    assert f"{files[1]}: có 4 lỗi" in result.output
    assert result.output.splitlines()[-1] == "Đã kiểm tra 2 tệp: 1 hợp lệ, 1 có lỗi."


def test_check_of_the_whole_content_folder_skips_its_readme() -> None:
    """The acceptance command `facilitator content check content/*.md` passes."""
    from click.testing import CliRunner

    from facilitator.cli.content import content_group

    files = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "content").glob("*.md"))
    assert any(f.endswith("README.md") for f in files)
    result = CliRunner().invoke(content_group, ["check", *files])
    assert result.exit_code == 0, result.output
    assert "README.md: bỏ qua" in result.output
    assert "Đã kiểm tra 2 tệp: 2 hợp lệ, 0 có lỗi." in result.output
