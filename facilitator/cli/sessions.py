"""``facilitator sessions``: the stored sessions, newest first, and any unreadable ones."""

from __future__ import annotations

from datetime import datetime

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from facilitator.cli.context import get_store, handle_errors
from facilitator.domain.vietnamese import clean_line
from facilitator.storage.store import SessionListing
from facilitator.strings import cli as msg


def _day(value: str) -> str:
    """ "2024-05-10T07:30+07:00" -> "10/05/2024 07:30" (the summary's own text if odd)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return clean_line(value)
    return moment.strftime("%d/%m/%Y %H:%M")


def sessions_table(listing: SessionListing) -> Table:
    """The session list as a Rich table."""
    table = Table(title=msg.SESSIONS_TITLE)
    for column in (msg.COL_DATE, msg.COL_UNIT, msg.COL_TITLE, msg.COL_STATUS):
        table.add_column(column)
    table.add_column(msg.COL_PRESENT, justify="right")
    table.add_column(msg.COL_ID)
    for summary in listing.sessions:
        table.add_row(
            _day(summary.date),
            Text(clean_line(summary.unit)),
            Text(clean_line(summary.title)),
            msg.STATUS_LABELS.get(summary.status, summary.status),
            f"{summary.present}/{summary.total}",
            Text(summary.id),
        )
    return table


@click.command("sessions", help=msg.SESSIONS_HELP)
@click.pass_context
@handle_errors
def sessions_command(ctx: click.Context) -> None:
    """List the stored sessions; unreadable ones are reported after the table."""
    store = get_store(ctx)
    listing = store.list_sessions()
    console = Console(highlight=False)
    if listing.sessions:
        console.print(sessions_table(listing))
    else:
        console.print(Text(msg.NO_SESSIONS.format(folder=store.root)))
    if listing.problems:
        console.print(Text(msg.unreadable_sessions(len(listing.problems)), style="red"))
        for problem in listing.problems:
            console.print(Text(f"  - {problem}", style="red"))
