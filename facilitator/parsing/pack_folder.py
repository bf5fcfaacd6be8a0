"""Find the content packs in a folder such as ``content/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.domain.content import ContentPack
from facilitator.domain.errors import InputError, Problem
from facilitator.parsing.content_pack import load_pack
from facilitator.strings import content as content_text

_NOT_PACKS = frozenset({"readme.md"})
"""The folder's README teaches the format; it is not a pack."""


def is_pack_file(path: str | Path) -> bool:
    """False for the folder's README (so ``content check content/*.md`` skips it)."""
    return Path(path).name.lower() not in _NOT_PACKS


@dataclass(frozen=True)
class PackEntry:
    """One ``*.md`` file of a pack folder: either its pack or why it could not be loaded."""

    path: str
    pack: ContentPack | None = None
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.pack is not None


def list_packs(folder: str | Path) -> list[PackEntry]:
    """Load every ``*.md`` pack in ``folder`` (not recursive), sorted by file name.

    A broken pack does not hide the others: its entry carries the error instead.

    Raises:
        InputError: ``folder`` does not exist or is not a folder.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(
            content_text.FOLDER_NOT_FOUND, [Problem(str(root), content_text.FOLDER_NOT_FOUND)]
        )
    entries: list[PackEntry] = []
    for path in sorted(root.glob("*.md")):
        if not is_pack_file(path):
            continue
        try:
            entries.append(PackEntry(str(path), pack=load_pack(path)))
        except InputError as err:
            entries.append(PackEntry(str(path), error=err))
    return entries
