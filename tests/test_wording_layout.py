"""Legal document wording lives beside the exporters, UI text in ``strings/``, and every
module that reads either names it the same way (``ui_text``, ``minutes_wording``…)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONVENTION = {"facilitator.strings": "_text", "facilitator.export.wording": "_wording"}


def _sources() -> list[Path]:
    return [
        p for folder in ("facilitator", "tests", "bench") for p in (ROOT / folder).rglob("*.py")
    ]


def test_every_wording_import_follows_one_alias_convention() -> None:
    wrong = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.module not in CONVENTION:
                continue
            for alias in node.names:
                expected = alias.name + CONVENTION[node.module]
                if alias.asname != expected:
                    wrong.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} {alias.name} as {alias.asname}"
                    )
    assert wrong == []


def test_legal_wording_is_beside_the_exporters_not_with_ui_text() -> None:
    wording = ROOT / "facilitator" / "export" / "wording"
    assert {p.stem for p in wording.glob("*.py")} >= {"header", "minutes", "report"}
    strings = {p.stem for p in (ROOT / "facilitator" / "strings").glob("*.py")}
    assert not strings & {"header_text", "minutes_text", "report_text", "export"}
    for path in wording.glob("*.py"):
        imports = [
            n.module
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.ImportFrom) and n.module
        ]
        # The legal wording stands alone: it never borrows UI text.
        assert not [m for m in imports if m.startswith("facilitator.strings")], path.name
