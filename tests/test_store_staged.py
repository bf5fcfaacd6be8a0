"""Sessions staged whole and swapped in (issue 13): the same bytes as the session's own
writer, private files, invalid sessions refused on write, a batch's staging cleaned up."""

from __future__ import annotations

import json
import os
import stat
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from bundle_helpers import make_session as make_bundle_session
from bundle_helpers import write_json

from facilitator.bundle import parallel
from facilitator.bundle.io import write_bundle
from facilitator.bundle.parallel import map_in_order
from facilitator.domain.errors import InputError, StoreError
from facilitator.domain.models import Note
from facilitator.services.bundles import import_bundles
from facilitator.storage import staged
from facilitator.storage.session_files import NOTES_PER_CHUNK, SessionRepo
from facilitator.storage.staged import stage_session
from facilitator.storage.store import STAGING_PREFIX, Store


def _with_notes(count: int):
    session = make_bundle_session()
    first = session.notes[0] if session.notes else None
    item = session.agenda[0].id
    at = session.started_at
    notes = tuple(
        Note(f"n{i}", item, at, f"Ý kiến số {i}", speaker=first.speaker if first else None)
        for i in range(count)
    )
    return replace(session, notes=notes)


@pytest.mark.parametrize("notes", [0, 1, NOTES_PER_CHUNK, NOTES_PER_CHUNK * 2 + 7])
def test_a_staged_session_has_the_bytes_the_session_writer_writes(
    tmp_path: Path, notes: int
) -> None:
    session = _with_notes(notes)
    folder = tmp_path / "repo"
    repo = SessionRepo(folder, session.id, None, staged=True).open()
    try:
        repo.save_all(session)
    finally:
        repo.close()
    result = stage_session(tmp_path / "staged", session)
    written = {p.name: p.read_bytes() for p in folder.glob("*.json")}
    assert written == {p.name: p.read_bytes() for p in result.folder.iterdir()}
    assert len(written) == 1 + -(-notes // NOTES_PER_CHUNK)


def test_staged_files_and_folder_are_private(tmp_path: Path) -> None:
    result = stage_session(tmp_path / "staged", _with_notes(3))
    assert stat.S_IMODE(result.folder.stat().st_mode) & 0o077 == 0
    for path in result.folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_store_refuses_to_write_a_session_its_loader_would_refuse(tmp_path: Path) -> None:
    """Writes are validated by the same rules as loading."""
    session = make_bundle_session()
    bad = replace(session, votes=(replace(session.votes[0], for_=50),))
    store = Store(tmp_path)
    with pytest.raises(InputError) as info:
        store.put_session(bad)
    assert [p.where for p in info.value.problems] == ["$.votes[0]"]
    assert store.session_ids() == []
    assert not list(tmp_path.glob(f"{STAGING_PREFIX}*"))
    store.put_session(session)
    with pytest.raises(InputError):
        store.put_session(bad, replace=True)
    assert store.load_session(session.id) == session


def test_a_full_disk_while_staging_an_import_writes_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [
        write_bundle(make_bundle_session(f"2024-05-10-buoi-{n}"), tmp_path / f"{n}.json")
        for n in range(12)
    ]
    real_write = staged._write_new
    calls = 0

    def full(path: Path, data: bytes) -> None:
        nonlocal calls
        calls += 1
        if calls == 9:
            raise OSError(28, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(staged, "_write_new", full)
    root = tmp_path / "kho"
    store = Store(root)
    with pytest.raises(StoreError):
        import_bundles(store, files)
    assert store.session_ids() == []
    assert not list(root.glob(f"{STAGING_PREFIX}*"))


def test_an_invalid_file_leaves_no_staging_behind(tmp_path: Path) -> None:
    files = [
        write_bundle(make_bundle_session(f"2024-05-10-buoi-{n}"), tmp_path / f"{n}.json")
        for n in range(10)
    ]
    bad = make_bundle_session("2024-05-10-buoi-x").to_dict()
    bad["attendance"][0]["status"] = "ngủ"
    files.insert(5, write_json(tmp_path / "x.json", bad))
    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as info:
        import_bundles(store, files)
    assert [p.where for p in info.value.problems] == [f"{files[5]} $.attendance[0].status"]
    assert store.session_ids() == []
    assert not list((tmp_path / "kho").glob(f"{STAGING_PREFIX}*"))


def test_an_import_over_worker_processes_stages_under_the_importers_pid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 3)
    sessions = [make_bundle_session(f"2024-05-10-buoi-{n}") for n in range(14)]
    files = [write_bundle(s, tmp_path / f"{s.id}.json") for s in sessions]
    seen: list[str] = []
    root = tmp_path / "kho"

    def watch(done: int, total: int) -> None:
        seen.extend(p.name for p in root.glob(f"{STAGING_PREFIX}*"))

    store = Store(root)
    result = import_bundles(store, files, progress=watch, replace=True)
    assert result.ids == tuple(s.id for s in sessions)
    assert seen and all(name.startswith(f"{STAGING_PREFIX}{os.getpid()}-") for name in seen)
    assert [store.load_session(s.id) for s in sessions] == sessions
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    assert len(index["sessions"]) == len(sessions)
    for row in index["sessions"].values():  # the rows are current: no rebuild on listing
        assert row["mtime_ns"] == (root / row["id"] / "session.json").stat().st_mtime_ns
    rows = {row.id: row for row in store.list_sessions().sessions}
    assert sorted(rows) == sorted(s.id for s in sessions)
    assert not list(root.glob(f"{STAGING_PREFIX}*"))


def test_the_index_is_written_once_for_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = [make_bundle_session(f"2024-05-10-buoi-{n}") for n in range(250)]
    files = [write_bundle(s, tmp_path / f"{s.id}.json") for s in sessions]
    store = Store(tmp_path / "kho")
    writes: list[int] = []
    real = Store._put_rows

    def counted(self: Store, rows: list) -> None:
        writes.append(len(rows))
        real(self, rows)

    monkeypatch.setattr(Store, "_put_rows", counted)
    import_bundles(store, files)
    assert writes == [250]


def test_map_in_order_over_threads_keeps_the_order() -> None:
    names: set[str] = set()

    def slow_first(n: int) -> int:
        names.add(threading.current_thread().name)
        return n * n

    items = list(range(40))
    assert list(map_in_order(slow_first, items, threads=4)) == [n * n for n in items]
    assert any(name.startswith("map") for name in names)


def test_stopping_a_threaded_map_early_cancels_what_has_not_started() -> None:
    started: list[int] = []
    results = map_in_order(started.append, list(range(200)), threads=2)
    next(results)
    results.close()
    assert len(started) < 200
