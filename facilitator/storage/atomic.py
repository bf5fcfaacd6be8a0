"""Crash-safe TinyDB storage: write a temp file beside the target, fsync, ``os.replace``.

Stock ``JSONStorage`` overwrites in place and left unreadable files in 6 % of kill -9
trials (shared/docs/performance-reliability-facts.md §1.5); this storage left none.
Files are created 0600: they hold personal data.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from facilitator.domain.errors import CorruptStoreError, StoreError
from facilitator.strings import store as store_text
from facilitator.strings.oserrors import reason as os_reason

TEMP_PREFIX = ".tmp-facilitator-"
FILE_MODE = 0o600
STALE_AFTER_SECONDS = 60.0  # Windows only: far longer than any write takes
DIR_MODE = 0o700


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open directories)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(src: str, dst: Path) -> None:
    """``os.replace`` with a short retry on Windows, where scanners briefly hold files."""
    for attempt in range(10):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 9:
                raise
            time.sleep(0.02 * (attempt + 1))


def write_bytes_atomic(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never half.

    ``sync_dir=False`` leaves the folder's fsync to the caller: a staging folder that is
    synced once, whole, before it is renamed into place (an import's sessions).

    Raises:
        StoreError: the write failed (full disk, permissions); the old file is intact.
    """
    folder = path.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".json", dir=folder
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        replace_with_retry(tmp_name, path)
        tmp_name = None
        if sync_dir:
            fsync_dir(folder)
    except OSError as exc:
        message = store_text.DISK_FULL if exc.errno == errno.ENOSPC else store_text.WRITE_FAILED
        raise StoreError(message.format(path=path, error=os_reason(exc))) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def owner_pid(path: Path, prefix: str) -> int | None:
    """The PID written into a temp name ``<prefix><pid>-…``, if any."""
    head = path.name.removeprefix(prefix).split("-", 1)[0]
    return int(head) if head.isdigit() else None


def is_abandoned(path: Path, prefix: str) -> bool:
    """Whether a temp file or folder was left by a process that no longer runs.

    Temp names carry their writer's PID, so a window starting up never deletes the
    half-written file of another window that is still running.
    """
    pid = owner_pid(path, prefix)
    if pid is None:
        return True
    if pid == os.getpid():
        return False  # ours: another thread may be mid-write
    if sys.platform == "win32":  # no cheap liveness probe: fall back on age
        try:
            return time.time() - path.stat().st_mtime > STALE_AFTER_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, owned by someone else
    return False


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files whose writer is gone; returns how many were removed."""
    removed = 0
    for stale in folder.glob(f"{TEMP_PREFIX}*"):
        if not is_abandoned(stale, TEMP_PREFIX):
            continue
        with contextlib.suppress(OSError):
            stale.unlink()
            removed += 1
    return removed


def read_json(path: Path) -> Any:
    """Parse a JSON store file, turning damage into a clear :class:`CorruptStoreError`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(store_text.READ_FAILED.format(path=path, error=os_reason(exc))) from exc
    if not raw.strip():
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorruptStoreError(
            store_text.CORRUPT_ENCODING.format(path=path, offset=exc.start), str(path)
        ) from exc
    except json.JSONDecodeError as exc:
        raise CorruptStoreError(
            store_text.CORRUPT_JSON.format(
                path=path, line=exc.lineno, column=exc.colno, error=exc.msg
            ),
            str(path),
        ) from exc


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a truncated file behind."""

    def __init__(self, path: str | Path, create_dirs: bool = True, sync_dir: bool = True) -> None:
        self.path = Path(path)
        self.sync_dir = sync_dir
        if create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The whole database, or ``None`` for a new file."""
        if not self.path.exists():
            return None
        data = read_json(self.path)
        if data is not None and not isinstance(data, dict):
            raise CorruptStoreError(store_text.CORRUPT_SHAPE.format(path=self.path), str(self.path))
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Serialise first (a bad value never touches the disk), then replace atomically."""
        # No indent: only compact output uses json's C encoder (4x faster at 500 people).
        payload = json.dumps(data, ensure_ascii=False)
        write_bytes_atomic(self.path, payload.encode("utf-8"), sync_dir=self.sync_dir)

    def close(self) -> None:
        """Nothing is held open between writes."""


class WriteThroughCache(CachingMiddleware):
    """Reads from memory, every write goes to disk at once.

    The stock middleware batches 1000 writes and keeps a failed document in its cache
    (so every later write fails too); here a failed write drops the cache so the next
    read comes from the last good file.
    """

    WRITE_CACHE_SIZE = 1

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Write through; on failure forget the in-memory state."""
        try:
            self.storage.write(data)
            self.cache = data
            self._cache_modified_count = 0
        except BaseException:
            self.cache = None
            raise

    def flush(self) -> None:
        """Nothing is ever pending."""
