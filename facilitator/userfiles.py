"""Reading a file the user points at (roster, bundle): size-capped, errors in Vietnamese."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from facilitator.domain.errors import InputError
from facilitator.strings import files as files_text
from facilitator.strings.oserrors import reason as os_reason

# A FIFO opened for reading blocks until a writer appears, forever if none does;
# O_NONBLOCK makes the open return at once (it changes nothing for a regular file).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: Path) -> BinaryIO | None:
    """``path`` opened for binary reading, or ``None`` if it is not a regular file.

    A FIFO, a device or a socket is refused before anything is read from it.

    Raises:
        OSError: the file cannot be opened.
    """
    # Checked before opening too: on systems without O_NONBLOCK a FIFO would hang there.
    if not stat.S_ISREG(path.stat().st_mode):
        return None
    handle = open(os.open(path, _OPEN_FLAGS), "rb")  # noqa: SIM115 - returned to the caller
    # The file may have been swapped since the check: the open one is what counts.
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        return None
    return handle


def read_capped(path: Path, max_bytes: int, kind: str) -> bytes:
    """The file's bytes, refusing folders, devices, FIFOs, missing files and big files.

    ``kind`` names what the file should be ("tệp danh sách (.csv hoặc .xlsx)"), so the
    message tells the user what was expected.

    Raises:
        InputError: with a message naming the file.
    """
    try:
        if path.is_dir():
            raise InputError(files_text.is_directory(path, kind))
        handle = open_regular(path)
        if handle is None:
            raise InputError(files_text.not_regular(path, kind))
        with handle:
            # One byte past the cap, so an oversized (or growing) file is caught as such.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(files_text.not_found(path)) from exc
    except OSError as exc:
        raise InputError(files_text.unreadable(path, os_reason(exc))) from exc
    if len(data) > max_bytes:
        raise InputError(files_text.too_large(path, kind, max_bytes // (1024 * 1024)))
    return data
