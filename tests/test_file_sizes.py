"""Small modules with one job each: no file of the package or of the tests over 400 lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_module_and_test_file_has_one_job_of_at_most_400_lines() -> None:
    long = [
        f"{path.relative_to(ROOT)}: {count}"
        for folder in ("facilitator", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert long == []
