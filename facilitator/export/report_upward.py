"""A unit's report as a report bundle (``facilitator.report/1``) for the level above.

The bundle is built from the same tallies as the printed report, so the commune's
report bundle carries exactly the rows and totals of the commune's report; the
district folds those totals as one unit (``Collector.add_report``), and so on upward.
Nothing personal is copied: no names (members, presenters, signer), no absence reasons,
no notes; only counts, the unit names of the rows, sources, dates and the narrative.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from facilitator.bundle.report_bundle import (
    COUNT_FIELDS,
    RAISED_KINDS,
    CampaignRef,
    Figures,
    ReportBundle,
    write_report_bundle,
)
from facilitator.domain.models import Json, Unit
from facilitator.domain.vietnamese import clean_line, collation_key, format_date, slugify
from facilitator.export.report_tally import NARRATIVE_KEYS, ReportInput, Tally, collect
from facilitator.export.settings import DocSettings
from facilitator.export.wording import report as report_wording


def figures_of(tally: Tally) -> Figures:
    """One row of a report bundle: the unit's tally, counts only (same field names)."""
    counts = {name: getattr(tally, name) for name in COUNT_FIELDS}
    grades = tuple(zip(tally.grade_keys, tally.grades, strict=True))
    return Figures(unit=tally.name, grades=grades, **counts)


def build_report_bundle(
    items: Iterable[ReportInput],
    *,
    unit: Unit,
    settings: DocSettings | None = None,
    title: str | None = None,
    period: tuple[date, date] | None = None,
    campaign: CampaignRef | None = None,
    missing: Iterable[str] = (),
    issued_on: date | None = None,
    attach: Sequence[Json] = (),
) -> ReportBundle:
    """Aggregate ``items`` as :func:`build_report` does, as data for the level above.

    ``attach``: session bundles the user chose to send with the report (they carry
    names, reasons and notes); they ride along and are never counted again above.
    """
    settings = settings or DocSettings()
    collector = collect(items, unit=unit, settings=settings, period=period)
    tallies = sorted(collector.tallies.values(), key=lambda t: collation_key(t.name))
    day = issued_on or date.today()
    subject = clean_line(title or "") or report_wording.DEFAULT_REPORT_SUBJECT + (
        report_wording.report_period(format_date(period[0]), format_date(period[1]))
        if period
        else ""
    )
    tail = campaign.id if campaign and campaign.id else day.isoformat()
    return ReportBundle(
        id=f"bc-{slugify(unit.name, max_length=80)}-{slugify(tail, max_length=36)}",
        unit=unit,
        issued_on=day,
        subject=subject,
        rows=tuple(figures_of(t) for t in tallies),
        period=period,
        campaign=campaign,
        dates=tuple(sorted(collector.dates)),
        sources=tuple(collector.sources),
        raised=tuple((kind, collector.raised_counts.get(kind, 0)) for kind in RAISED_KINDS),
        narrative=tuple(
            (part, tuple(collector.narrative.get(part, {}))) for part in NARRATIVE_KEYS
        ),
        missing=tuple(missing),
        sessions=tuple(attach),
    )


def export_report_bundle(
    items: Iterable[ReportInput], path: Path | str, *, overwrite: bool = False, **options: object
) -> tuple[Path, ReportBundle]:
    """Build the report bundle (options as :func:`build_report_bundle`) and write it."""
    bundle = build_report_bundle(items, **options)  # type: ignore[arg-type]
    target = Path(path)
    if target.is_dir():
        target = target / f"{bundle.id}.json"
    return write_report_bundle(bundle, target, overwrite=overwrite), bundle
