"""What the console works on: one store and one clock, behind the calls its screens make.

The composition root (``facilitator.ui.compose.build_app``) builds one and hands it to
the app; screens ask it for sessions, rosters and campaigns and never reach the store,
so what a screen may do to the data is listed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.services.clock import Clock, local_now
from facilitator.storage.store import SessionListing, Store

if TYPE_CHECKING:
    from facilitator.campaign.model import Campaign
    from facilitator.domain.content import ContentPack
    from facilitator.domain.models import Roster
    from facilitator.rosters.unit_fields import UnitFields
    from facilitator.services.planning import SessionPlan
    from facilitator.services.rosters import ImportedRoster
    from facilitator.services.session import SessionService  # loaded when a session opens


class Workspace:
    """The sessions, rosters and campaigns of one data folder."""

    def __init__(self, store: Store, clock: Clock = local_now) -> None:
        self.store = store
        self.clock = clock

    @property
    def root(self) -> Path:
        """The data folder (shown to the user, and the audience's live file is under it)."""
        return self.store.root

    def session_dir(self, session_id: str) -> Path:
        """The stored session's own folder (its draft file lives there)."""
        return self.store.session_dir(session_id)

    # -- sessions ---------------------------------------------------------------------------
    def list_sessions(self) -> SessionListing:
        """The stored sessions, unreadable files listed apart."""
        return self.store.list_sessions()

    def open_session(self, session_id: str) -> SessionService:
        """Lock and load a stored session (raises if it is open in another window)."""
        from facilitator.services.session import SessionService

        return SessionService.open(self.store, session_id, self.clock)

    def create_session(
        self, pack: ContentPack, roster: Roster, plan: SessionPlan
    ) -> SessionService:
        """Store a new session prepared from a pack and a roster, and keep it open."""
        from facilitator.services.planning import start_session

        return start_session(self.store, pack, roster, plan, self.clock)

    # -- rosters and campaigns --------------------------------------------------------------
    def rosters(self) -> list[Roster]:
        """Every unit's roster."""
        return self.store.rosters()

    def import_roster(
        self, path: Path, unit_name: str, fields: UnitFields | None = None
    ) -> ImportedRoster:
        """Replace (or create) a unit's roster from a CSV/XLSX file."""
        from facilitator.rosters.unit_fields import NO_FIELDS
        from facilitator.services.rosters import import_roster_file

        return import_roster_file(self.store, path, unit_name, fields or NO_FIELDS)

    def campaigns(self) -> list[Campaign]:
        """The campaigns tracked in this data folder."""
        from facilitator.campaign.storage import CampaignStore

        return CampaignStore(self.store.root).all()
