"""A name imported only for type checkers (under ``if TYPE_CHECKING:``) is never used at
run time: mypy cannot see that mistake (the import makes the name known to it), and the
first user to reach that line gets a NameError. Such imports keep the first screen light
(issue 13), so each module that defers one is checked here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _type_only_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) in {
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        }:
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom | ast.Import):
                    names.update((a.asname or a.name).split(".")[0] for a in stmt.names)
    return names


def _annotation_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        parts: list[ast.AST | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            parts.append(node.returns)
        if isinstance(node, ast.arg | ast.AnnAssign):
            parts.append(node.annotation)
        for part in parts:
            if part is not None:
                inside.update(id(n) for n in ast.walk(part))
    return inside


def _run_time_uses(path: Path, base: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    deferred = _type_only_names(tree)
    if not deferred:
        return []
    annotations = _annotation_nodes(tree)
    found: list[str] = []

    def visit(node: ast.AST, imported: frozenset[str]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            local = {
                (a.asname or a.name).split(".")[0]
                for stmt in ast.walk(node)
                if isinstance(stmt, ast.ImportFrom | ast.Import)
                for a in stmt.names
            }
            imported = imported | local
        if (
            isinstance(node, ast.Name)
            and node.id in deferred
            and node.id not in imported
            and id(node) not in annotations
        ):
            found.append(f"{path.relative_to(base)}:{node.lineno} {node.id}")
        for child in ast.iter_child_nodes(node):
            visit(child, imported)

    for stmt in tree.body:
        if not (isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test)):
            visit(stmt, frozenset())
    return found


def test_names_imported_for_type_checkers_only_are_not_used_at_run_time() -> None:
    found = [
        use for path in sorted((ROOT / "facilitator").rglob("*.py")) for use in _run_time_uses(path)
    ]
    assert found == []


def test_the_check_finds_a_run_time_use(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from facilitator.domain.models import Roster\n"
        "def ok(r: Roster) -> Roster:\n"
        "    from facilitator.domain.models import Roster\n"
        "    return Roster.from_dict({})\n"
        "def bad(doc: dict) -> Roster:\n"
        "    return Roster.from_dict(doc)\n",
        encoding="utf-8",
    )
    assert _run_time_uses(module, tmp_path) == ["probe.py:9 Roster"]
