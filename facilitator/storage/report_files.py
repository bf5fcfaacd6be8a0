"""What the console keeps for result reports: the signing details typed for a session,
and the report numbers each unit has issued (to propose the next one).

The details sit in the session's folder, which only the window holding the session's
lock writes; the issued numbers sit beside the sessions, under a short lock, because
every window issues them. Both are small JSON files written atomically, owner-only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.domain.vocab import Json
from facilitator.storage.atomic import write_bytes_atomic
from facilitator.storage.lock import FileLock
from facilitator.strings import signing as signing_text

DETAILS_FILE = "report-details.json"
ISSUED_FILE = "issued-numbers.json"
_ISSUED_LOCK = ".issued-numbers.lock"


def _read_json(path: Path) -> Any:
    """The file's JSON, or None when it is missing or unreadable (nothing worth a crash:
    the dialog then proposes its defaults again)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: Any) -> None:
    write_bytes_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def read_details(folder: Path) -> Json | None:
    """The signing details remembered for the session stored in ``folder``."""
    data = _read_json(folder / DETAILS_FILE)
    return data if isinstance(data, dict) else None


def write_details(folder: Path, data: Json) -> None:
    """Remember the signing details of the session stored in ``folder``.

    Raises:
        StoreError: the write failed (the old file, if any, is intact).
    """
    _write_json(folder / DETAILS_FILE, data)


def _entries(root: Path) -> list[Json]:
    data = _read_json(root / ISSUED_FILE)
    rows = data.get("issued") if isinstance(data, dict) else None
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def issued_numbers(root: Path, unit: str, doc_code: str, year: int) -> list[int]:
    """The numbers ``unit`` has issued for documents of ``doc_code`` in ``year``."""
    return [
        row["number"]
        for row in _entries(root)
        if (row.get("unit"), row.get("doc"), row.get("year")) == (unit, doc_code, year)
        and isinstance(row.get("number"), int)
    ]


def record_issued(root: Path, unit: str, doc_code: str, year: int, number: int) -> None:
    """Note that ``unit`` issued ``number`` (once, however often it is exported again).

    Raises:
        StoreError: the register could not be written, or another window held it too long.
    """
    entry: Json = {"unit": unit, "doc": doc_code, "year": year, "number": number}
    with FileLock(root / _ISSUED_LOCK, signing_text.ISSUED_WHAT).acquire_blocking():
        rows = _entries(root)
        if entry not in rows:
            _write_json(root / ISSUED_FILE, {"issued": [*rows, entry]})
