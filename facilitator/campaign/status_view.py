"""The campaign status as text lines (``campaign status``) and as JSON (``--json``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.campaign.status import CampaignStatus, UnitStatus
from facilitator.domain.vietnamese import format_short_date
from facilitator.strings import campaign as campaign_text


def status_cells(number: int, line: UnitStatus) -> tuple[str, ...]:
    """One row of the tracking table, in :data:`msg.STATUS_COLUMNS` order."""
    return (
        str(number),
        line.unit.name,
        line.unit.parent,
        campaign_text.STATE_LABELS[line.state],
        str(line.sessions) if line.received else "",
        f"{line.present}/{line.expected}" if line.received else "",
        line.participation,
        str(line.reflections) if line.received else "",
        format_short_date(line.reported_on) if line.reported_on else "",
        campaign_text.BELOW_MARK if line.below_two_thirds else "",
    )


def heading_lines(status: CampaignStatus) -> list[str]:
    campaign = status.campaign
    deadline = campaign.plan.deadline
    shown = format_short_date(deadline) if deadline else ""
    return [
        campaign_text.status_title(campaign.title, campaign.id),
        campaign_text.days_left_line(status.days_left, shown),
        campaign_text.status_summary(
            len(status.received), len(status.units), len(status.missing), len(status.late)
        ),
    ]


def status_lines(status: CampaignStatus, only: Sequence[UnitStatus] | None = None) -> list[str]:
    """The heading, then an aligned table of ``only`` (default: every unit)."""
    shown = status.units if only is None else only
    rows = [campaign_text.STATUS_COLUMNS, *(status_cells(i, u) for i, u in enumerate(shown, 1))]
    widths = [max(len(row[c]) for row in rows) for c in range(len(campaign_text.STATUS_COLUMNS))]
    table = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]  # fmt: skip
    return [*heading_lines(status), "", *(table if shown else [campaign_text.NOTHING_TO_SHOW])]


def status_json(status: CampaignStatus, only: Sequence[UnitStatus] | None = None) -> dict[str, Any]:
    """Machine-readable status for scripts (ISO dates, raw counts)."""
    deadline = status.campaign.plan.deadline
    return {
        "campaign": status.campaign.id,
        "title": status.campaign.title,
        "deadline": deadline.isoformat() if deadline else None,
        "today": status.today.isoformat(),
        "days_left": status.days_left,
        "units": [
            {
                "name": u.unit.name,
                "parent": u.unit.parent,
                "kind": str(u.unit.kind),
                "state": str(u.state),
                "files": u.files,
                "sessions": u.sessions,
                "expected": u.expected,
                "present": u.present,
                "reflections": u.reflections,
                "reported_on": u.reported_on.isoformat() if u.reported_on else None,
                "below_two_thirds": u.below_two_thirds,
            }
            for u in (status.units if only is None else only)
        ],
    }
