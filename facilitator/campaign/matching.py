"""Which expected unit a bundle speaks for: the exact name, then accent- and case-free,
then nobody (the caller asks the user: the file is reported as unknown or ambiguous).

Two expected units may share a name under different superiors ("Chi bộ thôn 1" of two
communes): the bundle's own superior then decides, compared the same two ways.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from facilitator.campaign.model import ExpectedUnit
from facilitator.domain.vietnamese import clean_line, fold


class MatchKind(StrEnum):
    """How a bundle's unit was recognised."""

    EXACT = "exact"
    FOLDED = "folded"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Match:
    """The expected unit found (``None`` unless exact or folded) and the candidates seen."""

    kind: MatchKind
    unit: ExpectedUnit | None = None
    candidates: tuple[ExpectedUnit, ...] = ()


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


_WAYS: tuple[tuple[MatchKind, Callable[[str], str]], ...] = (
    (MatchKind.EXACT, clean_line),
    (MatchKind.FOLDED, _folded),
)


def match_unit(name: str, parent: str, units: Sequence[ExpectedUnit]) -> Match:
    """The expected unit named ``name`` (under ``parent`` when the name is not unique)."""
    for kind, key in _WAYS:
        wanted = key(name)
        found = tuple(u for u in units if key(u.name) == wanted)
        if len(found) == 1:
            return Match(kind, found[0])
        if len(found) > 1:
            for _, parent_key in _WAYS:
                by_parent = [u for u in found if parent_key(u.parent) == parent_key(parent)]
                if len(by_parent) == 1:
                    return Match(kind, by_parent[0])
            return Match(MatchKind.AMBIGUOUS, candidates=found)
    return Match(MatchKind.UNKNOWN)
