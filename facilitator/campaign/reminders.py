"""The reminder list sent down: the units still missing, with their superior body.

CSV (UTF-8 with BOM, for Excel) when the file name ends in ``.csv``, else Markdown.
"""

from __future__ import annotations

import csv
import io

from facilitator.campaign.status import CampaignStatus
from facilitator.domain.vietnamese import format_date
from facilitator.export.csv_writer import neutralise_cell
from facilitator.strings import campaign as campaign_text


def reminder_rows(status: CampaignStatus) -> list[tuple[str, str, str]]:
    """(TT, đơn vị, cấp trên) of every unit that has not reported."""
    return [(str(i), u.unit.name, u.unit.parent) for i, u in enumerate(status.missing, 1)]


def render_reminders(status: CampaignStatus, *, as_csv: bool) -> bytes:
    """The reminder list of ``status``, ready to write."""
    rows = reminder_rows(status)
    if as_csv:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows(
            [[neutralise_cell(c) for c in row] for row in [campaign_text.REMINDER_HEADER, *rows]]
        )
        return buffer.getvalue().encode("utf-8-sig")
    plan = status.campaign.plan
    deadline = format_date(plan.deadline) if plan.deadline else campaign_text.NO_DEADLINE
    lines = [
        f"# {campaign_text.REMINDER_TITLE}",
        "",
        campaign_text.reminder_intro(status.campaign.title, plan.number, deadline, len(rows)),
        "",
        "| " + " | ".join(campaign_text.REMINDER_HEADER) + " |",
        "|---:|---|---|",
        *(f"| {n} | {_md(name)} | {_md(parent)} |" for n, name, parent in rows),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")
