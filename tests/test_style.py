"""The code base stays ruff-clean and the core stays free of the UI: no Textual, Rich or
click, and nothing of ``facilitator.ui`` or ``facilitator.cli``, in any core module."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_PACKAGES = (
    "domain",
    "storage",
    "parsing",
    "export",
    "bundle",
    "rosters",
    "campaign",
    "drafting",
    "config",
    "services",
    "kit",
    "strings",
)
UI_IMPORTS = ("textual", "rich", "click", "facilitator.ui", "facilitator.cli")


def _is_ui(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in UI_IMPORTS)


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff_check_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "facilitator", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff_format_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "facilitator", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_core_module_names_a_ui_import() -> None:
    """Static: also catches imports deferred into functions, which importing would miss."""
    found = []
    for package in CORE_PACKAGES:
        for path in sorted((ROOT / "facilitator" / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module]
                else:
                    continue
                rel = path.relative_to(ROOT)
                found += [f"{rel}:{node.lineno} {name}" for name in names if _is_ui(name)]
    assert found == [], "core imports the UI:\n" + "\n".join(found)


def test_importing_every_core_module_loads_no_ui() -> None:
    """At run time: every module of every core package imported in a fresh interpreter."""
    code = (
        "import importlib, pkgutil, sys\n"
        f"ui = {UI_IMPORTS!r}\n"
        f"for name in {CORE_PACKAGES!r}:\n"
        "    package = importlib.import_module('facilitator.' + name)\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if any(m == u or m.startswith(u + '.') for u in ui))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imports UI libraries: {result.stdout}"
