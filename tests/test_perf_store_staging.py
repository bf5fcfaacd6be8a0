"""Sessions of a batch import are staged over threads (their fsyncs overlap, issue 13):
the store holds the same sessions as one by one, and a failure still surfaces."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from crash_writer import ICT, demo_session

from facilitator.domain.models import Note
from facilitator.storage import staging
from facilitator.storage.staging import THREADED_FROM, stage_all
from facilitator.storage.store import STAGING_PREFIX, TRASH_PREFIX, Store


def _sessions(count: int) -> list:
    out = []
    for n in range(count):
        session = demo_session(f"2024-05-{10 + n % 18:02d}-cb-{n:03d}", people=12)
        at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT) + timedelta(minutes=n)
        notes = tuple(
            Note(f"n{k}", session.agenda[0].id, at, f"Ý kiến {k} của buổi {n}") for k in range(5)
        )
        out.append(replace(session, notes=notes))
    return out


def test_a_small_batch_is_staged_in_order_on_the_calling_thread() -> None:
    seen: list[tuple[int, str]] = []
    stage_all(lambda n: seen.append((n, threading.current_thread().name)), list(range(3)))
    assert seen == [(n, threading.current_thread().name) for n in range(3)]


def test_a_small_batch_stops_at_its_first_failure() -> None:
    seen: list[int] = []

    def stage(n: int) -> None:
        if n == 1:
            raise OSError("disk full")
        seen.append(n)

    with pytest.raises(OSError, match="disk full"):
        stage_all(stage, [0, 1, 2])
    assert seen == [0]


def test_a_large_batch_stages_every_item_once_over_threads() -> None:
    seen: list[int] = []
    names: set[str] = set()
    lock = threading.Lock()

    def stage(n: int) -> None:
        with lock:
            seen.append(n)
            names.add(threading.current_thread().name)

    items = list(range(THREADED_FROM * 5))
    stage_all(stage, items)
    assert sorted(seen) == items
    assert all(name.startswith("stage") for name in names)


def test_a_large_batch_raises_the_first_failure_in_order() -> None:
    def stage(n: int) -> None:
        if n in (3, 20):
            raise ValueError(f"bad {n}")

    with pytest.raises(ValueError, match="bad 3"):
        stage_all(stage, list(range(THREADED_FROM * 4)))


def test_a_threaded_import_stores_what_one_by_one_stores(tmp_path, monkeypatch) -> None:
    sessions = _sessions(THREADED_FROM * 2 + 3)
    threaded = Store(tmp_path / "threaded")
    threaded.put_sessions(sessions)
    monkeypatch.setattr(staging, "THREADED_FROM", 10_000)
    serial = Store(tmp_path / "serial")
    serial.put_sessions(sessions)
    assert threaded.session_ids() == serial.session_ids() == sorted(s.id for s in sessions)
    for session in sessions:
        assert threaded.load_session(session.id) == serial.load_session(session.id) == session
    assert threaded.list_sessions() == serial.list_sessions()
    left = [p.name for p in (tmp_path / "threaded").iterdir()]
    assert not [name for name in left if name.startswith((STAGING_PREFIX, TRASH_PREFIX))]


def test_a_threaded_replace_swaps_every_session(tmp_path) -> None:
    sessions = _sessions(THREADED_FROM + 1)
    store = Store(tmp_path)
    store.put_sessions(sessions)
    renamed = [replace(s, place="Nhà văn hóa thôn") for s in sessions]
    store.put_sessions(renamed, replace=True)
    assert all(store.load_session(s.id).place == "Nhà văn hóa thôn" for s in sessions)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(TRASH_PREFIX)]
