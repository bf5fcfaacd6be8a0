"""Import bundle files into the store and export stored sessions as bundles.

Import is all-or-nothing over the whole batch: every file is read and validated first,
ids are checked against the store and against each other, and only when nothing is wrong
is anything written. The batch is streamed: the first pass keeps only each file's id,
the second reads the files again and writes them a chunk at a time, so memory and the
number of locks held stay flat however many bundles a district brings in.
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

WRITE_CHUNK = 100
"""Sessions written (and locked) together: bounded, because Windows' C runtime allows a
process 512 open files and every lock is one."""


@dataclass(frozen=True)
class Imported:
    """One imported session, as the import reports it."""

    id: str
    title: str


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: the sessions, and which of their ids replaced stored ones."""

    sessions: tuple[Imported, ...]
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
    checked: list[tuple[Path, str]] = []
    first_file: dict[str, Path] = {}
    for done, path in enumerate(files, 1):
        if progress is not None:
            progress(done, len(files))  # reading and checking is where the time goes
        try:
            session_id = read_bundle(path).id  # the session itself is not kept
        except InputError as err:
            problems.extend(_located(path, err))
            bad_files.add(path)
            continue
        if session_id in first_file:
            problems.append(
                Problem(f"{path} $.id", msg.same_id_twice(session_id, first_file[session_id]))
            )
            bad_files.add(path)
            continue
        first_file[session_id] = path
        if not replace and store.exists(session_id):
            problems.append(Problem(f"{path} $.id", msg.session_exists(session_id)))
            bad_files.add(path)
            continue
        checked.append((path, session_id))
    if problems:
        raise InputError(msg.import_failed(len(bad_files), len(files)), problems)
    replaced = tuple(i for _, i in checked if store.exists(i))
    written: list[Imported] = []
    for start in range(0, len(checked), WRITE_CHUNK):
        chunk = [_read_again(path, i) for path, i in checked[start : start + WRITE_CHUNK]]
        store.put_sessions(chunk, replace=replace)
        written.extend(Imported(s.id, s.title) for s in chunk)
    return ImportResult(tuple(written), replaced)


def _read_again(path: Path, session_id: str) -> Session:
    """The second pass: a file changed since it was checked is refused, not written."""
    try:
        session = read_bundle(path)
    except InputError as err:
        raise InputError(msg.import_failed(1, 1), _located(path, err)) from err
    if session.id != session_id:  # its id was checked against the store and the batch
        problem = Problem(f"{path} $.id", msg.changed_while_importing(session.id, session_id))
        raise InputError(msg.import_failed(1, 1), [problem])
    return session


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
