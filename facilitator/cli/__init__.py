"""Command line of facilitator; the ``facilitator`` group lives in :mod:`facilitator.cli.main`."""

from __future__ import annotations

import os
import sys
from typing import TextIO


def _is_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def make_streams_safe(streams: tuple[TextIO, ...] | None = None) -> None:
    """Never crash on a Vietnamese letter the output's code page lacks.

    A pipe or a file on Windows (cp1252, cp1258) gets UTF-8, which Notepad and Excel read;
    an encoding the user chose on purpose (``PYTHONIOENCODING``) or a console is kept, and
    a letter it cannot show becomes "?" instead of a traceback.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        if stream is None or _is_utf8(stream) or not hasattr(stream, "reconfigure"):
            continue
        try:
            keep = bool(os.environ.get("PYTHONIOENCODING")) or stream.isatty()
            if keep:
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):  # a closed or exotic stream: leave it alone
            continue


def main() -> None:
    """Console-script entry point (imports the command modules only when run)."""
    make_streams_safe()
    from facilitator.cli.main import main as group

    group()
