"""The offline install kit: what it downloads, what its scripts do (pip faked: no network)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from facilitator.domain.errors import FacilitatorError
from facilitator.kit.build import KitPlan, build_kit, download_commands


def test_one_binary_only_download_per_system_and_python(tmp_path: Path) -> None:
    wheel = tmp_path / "facilitator-0.2.0-py3-none-any.whl"
    commands = download_commands(KitPlan(wheel), tmp_path / "wheels")
    assert len(commands) == 6  # windows + linux, Python 3.11-3.13
    for command in commands:
        assert "--only-binary=:all:" in command and command[-1] == str(wheel)
    windows = [c for c in commands if "win_amd64" in c]
    assert sorted(c[c.index("--python-version") + 1] for c in windows) == ["3.11", "3.12", "3.13"]


def test_kit_holds_the_wheel_and_scripts_that_install_without_network(tmp_path: Path) -> None:
    wheel = tmp_path / "facilitator-0.2.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    ran: list[Sequence[str]] = []

    def fake_pip(command: Sequence[str]) -> int:
        ran.append(command)
        return 0

    kit = build_kit(tmp_path / "kit", KitPlan(wheel, platforms=("windows",)), run=fake_pip)
    assert (kit / "wheels" / wheel.name).read_bytes() == b"PK"
    assert len(ran) == 3
    for script in ("install.bat", "install.sh"):
        text = (kit / script).read_text(encoding="utf-8")
        assert "--no-index" in text and "wheels" in text
    launcher = (kit / "facilitator.bat").read_bytes()
    assert b"PYTHONUTF8=1" in launcher and b"\r\n" in launcher  # cmd.exe line endings
    assert "Windows" in (kit / "DOC-TRUOC.txt").read_text(encoding="utf-8")


def test_kit_refuses_a_folder_that_has_content_and_reports_a_failed_download(
    tmp_path: Path,
) -> None:
    wheel = tmp_path / "facilitator-0.2.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    with pytest.raises(FacilitatorError, match="đã có nội dung"):
        build_kit(busy, KitPlan(wheel), run=lambda _c: 0)
    with pytest.raises(FacilitatorError, match="cần có mạng"):
        build_kit(tmp_path / "kit", KitPlan(wheel), run=lambda _c: 1)


def test_kit_carries_the_printable_user_guide(tmp_path: Path) -> None:
    from docx import Document

    wheel = tmp_path / "facilitator-0.2.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    kit = build_kit(tmp_path / "kit", KitPlan(wheel, platforms=("linux",)), run=lambda _c: 0)
    guide = Document(str(kit / "Huong-dan-su-dung.docx"))
    texts = [p.text for p in guide.paragraphs]
    assert texts[0] == "Hướng dẫn sử dụng facilitator"
    assert any(t.startswith("Bấm ctrl+s để lưu") for t in texts)
    assert guide.sections[0].page_width.mm == pytest.approx(210, abs=0.5)
