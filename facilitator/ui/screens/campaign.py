"""Tracking a campaign: every expected unit with its status, filters, and the days left.

Reached from the session list (c, or the palette). Several campaigns: n shows the next.
Collecting, reminders and the report stay on the command line (``facilitator campaign``),
whose commands the empty screen names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from facilitator.campaign.status import CampaignStatus, UnitStatus, campaign_status
from facilitator.campaign.status_view import heading_lines, status_cells
from facilitator.domain.errors import FacilitatorError
from facilitator.strings import campaign as campaign_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.plain import PlainScreen, plain, plain_text
from facilitator.ui.widgets.app_footer import AppFooter

if TYPE_CHECKING:
    pass

FILTERS = ("all", "missing", "late")


class CampaignScreen(PlainScreen):
    """The tracking table of one campaign at a time."""

    CSS_PATH = "../campaign.tcss"  # parsed when first opened, not at start-up

    SCOPE = "campaign"
    BINDINGS = bindings_for("campaign")

    def __init__(self) -> None:
        super().__init__()
        self.filter = "all"
        self.index = 0
        self.status: CampaignStatus | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(campaign_text.SCREEN_TITLE, classes="screen-title")
        yield Static("", id="campaign-heading")
        yield Static("", id="campaign-filter", classes="hint")
        yield DataTable(id="campaign-units", cursor_type="row", zebra_stripes=True)
        yield Static(campaign_text.SCREEN_EMPTY, id="campaign-empty", classes="hint")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*campaign_text.STATUS_COLUMNS)
        self.action_refresh()

    def _shown(self, status: CampaignStatus) -> tuple[UnitStatus, ...]:
        if self.filter == "missing":
            return status.missing
        if self.filter == "late":
            return status.late
        return status.units

    def action_refresh(self) -> None:
        """Re-read the campaigns (files collected from the command line meanwhile)."""
        table = self.query_one(DataTable)
        empty = self.query_one("#campaign-empty", Static)
        try:
            campaigns = self.facilitator.workspace.campaigns()
        except FacilitatorError as err:
            empty.update(plain(err))
            empty.display = True
            return
        table.clear()
        empty.display = not campaigns
        table.display = bool(campaigns)
        if not campaigns:
            self.status = None
            self.query_one("#campaign-heading", Static).update("")
            return
        self.index %= len(campaigns)
        status = campaign_status(campaigns[self.index], self.facilitator.clock().date())
        self.status = status
        heading = heading_lines(status)
        if len(campaigns) > 1:
            heading.append(campaign_text.campaign_of(self.index + 1, len(campaigns)))
        self.query_one("#campaign-heading", Static).update(plain("\n".join(heading)))
        shown = self._shown(status)
        self.query_one("#campaign-filter", Static).update(
            campaign_text.filter_line(
                campaign_text.FILTER_LABELS[self.filter], len(shown), len(status.units)
            )
        )
        for number, line in enumerate(shown, 1):
            table.add_row(*map(plain_text, status_cells(number, line)), key=line.unit.name)
        table.focus()

    def _filter(self, name: str) -> None:
        self.filter = name
        self.action_refresh()

    def action_missing(self) -> None:
        """Only the units that have not reported."""
        self._filter("missing")

    def action_late(self) -> None:
        """Only the units late or overdue."""
        self._filter("late")

    def action_all(self) -> None:
        """Every expected unit."""
        self._filter("all")

    def action_next(self) -> None:
        """The next campaign."""
        self.index += 1
        self.action_refresh()

    def action_back(self) -> None:
        """Back to the session list."""
        self.dismiss()
