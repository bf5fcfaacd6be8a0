"""The store of versions before 0.2, kept in ``./sessions`` of whatever folder the app ran in.

It is never ignored silently: the app says where it is and ``facilitator data adopt``
copies it into the per-user data folder (validated like an import), then renames the old
folder so it is not offered again. Nothing is deleted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.domain.errors import FacilitatorError, InputError
from facilitator.storage.store import Store
from facilitator.strings import config as config_text

LEGACY_NAME = "sessions"
ADOPTED_SUFFIX = "-da-chuyen"


def looks_like_store(folder: Path) -> bool:
    """A folder holding facilitator data (not, say, the clone's README-only ``sessions/``)."""
    try:
        if not folder.is_dir():
            return False
        if (folder / "rosters.json").is_file() or (folder / "index.json").is_file():
            return True
        return any(folder.glob("*/session.json"))
    except OSError:
        return False


def find_legacy_store(cwd: Path, current: Path) -> Path | None:
    """``cwd/sessions`` when it holds data and is not the store in use."""
    candidate = (cwd / LEGACY_NAME).absolute()
    try:
        same = candidate.resolve() == current.resolve()
    except OSError:
        same = False
    if same or not looks_like_store(candidate):
        return None
    return candidate


@dataclass
class AdoptResult:
    """What ``adopt`` moved and what it left where it was (with the reason)."""

    sessions: int = 0
    rosters: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unreadable: int = 0
    kept_as: Path | None = None


def _free_name(old: Path) -> Path:
    target = old.with_name(old.name + ADOPTED_SUFFIX)
    n = 2
    while target.exists():
        target = old.with_name(f"{old.name}{ADOPTED_SUFFIX}-{n}")
        n += 1
    return target


def adopt(old_folder: Path, new: Store) -> AdoptResult:
    """Copy every readable session and roster of ``old_folder`` into ``new``.

    A session already in ``new`` is kept as it is there; an unreadable one stays in the
    old folder, which is then not renamed (so the notice keeps pointing at it).

    Raises:
        InputError: ``old_folder`` holds no facilitator data, or is the store in use.
    """
    old_folder = old_folder.absolute()
    if old_folder.resolve() == new.root.resolve():
        raise InputError(config_text.ADOPT_SAME.format(path=old_folder))
    if not looks_like_store(old_folder):
        raise InputError(config_text.ADOPT_NOT_STORE.format(path=old_folder))
    old = Store(old_folder, create=False)
    result = AdoptResult()
    for session_id in old.session_ids():
        if new.exists(session_id):
            result.skipped.append((session_id, config_text.ADOPT_SKIP_EXISTS))
            continue
        try:
            new.put_session(old.load_session(session_id))
        except FacilitatorError as err:
            result.skipped.append((session_id, config_text.ADOPT_SKIP_UNREADABLE.format(error=err)))
            result.unreadable += 1
            continue
        result.sessions += 1
    present = {r.unit.name: r for r in new.rosters()}
    for roster in old.rosters():
        mine = present.get(roster.unit.name)
        if mine is None:
            new.save_roster(roster)
            result.rosters += 1
        elif mine != roster:
            result.skipped.append((roster.unit.name, config_text.ADOPT_ROSTER_DIFFERS))
    if not result.unreadable:
        result.kept_as = _free_name(old_folder)
        os.replace(old_folder, result.kept_as)
    return result
