"""Import bundle files into the store and export stored sessions as bundles.

Import is all-or-nothing over the whole batch: every file is read and validated first,
ids are checked against the store and against each other, and only when nothing is wrong
is anything written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from facilitator.bundle.io import read_bundle, write_bundle
from facilitator.domain.errors import InputError, Problem
from facilitator.domain.models import Session
from facilitator.storage.store import Store
from facilitator.strings import bundle as msg


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: the sessions, and which of their ids replaced stored ones."""

    sessions: tuple[Session, ...]
    replaced: tuple[str, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """Ids of the imported sessions, in file order."""
        return tuple(s.id for s in self.sessions)


def _located(path: Path, err: InputError) -> list[Problem]:
    """The file's problems, each prefixed with the file so a batch report stays readable."""
    if not err.problems:
        return [Problem(str(path), err.message)]
    return [Problem(f"{path} {p.where}".rstrip(), p.message) for p in err.problems]


def import_bundles(
    store: Store,
    paths: Iterable[Path | str],
    *,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Validate every file, then store every session; nothing is written if any file fails.

    Raises:
        InputError: listing every problem of every file (nothing was written).
        StoreError: writing failed (sessions written before the failure are complete).
    """
    files = [Path(p) for p in paths]
    if not files:
        raise InputError(msg.NO_FILES)
    problems: list[Problem] = []
    bad_files: set[Path] = set()
    loaded: list[tuple[Path, Session]] = []
    first_file: dict[str, Path] = {}
    for done, path in enumerate(files, 1):
        if progress is not None:
            progress(done, len(files))  # reading and checking is where the time goes
        try:
            session = read_bundle(path)
        except InputError as err:
            problems.extend(_located(path, err))
            bad_files.add(path)
            continue
        if session.id in first_file:
            problems.append(
                Problem(f"{path} $.id", msg.same_id_twice(session.id, first_file[session.id]))
            )
            bad_files.add(path)
            continue
        first_file[session.id] = path
        if not replace and store.exists(session.id):
            problems.append(Problem(f"{path} $.id", msg.session_exists(session.id)))
            bad_files.add(path)
            continue
        loaded.append((path, session))
    if problems:
        raise InputError(msg.import_failed(len(bad_files), len(files)), problems)
    replaced = [s.id for _, s in loaded if store.exists(s.id)]
    store.put_sessions([s for _, s in loaded], replace=replace)
    return ImportResult(tuple(s for _, s in loaded), tuple(replaced))


def export_bundle(
    store: Store, session_id: str, path: Path | str, *, overwrite: bool = False
) -> Path:
    """Write a stored session as a bundle file; a folder gets ``<id>.json`` inside it.

    Raises:
        NotFoundError: no such session. CorruptStoreError: it cannot be read.
        FacilitatorError: the target exists and ``overwrite`` is false.
    """
    session = store.load_session(session_id)
    target = Path(path)
    if target.is_dir():
        target = target / f"{session.id}.json"
    return write_bundle(session, target, overwrite=overwrite)
