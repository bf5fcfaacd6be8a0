"""Map a function over many files in worker processes, results in input order.

Reading a district's bundles is CPU work (parse, normalise, validate) that every core can
share. Items go out in chunks and come back in order with at most a few chunks in
flight, so memory stays flat and the result is the same as a serial map. Below
``threshold`` items, starting processes would cost more than it saves.

Work that also waits on the disk (an import stages each session it validated, and
fsyncs it) asks for ``threads``: each process then runs its items over that many
threads, so one item's fsync waits while another is parsed (the CPU work still takes
turns under the GIL; the waits do not).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_THRESHOLD = 300
CHUNK_SIZE = 50
IN_FLIGHT_PER_WORKER = 2
THREADED_FROM = 8
"""Items from which ``threads`` are used at all (fewer: one after another)."""


def worker_count(items: int, workers: int | None = None) -> int:
    """Processes to use: one below the threshold, else every core (or ``workers``)."""
    if items < PARALLEL_THRESHOLD:
        return 1
    return max(1, workers if workers is not None else (os.cpu_count() or 1))


def _ordered(submit: Callable[[T], Future[R]], items: Iterable[T], in_flight: int) -> Iterator[R]:
    """The results of ``submit(item)`` for every item in order, at most ``in_flight``
    submitted ahead; those not started are cancelled if the caller stops early."""
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(submit(item))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _threaded(func: Callable[[T], R], items: Sequence[T], threads: int) -> Iterator[R]:
    if threads <= 1 or len(items) < THREADED_FROM:
        yield from map(func, items)  # one item at a time: memory stays flat
        return
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="map") as pool:

        def submit(item: T) -> Future[R]:
            return pool.submit(func, item)

        yield from _ordered(submit, items, threads * 2)


def _map_chunk(func: Callable[[T], R], threads: int, chunk: Sequence[T]) -> list[R]:
    return list(_threaded(func, chunk, threads))


def map_in_order(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int | None = None,
    threads: int = 1,
) -> Generator[R, None, None]:
    """``map(func, items)``, spread over processes above the threshold, and over
    ``threads`` threads in each process (or in this one below the threshold).

    ``func`` must be picklable (a module-level function, or a ``functools.partial`` of
    one) and its results too; it should return failures as values (exceptions lose
    their details when pickled). Stopping early cancels the calls not yet started.
    """
    count = worker_count(len(items), workers)
    if count == 1:
        yield from _threaded(func, items, threads)
        return
    chunks = (items[i : i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE))
    with ProcessPoolExecutor(max_workers=count) as pool:

        def submit(chunk: Sequence[T]) -> Future[list[R]]:
            return pool.submit(_map_chunk, func, threads, chunk)

        for results in _ordered(submit, chunks, count * IN_FLIGHT_PER_WORKER):
            yield from results
