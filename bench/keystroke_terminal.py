"""Keystroke CPU in a real terminal (tmux): what one key costs the console's process.

Run by hand from the repository root (this is not a test; it needs tmux and Linux)::

    python bench/keystroke_terminal.py                # 500 people, 5,000 stored notes
    python bench/keystroke_terminal.py --keys 60

Each app runs in a detached tmux pane of 120x40 (a private server, ``tmux -L``), keys
are sent with ``tmux send-keys`` at human pace, and the CPU time of the app's process
(every thread: ``/proc/<pid>/task/*/schedstat``, nanoseconds) is read before a key and
``--window`` seconds after it (long enough for a draft written 0.3 s after a change).
Windows with no key, interleaved with the others, give the idle cost (timers, the
clock) that is taken off. The baseline, measured in the same run, is a letter typed
into the ``Input`` of a trivial Textual app (header, input, footer). Issue 13's goals
are ratios to it:

* attendance mark (key 1, the cursor moves on), 500-person roster: <= 3x
* type-to-filter key and backspace, 500 people: <= 3x
* note saved (Enter) with 5,000 notes stored: <= 3x

Unlike ``bench/keystroke.py`` (Textual's Pilot), this includes writing the screen to a
terminal and excludes Pilot's own waits. Exit 0 when every goal is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from keystroke import _store, print_rows  # noqa: E402

SOCKET = f"facilitator-keys-{os.getpid()}"
TRIVIAL = """
from textual.app import App
from textual.widgets import Footer, Header, Input
class Trivial(App):
    def compose(self):
        yield Header()
        yield Input(placeholder="TRIVIAL-READY")
        yield Footer()
Trivial().run()
"""


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)
    return done.stdout


def _cpu_ns(pid: int) -> int:
    """CPU time of every thread of ``pid`` so far."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # a thread ended
            total += int((task / "schedstat").read_text().split()[0])
    return total


def _python_child(pid: int) -> int:
    """The python process under the pane's shell."""
    for _ in range(200):
        for child in Path("/proc").iterdir():
            if not child.name.isdigit():
                continue
            try:
                stat = (child / "stat").read_text()
                cmdline = (child / "cmdline").read_bytes()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == pid and b"python" in cmdline:
                return int(child.name)
        time.sleep(0.01)
    raise SystemExit("the app's process was not found")


class Pane:
    """One app in a fresh tmux server."""

    def __init__(self, command: list[str], env: dict[str, str], marker: str) -> None:
        _tmux("kill-server")
        line = " ".join(f"'{part}'" for part in command)
        exports = " ".join(f"{key}='{value}'" for key, value in env.items())
        _tmux("new-session", "-d", "-x", "120", "-y", "40", f"env {exports} {line}; sleep 30")
        self.pid = _python_child(int(_tmux("display-message", "-p", "#{pane_pid}").strip()))
        deadline = time.monotonic() + 30
        while marker not in _tmux("capture-pane", "-p"):
            if time.monotonic() > deadline:
                raise SystemExit(f"no screen with {marker!r}:\n{_tmux('capture-pane', '-p')}")
            time.sleep(0.05)
        time.sleep(1.0)  # the first screen's after-mount work

    def keys(self, *keys: str) -> None:
        _tmux("send-keys", *keys)

    def screen(self) -> str:
        return _tmux("capture-pane", "-p")

    def close(self) -> None:
        _tmux("kill-server")


def per_key(
    pane: Pane, count: int, window: float, key: Callable[[int], None], before: Callable[[int], None]
) -> float:
    """Mean CPU milliseconds of ``key(n)`` (``before(n)`` is not counted), idle cost off."""
    pressed: list[float] = []
    idle: list[float] = []
    for n in range(count):
        before(n)
        time.sleep(window)
        started = _cpu_ns(pane.pid)
        key(n)
        time.sleep(window)
        pressed.append(_cpu_ns(pane.pid) - started)
        time.sleep(window)  # what the key set going has ended
        started = _cpu_ns(pane.pid)
        time.sleep(window)
        idle.append(_cpu_ns(pane.pid) - started)
    return (statistics.mean(pressed) - statistics.mean(idle)) / 1e6


def _nothing(_n: int) -> None:
    return None


Row = tuple[str, float]


def trivial(env: dict[str, str], args: argparse.Namespace) -> float:
    """The floor: a letter typed into a trivial app's input."""
    pane = Pane([sys.executable, "-c", TRIVIAL], env, "TRIVIAL-READY")
    try:
        return per_key(pane, args.keys, args.window, lambda n: pane.keys("a"), _nothing)
    finally:
        pane.close()


def console(data: Path, session_id: str, env: dict[str, str], marker: str) -> Pane:
    """The console opened on one session, as ``facilitator --session`` opens it."""
    command = [sys.executable, "-m", "facilitator", "--data-dir", str(data)]
    return Pane([*command, "--session", session_id], env, marker)


def attendance_rows(root: Path, env: dict[str, str], args: argparse.Namespace) -> list[Row]:
    """Marks, then filter keys and backspaces, on one attendance screen."""
    store, session_id = _store(root / "mark", args.people, 0, started=False)
    pane = console(store.root, session_id, env, "Điểm danh")
    people = f"{args.people} people"
    try:
        mark = per_key(pane, args.keys, args.window, lambda n: pane.keys("1"), _nothing)
        # "n" keeps every Nguyễn, Ngô, Nông...: the costly case; then back to everyone.
        typed = per_key(
            pane,
            args.keys,
            args.window,
            lambda n: pane.keys("n"),
            lambda n: pane.keys("BSpace") if n else None,
        )
        pane.keys("BSpace")
        erased = per_key(
            pane, args.keys, args.window, lambda n: pane.keys("BSpace"), lambda n: pane.keys("n")
        )
    finally:
        pane.close()
    return [
        (f"attendance mark, {people}", mark),
        (f"filter key, {people}", typed),
        (f"filter backspace, {people}", erased),
    ]


def note_rows(root: Path, env: dict[str, str], args: argparse.Namespace) -> list[Row]:
    """Notes saved with Enter into a session already holding ``--notes`` notes."""
    store, session_id = _store(root / "notes", 30, args.notes, started=True)
    pane = console(store.root, session_id, env, "Ý kiến")
    saves = max(10, args.keys // 2)

    def type_note(n: int) -> None:
        # F3 goes to the speaker box; Enter there with no name goes on to the text.
        pane.keys("F3")
        time.sleep(0.1)
        pane.keys("Enter")
        time.sleep(0.1)
        pane.keys("-l", f"y kien {n}")
        time.sleep(0.35)  # the draft is written within 0.3 s: not the save's cost

    try:
        saved = per_key(pane, saves, args.window, lambda n: pane.keys("Enter"), type_note)
    finally:
        pane.close()
    stored = len(store.load_session(session_id).notes) - args.notes
    if stored != saves:  # the figure is a note save's or nothing
        raise SystemExit(f"note bench: {stored} of {saves} notes saved")
    return [(f"note saved, {args.notes} notes stored", saved)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--rows", default="attendance,notes", help="attendance and/or notes")
    parser.add_argument("--window", type=float, default=0.5, help="seconds after each key")
    args = parser.parse_args()
    if shutil.which("tmux") is None or not Path("/proc/self/schedstat").exists():
        print("needs tmux and Linux /proc")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        home = root / "home"
        home.mkdir()
        env = {"HOME": str(home), "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
        floor = trivial(env, args)
        rows: list[Row] = []
        for name, measure in (("attendance", attendance_rows), ("notes", note_rows)):
            if name in args.rows.split(","):
                rows += measure(root, env, args)
        floor = (floor + trivial(env, args)) / 2  # before and after: drift
    print(f"real terminal (tmux 120x40), mean of {args.keys} keys, idle cost taken off")
    return print_rows(rows, floor)


if __name__ == "__main__":
    raise SystemExit(main())
