"""The unit details typed beside a roster file (CLI options, the console's import dialog)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from facilitator.domain.errors import InputError
from facilitator.domain.models import PROFILES, Unit
from facilitator.domain.vietnamese import clean_line
from facilitator.strings import roster as roster_text


@dataclass(frozen=True)
class UnitFields:
    """The unit details typed beside a roster file; ``None`` (or "") keeps the stored value."""

    parent: str | None = None
    abbrev: str | None = None
    profile: str | None = None
    locality: str | None = None

    def given(self) -> dict[str, Any]:
        """The fields given, cleaned (one line, NFC, no control characters)."""
        return {key: clean_line(value) for key, value in vars(self).items() if value}

    def applied(self, existing: Unit | None, name: str) -> Unit:
        """The unit with the fields given; those not given keep their stored values."""
        given = self.given()
        if "profile" in given and given["profile"] not in PROFILES:
            raise InputError(roster_text.bad_profile(given["profile"]))
        return replace(existing if existing is not None else Unit(name=name), **given)


NO_FIELDS = UnitFields()
"""Nothing typed: every stored detail kept."""
