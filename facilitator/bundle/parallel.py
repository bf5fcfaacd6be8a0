"""Map a function over many files in worker processes, results in input order.

Reading a district's bundles is CPU work (parse, normalise, validate) that every core can
share. Items go out in chunks and come back in order with at most a few chunks in
flight, so memory stays flat and the result is the same as a serial map. Below
``threshold`` items, starting processes would cost more than it saves.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_THRESHOLD = 300
CHUNK_SIZE = 50
IN_FLIGHT_PER_WORKER = 2


def worker_count(items: int, workers: int | None = None) -> int:
    """Processes to use: one below the threshold, else every core (or ``workers``)."""
    if items < PARALLEL_THRESHOLD:
        return 1
    return max(1, workers if workers is not None else (os.cpu_count() or 1))


def _map_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(item) for item in chunk]


def map_in_order(
    func: Callable[[T], R], items: Sequence[T], *, workers: int | None = None
) -> Iterator[R]:
    """``map(func, items)``, spread over processes above the threshold.

    ``func`` must be a module-level function and its results picklable; it should
    return failures as values (exceptions lose their details when pickled).
    """
    count = worker_count(len(items), workers)
    if count == 1:
        yield from map(func, items)  # one item at a time: memory stays flat
        return
    chunks = (items[i : i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE))
    pending: deque[Future[list[R]]] = deque()
    with ProcessPoolExecutor(max_workers=count) as pool:
        for chunk in chunks:
            pending.append(pool.submit(_map_chunk, func, chunk))
            if len(pending) >= count * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
