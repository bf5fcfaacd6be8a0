"""Import bundle files into the store and export stored sessions as bundles.

Import is all-or-nothing over the whole batch: every file is read and validated first,
ids are checked against the store and against each other, and only when nothing is wrong
is anything put in place. Each file is parsed and validated once: the pass that checks
it (on every core for a large batch) also stages the session it read in a private
folder of the store, synced, so the write pass is only renames. The batch is streamed:
what is kept of a file is its id, title, a digest of its bytes and its list row, so
memory stays flat however many bundles a district brings in. Before anything is put in
place every file is read again: one whose bytes changed since it was checked is checked
and staged again (and refused if its id changed or it is no longer valid).

The store takes the staged sessions without validating them again: the import's rules
(:func:`facilitator.bundle.validate.validate_session` for a foreign file) include those
the store applies on loading and on every other write.
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
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
from facilitator.domain.errors import InputError, NotFoundError, Problem, StoreError
from facilitator.storage.staged import Staged, discard, stage_session, staging_folder
from facilitator.storage.store import STAGING_PREFIX, Store, check_session_id
from facilitator.strings import bundle as bundle_text
from facilitator.userfiles import read_capped

STAGING_THREADS = 4
"""Threads per process in the checking pass: one file's fsyncs wait while another is
parsed (ext4 commits fsyncs that overlap together)."""


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
    """The checking pass's verdict on one file: its session staged, or its problems, or
    the store's failure to stage it (not the file's fault)."""

    session_id: str = ""
    title: str = ""
    digest: bytes = b""
    staged: Staged | None = None
    message: str = ""
    problems: tuple[Problem, ...] = ()
    store_failure: str = ""


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


@dataclass(frozen=True)
class _Stager:
    """Where the checking pass stages (picklable, for the worker processes)."""

    root: Path
    owner_pid: int
    batch: str
    replace: bool

    def folder(self, slot: int) -> Path:
        return staging_folder(self.root, self.owner_pid, f"{self.batch}-{slot}")


def _look(stager: _Stager, item: tuple[int, Path]) -> _Looked:
    """Read and validate one file, and stage its session (in a worker for large batches)."""
    slot, path = item
    try:
        raw = read_capped(path, MAX_BUNDLE_BYTES, bundle_text.BUNDLE_KIND)
        session = session_from_data(parse_bundle_bytes(raw, path), path)
    except InputError as err:  # returned, not raised: exceptions lose problems in pickling
        return _Looked(message=err.message, problems=tuple(err.problems))
    if not stager.replace and (stager.root / session.id / "session.json").exists():
        return _Looked(session.id, session.title)  # refused by the caller: not staged
    try:
        staged = stage_session(stager.folder(slot), session)
    except StoreError as err:
        return _Looked(session.id, session.title, store_failure=err.message)
    return _Looked(session.id, session.title, _digest(raw), staged)


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
    stager = _Stager(store.root, os.getpid(), secrets.token_hex(4), replace)
    looks = map_in_order(
        functools.partial(_look, stager), list(enumerate(files)), threads=STAGING_THREADS
    )
    done = False
    try:
        checked = _check_all(store, files, looks, replace, progress)
        looks.close()
        checked = [_look_again(stager, slot, path, look) for slot, path, look in checked]
        staged = [look.staged for _, _, look in checked if look.staged is not None]
        replaced = tuple(s.session_id for s in staged if store.exists(s.session_id))
        store.put_staged(staged, replace=replace)
        done = True
    finally:
        looks.close()  # a failure stops the pass (its pending files are not read)
        if not done:  # what was staged and not swapped in: this batch's folders
            discard(store.root.glob(f"{STAGING_PREFIX}{stager.owner_pid}-{stager.batch}-*"))
    return ImportResult(
        tuple(Imported(look.session_id, look.title) for *_, look in checked), replaced
    )


def _check_all(
    store: Store,
    files: list[Path],
    looks: Iterable[_Looked],
    replace: bool,
    progress: Callable[[int, int], None] | None,
) -> list[tuple[int, Path, _Looked]]:
    """The checking pass's verdicts, or every problem of every file in one InputError."""
    problems: list[Problem] = []
    bad_files: set[Path] = set()
    checked: list[tuple[int, Path, _Looked]] = []
    first_file: dict[str, Path] = {}
    for slot, (path, look) in enumerate(zip(files, looks, strict=True)):
        if progress is not None:
            progress(slot + 1, len(files))  # reading and checking is where the time goes
        if look.store_failure:
            raise StoreError(look.store_failure)
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
        try:
            check_session_id(session_id)  # the validator's pattern, and not a Windows device
        except NotFoundError as err:
            problems.append(Problem(f"{path} $.id", err.message))
            bad_files.add(path)
            continue
        if not replace and (look.staged is None or store.exists(session_id)):
            problems.append(Problem(f"{path} $.id", bundle_text.session_exists(session_id)))
            bad_files.add(path)
            continue
        checked.append((slot, path, look))
    if problems:
        raise InputError(bundle_text.import_failed(len(bad_files), len(files)), problems)
    return checked


def _look_again(stager: _Stager, slot: int, path: Path, look: _Looked) -> tuple[int, Path, _Looked]:
    """A file changed since it was checked is checked (and staged) again, and refused if
    its id changed or it is no longer valid."""
    try:
        raw = read_capped(path, MAX_BUNDLE_BYTES, bundle_text.BUNDLE_KIND)
    except InputError as err:
        raise InputError(bundle_text.import_failed(1, 1), _located(path, err)) from err
    if _digest(raw) == look.digest:
        return slot, path, look
    again = _look(stager, (slot, path))
    if again.store_failure:
        raise StoreError(again.store_failure)
    if again.message:
        found = InputError(again.message, list(again.problems))
        raise InputError(bundle_text.import_failed(1, 1), _located(path, found))
    if again.session_id != look.session_id:  # checked against the store and the batch
        problem = Problem(
            f"{path} $.id", bundle_text.changed_while_importing(again.session_id, look.session_id)
        )
        raise InputError(bundle_text.import_failed(1, 1), [problem])
    if again.staged is None:  # stored meanwhile by another window
        problem = Problem(f"{path} $.id", bundle_text.session_exists(again.session_id))
        raise InputError(bundle_text.import_failed(1, 1), [problem])
    return slot, path, again


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
