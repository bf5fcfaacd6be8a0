"""The home screen, the first thing a user waits for, loads only what it shows: the
session list comes from the index, so the domain records, the session service, the
validator and the TOML reader are loaded when a session is opened or a file is read
(issue 13: first screen 1.38x a bare Textual app before, 1.29x after)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

DEFERRED = (
    "facilitator.domain.records",
    "facilitator.domain.models",
    "facilitator.domain.membership",
    "facilitator.services.session",
    "facilitator.bundle.validate",
    "facilitator.storage.staging",
    "tomllib",
)

CHILD = """
import inspect, json, sys
from pathlib import Path
from facilitator.storage.store import Store
from facilitator.ui.app import FacilitatorApp

class FirstScreen(FacilitatorApp):
    _BASE_PATH = inspect.getfile(FacilitatorApp)
    shown = ""

    def on_ready(self) -> None:
        self.call_after_refresh(self._seen)

    def _seen(self) -> None:
        FirstScreen.shown = type(self.screen).__name__
        self.exit()

FirstScreen(Store(Path(sys.argv[1])), content_dir=Path(sys.argv[2])).run(headless=True)
deferred = json.loads(sys.argv[3])
print(json.dumps([FirstScreen.shown, [m for m in deferred if m in sys.modules]]))
"""


def test_the_home_screen_shows_without_loading_what_a_session_needs(tmp_path, store, running):
    """``running`` puts a stored session in the list, so the listing path is the real one
    (listed once first: a session changed since the index was written is read again)."""
    assert [s.id for s in store.list_sessions().sessions] == [running]
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(store.root), str(ROOT / "content"), json.dumps(DEFERRED)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    shown, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown == "HomeScreen"
    assert loaded == []
