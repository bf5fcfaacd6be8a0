"""Finding people by what the secretary types: one rule for every picker and list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.domain.people import Person
from facilitator.domain.vietnamese import fold, nfc, word_prefix_rank


@dataclass(frozen=True, slots=True)
class NameKey:
    """What :func:`word_prefix_rank` works out of a name, worked out once per roster
    (a list filtered on every key ranks the same names again and again)."""

    shown: str  # the name as written, case-folded, spaces collapsed
    words: tuple[str, ...]  # its accent-free words
    accented: tuple[str, ...]  # its words as written

    @classmethod
    def of(cls, label: str) -> NameKey:
        shown = " ".join(nfc(label).casefold().split())
        return cls(shown, tuple(fold(label).split(" ")), tuple(shown.split(" ")))


@dataclass(frozen=True, slots=True)
class TypedQuery:
    """What is typed, folded once per key rather than once per name."""

    wanted: str  # accent-free
    typed: str  # as typed, case-folded, spaces collapsed

    @classmethod
    def of(cls, query: str) -> TypedQuery:
        return cls(fold(query), " ".join(nfc(query).casefold().split()))

    def rank(self, key: NameKey) -> int | None:
        """``word_prefix_rank(label, query)`` from the precomputed keys (the tests hold
        the two equal)."""
        if not self.wanted:
            return None
        if key.shown == self.typed:
            return 0
        words, wanted = key.words, self.wanted
        for start in range(len(words)):
            rest = " ".join(words[start:])
            if rest.startswith(wanted):
                whole = len(rest) == len(wanted) or rest[len(wanted)] == " "
                same_accents = " ".join(key.accented[start:]).startswith(self.typed)
                return 1 + (0 if whole else 200) + (0 if same_accents else 100) + start
        return None


def find_people(people: Sequence[Person], query: str, limit: int | None = 8) -> list[Person]:
    """The people ``query`` names, best first by :func:`word_prefix_rank` (the whole name
    as typed, whole words, accents as typed), in roster order among equals.

    Words are matched from their start only: "an" finds Lê Văn An and Lê Văn Ân, never
    Nguyễn Văn Bình for the "an" inside "Văn".
    """
    ordered = sorted(people, key=lambda p: p.sort_key)
    if not fold(query):
        return ordered[:limit]
    ranked = [
        (rank, index, person)
        for index, person in enumerate(ordered)
        if (rank := word_prefix_rank(person.name, query)) is not None
    ]
    ranked.sort(key=lambda entry: entry[:2])
    return [person for _, _, person in ranked][:limit]
