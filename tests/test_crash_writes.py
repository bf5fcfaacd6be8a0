"""Crash safety of the store's writes: an exception mid-write or mid-replace leaves the old file,
an unserialisable value never touches the disk, stale temp files go at start, files are
private.

The crash-safety tests of the store are in tests/test_crash_*.py; see
shared/docs/performance-reliability-facts.md §1.5, §5.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from crash_helpers import SESSION_ID, FailingWrites, posix_only, store_files
from crash_writer import demo_session

from facilitator.domain.errors import StoreError
from facilitator.domain.models import Roster
from facilitator.services.session import SessionService
from facilitator.storage import atomic
from facilitator.storage.atomic import (
    TEMP_PREFIX,
    AtomicJSONStorage,
    WriteThroughCache,
    remove_stale_temp_files,
    write_bytes_atomic,
)
from facilitator.storage.store import Store

# Processes killed at random moments: one worker runs them all, in turn, so their timing
# does not depend on which other kill tests share the machine (pyproject: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("crash")

# -- exceptions in the middle of a write -------------------------------------------------


@pytest.mark.parametrize(
    "failure", [RuntimeError("boom"), KeyboardInterrupt(), OSError(errno.EIO, "I/O error")]
)
def test_exception_mid_write_leaves_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "session.json"
    write_bytes_atomic(target, b'{"old": true}')
    real_fdopen = os.fdopen

    class Exploding(FailingWrites):
        def write(self, data: bytes) -> int:
            self._handle.write(data[:7])
            self._handle.flush()
            raise failure

    monkeypatch.setattr(
        atomic.os, "fdopen", lambda fd, *a, **k: Exploding(real_fdopen(fd, *a, **k))
    )
    expected = StoreError if isinstance(failure, OSError) else type(failure)
    with pytest.raises(expected):
        write_bytes_atomic(target, b'{"new": "' + b"x" * 10_000 + b'"}')
    assert target.read_bytes() == b'{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]


def test_exception_during_replace_leaves_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes-0000.json"
    write_bytes_atomic(target, b"{}")

    def interrupted(_src: str, _dst: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "replace_with_retry", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(target, b'{"notes": {}}')
    assert target.read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == ["notes-0000.json"]


def test_unserialisable_value_never_touches_disk_and_cache_recovers(tmp_path: Path) -> None:
    from tinydb import TinyDB

    path = tmp_path / "db.json"
    db = TinyDB(path, storage=WriteThroughCache(AtomicJSONStorage))
    db.insert({"a": 1})
    with pytest.raises(TypeError):
        db.insert({"bad": {1, 2}})
    assert json.loads(path.read_text("utf-8")) == {"_default": {"1": {"a": 1}}}
    db.insert({"a": 3})  # the failed document did not stay in the cache
    stored = json.loads(path.read_text("utf-8"))["_default"]
    assert sorted(d["a"] for d in stored.values()) == [1, 3]
    db.close()


# -- stale temp files ---------------------------------------------------------------------


def test_stale_temp_files_removed_at_start(tmp_path: Path) -> None:
    root = tmp_path / "data"
    store = Store(root)
    service = SessionService.create(store, demo_session(SESSION_ID))
    service.add_note("Ý kiến")
    service.close()
    folder = store.session_dir(SESSION_ID)
    stale = [root / f"{TEMP_PREFIX}abc.json", folder / f"{TEMP_PREFIX}def.json"]
    for path in stale:
        path.write_bytes(b'{"half": ')
    keep = sorted(p.name for p in folder.iterdir() if not p.name.startswith(TEMP_PREFIX))

    store = Store(root)
    assert not stale[0].exists()
    service = SessionService.open(store, SESSION_ID)
    service.close()
    assert not stale[1].exists()
    assert sorted(p.name for p in folder.iterdir()) == keep
    assert remove_stale_temp_files(folder) == 0


# -- file modes ---------------------------------------------------------------------------


@posix_only
def test_files_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o002)  # a permissive umask must not widen personal data
    try:
        root = tmp_path / "data"
        store = Store(root)
        session = demo_session(SESSION_ID, people=5)
        store.save_roster(Roster(unit=session.unit, people=session.people))
        service = SessionService.create(store, session)
        service.start()  # writes live.json
        service.add_note("Ý kiến")
        service.mark("p0001", "present")
        service.close()
        store.list_sessions()
    finally:
        os.umask(old_umask)
    folder = store.session_dir(SESSION_ID)
    private = [
        root / "index.json",
        root / "rosters.json",
        root / "live.json",
        folder / "session.json",
        folder / "notes-0000.json",
    ]
    for path in private:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder_path in (root, folder):
        assert stat.S_IMODE(folder_path.stat().st_mode) == 0o700, folder_path
    for path in store_files(root):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
