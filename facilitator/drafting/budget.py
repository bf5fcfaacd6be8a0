"""Time budgets of a draft: the standard items keep theirs, the parts share the rest.

A study session is planned at 90 to 120 minutes; the parts of the content get what the
procedure leaves of about 105, by weight (how much the plan says about each), and the
discussion absorbs what rounding and very short or very long plans leave over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from facilitator.domain.vocab import ItemKind
from facilitator.drafting.model import DraftItem

SHORTEST = 90
LONGEST = 120
TARGET = 105
PART_MOST = 40
"""No single part longer than this: attention does not last, the discussion gains."""
DISCUSSION_LEAST = 10


def _shares(total: int, weights: Sequence[int], least: int, most: int) -> list[int]:
    """``total`` split by ``weights`` (largest remainder), each within least..most."""
    count = len(weights)
    shares = [least] * count
    left = total - least * count
    open_ = set(range(count))
    while left > 0 and open_:
        weight_sum = sum(weights[i] for i in open_)
        exact = {i: left * weights[i] / weight_sum for i in open_}
        given = 0
        for i in sorted(open_):
            add = min(int(exact[i]), most - shares[i])
            shares[i] += add
            given += add
        by_remainder = sorted(open_, key=lambda i: (-(exact[i] - int(exact[i])), i))
        for i in by_remainder[: left - given]:
            if shares[i] < most:
                shares[i] += 1
                given += 1
        left -= given
        open_ = {i for i in open_ if shares[i] < most}
        if given == 0:
            break
    return shares


def fit_budget(items: Sequence[DraftItem]) -> list[DraftItem]:
    """Minutes for every item so the session lasts 90 to 120 minutes.

    Only a plan with more parts than minutes to give (over about 60) can exceed 120:
    each part keeps at least one minute.
    """
    fixed = sum(item.minutes for item in items if item.fixed)
    parts = [i for i, item in enumerate(items) if not item.fixed]
    result = list(items)
    if parts:
        room = LONGEST - fixed
        least = max(1, min(5, room // len(parts)))
        pool = max(min(TARGET - fixed, room), least * len(parts))
        weights = [max(1, items[i].weight) for i in parts]
        for index, minutes in zip(parts, _shares(pool, weights, least, PART_MOST), strict=True):
            result[index] = replace(result[index], minutes=minutes)
    return _settle(result)


def _settle(items: list[DraftItem]) -> list[DraftItem]:
    """Move the difference to 90–120 into (or out of) the discussion."""
    total = sum(item.minutes for item in items)
    where = next((i for i, item in enumerate(items) if item.kind is ItemKind.DISCUSSION), None)
    if where is None:
        return items
    discussion = items[where]
    if total < SHORTEST:
        items[where] = replace(discussion, minutes=discussion.minutes + SHORTEST - total)
    elif total > LONGEST:
        cut = min(total - LONGEST, discussion.minutes - DISCUSSION_LEAST)
        items[where] = replace(discussion, minutes=discussion.minutes - max(0, cut))
    return items
