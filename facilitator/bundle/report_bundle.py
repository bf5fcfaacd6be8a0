"""Report bundles (``facilitator.report/1``): what a unit sends upward instead of its sessions.

A report bundle carries counts and the unit's narrative, never a member's name, an
absence reason or a note, unless the user chose to attach session bundles
(``sessions``). Its ``totals`` are derived from its ``rows``: a file whose totals disagree
is refused, with the JSON path of every figure that does not add up. Spec:
``docs/report-bundle.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cached_property
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from facilitator.bundle.checker import Obj
from facilitator.domain.errors import InputError
from facilitator.domain.models import Json, Unit
from facilitator.domain.vietnamese import clean_line
from facilitator.storage.output_file import write_output
from facilitator.strings import campaign as campaign_text

REPORT_FORMAT = "facilitator.report/1"
REPORT_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")
RAISED_KINDS = ("opinion", "question", "proposal")
NARRATIVE_KEYS = ("strengths", "weaknesses", "proposals")
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Figures:
    """One statistics row (a unit below) or the totals: counts only."""

    unit: str = ""
    sessions: int = 0
    makeup_sessions: int = 0
    total: int = 0
    official: int = 0
    probationary: int = 0
    exempt: int = 0
    expected: int = 0
    present: int = 0
    excused: int = 0
    unexcused: int = 0
    makeup: int = 0
    non_members: int = 0
    reflections: int = 0
    ungraded: int = 0
    below_quorum: int = 0
    unmarked: int = 0
    grades: tuple[tuple[str, int], ...] = ()
    """(grade key, count) in the order of the writer's grade labels."""

    def to_dict(self, *, with_unit: bool = True) -> Json:
        data: Json = {"unit": self.unit} if with_unit else {}
        data |= {name: getattr(self, name) for name in COUNT_FIELDS}
        return data | {"grades": dict(self.grades)}

    @classmethod
    def from_dict(cls, data: Obj) -> Figures:
        counts = dict(zip(COUNT_FIELDS, map(int, _count_items(data)), strict=True))
        grades = tuple((str(k), int(v)) for k, v in data["grades"].items())
        return cls(unit=str(data.get("unit", "")), grades=grades, **counts)

    @classmethod
    def sum(cls, rows: Iterable[Figures]) -> Figures:
        """The totals of ``rows`` (grades summed by key, first-seen order)."""
        rows = list(rows)
        # Column sums over attribute tuples: a district folds thousands of rows.
        columns = zip(*map(_count_attrs, rows), strict=True) if rows else ()
        counts: dict[str, Any] = dict(zip(COUNT_FIELDS, map(sum, columns), strict=False))
        grades: dict[str, int] = {}
        for row in rows:
            for key, count in row.grades:
                grades[key] = grades.get(key, 0) + count
        return cls(grades=tuple(grades.items()), **counts)


COUNT_FIELDS = tuple(f.name for f in fields(Figures) if f.name not in ("unit", "grades"))
_count_attrs = attrgetter(*COUNT_FIELDS)
_count_items = itemgetter(*COUNT_FIELDS)


@dataclass(frozen=True)
class CampaignRef:
    """The plan the report answers (kế hoạch số …, ngày …, của …, hạn báo cáo)."""

    id: str = ""
    title: str = ""
    number: str = ""
    issued_on: date | None = None
    issuer: str = ""
    deadline: date | None = None

    def to_dict(self) -> Json:
        return {
            "id": self.id,
            "title": self.title,
            "number": self.number,
            "date": _day_text(self.issued_on),
            "issuer": self.issuer,
            "deadline": _day_text(self.deadline),
        }

    @classmethod
    def from_dict(cls, data: Obj) -> CampaignRef:
        return cls(
            id=data.get("id") or "",
            title=data.get("title") or "",
            number=data.get("number") or "",
            issued_on=_day(data.get("date")),
            issuer=data.get("issuer") or "",
            deadline=_day(data.get("deadline")),
        )


@dataclass(frozen=True)
class ReportBundle:
    """A unit's report as data: its rows, derived totals and narrative, no personal data."""

    id: str
    unit: Unit
    issued_on: date
    subject: str
    rows: tuple[Figures, ...]
    period: tuple[date, date] | None = None
    campaign: CampaignRef | None = None
    dates: tuple[date, ...] = ()
    sources: tuple[str, ...] = ()
    raised: tuple[tuple[str, int], ...] = ()
    narrative: tuple[tuple[str, tuple[str, ...]], ...] = ()
    missing: tuple[str, ...] = ()
    sessions: tuple[Json, ...] = field(default=(), repr=False)
    """Session bundles attached on purpose (they carry names); never counted again."""

    @cached_property
    def totals(self) -> Figures:
        """Derived from the rows, never read from a file."""
        return Figures.sum(self.rows)

    def slim(self) -> ReportBundle:
        """What the level above folds: the totals as one row, no attachments (cheap to
        send between processes; the totals are the same)."""
        totals = self.totals
        slim = replace(self, rows=(replace(totals, unit=clean_line(self.unit.name)),), sessions=())
        # Same figures as summing that one row; kept so the reader does not sum again.
        slim.__dict__["totals"] = totals
        return slim

    def narrative_parts(self, keys: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        """The narrative lines of each part, in ``keys`` order."""
        parts = dict(self.narrative)
        return tuple(parts.get(key, ()) for key in keys)

    def to_dict(self) -> Json:
        data: Json = {
            "format": REPORT_FORMAT,
            "id": self.id,
            "unit": self.unit.to_dict(),
            "issued_on": self.issued_on.isoformat(),
            "subject": self.subject,
            "period": {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()}
            if self.period
            else None,
            "campaign": self.campaign.to_dict() if self.campaign else None,
            "rows": [row.to_dict() for row in self.rows],
            "totals": self.totals.to_dict(with_unit=False),
            "dates": [d.isoformat() for d in self.dates],
            "sources": list(self.sources),
            "raised": dict(self.raised),
            "narrative": {key: list(lines) for key, lines in self.narrative},
            "missing": list(self.missing),
        }
        if self.sessions:
            data["sessions"] = list(self.sessions)
        return data

    @classmethod
    def from_dict(cls, data: Obj, *, slim: bool = False) -> ReportBundle:
        """Inverse of :meth:`to_dict`; expects data :func:`validate_report` accepted.

        ``slim``: build :meth:`slim`'s form at once — the file's totals as the one row
        (validation has just proved they equal the rows' sums), no attachments.
        """
        period = data.get("period")
        campaign = data.get("campaign")
        unit = Unit.from_dict(data["unit"])
        rows: tuple[Figures, ...]
        if slim:
            rows = (Figures.from_dict(data["totals"] | {"unit": clean_line(unit.name)}),)
        else:
            rows = tuple(Figures.from_dict(row) for row in data["rows"])
        return cls(
            id=data["id"],
            unit=unit,
            issued_on=date.fromisoformat(data["issued_on"]),
            subject=data.get("subject", ""),
            rows=rows,
            period=(date.fromisoformat(period["from"]), date.fromisoformat(period["to"]))
            if period
            else None,
            campaign=CampaignRef.from_dict(campaign) if campaign else None,
            dates=tuple(date.fromisoformat(d) for d in data.get("dates", ())),
            sources=tuple(data.get("sources", ())),
            raised=tuple((k, int(v)) for k, v in (data.get("raised") or {}).items()),
            narrative=tuple(
                (key, tuple(lines)) for key, lines in (data.get("narrative") or {}).items()
            ),
            missing=tuple(data.get("missing", ())),
            sessions=() if slim else tuple(data.get("sessions", ())),
        )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _day_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- validation ------------------------------------------------------------------------------


def is_report(data: Any) -> bool:
    """Whether parsed JSON claims to be a report bundle (any version)."""
    found = data.get("format") if isinstance(data, dict) else None
    return isinstance(found, str) and found.startswith("facilitator.report/")


# --- files -----------------------------------------------------------------------------------


def report_from_data(data: Any, path: Path | str, *, slim: bool = False) -> ReportBundle:
    """Validate report-shaped data and build the bundle (``slim``: as
    :meth:`ReportBundle.slim` gives it); every problem in one InputError."""
    from facilitator.bundle.report_check import validate_report

    problems = validate_report(data)
    if problems:
        raise InputError(campaign_text.report_invalid(path), problems)
    return ReportBundle.from_dict(data, slim=slim)


def report_bytes(bundle: ReportBundle) -> bytes:
    """UTF-8 JSON, readable indentation, trailing newline."""
    text = json.dumps(bundle.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)
    return (unicodedata.normalize("NFC", text) + "\n").encode("utf-8")


def write_report_bundle(bundle: ReportBundle, path: Path | str, *, overwrite: bool) -> Path:
    """Write one report bundle through the single writer of user files (atomic)."""
    return write_output(Path(path), report_bytes(bundle), overwrite=overwrite)


def read_report_bundle(path: Path | str) -> ReportBundle:
    """Read, normalise and validate one report bundle file.

    Raises:
        InputError: naming the file, with every problem and its JSON path.
    """
    from facilitator.bundle.io import MAX_BUNDLE_BYTES, parse_bundle_bytes
    from facilitator.userfiles import read_capped

    path = Path(path)
    raw = read_capped(path, MAX_BUNDLE_BYTES, campaign_text.REPORT_KIND)
    return report_from_data(parse_bundle_bytes(raw, path), path)
