"""Benchmark: does saving a note or a mark stay flat as the session grows?

Run by hand: ``/work/venv/bin/python bench/note_save.py``. Prints medians measured in
this run and their ratios. Target: a note saved into a session already holding 5,000
notes costs at most 2x one saved next to 10 notes (notes live in chunks of 100).
One attendance mark with a 500-person roster is compared with a 10-person roster.

The two sides of each comparison are timed alternately (A, B, A, B...), so disk and
CPU noise from other jobs on the machine lands on both sides alike.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from crash_writer import ICT, demo_session
from timing import alternate

from facilitator.domain.models import Attendance, Note
from facilitator.services.session import SessionService
from facilitator.storage.store import Store

SAVES = 300
MARKS = 200
NOTE_TEXT = (
    "Đồng chí phát biểu: cần nâng cao chất lượng sinh hoạt chi bộ, gắn với nhiệm vụ chính trị"
)
STATUSES = ("present", "late", "absent-excused", "absent")


def _service(root: Path, notes: int, people: int) -> SessionService:
    """A stored, open session with ``notes`` notes and ``people`` on the roster, all of
    them already marked present (a mark late in the meeting rewrites a full list)."""
    at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    session = demo_session(f"s-{notes}-{people}", people=people)
    session = session.with_changes(
        notes=tuple(Note(f"n{n}", "phan-1", at, f"{NOTE_TEXT} ({n})") for n in range(1, notes + 1)),
        attendance=tuple(Attendance(p.id, "present") for p in session.people),
    )
    return SessionService.create(Store(root / session.id), session)


def note_costs(root: Path, small: int, large: int) -> tuple[float, float]:
    """Median ``add_note`` cost with ``small`` and with ``large`` notes already stored."""
    services = _service(root, small, 20), _service(root, large, 20)
    try:
        return alternate(
            lambda n: services[0].add_note(f"{NOTE_TEXT} [{n}]"),
            lambda n: services[1].add_note(f"{NOTE_TEXT} [{n}]"),
            SAVES,
        )
    finally:
        for service in services:
            service.close()


def mark_costs(root: Path, small: int, large: int) -> tuple[float, float]:
    """Median ``mark`` cost with rosters of ``small`` and ``large`` people."""
    services = _service(root, 0, small), _service(root, 0, large)

    def marker(service: SessionService, people: int) -> Callable[[int], object]:
        return lambda n: service.mark(f"p{n % people + 1:04d}", STATUSES[n % 4], reason="Ốm")

    try:
        return alternate(marker(services[0], small), marker(services[1], large), MARKS)
    finally:
        for service in services:
            service.close()


def main() -> None:
    """Measure and print."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        note_costs(root / "warm-up", 10, 100)  # imports, page cache
        small, large = note_costs(root / "a", 10, 5000)
        small_b, mid_chunk = note_costs(root / "b", 10, 5050)
        mark_small, mark_large = mark_costs(root / "c", 10, 500)
    print(f"add_note (median of {SAVES}, paired with a 10-note session in the same run)")
    print(f"  10 notes stored:     {small:7.2f} ms")
    print(f"  5,000 notes stored:  {large:7.2f} ms  ratio {large / small:.2f}x (target <= 2x)")
    print(f"  10 notes stored:     {small_b:7.2f} ms")
    print(f"  5,050 notes stored:  {mid_chunk:7.2f} ms  ratio {mid_chunk / small_b:.2f}x")
    print(f"mark (median of {MARKS}, everyone already marked)")
    print(f"  10-person roster:    {mark_small:7.2f} ms")
    print(f"  500-person roster:   {mark_large:7.2f} ms  ratio {mark_large / mark_small:.2f}x")


if __name__ == "__main__":
    main()
