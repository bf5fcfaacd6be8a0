"""Minutes export, writing files: the registry's writers, safe output paths, no overwrite,
Vietnamese errors, a full disk, and a core export that needs neither docx nor textual.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from minutes_helpers import (
    read_docx,
    session_fixture,  # noqa: F401  (the ``session`` fixture)
)

from facilitator.domain.errors import FacilitatorError, StoreError
from facilitator.export import export_minutes
from facilitator.export.minutes_model import build_minutes
from facilitator.export.registry import MINUTES_WRITERS, safe_output_path
from facilitator.export.settings import DocSettings
from facilitator.storage.output_file import write_output

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
