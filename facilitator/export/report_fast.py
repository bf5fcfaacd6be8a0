"""A session's report figures straight from its plainly valid bundle data (no ``Session``).

Building the frozen models costs more than everything else the report does with a
bundle; for data :func:`~facilitator.bundle.fast_check.quick_check` accepted, the same
:class:`SessionFigures` are read from the dicts. The tests hold this equal to
``SessionFigures.of(Session.from_dict(data))`` on varied bundles.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from facilitator.bundle.fast_check import QuickCounts
from facilitator.domain.membership import QUORUM
from facilitator.domain.models import Unit
from facilitator.domain.vietnamese import clean_line, fold
from facilitator.export.report_tally import (
    NARRATIVE_KEYS,
    SessionFigures,
    chair_signer,
    discussed_notes,
    kind_counts,
    narrative_lines,
    raised_examples,
)

# Names, units and sources recur in every session of a unit: each is cleaned once.
_fold = lru_cache(maxsize=1 << 16)(fold)
_line = lru_cache(maxsize=1 << 14)(clean_line)
_signer = lru_cache(maxsize=1 << 12)(chair_signer)  # a unit's chair chairs every session


def figures_from_data(data: dict[str, Any], c: QuickCounts) -> SessionFigures:
    """The figures :meth:`SessionFigures.of` gives, from checked bundle data."""
    unit = data["unit"]
    makeup = data.get("makeup") is True
    people = data["people"]
    roles = data["roles"]
    presenter_ids = set(roles.get("presenters", ()))
    presenter_ids.update(i["presenter"] for i in data["agenda"] if i.get("presenter"))
    chair = next((p for p in people if p["id"] == roles.get("chair")), None)
    discussed = discussed_notes(
        ((n["item"], n["kind"], n["text"]) for n in data["notes"]),
        {i["id"]: i.get("kind", "presentation") for i in data["agenda"]},
    )
    narrative = data.get("narrative") or {}
    return SessionFigures(
        id=data["id"],
        status=data["status"],
        started_at=c.started_at,
        content_id=data["content"]["id"],
        unit_key=(_fold(unit["name"]), _fold(unit.get("parent", ""))),
        unit_name=_line(unit["name"]),
        unit_parent=_line(unit.get("parent", "")),
        makeup=makeup,
        total=c.total,
        official=c.official,
        probationary=c.total - c.official,
        exempt=c.exempt,
        expected=c.expected,
        present=c.present,
        excused=len(c.excused),
        unexcused=len(c.unexcused),
        below_quorum=c.expected > 0 and c.present < QUORUM * c.expected,
        unmarked=c.unmarked,
        non_members=c.non_members,
        absent_keys=tuple(sorted(_fold(p["name"]) for p in (*c.excused, *c.unexcused))),
        makeup_keys=tuple(
            sorted(_fold(p["name"]) for i, p in c.members.items() if i in c.present_ids)
        )
        if makeup
        else (),
        reflection_grades=tuple(
            r.get("grade")
            for r in data.get("reflections", ())
            if r.get("submitted", False)
            and r["person"] in c.members
            and r["person"] in c.present_ids
        ),
        sources=tuple(_line(source) for source in data["content"]["sources"]),
        presenters=tuple(
            (_line(p["name"]), _line(p.get("position") or ""))
            for p in people
            if p["id"] in presenter_ids
        ),
        raised=raised_examples(discussed),
        raised_counts=kind_counts(kind for kind, _ in discussed),
        narrative=tuple(narrative_lines(narrative.get(part, "")) for part in NARRATIVE_KEYS),
        chair=_signer(chair["name"], chair.get("position") or "", Unit(unit["name"]))
        if chair
        else None,
    )
