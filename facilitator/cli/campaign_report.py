"""The report of a campaign's level: every collected bundle, the level's own sessions, and
the list of expected units that did not report, in any report format or as a bundle."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path

from facilitator.bundle.report_bundle import CampaignRef
from facilitator.campaign.model import Campaign
from facilitator.campaign.status import CampaignStatus
from facilitator.campaign.storage import CampaignStore
from facilitator.cli.report_run import attachments, own_sessions, unit_for
from facilitator.domain.models import Unit
from facilitator.domain.vietnamese import clean_line, fold
from facilitator.export.report_inputs import iter_reduced
from facilitator.export.report_tally import ReportInput, SessionFigures
from facilitator.export.settings import DocSettings
from facilitator.storage.store import Store


def missing_names(status: CampaignStatus) -> list[str]:
    """Units that did not report; the superior body is named when it is not this level."""
    level = fold(status.campaign.unit)
    return [
        f"{u.unit.name} ({u.unit.parent})" if u.unit.parent and fold(u.unit.parent) != level
        else u.unit.name
        for u in status.missing
    ]  # fmt: skip


def _as_expected(campaign: Campaign, files: list[Path]) -> Iterator[ReportInput]:
    """The collected files, each under the name its unit has in the list of units (a
    bundle written "chi bo thon 1" is reported as "Chi bộ Thôn 1")."""
    for receipt, item in zip(campaign.receipts, iter_reduced(files), strict=True):
        unit = campaign.unit_of(receipt)
        if unit is None:
            yield item
        elif isinstance(item, SessionFigures):
            name, parent = clean_line(unit.name), clean_line(unit.parent)
            key = (fold(name), fold(parent))
            yield replace(item, unit_name=name, unit_parent=parent, unit_key=key)
        else:
            renamed = Unit(unit.name, unit.parent, unit.abbrev or item.unit.abbrev)
            yield replace(item, unit=renamed)


def write_campaign_report(
    store: Store,
    campaigns: CampaignStore,
    status: CampaignStatus,
    fmt: str,
    target: Path,
    *,
    title: str | None,
    attach: bool,
    settings: DocSettings,
    overwrite: bool,
) -> Path:
    """Write the level's report (``fmt`` as ``facilitator report``); returns the file."""
    campaign = status.campaign
    folder = campaigns.bundles_dir(campaign.id)
    files = [folder / r.file for r in campaign.receipts]
    items = chain(own_sessions(store, campaign.unit, []), _as_expected(campaign, files))
    unit = unit_for(store, campaign.unit)
    missing = missing_names(status)
    title = title or campaign.title
    if fmt == "bundle":
        from facilitator.export.report_upward import export_report_bundle

        plan = campaign.plan
        ref = CampaignRef(
            campaign.id, campaign.title, plan.number, plan.issued_on, plan.issuer, plan.deadline
        )
        path, _ = export_report_bundle(
            items, target, overwrite=overwrite, unit=unit, title=title, settings=settings,
            campaign=ref, missing=missing,
            attach=attachments(store, campaign.unit, files) if attach else [],
        )  # fmt: skip
        return path
    from facilitator.export import export_report

    return export_report(
        items, fmt, target, unit=unit, title=title, overwrite=overwrite, settings=settings,
        missing=missing,
    )  # fmt: skip
