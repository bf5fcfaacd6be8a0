"""Campaigns on disk, in the user's data folder beside the sessions::

    <data folder>/.campaigns/<campaign-id>/campaign.json      the campaign (plan, units, receipts)
    <data folder>/.campaigns/<campaign-id>/bundles/<file>.json  copies of the collected bundles

The folder name starts with a dot so it can never clash with a session id. Files are
owner-only and replaced atomically, like every store file; a lock serialises writers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from facilitator.campaign.model import CAMPAIGN_FORMAT, Campaign
from facilitator.domain.errors import CorruptStoreError, NotFoundError
from facilitator.domain.vietnamese import slugify
from facilitator.storage.atomic import DIR_MODE, read_json, write_bytes_atomic
from facilitator.storage.lock import FileLock
from facilitator.strings import campaign as campaign_text

FOLDER = ".campaigns"
CAMPAIGN_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


class CampaignStore:
    """Every campaign kept in one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / FOLDER

    def _folder(self, campaign_id: str) -> Path:
        if not CAMPAIGN_ID_RE.fullmatch(campaign_id):
            raise NotFoundError(campaign_text.campaign_not_found(campaign_id, self.root))
        return self.root / campaign_id

    def bundles_dir(self, campaign_id: str) -> Path:
        """Where the collected bundles of a campaign are kept."""
        return self._folder(campaign_id) / "bundles"

    def lock(self, campaign_id: str) -> FileLock:
        """Held while a campaign is changed (two windows collecting at once)."""
        self.root.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        return FileLock(
            self.root / f".{campaign_id}.lock", campaign_text.campaign_what(campaign_id)
        )

    def ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.parent.name for p in self.root.glob("*/campaign.json"))

    def new_id(self, title: str) -> str:
        """A free id made from the title ("dot-1", "dot-1-2"...)."""
        base = slugify(title, max_length=60)
        taken = set(self.ids())
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def resolve(self, given: str) -> str:
        """The id ``given`` names: itself or the one id it is a prefix of."""
        ids = self.ids()
        if given in ids:
            return given
        matches = [i for i in ids if i.startswith(given)] if given else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFoundError(campaign_text.campaign_ambiguous(given, matches))
        raise NotFoundError(campaign_text.campaign_not_found(given, self.root))

    def load(self, campaign_id: str) -> Campaign:
        path = self._folder(campaign_id) / "campaign.json"
        if not path.exists():
            raise NotFoundError(campaign_text.campaign_not_found(campaign_id, self.root))
        data = read_json(path)
        try:
            if not isinstance(data, dict) or data.get("format") != CAMPAIGN_FORMAT:
                raise TypeError(CAMPAIGN_FORMAT)
            return Campaign.from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptStoreError(campaign_text.campaign_corrupt(path), str(path)) from exc

    def all(self) -> list[Campaign]:
        return [self.load(i) for i in self.ids()]

    def save(self, campaign: Campaign) -> None:
        folder = self._folder(campaign.id)
        folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        payload = json.dumps(campaign.to_dict(), ensure_ascii=False, indent=1)
        write_bytes_atomic(folder / "campaign.json", payload.encode("utf-8"))

    def save_bundle(self, campaign_id: str, name: str, data: bytes) -> None:
        folder = self.bundles_dir(campaign_id)
        folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        write_bytes_atomic(folder / name, data)

    def remove_bundle(self, campaign_id: str, name: str) -> None:
        (self.bundles_dir(campaign_id) / name).unlink(missing_ok=True)
