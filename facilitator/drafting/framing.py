"""Find the image a plan frames its content with, and lay its lenses onto the parts.

"Gốc vững, thân chắc, cành uyển chuyển" is the one every plan of the "cây tre" campaign
names; other plans use the same figure (three or four short "noun + quality" phrases in
quotes after "hình tượng", "bản sắc", "phương châm"…), read generically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitator.domain.content import FramingLens
from facilitator.domain.vietnamese import fold, slugify
from facilitator.strings import drafting as drafting_text

_QUOTED = re.compile(r"[“\"«]([^“”\"«»]{6,120})[”\"»]")
_LEAD_WORDS = ("hinh tuong", "hinh anh", "ban sac", "phuong cham", "tinh than", "bieu tuong")
_SEGMENT_WORDS = range(2, 4)


@dataclass(frozen=True)
class Framing:
    """The lenses found and the words the plan used for them."""

    phrase: str
    lenses: tuple[FramingLens, ...]


def _known(text: str) -> Framing | None:
    words = fold(text)
    for phrase, lenses in drafting_text.KNOWN_FRAMINGS:
        if all(fold(lens.label) in words for lens in lenses):
            return Framing(phrase, lenses)
    return None


def _generic(text: str) -> Framing | None:
    for match in _QUOTED.finditer(text):
        before = fold(text[max(0, match.start() - 80) : match.start()])
        if not any(word in before for word in _LEAD_WORDS):
            continue
        segments = [part.strip() for part in match.group(1).split(",")]
        if not 3 <= len(segments) <= 4 or any(
            len(part.split()) not in _SEGMENT_WORDS for part in segments
        ):
            continue
        firsts = [slugify(part.split()[0]) for part in segments]
        keys = firsts if len(set(firsts)) == len(firsts) else [slugify(p) for p in segments]
        lenses = tuple(
            FramingLens(key, part[:1].upper() + part[1:], "")
            for key, part in zip(keys, segments, strict=True)
        )
        return Framing(match.group(1).strip(), lenses)
    return None


def detect_framing(texts: Iterable[str]) -> tuple[Framing, int] | None:
    """The framing named in ``texts`` and the index of the text naming it, if any."""
    for index, text in enumerate(texts):
        found = _known(text) or _generic(text)
        if found is not None:
            return found, index
    return None


def map_lenses(framing: Framing, groups: Sequence[Sequence[int]], near: int) -> dict[int, str]:
    """Lens keys by part index: the lenses in order onto a run of sibling parts.

    ``groups`` lists runs of sibling parts (indexes into the parts), ``near`` the part
    whose text names the framing. The run holding ``near`` and as many parts as there
    are lenses wins; otherwise any run of that size; otherwise nothing is mapped (the
    caller says so and leaves the choice to the presenter).
    """
    size = len(framing.lenses)
    fitting = [group for group in groups if len(group) == size]
    chosen = next((group for group in fitting if near in group), fitting[0] if fitting else None)
    if chosen is None:
        return {}
    return {part: lens.key for part, lens in zip(chosen, framing.lenses, strict=True)}
