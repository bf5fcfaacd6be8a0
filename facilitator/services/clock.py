"""Time source, injectable so tests and snapshots can freeze it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Aware local time to the second (what minutes record)."""
    return datetime.now().astimezone().replace(microsecond=0)
