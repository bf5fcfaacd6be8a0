"""Timing helpers shared by the benchmarks (run by hand; not part of the test suite)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def alternate(
    first: Callable[[int], object], second: Callable[[int], object], repeats: int
) -> tuple[float, float]:
    """Median milliseconds of each action, timed turn about so machine noise hits both."""
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(repeats):
        for action, bucket in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            action(n)
            bucket.append(time.perf_counter() - started)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000
