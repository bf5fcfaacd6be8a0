"""The attendance name filter: letters filter, digits are left to the status keys."""

from __future__ import annotations

from textual.widgets import Input


class NameFilter(Input):
    """An Input that lets digits through to the screen (names never contain digits)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character is not None and character.isdigit():
            return False
        return super().check_consume_key(key, character)
