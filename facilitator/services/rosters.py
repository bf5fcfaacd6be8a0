"""Import a unit's roster from a file into the store, and show it in roster order."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from facilitator.domain.errors import InputError, NotFoundError
from facilitator.domain.models import PROFILES, Roster, Unit
from facilitator.domain.vietnamese import clean_line
from facilitator.rosters.importer import merge_roster
from facilitator.rosters.roster_file import read_roster_file
from facilitator.storage.store import Store
from facilitator.strings import roster as msg


def _unit(
    existing: Unit | None,
    name: str,
    parent: str | None,
    abbrev: str | None,
    profile: str | None,
    locality: str | None,
) -> Unit:
    """The unit with the fields given; those not given keep their stored values."""
    given: dict[str, Any] = {
        key: clean_line(value)
        for key, value in {
            "parent": parent,
            "abbrev": abbrev,
            "profile": profile,
            "locality": locality,
        }.items()
        if value
    }
    if "profile" in given and given["profile"] not in PROFILES:
        raise InputError(msg.bad_profile(given["profile"]))
    base = existing if existing is not None else Unit(name=name)
    return replace(base, **given)


@dataclass(frozen=True)
class ImportedRoster:
    """The unit's new roster and what to tell the user about the file (a TCVN3/VNI
    roster converted to Unicode, with the first names as converted)."""

    roster: Roster
    notices: tuple[str, ...] = ()


def import_roster(
    store: Store,
    path: Path | str,
    unit_name: str,
    *,
    parent: str | None = None,
    abbrev: str | None = None,
    profile: str | None = None,
    locality: str | None = None,
) -> Roster:
    """Read the file and replace the unit's roster: :func:`import_roster_file`, without
    its notices."""
    return import_roster_file(
        store, path, unit_name, parent=parent, abbrev=abbrev, profile=profile, locality=locality
    ).roster


def import_roster_file(
    store: Store,
    path: Path | str,
    unit_name: str,
    *,
    parent: str | None = None,
    abbrev: str | None = None,
    profile: str | None = None,
    locality: str | None = None,
) -> ImportedRoster:
    """Read the file (once) and replace the unit's roster (creating the unit if needed).

    People already on the roster keep their ids when their name matches. Unit fields left
    as ``None`` (or "") keep their stored values; a new unit defaults to profile "party".

    Raises:
        InputError: the file or the arguments are invalid; nothing was saved.
    """
    name = clean_line(unit_name)
    if not name:
        raise InputError(msg.EMPTY_UNIT)
    if profile and clean_line(profile) not in PROFILES:
        raise InputError(msg.bad_profile(profile))
    read = read_roster_file(path)
    try:
        existing: Roster | None = store.roster(name)
    except NotFoundError:
        existing = None
    unit = _unit(existing.unit if existing else None, name, parent, abbrev, profile, locality)
    roster = merge_roster(existing, read.people, unit)
    store.save_roster(roster)
    return ImportedRoster(roster, read.notices)


def show_roster(store: Store, unit_name: str) -> Roster:
    """The unit's roster with its people in Vietnamese order (tên, họ, đệm).

    Raises:
        NotFoundError: no roster for this unit.
    """
    roster = store.roster(clean_line(unit_name))
    return replace(roster, people=roster.sorted_people())
