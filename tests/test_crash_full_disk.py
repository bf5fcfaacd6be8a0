"""Crash safety of the store, a full disk: every change refused by ENOSPC (at mkstemp, write
or fsync) keeps the old state and leaves no temp file, nor a half-made session or roster.

The crash-safety tests of the store are in tests/test_crash_*.py; see
shared/docs/performance-reliability-facts.md §1.5, §5.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from crash_helpers import SESSION_ID, FailingWrites, enospc, store_files, temp_files
from crash_writer import ICT, demo_session

from facilitator.domain.errors import StoreError
from facilitator.domain.models import Note, Roster
from facilitator.services.session import SessionService
from facilitator.storage import atomic
from facilitator.storage.store import Store

# Processes killed at random moments: one worker runs them all, in turn, so their timing
# does not depend on which other kill tests share the machine (pyproject: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("crash")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in store_files(root) if p.name != ".lock"
    }


# -- a full disk -------------------------------------------------------------------------


def _fill_disk(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    if where == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", enospc)
    elif where == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", enospc)
    else:
        real_fdopen = os.fdopen
        monkeypatch.setattr(
            atomic.os, "fdopen", lambda fd, *a, **k: FailingWrites(real_fdopen(fd, *a, **k))
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
    assert temp_files(root) == []
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
    monkeypatch.setattr(atomic.os, "fsync", enospc)
    with pytest.raises(StoreError, match="ổ đĩa đã đầy"):
        SessionService.create(store, demo_session(SESSION_ID))
    monkeypatch.undo()
    assert temp_files(store.root) == []
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
    monkeypatch.setattr(atomic.os, "fsync", enospc)
    with pytest.raises(StoreError, match="ổ đĩa đã đầy"):
        store.save_roster(Roster(unit=session.unit, people=session.people[:1]))
    monkeypatch.undo()
    assert store.roster(session.unit.name).people == session.people
    assert temp_files(store.root) == []
