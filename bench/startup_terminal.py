"""First screen in a real terminal (tmux): the installed command vs a bare Textual app.

Run by hand from the repository root (this is not a test; it needs tmux)::

    python bench/startup_terminal.py            # 200 sessions, 500-person roster
    python bench/startup_terminal.py --runs 9

Each run starts a fresh process in a detached tmux pane of 120x40 (a private server,
``tmux -L``, so the user's sessions are untouched) and polls the pane every 5 ms until
the first screen shows its marker: the home screen's session list for ``facilitator``
(started through ``python -m facilitator`` as a user's command starts it, CLI
included), a line of text for the bare app. The time is from the spawn to the marker
on the pane, so it includes the interpreter and tmux's own latency on both sides.

Target (issue 13): facilitator / bare <= 1.3x. Exit 0 when met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from startup import make_data  # noqa: E402

SOCKET = f"facilitator-bench-{os.getpid()}"
TARGET = 1.3
BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("BARE-FIRST-SCREEN")
        yield Footer()
Bare().run()
"""


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)
    return done.stdout


def first_screen(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from the spawn to ``marker`` on the pane."""
    _tmux("kill-server")
    line = " ".join(f"'{part}'" for part in command)
    exports = " ".join(f"{key}='{value}'" for key, value in env.items())
    started = time.perf_counter()
    # "; sleep": a child that fails keeps its message on the pane for the report.
    _tmux("new-session", "-d", "-x", "120", "-y", "40", f"env {exports} {line}; sleep 30")
    deadline = started + 30
    while time.perf_counter() < deadline:
        if marker in _tmux("capture-pane", "-p"):
            elapsed = time.perf_counter() - started
            _tmux("kill-server")
            return elapsed
        time.sleep(0.005)
    pane = _tmux("capture-pane", "-p")
    _tmux("kill-server")
    raise SystemExit(f"no first screen within 30 s for {command[:3]}:\n{pane}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--people", type=int, default=500)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        data = make_data(Path(tmp) / "data", args.sessions, args.people)
        home = Path(tmp) / "home"
        home.mkdir()
        env = {"HOME": str(home), "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
        app = [sys.executable, "-m", "facilitator", "--data-dir", str(data)]
        bare = [sys.executable, "-c", BARE]
        marker = "Tên buổi"  # a column of the home screen's session list
        first_screen(app, marker, env)  # warm the disk cache and the bytecode
        first_screen(bare, "BARE-FIRST-SCREEN", env)
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(args.runs):
            times[0].append(first_screen(bare, "BARE-FIRST-SCREEN", env))
            times[1].append(first_screen(app, marker, env))
    bare_ms, app_ms = (statistics.median(t) * 1000 for t in times)
    ratio = app_ms / bare_ms
    print(f"real terminal (tmux 120x40), median of {args.runs} fresh processes")
    print(f"bare Textual app                  {bare_ms:6.0f} ms")
    print(f"facilitator, {args.sessions} sessions, {args.people} people  {app_ms:6.0f} ms")
    verdict = "OK" if ratio <= TARGET else "MISSED"
    print(f"facilitator / bare: {ratio:.2f}x (target <= {TARGET}x)  {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
