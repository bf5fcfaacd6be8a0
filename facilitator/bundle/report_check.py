"""Validation of report bundles (``facilitator.report/1``): every problem with its JSON
path, the totals checked against the rows' sums (never trusted from the file)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from facilitator.bundle.checker import Checker, Obj, TooMany
from facilitator.bundle.report_bundle import (
    _DAY_RE,
    COUNT_FIELDS,
    NARRATIVE_KEYS,
    RAISED_KINDS,
    REPORT_FORMAT,
    REPORT_ID_RE,
    _count_items,
)
from facilitator.bundle.validate import validate_session
from facilitator.domain.errors import Problem
from facilitator.domain.models import PROFILES
from facilitator.strings import bundle as bundle_text
from facilitator.strings import campaign as campaign_text


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
        check.add("$", campaign_text.REPORT_ROOT_NOT_OBJECT)
        return
    if data.get("format") != REPORT_FORMAT:
        check.add("$.format", campaign_text.report_format(str(data.get("format"))[:40]))
        return
    report_id = check.string(data, "id", "$")
    if report_id is not None and not REPORT_ID_RE.fullmatch(report_id):
        check.add("$.id", bundle_text.BAD_SESSION_ID)
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
            check.add(f"$.dates[{index}]", campaign_text.BAD_DAY)
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
        check.add(f"{base}.{key}", campaign_text.BAD_DAY)


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
            check.add(f"{where}.{key}", campaign_text.FIGURE_RULES[key])
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
            check.add(
                f"$.totals.{name}", campaign_text.total_disagrees(totals[name], expected_count)
            )
    summed: dict[str, int] = {}
    for row in rows:
        for key, count in row["grades"].items():
            summed[str(key)] = summed.get(str(key), 0) + int(count)
    given = {k: v for k, v in totals["grades"].items() if v}
    expected = {k: v for k, v in summed.items() if v}
    if given != expected:
        check.add("$.totals.grades", campaign_text.grades_disagree(json.dumps(expected)))
