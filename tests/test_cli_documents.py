"""`facilitator export` and `facilitator report` end to end through the real command group."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from builders import make_session
from click.testing import CliRunner
from docx import Document

from facilitator.cli.main import main
from facilitator.storage.store import Store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    Store(root).put_session(make_session())
    return root


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def session_id(data: Path) -> str:
    return Store(data).session_ids()[0]


def test_export_docx_with_layout_options(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    code, stdout, stderr = run(
        data, "export", session_id(data), "--format", "docx", "-o", str(out),
        "--signer", "tm", "--margins", "25/25/35/15",
    )  # fmt: skip
    assert code == 0, stderr
    assert str(out) in stdout
    assert "chưa được đối chiếu" in stderr  # the unverified line spacing is flagged
    doc = Document(str(out))
    section = doc.sections[0]
    assert round(section.left_margin.mm) == 35 and round(section.top_margin.mm) == 25
    text = "\n".join(p.text for p in doc.paragraphs) + "".join(
        cell.text for table in doc.tables for row in table.rows for cell in row.cells
    )
    assert "T/M CHI BỘ" in text and "BÍ THƯ" in text
    assert round(section.page_width.mm) == 210


def test_export_refuses_to_overwrite_then_overwrites(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "bb.md"
    out.write_text("cũ", encoding="utf-8")
    code, _, stderr = run(data, "export", session_id(data), "--format", "md", "-o", str(out))
    assert code == 1 and "bb.md" in stderr
    assert "--overwrite" in stderr and "cho phép ghi đè" not in stderr  # the CLI's own option
    code, _, stderr = run(data, "export", session_id(data), "--format", "bundle", "-o", str(out))
    assert code == 1 and "--overwrite" in stderr
    assert out.read_text(encoding="utf-8") == "cũ"
    code, _, _ = run(
        data, "export", session_id(data), "--format", "md", "-o", str(out), "--overwrite"
    )
    assert code == 0 and out.read_text(encoding="utf-8").count("BIÊN BẢN") == 1


def test_export_unknown_session_is_a_clear_error(data: Path, tmp_path: Path) -> None:
    code, stdout, stderr = run(data, "export", "khong-co", "-o", str(tmp_path / "x.docx"))
    assert code == 1
    assert "Không tìm thấy buổi sinh hoạt «khong-co»" in stderr
    assert "Traceback" not in stdout + stderr


def test_bundle_export_import_round_trip_through_cli(data: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "buoi.json"
    assert run(data, "export", session_id(data), "--format", "bundle", "-o", str(bundle))[0] == 0
    assert json.loads(bundle.read_text(encoding="utf-8"))["format"] == "facilitator.session/1"
    other = tmp_path / "other"
    code, _, stderr = run(other, "import", str(bundle))
    assert code == 0, stderr
    assert Store(other).load_session(session_id(data)) == Store(data).load_session(session_id(data))


def test_report_over_own_sessions_and_bundles(data: Path, tmp_path: Path) -> None:
    below = make_session(id="2024-05-12-cb-khac").with_changes(
        unit=make_session().unit.__class__(
            name="Chi bộ Thôn 2", parent="Đảng bộ xã Di Linh", abbrev="CB"
        )
    )
    bundle = tmp_path / "below.json"
    below_store = tmp_path / "below"
    Store(below_store).put_session(below)
    assert run(below_store, "export", below.id, "--format", "bundle", "-o", str(bundle))[0] == 0
    unit = make_session().unit.name
    out = tmp_path / "bc.csv"
    code, _, stderr = run(
        data, "report", str(bundle), "--unit", unit, "--format", "csv", "-o", str(out)
    )
    assert code == 0, stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    units = [r[1] for r in rows[1:]]
    assert unit in units and "Chi bộ Thôn 2" in units
    assert rows[-1][1] == "Tổng cộng"
    docx_out = tmp_path / "bc.docx"
    code, _, stderr = run(
        data,
        "report",
        str(bundle),
        "--unit",
        unit,
        "-o",
        str(docx_out),
        "--from",
        "01/05/2024",
        "--to",
        "31/05/2024",
    )
    assert code == 0, stderr
    assert "BÁO CÁO" in "\n".join(p.text for p in Document(str(docx_out)).paragraphs)


def test_report_bad_date_and_bad_bundle(data: Path, tmp_path: Path) -> None:
    code, _, stderr = run(
        data, "report", "--unit", "X", "--from", "31-31-2024", "-o", str(tmp_path / "r.md")
    )
    assert code == 2 and "dd/mm/yyyy" in stderr
    broken = tmp_path / "hong.json"
    broken.write_text('{"format": "facilitator.session/1", "id": ', encoding="utf-8")
    code, _, stderr = run(
        data, "report", str(broken), "--unit", "X", "--format", "md", "-o", str(tmp_path / "r.md")
    )
    assert code == 1 and "hong.json" in stderr
    assert not (tmp_path / "r.md").exists()


def test_help_is_vietnamese() -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    assert "Cách dùng:" in result.stdout and "Tùy chọn" in result.stdout
    assert "Hiện hướng dẫn này rồi thoát." in result.stdout
    assert "Usage" not in result.stdout and "Show this message" not in result.stdout


def test_audience_serve_without_textual_serve_says_how_to_install(
    tmp_path: Path, monkeypatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "textual_serve", None)  # import fails as if not installed
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    code, _, stderr = run(tmp_path / "d", "audience", "--serve")
    assert code == 1
    assert "pip install 'facilitator[web]'" in stderr
    assert "Traceback" not in stderr


def _fake_textual_serve(tmp_path: Path, monkeypatch, started: dict[str, object]) -> None:
    """A stand-in textual_serve whose page links Google Fonts, as the real one does."""
    import sys
    import types

    class FakeServer:
        def __init__(
            self, command: str, host: str, port: int, title: str, templates_path: Path,
            public_url: str | None = None,
        ) -> None:  # fmt: skip
            started.update(
                command=command, host=host, port=port, title=title, templates=templates_path,
                public_url=public_url,
            )  # fmt: skip

        def serve(self) -> None:
            started["served"] = True

    package_dir = tmp_path / "fake_textual_serve"
    (package_dir / "templates").mkdir(parents=True)
    (package_dir / "templates" / "app_index.html").write_text(
        '<head><link rel="stylesheet" href="{{ config.static.url }}css/xterm.css" />\n'
        '<link\n rel="stylesheet"\n href="https://fonts.googleapis.com/css?family=Roboto%20Mono"\n/>'
        "</head>",
        encoding="utf-8",
    )
    package = types.ModuleType("textual_serve")
    package.__file__ = str(package_dir / "__init__.py")
    module = types.ModuleType("textual_serve.server")
    module.Server = FakeServer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "textual_serve", package)
    monkeypatch.setitem(sys.modules, "textual_serve.server", module)
    # The guarded server subclasses whichever Server it was first imported with.
    monkeypatch.delitem(sys.modules, "facilitator.cli.web_server", raising=False)


def test_audience_serve_runs_the_audience_command_in_a_browser(tmp_path: Path, monkeypatch) -> None:
    started: dict[str, object] = {}
    _fake_textual_serve(tmp_path, monkeypatch, started)
    data = tmp_path / "d"
    code, stdout, stderr = run(data, "audience", "--serve", "--host", "0.0.0.0", "--port", "8123")
    assert code == 0, stderr
    assert started["served"] and (started["host"], started["port"]) == ("0.0.0.0", 8123)
    command = str(started["command"])
    assert command.endswith("audience") and str(data) in command and "-m facilitator" in command
    page = (Path(str(started["templates"])) / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "css/xterm.css" in page  # local assets only
    # Other machines are given a reachable address and the access code, never 0.0.0.0.
    assert "0.0.0.0" not in stdout and "0.0.0.0" not in str(started["public_url"])
    assert ":8123/?code=" in stdout


def test_serve_opens_the_console_on_loopback_only(tmp_path: Path, monkeypatch) -> None:
    started: dict[str, object] = {}
    _fake_textual_serve(tmp_path, monkeypatch, started)
    data = tmp_path / "d"
    code, stdout, stderr = run(data, "serve", "--port", "8124")
    assert code == 0, stderr
    assert (started["host"], started["port"]) == ("127.0.0.1", 8124)
    command = str(started["command"])
    assert command.endswith(str(data)) and "-m facilitator" in command
    assert "http://127.0.0.1:8124" in stdout and "code=" not in stdout  # this machine only


def test_serve_quotes_the_command_for_cmd_exe_on_windows(monkeypatch) -> None:
    import sys

    from facilitator.cli.web import command_line

    args = [r"C:\Program Files\Python\python.exe", "-m", "facilitator", "--data-dir", r"C:\Dữ liệu"]
    monkeypatch.setattr(sys, "platform", "win32")
    assert command_line(args) == (
        '"C:\\Program Files\\Python\\python.exe" -m facilitator --data-dir "C:\\Dữ liệu"'
    )
    monkeypatch.setattr(sys, "platform", "linux")
    assert (
        command_line(["/usr/bin/python3", "--data-dir", "/a b"])
        == "/usr/bin/python3 --data-dir '/a b'"
    )
