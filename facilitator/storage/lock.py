"""One writer per session: an OS-level lock file that dies with its process.

``flock``/``msvcrt.locking`` are released by the kernel when the process ends, so a
crash or a closed lid never leaves a session locked forever (unlike a PID file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from facilitator.domain.errors import SessionLockedError, StoreError
from facilitator.strings import store as store_text

LockingCall = Callable[[int, int, int], None]
LOCKS_FOLDER = ".locks"
# O_NOFOLLOW: a lock that is a symlink fails to open instead of reaching the file it names.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = os.O_RDWR | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def _win_try_lock(fd: int, locking: LockingCall, mode: int) -> bool:
    """``msvcrt.locking`` locks bytes from the file's *current* position: always byte 0.

    The PID written after locking moves the position, so lock and unlock both seek to 0
    first, or the unlock would miss the locked byte and the session stay locked.
    """
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        locking(fd, mode, 1)
        return True
    except OSError:
        return False


def _win_unlock(fd: int, locking: LockingCall, mode: int) -> None:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        locking(fd, mode, 1)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        return _win_try_lock(fd, msvcrt.locking, msvcrt.LK_NBLCK)

    def _unlock(fd: int) -> None:
        _win_unlock(fd, msvcrt.locking, msvcrt.LK_UNLCK)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """Exclusive, non-blocking lock on ``path``; raises :class:`SessionLockedError` if held."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self._fd: int | None = None

    def acquire(self) -> FileLock:
        """Take the lock or fail at once with a Vietnamese message.

        Raises:
            SessionLockedError: another process holds it.
            StoreError: the lock (or the store's lock folder) is a symlink or not a file:
                someone tampered with the store, and following the link would let a lock
                write into whatever file it points at.
        """
        self._check_folder()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, created = self._open()
        if not _try_lock(fd):
            os.close(fd)
            raise SessionLockedError(store_text.LOCKED.format(what=self.what, path=self.path))
        if created:
            # The PID is informative only; the kernel lock is what protects the data. Only
            # a file this call created is written: an existing one may be a hard link.
            with contextlib.suppress(OSError):
                os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def _check_folder(self) -> None:
        # The store's own lock folder is never a link; the data folder itself may be one.
        folder = self.path.parent
        if folder.name == LOCKS_FOLDER and folder.is_symlink():
            raise StoreError(store_text.lock_not_a_file(folder))

    def _open(self) -> tuple[int, bool]:
        """A descriptor on the lock file and whether this call created it."""
        if not _NOFOLLOW and self.path.is_symlink():
            raise StoreError(store_text.lock_not_a_file(self.path))
        try:
            return os.open(self.path, _FLAGS | os.O_CREAT | os.O_EXCL, 0o600), True
        except FileExistsError:
            pass
        except OSError as exc:
            self._refuse_if_link(exc)
            raise
        try:
            fd = os.open(self.path, _FLAGS)
        except FileNotFoundError:
            return self._open()  # removed between the two opens: create it after all
        except OSError as exc:
            self._refuse_if_link(exc)
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise StoreError(store_text.lock_not_a_file(self.path))
        return fd, False

    def _refuse_if_link(self, exc: OSError) -> None:
        # O_NOFOLLOW fails with ELOOP on a symlink; without it (Windows) look first.
        if exc.errno == errno.ELOOP or self.path.is_symlink():
            raise StoreError(store_text.lock_not_a_file(self.path)) from exc

    def acquire_blocking(self, timeout: float = 10.0) -> FileLock:
        """Wait (briefly) for a short-lived lock such as the index's; raise after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.acquire()
            except SessionLockedError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)

    def release(self) -> None:
        """Give the lock back (idempotent)."""
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._fd is not None

    def __enter__(self) -> FileLock:
        return self if self.held else self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
