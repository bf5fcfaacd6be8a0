"""``facilitator report`` at district and province scale (run by hand, not part of tests).

    python bench/report_scale.py                  # 2,000 and 10,000 session bundles
    python bench/report_scale.py --counts 500 5000 --reports 3000

For each count N, N valid session bundles (30 people, 20 notes, 500 units) are written to
a temporary folder; then, in the same run:

- baseline: ``json.load`` of every one of those files, in this process;
- ``facilitator report --format csv`` over the same files, through the CLI (a subprocess,
  so interpreter start-up and imports are counted, as a user pays them).

It prints the ratio CLI / baseline for each N and the N_small -> N_large growth of both
(linear = the ratio of the counts). ``--reports`` also times a report over that many
report bundles (``facilitator.report/1``, what communes send a district), written by the
CLI itself from the session bundles.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOME = "Đảng bộ xã Di Linh"


def _synthetic():  # type: ignore[no-untyped-def]
    """bench/export.py's deterministic session (one generator for every bench)."""
    spec = importlib.util.spec_from_file_location("bench_export", ROOT / "bench" / "export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_session


def write_sessions(folder: Path, count: int, units: int = 500) -> list[Path]:
    """``count`` valid bundles; 28 distinct days, so 28 templates are varied by id and unit."""
    synthetic_session = _synthetic()
    templates = [synthetic_session(day, people=30, notes=20).to_dict() for day in range(28)]
    paths = []
    for i in range(count):
        data = templates[i % 28] | {"id": f"s{i}"}
        data["unit"] = data["unit"] | {"name": f"Chi bộ số {i % units}"}
        if i % 10 == 9:
            data["makeup"] = True
        else:
            data.pop("makeup", None)
        path = folder / f"{i:06d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def load_all(paths: list[Path]) -> float:
    t0 = time.perf_counter()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            json.load(handle)
    return time.perf_counter() - t0


def cli(args: list[str], data_dir: Path) -> float:
    env = os.environ | {"FACILITATOR_DATA_DIR": str(data_dir), "PYTHONUTF8": "1"}
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", *args], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"facilitator {' '.join(args[:3])}… failed:\n{done.stderr[-2000:]}")
    return elapsed


def peak_rss_mb() -> float:
    """The largest resident size of any finished child (the CLI or one of its workers)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def best(func, repeat: int = 2) -> float:  # type: ignore[no-untyped-def]
    return min(func() for _ in range(repeat))


def report_sessions(tmp: Path, count: int) -> tuple[float, float]:
    folder = tmp / f"sessions-{count}"
    folder.mkdir()
    paths = write_sessions(folder, count)
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"Report over {count:,} session bundles ({size:.0f} MB of JSON)")
    base = best(lambda: load_all(paths))
    out = tmp / f"report-{count}.csv"
    args = ["report", "--unit", HOME, "--format", "csv", "-o", str(out), "--overwrite", str(folder)]
    total = best(lambda: cli(args, tmp / "store"))
    print(f"  baseline json.load of every file  {base * 1000:9.0f} ms")
    print(f"  facilitator report (CLI)          {total * 1000:9.0f} ms")
    print(f"  ratio CLI / json.load: {total / base:.2f}x")
    print(f"  peak RSS of any process so far: {peak_rss_mb():.0f} MB (flat = streamed)")
    return base, total


def report_bundles(tmp: Path, count: int) -> None:
    """``count`` commune report bundles (each from 5 sessions), then the district report."""
    source = tmp / "for-reports"
    source.mkdir()
    sessions = write_sessions(source, 5)
    folder = tmp / f"reports-{count}"
    folder.mkdir()
    first = folder / "r0.json"
    args = ["report", "--unit", "Đảng bộ xã số 0", "--format", "bundle", "-o", str(first)]
    cli([*args, *map(str, sessions)], tmp / "store")
    template = json.loads(first.read_text(encoding="utf-8"))
    for i in range(1, count):
        data = template | {"id": f"bc-xa-{i}", "unit": template["unit"] | {"name": f"Xã số {i}"}}
        (folder / f"r{i:06d}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    paths = sorted(folder.glob("*.json"))
    print(f"Report over {count:,} report bundles")
    base = best(lambda: load_all(paths))
    out = tmp / "district.csv"
    args = ["report", "--unit", "Huyện ủy Di Linh", "--format", "csv", "-o", str(out)]
    total = best(lambda: cli([*args, "--overwrite", str(folder)], tmp / "store"))
    print(f"  baseline json.load of every file  {base * 1000:9.0f} ms")
    print(f"  facilitator report (CLI)          {total * 1000:9.0f} ms")
    print(f"  ratio CLI / json.load: {total / base:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs=2, default=(2_000, 10_000))
    parser.add_argument("--reports", type=int, default=3_000)
    options = parser.parse_args()
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        small, large = options.counts
        b1, t1 = report_sessions(tmp, small)
        b2, t2 = report_sessions(tmp, large)
        print(
            f"Growth {small:,} -> {large:,} (linear = x{large / small:.1f}): "
            f"json.load x{b2 / b1:.1f}, report x{t2 / t1:.1f}"
        )
        if options.reports:
            report_bundles(tmp, options.reports)


if __name__ == "__main__":
    main()
