"""The problem collector every bundle validator uses: typed accessors, JSON paths, caps.

Each accessor returns the value when it is valid, else ``None`` after recording a
problem at its JSON path (``$.attendance[3].status``). A hostile file with huge arrays
stays cheap: at most ``MAX_REPORTED`` problems are described and checking stops once
``MAX_COUNTED`` have been seen (:class:`TooMany`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection, Iterator
from datetime import datetime
from typing import Any

from facilitator.domain.codec import is_int as is_int
from facilitator.domain.errors import Problem
from facilitator.strings import bundle as bundle_text

MAX_REPORTED = 200
MAX_COUNTED = 10_000
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")

Obj = dict[str, Any]


class Anything(frozenset[str]):
    """Known ids when the list defining them is itself broken: references are not checked
    then, so one wrong ``people`` value does not also flag every person reference."""

    def __contains__(self, item: object) -> bool:
        return True


class TooMany(Exception):
    """Raised inside the checker to stop walking a hopeless file."""


def json_key(base: str, key: str) -> str:
    return f"{base}.{key}" if _IDENTIFIER.fullmatch(key) else f"{base}[{json.dumps(key)}]"


def plain(text: str) -> str:
    """User text made safe to print in a message: controls escaped, length capped."""
    # DEL and C1 (8-bit CSI) act on terminals just like C0 controls do.
    text = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text if len(text) <= 40 else text[:39] + "…"


def shown(value: Any) -> str:
    """A short, terminal-safe JSON rendering of any user value."""
    try:
        return plain(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        return type(value).__name__


class Checker:
    """Collects problems; small typed accessors keep the section checks declarative."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.count = 0

    def add(self, where: str, message: str) -> None:
        self.count += 1
        if self.count <= MAX_REPORTED:
            self.problems.append(Problem(where, message))
        elif self.count >= MAX_COUNTED:
            raise TooMany

    def result(self, *, stopped: bool = False) -> list[Problem]:
        extra = self.count - len(self.problems)
        if stopped:
            return [*self.problems, Problem("", bundle_text.more_problems_stopped(extra))]
        if extra > 0:
            return [*self.problems, Problem("", bundle_text.more_problems(extra))]
        return self.problems

    # -- accessors: each returns the value when it is valid, else None ------------------
    def present(self, obj: Obj, key: str, base: str, required: bool) -> bool:
        if key in obj:
            return True
        if required:
            self.add(json_key(base, key), bundle_text.MISSING)
        return False

    def obj(self, obj: Obj, key: str, base: str, *, required: bool = True) -> Obj | None:
        if not self.present(obj, key, base, required):
            return None
        value = obj[key]
        if value is None and not required:
            return None
        if not isinstance(value, dict):
            self.add(json_key(base, key), bundle_text.NOT_OBJECT)
            return None
        return value

    def array(self, obj: Obj, key: str, base: str, *, required: bool = True) -> list[Any]:
        if not self.present(obj, key, base, required):
            return []
        value = obj[key]
        if not isinstance(value, list):
            self.add(json_key(base, key), bundle_text.NOT_LIST)
            return []
        return value

    def objects(
        self, obj: Obj, key: str, base: str, *, required: bool = True
    ) -> Iterator[tuple[str, Obj]]:
        """Yield (path, entry) for each object in a list, reporting non-objects."""
        path = json_key(base, key)
        for index, entry in enumerate(self.array(obj, key, base, required=required)):
            where = f"{path}[{index}]"
            if isinstance(entry, dict):
                yield where, entry
            else:
                self.add(where, bundle_text.NOT_OBJECT)

    def string(
        self,
        obj: Obj,
        key: str,
        base: str,
        *,
        required: bool = True,
        nullable: bool = False,
        non_empty: bool = False,
    ) -> str | None:
        if not self.present(obj, key, base, required):
            return None
        value = obj[key]
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            self.add(
                json_key(base, key),
                bundle_text.NOT_STRING_OR_NULL if nullable else bundle_text.NOT_STRING,
            )
            return None
        if non_empty and not value.strip():
            self.add(json_key(base, key), bundle_text.EMPTY)
            return None
        return value

    def boolean(self, obj: Obj, key: str, base: str, *, required: bool = False) -> None:
        if self.present(obj, key, base, required) and not isinstance(obj[key], bool):
            self.add(json_key(base, key), bundle_text.NOT_BOOL)

    def integer(
        self, obj: Obj, key: str, base: str, *, required: bool = True, minimum: int = 0
    ) -> int | None:
        if not self.present(obj, key, base, required):
            return None
        value = obj[key]
        if not is_int(value):
            self.add(json_key(base, key), bundle_text.NOT_INT)
            return None
        if value < minimum:
            self.add(
                json_key(base, key),
                bundle_text.NOT_POSITIVE if minimum > 0 else bundle_text.NEGATIVE,
            )
            return None
        return int(value)

    def number(self, obj: Obj, key: str, base: str, *, required: bool = False) -> None:
        if not self.present(obj, key, base, required):
            return
        value = obj[key]
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or not math.isfinite(value):
            self.add(json_key(base, key), bundle_text.NOT_NUMBER)
        elif value < 0:
            self.add(json_key(base, key), bundle_text.NEGATIVE)

    def choice(
        self,
        obj: Obj,
        key: str,
        base: str,
        allowed: Collection[str | None],
        *,
        required: bool = True,
    ) -> str | None:
        if not self.present(obj, key, base, required):
            return None
        value = obj[key]
        if isinstance(value, list | dict) or value not in allowed:
            self.add(json_key(base, key), bundle_text.not_one_of(shown(value), allowed))
            return None
        return value  # type: ignore[no-any-return]

    def time(
        self, obj: Obj, key: str, base: str, *, required: bool = True, nullable: bool = False
    ) -> None:
        if not self.present(obj, key, base, required):
            return
        value = obj[key]
        if value is None and nullable:
            return
        if not isinstance(value, str):
            self.add(json_key(base, key), bundle_text.BAD_TIME)
            return
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.add(json_key(base, key), bundle_text.BAD_TIME)
            return
        if moment.tzinfo is None or moment.utcoffset() is None:
            self.add(json_key(base, key), bundle_text.TIME_NO_OFFSET)

    def ref(
        self,
        obj: Obj,
        key: str,
        base: str,
        known: Collection[str],
        unknown_message: Callable[[str], str],
        *,
        required: bool = True,
        nullable: bool = False,
    ) -> str | None:
        value = self.string(obj, key, base, required=required, nullable=nullable)
        if value is not None and value not in known:
            self.add(json_key(base, key), unknown_message(plain(value)))
            return None
        return value

    def string_list(self, obj: Obj, key: str, base: str, *, required: bool = True) -> None:
        path = json_key(base, key)
        for index, value in enumerate(self.array(obj, key, base, required=required)):
            if not isinstance(value, str):
                self.add(f"{path}[{index}]", bundle_text.NOT_STRING)
