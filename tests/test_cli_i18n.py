"""click speaks Vietnamese on every run, and importing the CLI changes nothing in click."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from facilitator.cli.main import main


def test_importing_the_cli_leaves_click_untouched() -> None:
    code = (
        "import gettext, click.core, click.exceptions, facilitator.cli.main\n"
        "assert click.core._ is gettext.gettext, click.core._\n"
        "assert click.exceptions._ is gettext.gettext\n"
        "assert click.types.STRING.name == 'text'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_run_words_usage_help_extras_and_errors_in_vietnamese() -> None:
    help_run = CliRunner().invoke(main, ["roster", "import", "--help"])
    assert help_run.exit_code == 0
    assert "Cách dùng:" in help_run.stdout and "Tùy chọn" in help_run.stdout
    assert "bắt buộc" in help_run.stdout and "Usage:" not in help_run.stdout
    error_run = CliRunner().invoke(main, ["export", "--no-such-flag"])
    assert error_run.exit_code == 2
    assert "Lỗi: Không có tùy chọn '--no-such-flag'." in error_run.stderr
    assert "Xem hướng dẫn:" in error_run.stderr and "Error" not in error_run.stderr
    missing = CliRunner().invoke(main, ["roster", "import"])
    assert missing.exit_code == 2 and "Thiếu tham số" in missing.stderr
