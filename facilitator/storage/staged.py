"""A whole session written into a private staging folder, ready to be swapped in.

A staging folder is only ever seen by the process that writes it, so its files are
written straight to their names (no temp file and rename each) and fsynced, and the
folder is fsynced once; :meth:`facilitator.storage.store.Store.put_staged` then renames
it into place, so a crash leaves the old session or the new one, never a mix. The
bytes are those :class:`facilitator.storage.session_files.SessionRepo` writes (the
TinyDB layout of ``session.json`` and of the note chunks): the format does not change.

An import's worker processes stage the sessions they validated while the next files are
being read; the folder carries the importing process's PID (not the worker's), so a
window starting meanwhile keeps it (see :func:`facilitator.storage.atomic.is_abandoned`).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.domain.errors import StoreError
from facilitator.storage.atomic import DIR_MODE, FILE_MODE, fsync_dir
from facilitator.storage.session_files import NOTES_PER_CHUNK, SESSION_DOC
from facilitator.storage.summary import index_row
from facilitator.strings import store as store_text
from facilitator.strings.oserrors import reason as os_reason

STAGING_PREFIX = ".staging-"
_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)

if TYPE_CHECKING:
    from facilitator.domain.models import Session


@dataclass(frozen=True)
class Staged:
    """A session staged and synced, not yet in place: where, and its index row."""

    session_id: str
    folder: Path
    row: dict[str, Any]
    """The session list's row (with the ``mtime_ns`` of the staged ``session.json``,
    which the rename into place keeps)."""


def staging_folder(root: Path, owner_pid: int, name: str) -> Path:
    """``<root>/.staging-<owner_pid>-<name>``: the PID tells a live import from a dead one."""
    return root / f"{STAGING_PREFIX}{owner_pid}-{name}"


def _dumps(data: dict[str, Any]) -> bytes:
    # As AtomicJSONStorage writes a TinyDB file: compact, C encoder, UTF-8.
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def stored_files(session: Session) -> Iterator[tuple[str, bytes]]:
    """The files of a stored session, named, with the bytes ``SessionRepo.save_all``
    writes (one TinyDB table per file, documents numbered from 1)."""
    core = dict(session.to_dict())
    notes = core.pop("notes", None) or []
    for start in range(0, len(notes), NOTES_PER_CHUNK):
        batch = notes[start : start + NOTES_PER_CHUNK]
        table = {str(number): note for number, note in enumerate(batch, 1)}
        yield f"notes-{start // NOTES_PER_CHUNK:04d}.json", _dumps({"notes": table})
    yield "session.json", _dumps({"session": {str(SESSION_DOC): core}})


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, _FLAGS, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def stage_session(folder: Path, session: Session) -> Staged:
    """Write ``session`` into the new folder ``folder`` (any old one there is removed),
    every file and the folder synced. The caller has validated the session.

    Raises:
        StoreError: the write failed (full disk, permissions); the folder is removed.
    """
    shutil.rmtree(folder, ignore_errors=True)
    try:
        folder.mkdir(mode=DIR_MODE)
        for name, data in stored_files(session):
            _write_new(folder / name, data)
        fsync_dir(folder)
        mtime_ns = (folder / "session.json").stat().st_mtime_ns
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        message = store_text.DISK_FULL if exc.errno == errno.ENOSPC else store_text.WRITE_FAILED
        raise StoreError(message.format(path=folder, error=os_reason(exc))) from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Staged(session.id, folder, index_row(session, mtime_ns))


def discard(folders: Iterable[Path]) -> None:
    """Remove staging folders that will not be swapped in (missing ones are skipped)."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
