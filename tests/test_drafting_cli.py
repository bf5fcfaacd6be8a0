"""``facilitator content draft``: what it prints, where it writes, and the core's hygiene."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli.main import main
from facilitator.parsing.content_pack import load_pack
from facilitator.strings import drafting as drafting_text

PLANS = Path(__file__).parent / "fixtures" / "plans"


def test_draft_writes_the_pack_and_reports(tmp_path: Path) -> None:
    target = tmp_path / "goi-moi.md"
    result = CliRunner().invoke(
        main, ["content", "draft", str(PLANS / "ke-hoach-huyen-uy.txt"), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    pack = load_pack(target)
    lines = result.output.splitlines()
    assert (
        "Văn bản: Kế hoạch; số: 215-KH/HU; ngày: 6/5/2024; nơi ban hành: Ban Thường vụ "
        "Huyện ủy Bảo Lâm" in lines
    )
    assert "Thời hạn: Hoàn thành trong Quý II/2024 → 30/6/2024" in lines
    assert "Các phần trình bày: 4" in lines
    assert drafting_text.found_budget(len(pack.items), pack.total_minutes) in lines
    assert drafting_text.unplaced_heading(2) in lines
    assert any(line.startswith("  dòng ") and "IV. TỔ CHỨC THỰC HIỆN" in line for line in lines)
    assert lines[-2] == drafting_text.draft_written(str(target))
    check = CliRunner().invoke(main, ["content", "check", str(target)])
    assert check.exit_code == 0, check.output
    # Draft and check count the same sources: the plan itself and its materials.
    sources = f"Tài liệu sinh hoạt: {len(pack.sources)}"
    assert sources in lines and sources in check.output


def test_default_name_comes_from_the_title_and_nothing_is_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    plan = str(PLANS / "cong-van-hoi-ccb.txt")
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(main, ["content", "draft", plan])
    assert first.exit_code == 0, first.output
    written = sorted(tmp_path.glob("*.md"))
    assert [p.name for p in written] == ["nghien-cuu-tac-pham-xay-dung-va-phat-trien-nen.md"]
    written[0].write_text("sửa tay", encoding="utf-8")
    again = runner.invoke(main, ["content", "draft", plan])
    assert again.exit_code == 1
    assert "đã tồn tại" in again.output
    assert written[0].read_text(encoding="utf-8") == "sửa tay"
    forced = runner.invoke(main, ["content", "draft", plan, "--overwrite"])
    assert forced.exit_code == 0, forced.output
    assert load_pack(written[0]).kind == "chuyen-de"


def test_unreadable_plan_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    scan = tmp_path / "scan.docx"
    scan.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(main, ["content", "draft", str(scan), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1
    assert drafting_text.plan_unreadable(str(scan)) in result.output
    assert drafting_text.DOCX_BROKEN in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.md").exists()


def test_drafting_core_imports_no_ui_library() -> None:
    code = (
        "import sys, facilitator.drafting.draft, facilitator.drafting.pack_writer\n"
        "print(','.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('textual', 'rich', 'click'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
