"""Read many bundle files for a report: both kinds, in order, in parallel above a threshold.

Each file is read, normalised, validated and reduced (a session to its
:class:`SessionFigures`, a report bundle to its :class:`ReportBundle`), in worker
processes above ``bundle.parallel``'s threshold, results in file order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.bundle.fast_check import quick_check
from facilitator.bundle.io import MAX_BUNDLE_BYTES, parse_bundle_bytes, session_from_data
from facilitator.bundle.parallel import map_in_order
from facilitator.bundle.report_bundle import ReportBundle, is_report, report_from_data
from facilitator.domain.errors import InputError, Problem
from facilitator.export.report_fast import figures_from_data
from facilitator.export.report_tally import SessionFigures
from facilitator.strings import bundle as bundle_text
from facilitator.userfiles import read_capped

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
    data = parse_bundle_bytes(read_capped(path, MAX_BUNDLE_BYTES, bundle_text.BUNDLE_KIND), path)
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
    return map_in_order(_read_one, paths, workers=workers)
