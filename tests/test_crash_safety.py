"""Crash safety of the store: SIGKILL mid-write, a full disk, exceptions mid-write, modes.

The headline test runs a real writer process (tests/crash_writer.py) through the service
layer and kills it with SIGKILL fifty times at random moments, reopening and continuing
the same store each time. After every kill the store must open, validate and hold every
change the writer acknowledged. See shared/docs/performance-reliability-facts.md §1.5, §5.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from crash_writer import ICT, AckModel, demo_session

from facilitator.domain.errors import StoreError
from facilitator.domain.membership import count_membership
from facilitator.domain.models import AgendaItem, Note, Roster, Session
from facilitator.services.session import SessionService
from facilitator.storage import atomic
from facilitator.storage.atomic import (
    TEMP_PREFIX,
    AtomicJSONStorage,
    WriteThroughCache,
    remove_stale_temp_files,
    write_bytes_atomic,
)
from facilitator.storage.session_files import NOTES_PER_CHUNK, SessionRepo, read_session_files
from facilitator.storage.store import Store

REPO = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "crash_writer.py"
SESSION_ID = "2024-05-10-chi-bo-khoi-dan-van"
KILLS = 50
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and modes are POSIX")


def _validator() -> Callable[[Any], list[Any]] | None:
    try:
        from facilitator.bundle.validate import validate_session
    except ImportError:  # the bundle module may not have landed yet
        return None
    return validate_session


def _writer_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return env


def _spawn(root: Path, seed: int, run: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(root), SESSION_ID, str(seed), str(run), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=_writer_env(),
    )


def _store_files(root: Path) -> Iterator[Path]:
    yield from (p for p in root.rglob("*") if p.is_file())


def _assert_every_file_parses(root: Path) -> int:
    """Each store file is complete JSON; returns how many temp files a kill left."""
    leftovers = 0
    for path in _store_files(root):
        if path.name.startswith(TEMP_PREFIX):
            leftovers += 1
        elif path.suffix == ".json":
            json.loads(path.read_bytes().decode("utf-8"))  # raises on a torn file
    return leftovers


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in _store_files(root) if p.name != ".lock"
    }


def _temp_files(root: Path) -> list[Path]:
    return [p for p in _store_files(root) if p.name.startswith(TEMP_PREFIX)]


# -- SIGKILL at fifty random moments ----------------------------------------------------


@posix_only
def test_sigkill_at_random_moments_loses_no_acknowledged_change(tmp_path: Path) -> None:
    root = tmp_path / "data"
    store = Store(root)
    at = datetime(2024, 5, 10, 7, 45, tzinfo=ICT)
    # 95 notes already: the first runs cross into the second notes chunk, however slow the disk.
    notes = tuple(Note(f"n{n}", "phan-1", at, f"Ý kiến có sẵn {n}") for n in range(1, 96))
    store.put_session(demo_session(SESSION_ID, people=30).with_changes(notes=notes))
    rng = random.Random(20240510)
    model = AckModel(notes={n.id: n.text for n in notes})
    validate = _validator()
    leftovers = 0
    for run in range(KILLS):
        writer = _spawn(root, 7, run)
        assert writer.stdout is not None and writer.stderr is not None
        first = writer.stdout.readline()
        assert first == b"ready\n", (first, writer.stderr.read().decode())
        time.sleep(rng.uniform(0.02, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        output, errors = writer.stdout.read(), writer.stderr.read()
        writer.stdout.close()
        writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL, errors.decode()
        model.feed(output)

        leftovers += _assert_every_file_parses(root)
        fresh = Store(root)  # what the next start of the app does
        session = fresh.load_session(SESSION_ID)
        if validate is not None:
            assert validate(read_session_files(fresh.session_dir(SESSION_ID))) == []
        assert model.differences(session) == [], f"after kill {run + 1}"
        listing = fresh.list_sessions()
        assert listing.problems == ()
        (row,) = listing.sessions
        present = {
            count_membership(session.people, model.attendance(with_pending=p)).present
            for p in (False, True)
        }
        assert row.present in present
        assert row.total == count_membership(session.people, ()).total
        model.settle(session)

    assert model.acks > 2 * KILLS  # the writer really was busy when killed
    assert len(model.notes) > NOTES_PER_CHUNK  # notes crossed a chunk boundary
    service = SessionService.open(Store(root), SESSION_ID)  # the lock died with the writer
    try:
        assert model.differences(service.session) == []
        assert _temp_files(root) == []  # stale temp files cleaned at start
    finally:
        service.close()
    print(f"{KILLS} kills, {model.acks} acknowledged calls, {leftovers} temp files left by kills")


# -- a crash between the session write and the index write ------------------------------


def test_index_counts_heal_after_crash_between_session_and_index_write(tmp_path: Path) -> None:
    """A kill after session.json is replaced but before index.json is must not leave the
    session list showing stale counts for ever: the index claims to be derivable."""
    root = tmp_path / "data"
    store = Store(root)
    service = SessionService.create(store, demo_session(SESSION_ID, people=10))
    service.mark("p0001", "present")
    service.mark("p0002", "present")

    def die(_session: Session) -> None:
        raise KeyboardInterrupt  # stands in for the SIGKILL at that exact instruction

    # Marks refresh the index only when the session is left: die right there.
    store.update_summary = die  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        service.close()

    fresh = Store(root)
    stored = fresh.load_session(SESSION_ID)
    on_disk = count_membership(stored.people, stored.attendance)
    assert on_disk.present == 2
    (row,) = fresh.list_sessions().sessions
    assert row.present == on_disk.present, "index.json still shows the count before the crash"


def test_marks_leave_the_index_alone_until_the_session_is_left(tmp_path: Path) -> None:
    """A mark writes the session file once; the list's row is refreshed on leaving."""
    store = Store(tmp_path / "data")
    service = SessionService.create(store, demo_session(SESSION_ID, people=10))
    index = store.root / "index.json"
    before = index.stat().st_mtime_ns
    for person in ("p0001", "p0002", "p0003"):
        service.mark(person, "present")
    assert index.stat().st_mtime_ns == before
    service.close()
    assert index.stat().st_mtime_ns != before
    (row,) = Store(store.root).list_sessions().sessions
    assert row.present == 3


def _old_and_new() -> tuple[Session, Session]:
    """A stored session and its re-imported version with another agenda and notes."""
    at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    old = demo_session(SESSION_ID).with_changes(
        notes=tuple(Note(f"n{n}", "phan-1", at, f"Ý kiến cũ {n}") for n in range(1, 4))
    )
    new = old.with_changes(
        title="Buổi sinh hoạt đã sửa",
        agenda=(AgendaItem(id="muc-moi", title="Mục mới"),),
        notes=(Note("n1", "muc-moi", at, "Ý kiến mới"),),
    )
    return old, new


def _restart_in_new_process(root: Path) -> None:
    """The next start after a crash runs in another process: the dead writer's PID no
    longer matches, so its staging and temp files count as abandoned."""
    code = f"from facilitator.storage.store import Store; Store({str(root)!r})"
    subprocess.run([sys.executable, "-c", code], check=True)


def _stored_after_crash(root: Path) -> Session:
    _restart_in_new_process(root)
    try:
        return Store(root).load_session(SESSION_ID)  # the next start recovers first
    except StoreError as exc:
        pytest.fail(f"the session became unreadable: {exc}")


def test_interrupted_replace_leaves_old_or_new_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``import --replace`` rewrites notes chunks and session.json: a kill in between must
    leave the old session or the new one, not notes pointing at another agenda."""
    old, new = _old_and_new()
    store = Store(tmp_path / "data")
    store.put_session(old)

    def killed(_repo: SessionRepo, _session: Session) -> None:
        raise KeyboardInterrupt  # the SIGKILL after the notes, before session.json

    monkeypatch.setattr(SessionRepo, "save_core", killed)
    with pytest.raises(KeyboardInterrupt):
        store.put_session(new, replace=True)
    monkeypatch.undo()
    assert _stored_after_crash(store.root) in (old, new)


def test_replace_killed_at_every_rename_leaves_old_or_new_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file write and folder swap of a replace goes through ``os.replace``: die at
    each one in turn, then start again. Always exactly the old or the new session."""
    old, new = _old_and_new()
    real_replace = os.replace
    kill_at = 0
    while True:
        kill_at += 1
        root = tmp_path / f"kill-{kill_at}"
        store = Store(root)
        store.put_session(old)
        calls = 0

        def replace(src: Any, dst: Any, *, _at: int = kill_at) -> None:
            nonlocal calls
            calls += 1
            if calls == _at:
                raise KeyboardInterrupt
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", replace)
        try:
            store.put_session(new, replace=True)
            finished = True
        except KeyboardInterrupt:
            finished = False
        finally:
            monkeypatch.undo()
        assert _stored_after_crash(root) in (old, new), f"killed at rename {kill_at}"
        # The "killed" writer is this very process, still alive, so its own staging folder
        # is rightly spared; nothing else may be left over.
        ours = f".staging-{os.getpid()}-"
        leftovers = [
            p.name
            for p in root.iterdir()
            if p.name.startswith((".staging", ".repl")) and not p.name.startswith(ours)
        ]
        assert leftovers == [], f"killed at rename {kill_at}"
        if finished:
            assert _stored_after_crash(root) == new
            break
    assert kill_at > 3


# -- a full disk -------------------------------------------------------------------------


def _enospc(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FailingWrites:
    """Wraps the temp file's handle: half the bytes go out, then the disk is full."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _FailingWrites:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self._handle.flush()

    def fileno(self) -> int:
        return int(self._handle.fileno())


def _fill_disk(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    if where == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", _enospc)
    elif where == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", _enospc)
    else:
        real_fdopen = os.fdopen
        monkeypatch.setattr(
            atomic.os, "fdopen", lambda fd, *a, **k: _FailingWrites(real_fdopen(fd, *a, **k))
        )


@pytest.fixture
def busy_service(tmp_path: Path) -> Iterator[SessionService]:
    """A running session with notes in two chunks, marks and a current item."""
    store = Store(tmp_path / "data")
    at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    notes = tuple(Note(f"n{n}", "phan-1", at, f"Ý kiến thứ {n}") for n in range(1, 106))
    session = demo_session(SESSION_ID, people=12).with_changes(notes=notes)
    service = SessionService.create(store, session)  # one bulk write, two chunks
    service.start()
    service.mark("p0001", "present")
    service.mark("p0002", "absent-excused", reason="Ốm")
    yield service
    service.close()


CHANGES: dict[str, Callable[[SessionService], object]] = {
    "add_note": lambda s: s.add_note("Ý kiến ghi khi ổ đĩa đầy"),
    "edit_note": lambda s: s.edit_note("n3", text="Sửa khi ổ đĩa đầy"),
    "edit_note_new_chunk": lambda s: s.edit_note("n104", text="Sửa khi ổ đĩa đầy"),
    "delete_note": lambda s: s.delete_note("n5"),
    "mark": lambda s: s.mark("p0003", "late"),
    "unmark": lambda s: s.unmark("p0001"),
    "go_to": lambda s: s.go_to("phan-3"),
    "update_details": lambda s: s.update_details(title="Tiêu đề mới"),
    "add_person": lambda s: s.add_person("Khách mời Lê Văn Tám"),
    "record_vote": lambda s: s.record_vote("Thông qua nghị quyết", 8),
}


@pytest.mark.parametrize("where", ["mkstemp", "write", "fsync"])
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_full_disk_keeps_old_state_and_snapshot(
    busy_service: SessionService, monkeypatch: pytest.MonkeyPatch, where: str, change: str
) -> None:
    service = busy_service
    root = service.store.root
    before_disk = _snapshot(root)
    before = service.session

    with monkeypatch.context() as patched:
        _fill_disk(patched, where)
        with pytest.raises(StoreError) as caught:
            CHANGES[change](service)
    message = str(caught.value)
    assert "ổ đĩa đã đầy" in message
    assert ".json" in message  # names the file it could not write
    assert "Traceback" not in message
    assert _snapshot(root) == before_disk, "a failed write changed the disk"
    assert _temp_files(root) == []
    assert service.session == before, "the in-memory snapshot advanced past the disk"

    # Space is back: the same change now succeeds, and the disk agrees with the snapshot.
    CHANGES[change](service)
    after = service.session
    assert after != before
    stored = Store(root).load_session(service.session.id)
    assert [n.id for n in stored.notes] == [n.id for n in after.notes], "disk and snapshot differ"
    assert stored == after


def test_full_disk_on_session_create_leaves_nothing_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "data")
    monkeypatch.setattr(atomic.os, "fsync", _enospc)
    with pytest.raises(StoreError, match="ổ đĩa đã đầy"):
        SessionService.create(store, demo_session(SESSION_ID))
    monkeypatch.undo()
    assert _temp_files(store.root) == []
    assert not store.exists(SESSION_ID)
    service = SessionService.create(store, demo_session(SESSION_ID))  # lock was released
    service.close()
    assert store.load_session(SESSION_ID) == demo_session(SESSION_ID)


def test_full_disk_on_roster_save_keeps_old_roster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "data")
    session = demo_session(SESSION_ID, people=5)
    store.save_roster(Roster(unit=session.unit, people=session.people))
    monkeypatch.setattr(atomic.os, "fsync", _enospc)
    with pytest.raises(StoreError, match="ổ đĩa đã đầy"):
        store.save_roster(Roster(unit=session.unit, people=session.people[:1]))
    monkeypatch.undo()
    assert store.roster(session.unit.name).people == session.people
    assert _temp_files(store.root) == []


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

    class Exploding(_FailingWrites):
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
    for path in _store_files(root):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
