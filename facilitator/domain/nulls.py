"""Nulls kept for round trips: a ``null`` read from a bundle is written back as ``null``.

The models give nullable fields a blank default (``position=""``, ``Progress()``...), so
that callers never test for ``None``; :func:`null_keys` remembers which keys were ``null``
and :func:`restore_nulls` writes them back while they are still blank (export → import →
export is then byte-identical, and nothing a user wrote as ``null`` becomes ``""``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def null_keys(data: Mapping[str, Any], keys: tuple[str, ...]) -> frozenset[str]:
    """Which of ``keys`` are present with a ``null`` value."""
    return frozenset(k for k in keys if k in data and data[k] is None)


def _blank(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    return value is None or value == ""


def restore_nulls(data: dict[str, Any], nulls: frozenset[str]) -> dict[str, Any]:
    """``data`` with each key of ``nulls`` set back to ``None`` if its value is still blank."""
    for key in nulls:
        if _blank(data.get(key)):
            data[key] = None
    return data
