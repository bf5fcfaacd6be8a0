"""Crash safety of the store: SIGKILL mid-write, and crashes between two writes.

The headline test runs a real writer process (tests/crash_writer.py) through the service
layer and kills it with SIGKILL fifty times at random moments, reopening and continuing
the same store each time. After every kill the store must open, validate and hold every
change the writer acknowledged. A crash between the session write and the index write, or
during a replace, leaves the old or the new session, never a mix.

The crash-safety tests of the store are in tests/test_crash_*.py; see
shared/docs/performance-reliability-facts.md §1.5, §5.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from crash_helpers import SESSION_ID, posix_only, store_files, temp_files
from crash_writer import ICT, AckModel, demo_session

from facilitator.domain.errors import StoreError
from facilitator.domain.membership import count_membership
from facilitator.domain.models import AgendaItem, Note, Session
from facilitator.services.session import SessionService
from facilitator.storage import staged
from facilitator.storage.atomic import TEMP_PREFIX
from facilitator.storage.session_files import NOTES_PER_CHUNK, read_session_files
from facilitator.storage.store import Store

# Processes killed at random moments: one worker runs them all, in turn, so their timing
# does not depend on which other kill tests share the machine (pyproject: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("crash")

REPO = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "crash_writer.py"


KILLS = 50


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


def _assert_every_file_parses(root: Path) -> int:
    """Each store file is complete JSON; returns how many temp files a kill left."""
    leftovers = 0
    for path in store_files(root):
        if path.name.startswith(TEMP_PREFIX):
            leftovers += 1
        elif path.suffix == ".json":
            json.loads(path.read_bytes().decode("utf-8"))  # raises on a torn file
    return leftovers


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
        assert temp_files(root) == []  # stale temp files cleaned at start
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

    real_write = staged._write_new

    def killed(path: Path, data: bytes) -> None:
        if path.name == "session.json":
            raise KeyboardInterrupt  # the SIGKILL after the notes, before session.json
        real_write(path, data)

    monkeypatch.setattr(staged, "_write_new", killed)
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
