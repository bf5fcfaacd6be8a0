"""Import a unit's roster from a file into the store, and show it in roster order."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from facilitator.domain.errors import InputError, NotFoundError
from facilitator.domain.models import PROFILES, Roster
from facilitator.domain.vietnamese import clean_line
from facilitator.rosters.importer import merge_roster
from facilitator.rosters.roster_file import read_roster_file
from facilitator.rosters.unit_fields import NO_FIELDS, UnitFields
from facilitator.storage.store import Store
from facilitator.strings import roster as roster_text


@dataclass(frozen=True)
class ImportedRoster:
    """The unit's new roster and what to tell the user about the file (a TCVN3/VNI
    roster converted to Unicode, with the first names as converted)."""

    roster: Roster
    notices: tuple[str, ...] = ()


def import_roster_file(
    store: Store, path: Path | str, unit_name: str, fields: UnitFields = NO_FIELDS
) -> ImportedRoster:
    """Read the file (once) and replace the unit's roster (creating the unit if needed).

    People already on the roster keep their ids when their name matches. Unit fields left
    as ``None`` (or "") keep their stored values; a new unit defaults to profile "party".

    Raises:
        InputError: the file or the arguments are invalid; nothing was saved.
    """
    name = clean_line(unit_name)
    if not name:
        raise InputError(roster_text.EMPTY_UNIT)
    if fields.profile and clean_line(fields.profile) not in PROFILES:
        raise InputError(roster_text.bad_profile(fields.profile))  # before reading the file
    read = read_roster_file(path)
    try:
        existing: Roster | None = store.roster(name)
    except NotFoundError:
        existing = None
    unit = fields.applied(existing.unit if existing else None, name)
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
