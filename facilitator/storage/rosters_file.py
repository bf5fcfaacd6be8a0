"""The units' rosters, kept between sessions in one small file beside the sessions.

Personal data: the file is owner-only and written atomically like every store file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import Query
from tinydb.table import Table

from facilitator.domain.errors import NotFoundError
from facilitator.storage.lock import FileLock
from facilitator.storage.session_files import open_db
from facilitator.strings import store as store_text

if TYPE_CHECKING:
    from facilitator.domain.models import Roster, Unit


class RosterShelf:
    """Roster methods of :class:`facilitator.storage.store.Store` (its ``root`` folder)."""

    root: Path

    @contextmanager
    def _rosters(self) -> Iterator[Table]:
        with FileLock(self.root / ".rosters.lock", store_text.ROSTERS_WHAT).acquire_blocking():
            db = open_db(self.root / "rosters.json")
            try:
                yield db.table("rosters")
            finally:
                db.close()

    def rosters(self) -> list[Roster]:
        """Every stored unit with its roster."""
        if not (self.root / "rosters.json").exists():
            return []
        with self._rosters() as table:
            return [_roster(doc) for doc in table.all()]

    def roster(self, unit_name: str) -> Roster:
        """The roster of one unit (raises :class:`NotFoundError`)."""
        if not (self.root / "rosters.json").exists():
            raise NotFoundError(store_text.UNIT_NOT_FOUND.format(name=unit_name))
        with self._rosters() as table:
            doc = table.get(Query().unit.name == unit_name)
        if doc is None:
            raise NotFoundError(store_text.UNIT_NOT_FOUND.format(name=unit_name))
        assert isinstance(doc, dict)
        return _roster(doc)

    def save_roster(self, roster: Roster) -> None:
        """Insert or replace a unit's roster."""
        with self._rosters() as table:
            table.upsert(roster.to_dict(), Query().unit.name == roster.unit.name)

    def save_unit(self, unit: Unit) -> Roster:
        """Change a unit's details (superior body, place, symbol, issuer, recipients) and
        keep its people; a unit without a roster gets one with nobody on it yet, so its
        next report (console or command line) finds the details."""
        from facilitator.domain.models import Roster

        with self._rosters() as table:
            doc = table.get(Query().unit.name == unit.name)
            roster = _roster(doc) if isinstance(doc, dict) else Roster(unit)
            roster = replace(roster, unit=unit)
            table.upsert(roster.to_dict(), Query().unit.name == unit.name)
        return roster


def _roster(doc: dict[str, Any]) -> Roster:
    # The domain records load with the first roster read, not for the home screen.
    from facilitator.domain.models import Roster

    return Roster.from_dict(doc)
