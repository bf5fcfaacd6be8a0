"""Benchmark: does a session write cost the same with 500 sessions stored as with 1?

Run by hand: ``/work/venv/bin/python bench/store_scaling.py``. One store holds a single
session, another holds 500; the same edits are timed on one session of each, turn about
(so noise from other jobs lands on both), and the medians and their ratios printed.
``add_note`` touches only the session's folder; ``mark`` also rewrites index.json, whose
size grows with the number of sessions. Opening the app and listing sessions are shown
for information.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from crash_writer import demo_session
from timing import alternate

from facilitator.services.session import SessionService
from facilitator.storage.store import Store

SESSIONS = 500
REPEATS = 200
STATUSES = ("present", "late", "absent-excused", "absent")


def _fill(root: Path, count: int) -> Store:
    """A store holding ``count`` sessions of 30 people (ids ``s0000``…)."""
    store = Store(root)
    for n in range(count):
        store.put_session(demo_session(f"s{n:04d}", people=30))
    return store


def _once_ms(action: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    """Measure and print."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        one, many = _fill(root / "one", 1), _fill(root / "many", SESSIONS)
        fill_s = time.perf_counter() - started
        services = (
            SessionService.open(one, "s0000"),
            SessionService.open(many, f"s{SESSIONS // 2:04d}"),
        )
        try:
            note = alternate(
                lambda n: services[0].add_note(f"Ý kiến {n}"),
                lambda n: services[1].add_note(f"Ý kiến {n}"),
                REPEATS,
            )
            mark = alternate(
                lambda n: services[0].mark(f"p{n % 30 + 1:04d}", STATUSES[n % 4]),
                lambda n: services[1].mark(f"p{n % 30 + 1:04d}", STATUSES[n % 4]),
                REPEATS,
            )
        finally:
            for service in services:
                service.close()
        start_one = _once_ms(lambda: Store(root / "one"))
        start_many = _once_ms(lambda: Store(root / "many"))
        list_one = _once_ms(lambda: Store(root / "one").list_sessions())
        list_many = _once_ms(lambda: Store(root / "many").list_sessions())
    print(f"filling the stores: {fill_s:.1f} s")
    print(f"session write (median of {REPEATS}), 1 session stored vs {SESSIONS}")
    print(
        f"  add_note:        {note[0]:7.2f} ms vs {note[1]:7.2f} ms  ratio {note[1] / note[0]:.2f}x"
    )
    print(
        f"  mark (+ index):  {mark[0]:7.2f} ms vs {mark[1]:7.2f} ms  ratio {mark[1] / mark[0]:.2f}x"
    )
    print("for information (median of 5)")
    print(f"  Store() start:   {start_one:7.2f} ms vs {start_many:7.2f} ms")
    print(f"  list_sessions(): {list_one:7.2f} ms vs {list_many:7.2f} ms")


if __name__ == "__main__":
    main()
