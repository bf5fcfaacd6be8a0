"""The package type-checks under the strict mypy configuration of pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_strict_reports_no_errors(tmp_path_factory: pytest.TempPathFactory) -> None:
    api = pytest.importorskip("mypy.api")
    cache = tmp_path_factory.mktemp("mypy_cache")
    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(cache),
            str(ROOT / "facilitator"),
        ]
    )
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    assert errors == [], stdout
    assert status == 0, stdout + stderr
