"""File names Windows refuses: a session id becomes a folder name and a lock file name.

``con``, ``nul``, ``aux``, ``prn``, ``com0``–``com9`` and ``lpt0``–``lpt9`` name devices
in every folder on Windows, whatever the case and whatever follows a dot ("con.lock",
"nul.json"): a session called "con" could not be created there, nor its lock opened,
and a store copied from Linux would break on a Windows machine.
"""

from __future__ import annotations

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
    | {"com\u00b9", "com\u00b2", "com\u00b3", "lpt\u00b9", "lpt\u00b2", "lpt\u00b3"}
)


def is_windows_reserved(name: str) -> bool:
    """Whether ``name`` (a file or folder name, any suffix) is a Windows device name."""
    # Windows ignores trailing spaces and dots, and compares only the part before a dot.
    stem = name.split(".", 1)[0].rstrip(" .").casefold()
    return stem in WINDOWS_RESERVED
