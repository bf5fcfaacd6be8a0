"""``facilitator sessions``: the stored sessions, newest first, and any unreadable ones."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from facilitator.cli.context import get_store, handle_errors
from facilitator.domain.vietnamese import clean_line
from facilitator.storage.store import SessionListing
from facilitator.strings import cli as msg
from facilitator.strings.config import DATA_FOLDER


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
    # The id is what `export` takes: never folded or cut, whatever the width.
    table.add_column(
        msg.COL_ID,
        no_wrap=True,
        overflow="ignore",
        min_width=max((len(s.id) for s in listing.sessions), default=0),
    )
    for summary in listing.sessions:
        table.add_row(
            _day(summary.date),
            Text(clean_line(summary.unit)),
            Text(clean_line(summary.title)),
            msg.STATUS_LABELS.get(summary.status, summary.status),
            f"{summary.present}/{summary.expected}",
            Text(summary.id),
        )
    return table


def listing_json(listing: SessionListing, folder: Path) -> str:
    """The listing for scripts: every field, full ids, problems, and the data folder."""
    return json.dumps(
        {
            "data_dir": str(folder),
            "sessions": [asdict(s) for s in listing.sessions],
            "problems": [{"where": p.where, "message": p.message} for p in listing.problems],
        },
        ensure_ascii=False,
        indent=2,
    )


@click.command("sessions", help=msg.SESSIONS_HELP)
@click.option("--json", "as_json", is_flag=True, help=msg.SESSIONS_JSON_HELP)
@click.pass_context
@handle_errors
def sessions_command(ctx: click.Context, as_json: bool) -> None:
    """List the stored sessions; unreadable ones are reported after the table."""
    store = get_store(ctx, create=False)
    listing = store.list_sessions()
    if as_json:
        click.echo(listing_json(listing, store.root))
        return
    console = Console(highlight=False)
    console.print(Text(DATA_FOLDER.format(path=store.root), style="dim"))
    if listing.sessions:
        console.print(sessions_table(listing))
    else:
        console.print(Text(msg.NO_SESSIONS.format(folder=store.root)))
    if listing.problems:
        console.print(Text(msg.unreadable_sessions(len(listing.problems)), style="red"))
        for problem in listing.problems:
            console.print(Text(f"  - {problem}", style="red"))
