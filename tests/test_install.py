"""Installed like real software: packs in the package, one per-user data folder, config
precedence, an old ./sessions adopted, output that never crashes on a code page, and the
Windows branches (faked where they cannot run here)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from builders import make_app, make_session
from click.testing import CliRunner

from facilitator.cli import make_streams_safe
from facilitator.cli.main import main
from facilitator.config.crashlog import write_crash_log
from facilitator.config.legacy import adopt, find_legacy_store
from facilitator.config.locations import builtin_packs_dir, default_store_dir
from facilitator.domain.errors import FacilitatorError, StoreError
from facilitator.storage import atomic, lock
from facilitator.storage.output_file import write_output
from facilitator.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


# --- packaging --------------------------------------------------------------------------


def test_every_package_on_disk_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "facilitator").rglob("__init__.py")
    }
    assert listed == on_disk | {"facilitator.content"}


def test_shipped_packs_are_found_whatever_the_working_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert {p.name for p in builtin_packs_dir().glob("*.md")} >= {"cay-tre.md", "thuong-ky.md"}
    code, stdout, _ = cli("doctor")
    assert code == 0
    assert "gói nội dung kèm theo" in stdout and "2 gói dùng được" in stdout


# --- one data location ------------------------------------------------------------------


def test_data_folder_is_per_user_and_independent_of_the_working_folder(
    tmp_path, monkeypatch, private_user_folders
) -> None:
    expected = private_user_folders / ".local/share/facilitator/sessions"
    assert default_store_dir() == expected
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        code, stdout, _ = cli("data", "path")
        assert (code, stdout.strip()) == (0, str(expected))
    _, help_text, _ = cli("--help")
    assert (
        str(expected) in help_text.replace("\n", "").replace(" ", "") or str(expected) in help_text
    )


def test_a_bundle_imported_in_one_folder_is_listed_from_another(tmp_path, monkeypatch) -> None:
    bundle = tmp_path / "b.json"
    from facilitator.bundle.io import write_bundle

    write_bundle(make_session(), bundle)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    assert cli("import", str(bundle))[0] == 0
    monkeypatch.chdir(tmp_path / "two")
    code, stdout, _ = cli("sessions", "--json")
    assert code == 0 and make_session().id in stdout


def test_precedence_option_then_environment_then_config_then_default(
    tmp_path, monkeypatch, private_user_folders
) -> None:
    config = private_user_folders / ".config/facilitator/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'data_dir = "{(tmp_path / "from-config").as_posix()}"\n', encoding="utf-8")
    assert cli("data", "path")[1].strip() == str(tmp_path / "from-config")
    env = {"FACILITATOR_DATA_DIR": str(tmp_path / "from-env")}
    assert cli("data", "path", env=env)[1].strip() == str(tmp_path / "from-env")
    option = ["--data-dir", str(tmp_path / "from-option")]
    assert cli(*option, "data", "path", env=env)[1].strip() == str(tmp_path / "from-option")
    config.unlink()
    assert cli("data", "path")[1].strip() == str(default_store_dir())


def test_config_sets_the_signer_and_the_option_still_wins(tmp_path) -> None:
    data = tmp_path / "data"
    Store(data).put_session(make_session())
    sid = make_session().id
    assert cli("config", "set", "export.signer", "tm")[0] == 0
    out = tmp_path / "a.md"
    assert cli("--data-dir", str(data), "export", sid, "--format", "md", "-o", str(out))[0] == 0
    assert "T/M" in out.read_text(encoding="utf-8")
    out2 = tmp_path / "b.md"
    args = ("--data-dir", str(data), "export", sid, "--format", "md", "-o", str(out2))
    assert cli(*args, "--signer", "chair")[0] == 0
    assert "T/M" not in out2.read_text(encoding="utf-8")


def test_a_bad_config_file_is_named_with_its_key_and_nothing_runs(private_user_folders) -> None:
    config = private_user_folders / ".config/facilitator/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[export]\nsigner = "thu-ky"\n', encoding="utf-8")
    code, _, stderr = cli("sessions")
    assert code == 1
    assert str(config) in stderr and "export.signer" in stderr and "thu-ky" in stderr


def test_config_show_set_unset_round_trip(private_user_folders) -> None:
    assert cli("config", "set", "unit.locality", "Di Linh")[0] == 0
    assert cli("config", "set", "export.line_spacing", "0")[0] == 0
    code, stdout, _ = cli("config", "show")
    assert (
        code == 0 and "unit.locality = Di Linh" in stdout and "export.line_spacing = 0.0" in stdout
    )
    code, _, stderr = cli("config", "set", "export.margins", "20/20")
    assert code == 1 and "trên/dưới/trái/phải" in stderr
    assert cli("config", "unset", "unit.locality")[0] == 0
    assert "unit.locality = (chưa đặt)" in cli("config", "show")[1]
    assert cli("config", "path")[1].strip().endswith("config.toml")


def test_read_only_commands_create_nothing(tmp_path, private_user_folders) -> None:
    data = tmp_path / "never"
    for args in (
        ["sessions"],
        ["sessions", "--json"],
        ["roster", "show", "--unit", "Chi bộ A"],
        ["export", "khong-co", "-o", str(tmp_path / "x.md")],
        ["doctor"],
        ["data", "path"],
        ["config", "show"],
        ["--help"],
        ["-V"],
    ):
        cli("--data-dir", str(data), *args)
        assert not data.exists(), args
    cli("sessions")
    assert not default_store_dir().exists()
    assert not (private_user_folders / ".config/facilitator/config.toml").exists()


def test_store_errors_name_the_absolute_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = cli("--data-dir", "rel", "export", "khong-co")
    assert code == 1 and str(tmp_path / "rel") in stderr


def test_version_flag() -> None:
    from facilitator import __version__

    for flag in ("-V", "--version"):
        assert cli(flag)[1].strip() == f"facilitator {__version__}"


def test_sessions_json_has_full_ids_and_export_takes_a_unique_prefix(tmp_path) -> None:
    import json

    data = tmp_path / "data"
    session = make_session()
    other = replace(session, id=session.id + "-lan-2")
    Store(data).put_sessions([session, other])
    code, stdout, _ = cli("--data-dir", str(data), "sessions", "--json")
    listed = json.loads(stdout)
    assert {s["id"] for s in listed["sessions"]} == {session.id, other.id}
    assert listed["data_dir"] == str(data)
    code, table, _ = cli("--data-dir", str(data), "sessions")
    assert session.id in table and other.id in table  # never folded or cut
    out = tmp_path / "bb.md"
    code, _, stderr = cli("--data-dir", str(data), "export", other.id[:-3], "-o", str(out),
                          "--format", "md")  # fmt: skip
    assert code == 0, stderr and out.exists()
    code, _, stderr = cli("--data-dir", str(data), "export", session.id[:12], "--format", "md")
    assert code == 1 and "nhiều buổi" in stderr and other.id in stderr


# --- the old ./sessions ---------------------------------------------------------------


def test_an_old_sessions_folder_is_announced_then_adopted(tmp_path, monkeypatch) -> None:
    work = tmp_path / "work"
    old = Store(work / "sessions")
    old.put_session(make_session())
    monkeypatch.chdir(work)
    code, stdout, stderr = cli("sessions")
    assert code == 0
    assert str(work / "sessions") in stderr and "facilitator data adopt" in stderr
    code, stdout, stderr = cli("data", "adopt")
    assert code == 0, stderr
    assert "Đã chuyển 1 buổi" in stdout
    assert not (work / "sessions").exists() and (work / "sessions-da-chuyen").is_dir()
    code, stdout, stderr = cli("sessions", "--json")
    assert make_session().id in stdout and "adopt" not in stderr
    restored = Store(default_store_dir()).load_session(make_session().id)
    assert restored == make_session()


def test_adopt_keeps_what_the_new_store_has_and_never_deletes(tmp_path) -> None:
    old = Store(tmp_path / "sessions")
    session = make_session()
    old.put_session(session)
    new = Store(tmp_path / "new")
    changed = replace(session, title="Bản ở nơi mới")
    new.put_session(changed)
    result = adopt(tmp_path / "sessions", new)
    assert result.sessions == 0 and result.skipped[0][0] == session.id
    assert new.load_session(session.id).title == "Bản ở nơi mới"
    assert result.kept_as is not None and (result.kept_as / session.id / "session.json").exists()


def test_the_clone_readme_only_sessions_folder_is_not_a_store(tmp_path) -> None:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "README.md").write_text("x", encoding="utf-8")
    assert find_legacy_store(tmp_path, tmp_path / "elsewhere") is None
    with pytest.raises(FacilitatorError, match="không phải thư mục dữ liệu"):
        adopt(tmp_path / "sessions", Store(tmp_path / "new"))


# --- output encodings -------------------------------------------------------------------


def test_a_cp1252_pipe_gets_utf8_and_a_chosen_code_page_never_crashes(monkeypatch) -> None:
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    raw = io.BytesIO()
    pipe = io.TextIOWrapper(raw, encoding="cp1252")
    make_streams_safe((pipe,))
    pipe.write("Chủ trì: đồng chí Lê Văn Ân")
    pipe.flush()
    assert raw.getvalue().decode("utf-8") == "Chủ trì: đồng chí Lê Văn Ân"
    monkeypatch.setenv("PYTHONIOENCODING", "cp1258")
    raw2 = io.BytesIO()
    chosen = io.TextIOWrapper(raw2, encoding="cp1258")
    make_streams_safe((chosen,))
    chosen.write("Bí thư ✓")
    chosen.flush()
    assert raw2.getvalue().decode("cp1258") == "Bí thư ?"


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258", "ascii"])
def test_commands_piped_under_a_non_utf8_code_page_do_not_crash(tmp_path, encoding) -> None:
    data = tmp_path / "data"
    Store(data).put_session(make_session())
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    out = tmp_path / "bb.docx"
    for args in (
        ["--help"],
        ["sessions"],
        ["roster", "show", "--unit", "Chi bộ Khối Dân vận"],
        ["export", make_session().id, "-o", str(out)],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "facilitator", "--data-dir", str(data), *args],
            capture_output=True, env=env, timeout=60, cwd=tmp_path,
        )  # fmt: skip
        assert b"Traceback" not in proc.stderr, (args, proc.stderr)
        assert proc.returncode in (0, 1), args
    assert out.exists()


# --- Windows branches, faked ------------------------------------------------------------


def test_windows_lock_and_unlock_address_the_same_byte(tmp_path) -> None:
    calls: list[tuple[int, int]] = []

    def locking(fd: int, mode: int, nbytes: int) -> None:
        calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR)))

    fd = os.open(tmp_path / "x.lock", os.O_RDWR | os.O_CREAT)
    try:
        assert lock._win_try_lock(fd, locking, 1)
        os.write(fd, b"12345")  # the PID moves the position, as in FileLock.acquire
        lock._win_unlock(fd, locking, 0)
    finally:
        os.close(fd)
    assert calls == [(1, 0), (0, 0)]


def test_windows_replace_retries_while_a_scanner_holds_the_file(tmp_path, monkeypatch) -> None:
    real = os.replace
    attempts = []

    def flaky(src: str, dst: Path) -> None:
        attempts.append(1)
        if len(attempts) < 3:
            raise PermissionError(13, "Access is denied")
        real(src, dst)

    monkeypatch.setattr(atomic.sys, "platform", "win32")
    monkeypatch.setattr(atomic.os, "replace", flaky)
    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)
    target = tmp_path / "a.json"
    atomic.write_bytes_atomic(target, b"{}")
    assert target.read_bytes() == b"{}" and len(attempts) == 3


def test_a_document_open_in_word_is_named_as_such(tmp_path, monkeypatch) -> None:
    from facilitator.storage import output_file

    target = tmp_path / "bien-ban.docx"
    target.write_bytes(b"old")

    def held(src: str, dst: Path) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(output_file.sys, "platform", "win32")
    monkeypatch.setattr(atomic.os, "replace", held)
    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)
    with pytest.raises(StoreError, match="đang được mở trong một chương trình khác"):
        write_output(target, b"new", overwrite=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.docx"]


def test_session_locks_live_outside_the_session_folder(tmp_path) -> None:
    store = Store(tmp_path / "data")
    repo = store.create_session(make_session())
    try:
        folder = store.session_dir(make_session().id)
        assert not (folder / ".lock").exists()
        assert (store.root / ".locks" / f"{make_session().id}.lock").exists()
    finally:
        repo.close()


# --- outputs that would destroy data ----------------------------------------------------


def test_export_into_the_data_folder_is_refused(tmp_path) -> None:
    data = tmp_path / "data"
    Store(data).put_session(make_session())
    sid = make_session().id
    for target in (data / sid / "session.json", data / "index.json", data / "x.docx"):
        code, _, stderr = cli("--data-dir", str(data), "export", sid, "-o", str(target),
                              "--overwrite")  # fmt: skip
        assert code == 1 and "thư mục dữ liệu" in stderr, target
    assert Store(data).load_session(sid) == make_session()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_devices_and_pipes_are_not_replaced(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (Path("/dev/full"), fifo):
        with pytest.raises(FacilitatorError, match="không phải tệp thông thường"):
            write_output(target, b"x", overwrite=True)
    assert fifo.is_fifo()


# --- crash log --------------------------------------------------------------------------


def test_crash_log_is_owner_only_and_holds_the_traceback(tmp_path) -> None:
    try:
        raise RuntimeError("hỏng")
    except RuntimeError as err:
        path = write_crash_log(err, tmp_path / "log")
    assert path is not None and "RuntimeError: hỏng" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


async def test_an_unexpected_error_in_the_console_is_logged(
    store, content_dir, frozen_clock, private_user_folders
) -> None:
    app = make_app(store, content_dir, frozen_clock)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test() as pilot:
            app.call_later(lambda: 1 / 0)
            await pilot.pause()
    assert app.crash_log is not None
    assert app.crash_log.is_relative_to(private_user_folders)
    assert "ZeroDivisionError" in app.crash_log.read_text(encoding="utf-8")


async def test_the_chosen_theme_is_remembered(store, content_dir, frozen_clock, tmp_path) -> None:
    from facilitator.config.settings import Settings, load_settings

    config = tmp_path / "config.toml"
    app = make_app(store, content_dir, frozen_clock, settings_path=config)
    async with app.run_test() as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert load_settings(config).theme == "textual-light"
    again = make_app(store, content_dir, frozen_clock, settings=Settings(theme="nord"))
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "nord"


def test_a_read_only_data_folder_stops_the_console_with_its_path(tmp_path, monkeypatch) -> None:
    from facilitator.storage import store as store_module

    data = tmp_path / "data"
    Store(data)

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(data))

    monkeypatch.setattr(store_module.tempfile, "mkstemp", refused)
    started = []
    monkeypatch.setattr("facilitator.ui.run_app", lambda *a, **k: started.append(1))
    code, _, stderr = cli("--data-dir", str(data))
    assert code == 1 and not started
    assert str(data) in stderr and "không có quyền" in stderr


def test_long_imports_report_progress_on_a_terminal_only(tmp_path, monkeypatch) -> None:
    from facilitator.bundle.io import write_bundle
    from facilitator.cli import progress
    from facilitator.services.bundles import import_bundles

    files = []
    for number in range(3):
        path = tmp_path / f"b{number}.json"
        write_bundle(replace(make_session(), id=f"2024-05-1{number}-cb"), path)
        files.append(path)
    seen: list[tuple[int, int]] = []
    import_bundles(Store(tmp_path / "data"), files, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: False, raising=False)
    with progress.progress_bar("x", 100) as advance:
        advance(1, 100)  # a pipe gets no bar, and no error
    drawn = io.StringIO()
    monkeypatch.setattr(
        progress,
        "Console",
        lambda stderr: __import__("rich").console.Console(
            file=drawn, force_terminal=True, width=60
        ),
    )
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True, raising=False)
    with progress.progress_bar("Đang đọc", 40) as advance:
        advance(20, 40)
    assert "Đang đọc" in drawn.getvalue()
