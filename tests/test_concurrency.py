"""Two windows at once: one session is refused, two sessions both write, the index adds up.

Each window is a real process (tests/crash_writer.py) so the locks are the kernel's, as
on a presenter's laptop with the app opened twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from crash_writer import AckModel, demo_session

from facilitator.domain.errors import SessionLockedError, StoreError
from facilitator.domain.membership import count_membership
from facilitator.services.session import SessionService
from facilitator.storage import atomic
from facilitator.storage.store import Store

REPO = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "crash_writer.py"
LOCKED_PHRASE = "đang được mở ở cửa sổ khác"
FIRST, SECOND = "2024-05-10-chi-bo-mot", "2024-05-11-chi-bo-hai"
pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX process control"),
    pytest.mark.xdist_group("crash"),  # with the other kill tests, one worker (--dist loadgroup)
]


def _spawn(root: Path, session_id: str, run: int, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(root), session_id, "11", str(run), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=env,
    )


def _finish(writer: subprocess.Popen[bytes], timeout: float = 30) -> tuple[int, bytes, str]:
    output, errors = writer.communicate(timeout=timeout)
    return writer.returncode, output, errors.decode("utf-8", "replace")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    store = Store(data)
    store.put_session(demo_session(FIRST, people=15))
    store.put_session(demo_session(SECOND, people=25))
    return data


def test_second_process_on_same_session_is_refused(root: Path) -> None:
    holder = SessionService.open(Store(root), FIRST)
    try:
        code, output, errors = _finish(_spawn(root, FIRST, 0, "--ops", "1"))
        assert code == 3, errors
        line = output.decode("utf-8")
        assert line.startswith("locked "), line
        assert LOCKED_PHRASE in line
        assert FIRST in line  # says which session
        assert "Traceback" not in errors
        holder.add_note("Vẫn ghi được")  # the refused window changed nothing
    finally:
        holder.close()
    code, output, errors = _finish(_spawn(root, FIRST, 1, "--ops", "1"))
    assert code == 0, errors  # free again once the first window closed
    assert output.endswith(b"done\n")


def test_process_holding_session_refuses_this_one_until_it_dies(root: Path) -> None:
    writer = _spawn(root, FIRST, 0, "--ops", "3", "--hold")
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline() == b"ready\n"
        with pytest.raises(SessionLockedError) as caught:
            SessionService.open(Store(root), FIRST)
        assert LOCKED_PHRASE in str(caught.value)
        other = SessionService.open(Store(root), SECOND)  # another session is not locked
        other.close()
    finally:
        writer.send_signal(signal.SIGKILL)  # a crash must not leave the session locked
        writer.communicate()
    service = SessionService.open(Store(root), FIRST)
    service.close()


def test_two_processes_on_two_sessions_both_write_and_index_adds_up(root: Path) -> None:
    kinds = ("--kinds", "note,mark,unmark,edit")
    writers = {
        FIRST: _spawn(root, FIRST, 1, "--ops", "80", "--wait-go", *kinds),
        SECOND: _spawn(root, SECOND, 2, "--ops", "80", "--wait-go", *kinds),
    }
    for writer in writers.values():
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
    for writer in writers.values():  # both started: now they write at the same time
        assert writer.stdin is not None
        writer.stdin.write(b"go\n")
        writer.stdin.flush()
    models: dict[str, AckModel] = {}
    for session_id, writer in writers.items():
        code, output, errors = _finish(writer)
        assert code == 0, errors
        models[session_id] = model = AckModel()
        model.feed(output)
        assert model.acks == 80 and model.pending is None

    store = Store(root)
    listing = store.list_sessions()
    assert listing.problems == ()
    rows = {row.id: row for row in listing.sessions}
    assert set(rows) == {FIRST, SECOND}
    for session_id, model in models.items():
        session = store.load_session(session_id)
        assert model.differences(session) == []
        expected = count_membership(session.people, model.attendance())
        assert rows[session_id].present == expected.present
        assert rows[session_id].total == expected.total
        assert len(session.notes) == len(model.notes)


def test_window_starting_up_does_not_break_a_write_in_progress(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the app cleans "stale" temp files in the data folder. index.json, rosters.json
    and live.json are written there by whichever window is running: the cleanup must not
    delete a temp file another live process is about to rename."""
    service = SessionService.open(Store(root), FIRST)
    real_replace = atomic.replace_with_retry

    def another_window_starts(src: str, dst: Path) -> None:
        Store(root)  # the second window's start-up, between mkstemp and os.replace
        real_replace(src, dst)

    monkeypatch.setattr(atomic, "replace_with_retry", another_window_starts)
    try:
        service.mark("p0001", "present")  # session.json, then index.json in the data folder
    except StoreError as exc:
        pytest.fail(f"a write failed because another window started: {exc}")
    finally:
        monkeypatch.undo()
        service.close()
    (row,) = (r for r in Store(root).list_sessions().sessions if r.id == FIRST)
    assert row.present == 1


def test_import_replace_with_one_session_open_elsewhere_writes_nothing(
    root: Path, tmp_path: Path
) -> None:
    """All-or-nothing import: a batch that cannot replace one session (open in another
    window) must not have replaced the others already."""
    bundle_io = pytest.importorskip("facilitator.bundle.io")
    bundles = pytest.importorskip("facilitator.services.bundles")
    store = Store(root)
    files = []
    for session_id in (FIRST, SECOND):
        changed = store.load_session(session_id).with_changes(title="Tiêu đề nhập lại")
        files.append(bundle_io.write_bundle(changed, tmp_path / f"{session_id}.json"))
    before = store.load_session(FIRST)
    holder = SessionService.open(store, SECOND)  # the second session is open in a window
    try:
        with pytest.raises(SessionLockedError):
            bundles.import_bundles(store, files, replace=True)
    finally:
        holder.close()
    assert store.load_session(FIRST) == before, "the first session was replaced anyway"
