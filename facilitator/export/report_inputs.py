"""Read many bundle files for a report: both kinds, in order, in parallel above a threshold.

Each file is read, normalised, validated and reduced (a session to its
:class:`SessionFigures`, a report bundle to its :class:`ReportBundle`) in a worker
process; files go out in chunks and results come back in file order, with at most a
few chunks in flight, so memory stays flat and the report is the same as a serial read.
Below :data:`PARALLEL_THRESHOLD` files, starting processes would cost more than it saves.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from facilitator.bundle.fast_check import quick_check
from facilitator.bundle.io import MAX_BUNDLE_BYTES, parse_bundle_bytes, session_from_data
from facilitator.bundle.report_bundle import ReportBundle, is_report, report_from_data
from facilitator.domain.errors import InputError, Problem
from facilitator.export.report_fast import figures_from_data
from facilitator.export.report_tally import SessionFigures
from facilitator.strings import bundle as msg
from facilitator.userfiles import read_capped

PARALLEL_THRESHOLD = 300
CHUNK_SIZE = 50
IN_FLIGHT_PER_WORKER = 2

Reduced = SessionFigures | ReportBundle


@dataclass(frozen=True)
class Failed:
    """A file that could not be used (exceptions lose their problems when pickled)."""

    message: str
    problems: tuple[Problem, ...]

    def error(self) -> InputError:
        return InputError(self.message, self.problems)


def bundle_files(paths: Iterable[Path], *, recursive: bool = False) -> list[Path]:
    """The files named, a folder standing for its ``*.json`` files (sorted by name;
    ``recursive``: in its subfolders too, as on a USB stick with a folder per unit)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = path.rglob("*.json") if recursive else path.glob("*.json")
            out.extend(sorted(p for p in found if p.is_file() and not p.name.startswith(".")))
        else:
            out.append(path)
    return out


def read_reduced(path: Path) -> Reduced:
    """One file, read and reduced (raises :class:`InputError` naming the file)."""
    data = parse_bundle_bytes(read_capped(path, MAX_BUNDLE_BYTES, msg.BUNDLE_KIND), path)
    if is_report(data):
        return report_from_data(data, path, slim=True)
    counts = quick_check(data)  # the common, plainly valid file: no models built
    if counts is not None:
        return figures_from_data(data, counts)
    return SessionFigures.of(session_from_data(data, path))


def _read_one(path: Path) -> Reduced | Failed:
    try:
        return read_reduced(path)
    except InputError as err:
        return Failed(err.message, err.problems)


def _read_chunk(paths: Sequence[Path]) -> list[Reduced | Failed]:
    return [_read_one(path) for path in paths]


def worker_count(files: int, workers: int | None = None) -> int:
    """Processes to use: one below the threshold, else every core (or ``workers``)."""
    if files < PARALLEL_THRESHOLD:
        return 1
    return max(1, workers if workers is not None else (os.cpu_count() or 1))


def iter_reduced(paths: Sequence[Path], *, workers: int | None = None) -> Iterator[Reduced]:
    """Every file reduced, in order; the first unusable file raises its InputError."""
    for result in iter_results(paths, workers=workers):
        if isinstance(result, Failed):
            raise result.error()
        yield result


def iter_results(
    paths: Sequence[Path], *, workers: int | None = None
) -> Iterator[Reduced | Failed]:
    """Every file reduced or failed, in order (the caller decides what a failure means)."""
    count = worker_count(len(paths), workers)
    if count == 1:
        yield from map(_read_one, paths)  # one file at a time: memory stays flat
        return
    chunks = (paths[i : i + CHUNK_SIZE] for i in range(0, len(paths), CHUNK_SIZE))
    pending: deque[Future[list[Reduced | Failed]]] = deque()
    with ProcessPoolExecutor(max_workers=count) as pool:
        for chunk in chunks:
            pending.append(pool.submit(_read_chunk, chunk))
            if len(pending) >= count * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
