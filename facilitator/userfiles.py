"""Reading a file the user points at (roster, bundle): size-capped, errors in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from facilitator.domain.errors import InputError
from facilitator.strings import files as msg
from facilitator.strings.oserrors import reason as os_reason


def read_capped(path: Path, max_bytes: int, kind: str) -> bytes:
    """The file's bytes, refusing folders, missing files and files over ``max_bytes``.

    ``kind`` names what the file should be ("tệp danh sách (.csv hoặc .xlsx)"), so the
    message tells the user what was expected.

    Raises:
        InputError: with a message naming the file.
    """
    try:
        if path.is_dir():
            raise InputError(msg.is_directory(path, kind))
        with path.open("rb") as handle:
            # One byte past the cap, so an oversized (or growing) file is caught as such.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(msg.not_found(path)) from exc
    except OSError as exc:
        raise InputError(msg.unreadable(path, os_reason(exc))) from exc
    if len(data) > max_bytes:
        raise InputError(msg.too_large(path, kind, max_bytes // (1024 * 1024)))
    return data
