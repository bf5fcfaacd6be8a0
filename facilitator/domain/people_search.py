"""Finding people by what the secretary types: one rule for every picker and list."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.domain.people import Person
from facilitator.domain.vietnamese import fold, word_prefix_rank


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
