"""Issue #12, the store's own files: symlinked locks (6) and Vietnamese-only errors (14)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from facilitator.domain.errors import CorruptStoreError, StoreError
from facilitator.storage import atomic
from facilitator.storage.lock import FileLock
from facilitator.storage.store import Store
from facilitator.strings.oserrors import reason

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
PRECIOUS = "dữ liệu của người dùng, không được xoá\n"


@needs_symlinks
@pytest.mark.parametrize("name", [".index.lock", ".rosters.lock"])
def test_symlinked_root_lock_is_refused_and_its_target_kept(tmp_path: Path, name: str) -> None:
    data = tmp_path / "kho"
    store = Store(data)
    victim = tmp_path / "quan-trong.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    (data / name).symlink_to(victim)
    with pytest.raises(StoreError) as caught:
        if name == ".index.lock":
            store.list_sessions()
        else:
            (data / "rosters.json").write_text("{}", encoding="utf-8")
            store.rosters()
    assert str(data / name) in str(caught.value)
    assert "liên kết tượng trưng" in str(caught.value)
    assert victim.read_text(encoding="utf-8") == PRECIOUS


@needs_symlinks
def test_symlinked_session_lock_is_refused(tmp_path: Path) -> None:
    lock_path = tmp_path / ".locks" / "2024-05-10-cb.lock"
    lock_path.parent.mkdir()
    victim = tmp_path / "quan-trong.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    lock_path.symlink_to(victim)
    with pytest.raises(StoreError, match="liên kết tượng trưng"):
        FileLock(lock_path, "Buổi sinh hoạt").acquire()
    assert victim.read_text(encoding="utf-8") == PRECIOUS


@needs_symlinks
def test_dangling_lock_symlink_creates_nothing(tmp_path: Path) -> None:
    lock_path = tmp_path / "x.lock"
    target = tmp_path / "khong-co.txt"
    lock_path.symlink_to(target)
    with pytest.raises(StoreError):
        FileLock(lock_path, "X").acquire()
    assert not target.exists()


@needs_symlinks
def test_symlinked_locks_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    (tmp_path / ".locks").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(StoreError, match="liên kết tượng trưng"):
        FileLock(tmp_path / ".locks" / "a.lock", "A").acquire()
    assert list(elsewhere.iterdir()) == []


def test_existing_lock_file_is_never_truncated(tmp_path: Path) -> None:
    # A hard link (or any file already there) may be someone's data: lock it, never write it.
    lock_path = tmp_path / "x.lock"
    lock_path.write_text(PRECIOUS, encoding="utf-8")
    with FileLock(lock_path, "X"):
        assert lock_path.read_text(encoding="utf-8") == PRECIOUS
    assert lock_path.read_text(encoding="utf-8") == PRECIOUS


def test_new_lock_file_holds_the_pid(tmp_path: Path) -> None:
    lock_path = tmp_path / "moi.lock"
    with FileLock(lock_path, "X"):
        assert lock_path.read_text() == str(os.getpid())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_lock_is_refused(tmp_path: Path) -> None:
    lock_path = tmp_path / "x.lock"
    os.mkfifo(lock_path)
    with pytest.raises(StoreError, match="không phải tệp thường"):
        FileLock(lock_path, "X").acquire()


# --- 14: messages -----------------------------------------------------------------------


def test_full_disk_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(StoreError) as caught:
        atomic.write_bytes_atomic(tmp_path / "a.json", b"{}")
    message = str(caught.value)
    assert message.count("ổ đĩa đã đầy") == 1, message
    assert "No space" not in message and str(tmp_path / "a.json") in message


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ESTALE, "Stale file handle", "/mnt/x"),
        OSError(errno.EMFILE, "Too many open files"),
        OSError(errno.EBUSY, "Device or resource busy"),
        OSError("no errno at all"),
    ],
)
def test_os_reasons_are_vietnamese(error: OSError) -> None:
    text = reason(error)
    assert error.strerror is None or error.strerror not in text
    assert "no errno" not in text
    assert text.startswith(("lỗi hệ thống", "tệp", "đang"))


def test_corrupt_store_json_names_place_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "hong.json"
    path.write_text('{"a": ', encoding="utf-8")
    with pytest.raises(CorruptStoreError) as caught:
        atomic.read_json(path)
    message = str(caught.value)
    assert str(path) in message and "dòng 1" in message
    assert "Expecting" not in message
