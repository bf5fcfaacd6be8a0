"""Issue #10.11b: PDF of any document through LibreOffice, a clear message without it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builders import make_session
from click.testing import CliRunner

from facilitator.cli.main import main
from facilitator.domain.errors import FacilitatorError
from facilitator.export import pdf
from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.minutes_model import build_minutes
from facilitator.export.settings import DocSettings
from facilitator.storage.store import Store

HAVE_SOFFICE = pdf.find_soffice() is not None and shutil.which("pdftotext") is not None


@pytest.fixture
def nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine without LibreOffice: empty PATH, no usual install folders."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(pdf, "_OTHER_PLACES", ())


def test_finds_soffice_in_program_files(tmp_path: Path) -> None:
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    env = {"PATH": str(tmp_path / "empty"), "ProgramFiles": str(tmp_path / "Program Files")}
    assert pdf.find_soffice(env) == program


def test_no_converter_says_what_to_do(nowhere: None) -> None:
    assert pdf.find_soffice() is None
    with pytest.raises(FacilitatorError) as caught:
        pdf.docx_to_pdf(b"PK")
    message = str(caught.value)
    assert "LibreOffice" in message and "Word" in message and "PDF" in message


def test_cli_without_converter_exits_with_the_message(nowhere: None, tmp_path: Path) -> None:
    data = tmp_path / "data"
    session = make_session()
    Store(data).put_session(session)
    out = tmp_path / "bb.pdf"
    result = CliRunner().invoke(
        main, ["--data-dir", str(data), "export", session.id, "--format", "pdf", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "chưa có LibreOffice" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_a_hanging_converter_is_stopped(tmp_path: Path) -> None:
    slow = tmp_path / "soffice"
    slow.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    slow.chmod(0o755)
    with pytest.raises(FacilitatorError, match="chưa chuyển xong sau 1 giây"):
        pdf.docx_to_pdf(b"PK", soffice=slow, timeout=1)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_a_converter_that_writes_nothing_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(FacilitatorError, match="mã lỗi 3"):
        pdf.docx_to_pdf(b"PK", soffice=broken)


@pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice (soffice) and pdftotext not installed")
def test_minutes_and_report_as_pdf_through_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session = make_session()
    Store(data).put_session(session)
    minutes, report = tmp_path / "bb.pdf", tmp_path / "bc.pdf"
    args = ["--data-dir", str(data)]
    result = CliRunner().invoke(
        main, [*args, "export", session.id, "--format", "pdf", "-o", str(minutes)]
    )
    assert result.exit_code == 0, result.stderr
    result = CliRunner().invoke(
        main, [*args, "report", "--unit", session.unit.name, "--format", "pdf", "-o", str(report)]
    )
    assert result.exit_code == 0, result.stderr
    for path, title in ((minutes, "BIÊN BẢN"), (report, "BÁO CÁO")):
        assert path.read_bytes()[:5] == b"%PDF-"
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert title in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    docx = render_minutes_docx(build_minutes(session, DocSettings()))
    assert pdf.docx_to_pdf(docx)[:5] == b"%PDF-"
