"""Unexpected errors go to a log file the user can send, not to a traceback on screen."""

from __future__ import annotations

import os
import platform
import traceback
from datetime import datetime
from pathlib import Path

from facilitator import __version__
from facilitator.config.locations import log_dir


def write_crash_log(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write the traceback to ``crash-YYYYmmdd-HHMMSS.log``; ``None`` if even that fails.

    The file is owner-only: a traceback may quote names from the roster.
    """
    folder = folder or log_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.log"
    body = (
        f"facilitator {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        + "".join(traceback.format_exception(error))
    )
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
    except OSError:
        return None
    return path
