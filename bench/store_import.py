"""Import and listing at district scale, through the real CLI (subprocesses).

Run by hand from the repository root (this is not a test)::

    python bench/store_import.py              # 200 and 1,000 bundles
    python bench/store_import.py --small 100 --large 500

Figures, each a ratio measured in this run (issue 13's goals in brackets):

* import of the large batch vs the small one, CPU of the child (user + system) and
  wall: linear means large/small (goal <= 5.5x for a 5x batch);
* import of the large batch vs the same durable writes done simply (each bundle's
  bytes written to a file and fsynced, then the folder fsynced), wall (goal <= 1.5x);
* the same import vs the store's own files written simply, in one thread and without
  reading or checking anything: per session a folder holding the bytes the store keeps
  (``session.json`` and its note chunks), each file fsynced, the folder fsynced and
  renamed into place, the store's folder fsynced once. A stored session is two files
  and a folder, so the first floor counts one fsync where the store needs three; this
  one tells the cost of reading, checking and staging from that of the disk;
* peak RSS of the large import vs the small one (goal: flat, about 1x);
* ``facilitator sessions`` with the large store vs an empty store, CPU, piped
  (goal <= 2x).

Bundles are the CI fixture (28 people, notes, a vote) under distinct ids.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "ci" / "bundle.json"


def _bundles(folder: Path, count: int) -> list[Path]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    paths = []
    for n in range(count):
        data["id"] = f"2024-05-10-cb-{n:05d}"
        path = folder / f"{data['id']}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _run(data_dir: Path, *args: str) -> tuple[float, float, int]:
    """Wall seconds, child CPU seconds and peak RSS (KiB) of one CLI run."""
    env = {**os.environ, "FACILITATOR_DATA_DIR": str(data_dir), "HOME": str(data_dir.parent)}
    env["PYTHONPATH"] = str(REPO)  # this checkout, whatever is installed
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "facilitator", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"facilitator {args[0]} failed: {child.stderr.read().decode()[:500]}")  # type: ignore[union-attr]
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _simple_writes(paths: list[Path], folder: Path) -> tuple[float, float]:
    """The floor: the same bytes written durably, one file each (wall and CPU seconds)."""
    folder.mkdir()
    started = time.perf_counter()
    cpu = time.process_time()
    for path in paths:
        target = folder / path.name
        with open(target, "wb") as out:
            out.write(path.read_bytes())
            out.flush()
            os.fsync(out.fileno())
    _fsync_dir(folder)
    return time.perf_counter() - started, time.process_time() - cpu


def _layout_writes(paths: list[Path], root: Path) -> float:
    """The store's files for each bundle, written durably one after another (wall s)."""
    sys.path.insert(0, str(REPO))
    from facilitator.bundle.io import read_bundle
    from facilitator.storage.staged import stored_files

    sessions = [(path.stem, list(stored_files(read_bundle(path)))) for path in paths]
    root.mkdir()
    started = time.perf_counter()
    for name, files in sessions:
        folder = root / f".new-{name}"
        folder.mkdir()
        for file_name, data in files:
            with open(folder / file_name, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        _fsync_dir(folder)
        os.rename(folder, root / name)
    _fsync_dir(root)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small = _bundles(root / "small", args.small)
        large = _bundles(root / "large", args.large)
        s_wall, s_cpu, s_rss = _run(root / "store-small", "import", *map(str, small))
        l_wall, l_cpu, l_rss = _run(root / "store-large", "import", *map(str, large))
        floor, floor_cpu = _simple_writes(large, root / "simple")
        layout = _layout_writes(large, root / "layout")
        (root / "store-empty").mkdir()
        _, empty_cpu, _ = _run(root / "store-empty", "sessions")
        _run(root / "store-large", "sessions")  # the first listing may rebuild the index
        _, list_cpu, _ = _run(root / "store-large", "sessions")
    factor = args.large / args.small
    print(f"import {args.small}: {s_wall:.2f} s wall, {s_cpu:.2f} s CPU, {s_rss / 1024:.0f} MB")
    print(f"import {args.large}: {l_wall:.2f} s wall, {l_cpu:.2f} s CPU, {l_rss / 1024:.0f} MB")
    print(f"  CPU large/small   {l_cpu / s_cpu:5.2f}x  (batch {factor:.0f}x; goal <= 5.5x)")
    print(f"  wall large/small  {l_wall / s_wall:5.2f}x")
    print(f"  wall vs simple durable writes ({floor:.2f} s)  {l_wall / floor:5.2f}x  (goal 1.5x)")
    print(f"  wall vs the store's files written simply ({layout:.2f} s)  {l_wall / layout:5.2f}x")
    print(
        f"  CPU per bundle {l_cpu / args.large * 1000:.2f} ms, of the simple writes"
        f" {floor_cpu / args.large * 1000:.2f} ms ({os.cpu_count()} cores)"
    )
    print(f"  peak RSS large/small  {l_rss / s_rss:5.2f}x  (goal: flat)")
    print(f"sessions, {args.large} stored vs none, CPU  {list_cpu / empty_cpu:5.2f}x  (goal <= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
