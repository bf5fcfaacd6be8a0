"""The data commands (``roster``, ``import``, ``sessions``) through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from bundle_helpers import make_session
from click.testing import CliRunner, Result
from roster_helpers import EXPECTED_ORDER, fixture

from facilitator.bundle.io import write_bundle
from facilitator.cli.bundles import import_command
from facilitator.cli.context import CliContext, get_store, handle_errors
from facilitator.cli.roster import roster_group
from facilitator.cli.sessions import sessions_command
from facilitator.domain.errors import InputError
from facilitator.storage.store import Store


@click.command("boom")
@click.argument("kind")
@click.pass_context
@handle_errors
def boom_command(ctx: click.Context, kind: str) -> None:
    """Raise the error named by KIND (exercises handle_errors)."""
    get_store(ctx)
    if kind == "input":
        raise InputError("Tệp hỏng:", [])
    raise PermissionError(13, "Permission denied", "/khong/duoc/ghi.json")


def make_cli() -> click.Group:
    @click.group()
    def cli() -> None:
        """Throwaway main group."""

    for command in (roster_group, import_command, sessions_command, boom_command):
        cli.add_command(command)
    return cli


def run(data_dir: Path, *args: str) -> Result:
    runner = CliRunner()
    return runner.invoke(make_cli(), list(args), obj=CliContext(data_dir), env={"COLUMNS": "200"})


# --- roster -----------------------------------------------------------------------------------


def test_roster_import_and_show(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    result = run(
        data,
        "roster",
        "import",
        str(fixture("semicolon_bom.csv")),
        "--unit",
        "Chi bộ 1",
        "--abbrev",
        "CB",
    )
    assert result.exit_code == 0, result.output
    assert (
        "Đã nhập 6 người vào danh sách «Chi bộ 1» (0 người giữ mã cũ, 6 người mới)."
        in result.stdout
    )
    assert Store(data).roster("Chi bộ 1").unit.abbrev == "CB"

    again = run(data, "roster", "import", str(fixture("comma.csv")), "--unit", "Chi bộ 1")
    assert "(2 người giữ mã cũ, 0 người mới)" in again.stdout

    shown = run(data, "roster", "show", "--unit", "Chi bộ 1")
    assert shown.exit_code == 0, shown.output
    for header in ("STT", "Họ và tên", "Loại", "Chức vụ", "Miễn SH"):
        assert header in shown.stdout
    line_an = next(line for line in shown.stdout.splitlines() if "Nguyễn Văn An" in line)
    assert "Dự bị" in line_an
    assert "Chi ủy viên, phụ trách tuyên giáo" in line_an
    line_binh = next(line for line in shown.stdout.splitlines() if "Trần Thị Bình" in line)
    assert "Chính thức" in line_binh
    assert " x " in line_binh  # miễn sinh hoạt


def test_roster_show_prints_vietnamese_order(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    assert (
        run(data, "roster", "import", str(fixture("sort_order.csv")), "--unit", "CB").exit_code == 0
    )
    shown = run(data, "roster", "show", "--unit", "CB").stdout
    positions = [shown.index(name) for name in EXPECTED_ORDER]
    assert positions == sorted(positions)
    rows = [line for line in shown.splitlines() if any(n in line for n in EXPECTED_ORDER)]
    assert rows[0].split("│")[1].strip() == "1"
    assert rows[-1].split("│")[1].strip() == "12"


def test_roster_show_does_not_interpret_markup_in_names(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    path = tmp_path / "r.csv"
    path.write_text("Họ và tên;Chức vụ\n[bold]Lê Văn A;[red]x\n", encoding="utf-8")
    assert run(data, "roster", "import", str(path), "--unit", "CB").exit_code == 0
    shown = run(data, "roster", "show", "--unit", "CB").stdout
    assert "[bold]Lê Văn A" in shown
    assert "[red]x" in shown


def test_roster_import_errors_go_to_stderr_in_vietnamese(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    result = run(data, "roster", "import", str(fixture("duplicates.csv")), "--unit", "CB")
    assert result.exit_code == 1
    assert "có lỗi, chưa lưu gì" in result.stderr
    assert "duplicates.csv:4" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_roster_import_rejects_unknown_profile(tmp_path: Path) -> None:
    result = run(
        tmp_path, "roster", "import", str(fixture("comma.csv")), "--unit", "CB", "--profile", "x"
    )
    assert result.exit_code == 2


def test_roster_show_unknown_unit(tmp_path: Path) -> None:
    result = run(tmp_path / "kho", "roster", "show", "--unit", "Không có")
    assert result.exit_code == 1
    assert "Chưa có đơn vị «Không có»" in result.stderr


def test_roster_help_is_vietnamese(tmp_path: Path) -> None:
    result = run(tmp_path, "roster", "import", "--help")
    assert "Nhập danh sách của một đơn vị" in result.stdout
    assert "Tên đơn vị" in result.stdout


# --- import ---------------------------------------------------------------------------------


def test_import_command_imports_then_refuses_then_replaces(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    path = write_bundle(make_session("buoi-1", title="Chuyên đề cây tre"), tmp_path / "b.json")
    first = run(data, "import", str(path))
    assert first.exit_code == 0, first.output
    assert "Đã nhập «buoi-1»: Chuyên đề cây tre" in first.stdout
    assert "Đã nhập 1 buổi sinh hoạt." in first.stdout

    second = run(data, "import", str(path))
    assert second.exit_code == 1
    assert "đã có trong kho; dùng --replace" in second.stderr

    third = run(data, "import", str(path), "--replace")
    assert third.exit_code == 0
    assert "Đã ghi đè «buoi-1»" in third.stdout


def test_import_command_reports_every_bad_file_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    good = write_bundle(make_session("buoi-1"), tmp_path / "1.json")
    bad = make_session("buoi-2").to_dict()
    bad["attendance"][3]["status"] = "vắng"
    bad_path = tmp_path / "2.json"
    bad_path.write_text(json.dumps(bad), encoding="utf-8")
    result = run(data, "import", str(good), str(bad_path))
    assert result.exit_code == 1
    assert f"{bad_path} $.attendance[3].status" in result.stderr
    assert Store(data).session_ids() == []


def test_import_takes_a_folder_as_its_json_files_in_subfolders_too(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    (usb / "thon-2").mkdir(parents=True)
    write_bundle(make_session("buoi-1"), usb / "1.json")
    write_bundle(make_session("buoi-2"), usb / "thon-2" / "2.json")
    (usb / "ghi-chu.txt").write_text("không phải gói", encoding="utf-8")
    data = tmp_path / "kho"
    result = run(data, "import", str(usb))
    assert result.exit_code == 0, result.output
    assert "Đã nhập 2 buổi sinh hoạt." in result.stdout
    assert sorted(Store(data).session_ids()) == ["buoi-1", "buoi-2"]
    (tmp_path / "trong").mkdir()
    empty = run(data, "import", str(tmp_path / "trong"))
    assert empty.exit_code == 2 and "không có tệp .json nào" in empty.stderr


def test_a_file_changed_between_the_two_passes_is_checked_again(tmp_path: Path) -> None:
    from facilitator.services.bundles import import_bundles

    paths = [write_bundle(make_session(f"buoi-{i}"), tmp_path / f"{i}.json") for i in (1, 2)]
    broken = make_session("buoi-1").to_dict()
    broken["attendance"][0]["status"] = "ngủ"

    def change_first_file(done: int, total: int) -> None:
        if done == total:  # the first pass is over: the second reads the files again
            paths[0].write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")

    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as caught:
        import_bundles(store, paths, progress=change_first_file)
    assert f"{paths[0]} $.attendance[0].status" in str(caught.value.problems)
    assert "buoi-1" not in store.session_ids()


def test_import_command_needs_a_file(tmp_path: Path) -> None:
    result = run(tmp_path, "import")
    assert result.exit_code == 2


# --- sessions -------------------------------------------------------------------------------


def test_sessions_lists_with_vietnamese_labels_and_counts(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    store = Store(data)
    store.put_session(make_session("buoi-1", title="Chuyên đề cây tre"))
    store.put_session(
        make_session("buoi-2", title="Sinh hoạt tháng 6").with_changes(status="running")
    )
    result = run(data, "sessions")
    assert result.exit_code == 0, result.output
    for header in ("Ngày", "Đơn vị", "Tiêu đề", "Trạng thái", "Có mặt/Phải dự"):
        assert header in result.stdout
    line = next(line for line in result.stdout.splitlines() if "Chuyên đề cây tre" in line)
    assert "10/05/2024 07:30" in line
    assert "Chi bộ Khối Dân vận" in line
    assert "Đã kết thúc" in line
    assert "2/3" in line  # p01 present, p02 late, of the 3 who must attend (as the run header)
    running = next(line for line in result.stdout.splitlines() if "Sinh hoạt tháng 6" in line)
    assert "Đang diễn ra" in running


def test_sessions_lists_unreadable_sessions_after_the_table(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    store = Store(data)
    store.put_session(make_session("buoi-1"))
    broken = data / "buoi-hong"
    broken.mkdir()
    (broken / "session.json").write_text("{hỏng", encoding="utf-8")
    result = run(data, "sessions")
    assert result.exit_code == 0
    out = result.stdout
    assert "buoi-1" in out
    assert "Không đọc được 1 buổi sinh hoạt:" in out
    assert out.index("Không đọc được") > out.index("buoi-1")
    assert "buoi-hong" in out.split("Không đọc được", 1)[1]


def test_sessions_empty_store(tmp_path: Path) -> None:
    result = run(tmp_path / "kho", "sessions")
    assert result.exit_code == 0
    assert "Chưa có buổi sinh hoạt nào" in result.stdout


# --- context -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("input", "Tệp hỏng:"),
        ("os", "Lỗi khi truy cập /khong/duoc/ghi.json: không có quyền truy cập."),
    ],
)
def test_handle_errors_prints_message_and_exits_1(tmp_path: Path, kind: str, expected: str) -> None:
    result = run(tmp_path, "boom", kind)
    assert result.exit_code == 1
    assert result.stderr.strip() == expected
    assert "Traceback" not in result.output


def test_unusable_data_folder_exits_cleanly(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    result = run(not_a_folder, "sessions")
    assert result.exit_code == 1
    assert str(not_a_folder) in result.stderr
    assert "Traceback" not in result.output
