"""Installed like real software, on every platform: output that never crashes on a code page,
the Windows branches (faked where they cannot run here), outputs that would destroy data.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import make_session
from install_helpers import cli

from facilitator.cli import make_streams_safe
from facilitator.domain.errors import FacilitatorError, StoreError
from facilitator.storage import atomic, lock
from facilitator.storage.output_file import write_output
from facilitator.storage.store import Store

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
