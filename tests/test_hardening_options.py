"""Issue #12, option values (8): margins and line spacing are range-checked, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import make_session
from click.testing import CliRunner

from facilitator.cli.main import main
from facilitator.config.settings import parse_settings
from facilitator.domain.errors import InputError
from facilitator.storage.store import Store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    Store(root).put_session(make_session())
    return root


def _export(data: Path, out: Path, *options: str) -> tuple[int, str]:
    session_id = Store(data).session_ids()[0]
    args = ["--data-dir", str(data), "export", session_id, "--format", "docx", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("options", "shown"),
    [
        (("--margins", "nan/20/30/15"), "nan/20/30/15"),
        (("--margins", "-5/20/30/15"), "-5/20/30/15"),
        (("--margins", "20/20/inf/15"), "20/20/inf/15"),
        (("--margins", "20/20/3000/15"), "20/20/3000/15"),
        (("--margins", "20/20/30"), "20/20/30"),
        (("--line-spacing", "inf"), "inf"),
        (("--line-spacing", "nan"), "nan"),
        (("--line-spacing", "-1"), "-1"),
        (("--line-spacing", "1e9"), "1000000000"),
    ],
)
def test_bad_layout_values_are_refused_in_vietnamese(
    data: Path, tmp_path: Path, options: tuple[str, ...], shown: str
) -> None:
    out = tmp_path / "bb.docx"
    code, stderr = _export(data, out, *options)
    assert code == 2, stderr
    assert "Traceback" not in stderr
    assert shown in stderr
    assert ("Lề" in stderr) if options[0] == "--margins" else ("Giãn dòng" in stderr)
    assert "từ 0 đến" in stderr or "dạng trên/dưới/trái/phải" in stderr
    assert not out.exists()


def test_sane_layout_values_still_export(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    code, stderr = _export(data, out, "--margins", "20/20/30,5/15", "--line-spacing", "0")
    assert code == 0, stderr
    assert out.exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("line_spacing", float("inf")),
        ("line_spacing", float("nan")),
        ("line_spacing", -3),
        ("line_spacing", 500),
        ("margins", "nan/20/30/15"),
        ("margins", "-5/20/30/15"),
        ("margins", "20/20/30/inf"),
    ],
)
def test_config_layout_values_are_range_checked(tmp_path: Path, key: str, value: object) -> None:
    path = tmp_path / "config.toml"
    with pytest.raises(InputError) as caught:
        parse_settings({"export": {key: value}}, path)
    message = str(caught.value)
    assert f"{path}: export.{key}" in message
    assert "từ 0 đến" in message


def test_config_sane_layout_values_are_kept(tmp_path: Path) -> None:
    settings = parse_settings(
        {"export": {"line_spacing": 18, "margins": "20/20/30/15"}}, tmp_path / "c.toml"
    )
    assert settings.line_spacing == 18.0 and settings.margins == "20/20/30/15"
