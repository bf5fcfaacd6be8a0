"""Shared by the screen and dialog snapshot tests: no cursor blink, a session part-way
through, the app with a fixed data folder and export folder, and a Pilot helper that waits
until the screen a key opens is up.

Import the fixtures by name in a test module (``from snapshot_setup import no_blink``):
pytest then uses them there, as if defined in the module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from builders import make_app
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp

EXPORT_DIR = Path("/home/bi-thu/Tài liệu/Biên bản")
"""Where the export dialog proposes to write: the same on every machine (not tmp_path)."""

DATA_DIR = "C:\\Users\\bi-thu\\AppData\\Local\\facilitator\\sessions"

SMALL, LARGE = (80, 24), (120, 40)
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor (in a text box or a text area) would make every snapshot flaky."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture(autouse=True)
def no_office(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export lists offer PDF only where LibreOffice is installed: never, here."""
    monkeypatch.setattr("facilitator.export.pdf.find_soffice", lambda *_: None)


@pytest.fixture
def mid_session(store: Any, session_id: str, frozen_clock: Any) -> str:
    """Attendance taken, the first five items done, 12 minutes into "Gốc vững", two notes
    (as in ``test_snapshots``)."""
    service = SessionService.open(store, session_id, frozen_clock)
    for person, status in (("p01", "present"), ("p02", "present"), ("p03", "present")):
        service.mark(person, status)
    service.mark("p04", "absent-excused", "Đi công tác")
    service.mark("p06", "exempt-absent")
    service.start()
    for minutes in (5, 2, 3, 2, 9):
        frozen_clock.advance(minutes * 60)
        service.step(1)
    frozen_clock.advance(6 * 60)
    service.add_note("Gốc có vững thì cây mới đứng vững trước gió bão.", "opinion", "p02")
    frozen_clock.advance(6 * 60 + 30)
    service.add_note("Liên hệ với công tác dân vận ở xã thế nào?", "question", "p03")
    service.close()
    return session_id


def snapshot_app(
    store: Any, content_dir: Path, clock: Any, session_id: str | None = None
) -> FacilitatorApp:
    """The console with paths that do not depend on the machine or on tmp_path."""
    app = make_app(store, content_dir, clock, session_id, export_dir=EXPORT_DIR)
    app.data_dir_label = DATA_DIR
    return app


async def until(pilot: Pilot[Any], test: Callable[[], bool]) -> None:
    """Pause until ``test()`` holds (a dialog opened by a worker takes a few frames)."""
    for _ in range(200):
        await pilot.pause(0.02)
        if test():
            return
    raise AssertionError(f"the console never got there (on {pilot.app.screen!r})")


Step = str | type[Screen[Any]]
"""A key to press, or the screen to wait for before the next key."""


def opened(
    steps: Iterable[Step], screen: type[Screen[Any]], *, then: Iterable[str] = ()
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A ``run_before`` hook: press the keys of ``steps`` as a user would (waiting, where a
    step is a screen, until it is on top), wait for ``screen`` to be on top and settled,
    then press ``then`` (typed inside the dialog)."""
    steps, then = (*tuple(steps), screen), tuple(then)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                await until(pilot, lambda step=step: isinstance(pilot.app.screen, step))
        await pilot.pause()
        if then:
            await pilot.press(*then)
            await pilot.pause()

    return run_before
