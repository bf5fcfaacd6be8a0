"""Shared pieces of the crash-safety tests (tests/test_crash_*.py): the session id, the POSIX
mark, the store's files and leftover temp files, and the ways a disk fills up.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.storage.atomic import TEMP_PREFIX

SESSION_ID = "2024-05-10-chi-bo-khoi-dan-van"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and modes are POSIX")


def store_files(root: Path) -> Iterator[Path]:
    yield from (p for p in root.rglob("*") if p.is_file())


def temp_files(root: Path) -> list[Path]:
    return [p for p in store_files(root) if p.name.startswith(TEMP_PREFIX)]


def enospc(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FailingWrites:
    """Wraps the temp file's handle: half the bytes go out, then the disk is full."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> FailingWrites:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self._handle.flush()

    def fileno(self) -> int:
        return int(self._handle.fileno())
