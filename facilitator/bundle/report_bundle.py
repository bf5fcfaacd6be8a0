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

from facilitator.bundle.checker import Checker, Obj, TooMany
from facilitator.bundle.validate import validate_session
from facilitator.domain.errors import InputError, Problem
from facilitator.domain.models import PROFILES, Json, Unit
from facilitator.domain.vietnamese import clean_line
from facilitator.storage.output_file import write_output
from facilitator.strings import bundle as bundle_msg
from facilitator.strings import campaign as msg

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


def validate_report(data: Any) -> list[Problem]:
    """Every problem of a report bundle, each located by its JSON path."""
    check = Checker()
    try:
        _check_report(check, data)
    except TooMany:
        return check.result(stopped=True)
    return check.result()


def _check_report(check: Checker, data: Any) -> None:
    if not isinstance(data, dict):
        check.add("$", msg.REPORT_ROOT_NOT_OBJECT)
        return
    if data.get("format") != REPORT_FORMAT:
        check.add("$.format", msg.report_format(str(data.get("format"))[:40]))
        return
    report_id = check.string(data, "id", "$")
    if report_id is not None and not REPORT_ID_RE.fullmatch(report_id):
        check.add("$.id", bundle_msg.BAD_SESSION_ID)
    unit = check.obj(data, "unit", "$")
    if unit is not None:
        check.string(unit, "name", "$.unit", non_empty=True)
        for key in ("parent", "abbrev", "locality"):
            check.string(unit, key, "$.unit", required=False)
        check.choice(unit, "profile", "$.unit", PROFILES, required=False)
    _check_day(check, data, "issued_on", "$")
    check.string(data, "subject", "$")
    period = check.obj(data, "period", "$", required=False)
    if period is not None:
        _check_day(check, period, "from", "$.period")
        _check_day(check, period, "to", "$.period")
    campaign = check.obj(data, "campaign", "$", required=False)
    if campaign is not None:
        for key in ("id", "title", "number", "issuer"):
            check.string(campaign, key, "$.campaign", required=False, nullable=True)
        for key in ("date", "deadline"):
            _check_day(check, campaign, key, "$.campaign", required=False)
    rows = [
        (where, row, _check_figures(check, row, where, with_unit=True))
        for where, row in check.objects(data, "rows", "$")
    ]
    totals = check.obj(data, "totals", "$")
    sound = totals is not None and _check_figures(check, totals, "$.totals", with_unit=False)
    if totals is not None and sound and all(ok for _, _, ok in rows):
        _check_totals(check, totals, [row for _, row, _ in rows])
    for index, value in enumerate(check.array(data, "dates", "$", required=False)):
        if not (isinstance(value, str) and _DAY_RE.fullmatch(value) and _day_ok(value)):
            check.add(f"$.dates[{index}]", msg.BAD_DAY)
    check.string_list(data, "sources", "$", required=False)
    check.string_list(data, "missing", "$", required=False)
    raised = check.obj(data, "raised", "$", required=False)
    if raised is not None:
        for key in RAISED_KINDS:
            check.integer(raised, key, "$.raised", required=False)
    narrative = check.obj(data, "narrative", "$", required=False)
    if narrative is not None:
        for key in NARRATIVE_KEYS:
            check.string_list(narrative, key, "$.narrative", required=False)
    for index, session in enumerate(check.array(data, "sessions", "$", required=False)):
        where = f"$.sessions[{index}]"
        for problem in validate_session(session, foreign=True):
            check.add(where + problem.where.removeprefix("$"), problem.message)


def _check_day(check: Checker, obj: Obj, key: str, base: str, *, required: bool = True) -> None:
    value = check.string(obj, key, base, required=required, nullable=not required)
    if value is not None and not (_DAY_RE.fullmatch(value) and _day_ok(value)):
        check.add(f"{base}.{key}", msg.BAD_DAY)


def _day_ok(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_figures(check: Checker, row: Obj, where: str, *, with_unit: bool) -> bool:
    """Types and the arithmetic inside one row; whether the row can be summed."""
    before = check.count
    if with_unit:
        check.string(row, "unit", where, non_empty=True)
    plain = _plain_counts(row)
    if plain is not None:  # the common, well-typed row: no per-field checks to report
        values: dict[str, int | None] = dict(plain[0])
        graded = plain[1]
    else:
        values = {name: check.integer(row, name, where) for name in COUNT_FIELDS}
        grades = check.obj(row, "grades", where)
        graded = 0
        if grades is not None:
            for key in grades:
                graded += check.integer(grades, key, f"{where}.grades") or 0
    if check.count > before or not with_unit:
        # The totals' arithmetic follows from the rows': only their sums are compared.
        return check.count == before
    v: dict[str, int] = {k: n or 0 for k, n in values.items()}
    rules = (
        ("expected", v["present"] + v["excused"] + v["unexcused"] + v["unmarked"] == v["expected"]),
        ("total", v["official"] + v["probationary"] == v["total"]),
        ("exempt", v["exempt"] <= v["total"]),
        ("makeup_sessions", v["makeup_sessions"] <= v["sessions"]),
        ("makeup", v["makeup"] <= v["excused"] + v["unexcused"]),
        ("reflections", graded + v["ungraded"] == v["reflections"]),
        ("below_quorum", v["below_quorum"] <= v["sessions"]),
    )
    for key, holds in rules:
        if not holds:
            check.add(f"{where}.{key}", msg.FIGURE_RULES[key])
    return check.count == before


def _plain_counts(row: Obj) -> tuple[dict[str, int], int] | None:
    """The row's counts and graded total when every one is a non-negative int (``bool``
    excluded), else ``None`` so the checker reports each bad value with its path.

    A district reads thousands of rows; checking each field through the checker was most
    of the time spent on report bundles.
    """
    try:
        counts = _count_items(row)
    except KeyError:
        return None
    # Type checks over the whole tuple at C speed; exact ``int`` so ``True`` is refused.
    if set(map(type, counts)) != {int} or min(counts) < 0:
        return None
    grades = row.get("grades")
    if type(grades) is not dict:
        return None
    marks = tuple(grades.values())
    if marks and (set(map(type, marks)) != {int} or min(marks) < 0):
        return None
    return dict(zip(COUNT_FIELDS, counts, strict=True)), sum(marks)


def _check_totals(check: Checker, totals: Obj, rows: list[Obj]) -> None:
    """The totals against the sums of the (already checked) rows, field by field."""
    columns = zip(*map(_count_items, rows), strict=True) if rows else ()
    derived = dict(zip(COUNT_FIELDS, map(sum, columns), strict=False))
    for name in COUNT_FIELDS:
        expected_count = derived.get(name, 0)
        if totals[name] != expected_count:
            check.add(f"$.totals.{name}", msg.total_disagrees(totals[name], expected_count))
    summed: dict[str, int] = {}
    for row in rows:
        for key, count in row["grades"].items():
            summed[str(key)] = summed.get(str(key), 0) + int(count)
    given = {k: v for k, v in totals["grades"].items() if v}
    expected = {k: v for k, v in summed.items() if v}
    if given != expected:
        check.add("$.totals.grades", msg.grades_disagree(json.dumps(expected)))


# --- files -----------------------------------------------------------------------------------


def report_from_data(data: Any, path: Path | str, *, slim: bool = False) -> ReportBundle:
    """Validate report-shaped data and build the bundle (``slim``: as
    :meth:`ReportBundle.slim` gives it); every problem in one InputError."""
    problems = validate_report(data)
    if problems:
        raise InputError(msg.report_invalid(path), problems)
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
    raw = read_capped(path, MAX_BUNDLE_BYTES, msg.REPORT_KIND)
    return report_from_data(parse_bundle_bytes(raw, path), path)
