"""Shared by the installation tests (tests/test_install_*.py): the CLI run in-process, its exit
code, stdout and stderr, never a traceback.
"""

from __future__ import annotations

from click.testing import CliRunner

from facilitator.cli.main import main


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr
