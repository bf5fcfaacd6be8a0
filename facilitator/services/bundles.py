"""Import bundle files into the store and export stored sessions as bundles.

Import is all-or-nothing over the whole batch: every file is read and validated first,
ids are checked against the store and against each other, and only when nothing is wrong
is anything written. The batch is streamed: the first pass (on every core for a large
batch) keeps only each file's id and a digest of its bytes, the second reads the files
again and writes them a chunk at a time, so memory and the number of locks held stay
flat however many bundles a district brings in. A file whose bytes are those checked
is not validated a second time (the store still checks what it writes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from facilitator.bundle.io import (
    MAX_BUNDLE_BYTES,
    parse_bundle_bytes,
    session_from_data,
    write_bundle,
)
from facilitator.bundle.parallel import map_in_order
from facilitator.domain.errors import InputError, Problem
from facilitator.domain.models import Session
from facilitator.storage.store import Store
from facilitator.strings import bundle as bundle_text
from facilitator.userfiles import read_capped

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


@dataclass(frozen=True)
class _Looked:
    """The first pass's verdict on one file: its id and digest, or its problems."""

    session_id: str = ""
    digest: bytes = b""
    message: str = ""
    problems: tuple[Problem, ...] = ()


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _first_look(path: Path) -> _Looked:
    """Read and validate one file (in a worker process for large batches)."""
    try:
        raw = read_capped(path, MAX_BUNDLE_BYTES, bundle_text.BUNDLE_KIND)
        session = session_from_data(parse_bundle_bytes(raw, path), path)
    except InputError as err:  # returned, not raised: exceptions lose problems in pickling
        return _Looked(message=err.message, problems=tuple(err.problems))
    return _Looked(session.id, _digest(raw))


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
        raise InputError(bundle_text.NO_FILES)
    problems: list[Problem] = []
    bad_files: set[Path] = set()
    checked: list[tuple[Path, str, bytes]] = []
    first_file: dict[str, Path] = {}
    looks = map_in_order(_first_look, files)  # the session itself is not kept
    for done, (path, look) in enumerate(zip(files, looks, strict=True), 1):
        if progress is not None:
            progress(done, len(files))  # reading and checking is where the time goes
        if look.message:
            problems.extend(_located(path, InputError(look.message, list(look.problems))))
            bad_files.add(path)
            continue
        session_id = look.session_id
        if session_id in first_file:
            problems.append(
                Problem(
                    f"{path} $.id", bundle_text.same_id_twice(session_id, first_file[session_id])
                )
            )
            bad_files.add(path)
            continue
        first_file[session_id] = path
        if not replace and store.exists(session_id):
            problems.append(Problem(f"{path} $.id", bundle_text.session_exists(session_id)))
            bad_files.add(path)
            continue
        checked.append((path, session_id, look.digest))
    if problems:
        raise InputError(bundle_text.import_failed(len(bad_files), len(files)), problems)
    replaced = tuple(i for _, i, _ in checked if store.exists(i))
    written: list[Imported] = []
    for start in range(0, len(checked), WRITE_CHUNK):
        chunk = [_read_again(*item) for item in checked[start : start + WRITE_CHUNK]]
        store.put_sessions(chunk, replace=replace)
        written.extend(Imported(s.id, s.title) for s in chunk)
    return ImportResult(tuple(written), replaced)


def _read_again(path: Path, session_id: str, digest: bytes) -> Session:
    """The second pass: a file changed since it was checked is checked again, and refused
    if its id changed or it is no longer valid."""
    try:
        raw = read_capped(path, MAX_BUNDLE_BYTES, bundle_text.BUNDLE_KIND)
        data = parse_bundle_bytes(raw, path)
        if _digest(raw) == digest:
            session = Session.from_dict(data)  # the very bytes validated in the first pass
        else:
            session = session_from_data(data, path)
    except InputError as err:
        raise InputError(bundle_text.import_failed(1, 1), _located(path, err)) from err
    if session.id != session_id:  # its id was checked against the store and the batch
        problem = Problem(
            f"{path} $.id", bundle_text.changed_while_importing(session.id, session_id)
        )
        raise InputError(bundle_text.import_failed(1, 1), [problem])
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
