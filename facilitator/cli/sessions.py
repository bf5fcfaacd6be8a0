"""``facilitator sessions``: the stored sessions, newest first, and any unreadable ones."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from facilitator.cli.context import get_store, handle_errors
from facilitator.domain.vietnamese import clean_line
from facilitator.storage.store import SessionListing
from facilitator.strings import cli as cli_text
from facilitator.strings.config import DATA_FOLDER


def _day(value: str) -> str:
    """ "2024-05-10T07:30+07:00" -> "10/05/2024 07:30" (the summary's own text if odd)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return clean_line(value)
    return moment.strftime("%d/%m/%Y %H:%M")


def _line(value: str) -> Text:
    """A cell cut with "…" rather than wrapped: the column still yields room to the id."""
    return Text(clean_line(value), no_wrap=True, overflow="ellipsis")


RECENT = 30
"""Sessions listed without ``--all``: a district's store holds thousands."""


def sessions_table(listing: SessionListing, limit: int | None = None) -> Table:
    """The session list as a Rich table (the ``limit`` newest ones when given).

    One line a session: cells that do not fit end in "…" rather than wrap, which is
    easier to read and ~10x cheaper for Rich with a thousand rows (issue 13).
    """
    shown = listing.sessions[:limit]
    # No vertical rules: at 80 columns every character goes to the text.
    table = Table(title=cli_text.SESSIONS_TITLE, box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column(cli_text.COL_DATE, no_wrap=True)
    # Cells are one line each (_line): unit and title share what the others leave.
    table.add_column(cli_text.COL_UNIT, ratio=2)
    table.add_column(cli_text.COL_TITLE, ratio=3)
    table.add_column(cli_text.COL_STATUS, no_wrap=True)
    table.add_column(cli_text.COL_PRESENT, justify="right", no_wrap=True)
    # The id is what `export` takes: never folded or cut, whatever the width.
    table.add_column(
        cli_text.COL_ID,
        no_wrap=True,
        overflow="ignore",
        min_width=max((len(s.id) for s in shown), default=0),
    )
    for summary in shown:
        table.add_row(
            _day(summary.date),
            _line(summary.unit),
            _line(summary.title),
            _line(cli_text.STATUS_LABELS.get(summary.status, summary.status)),
            f"{summary.present}/{summary.expected}",
            Text(summary.id),
        )
    return table


WIDE = 110
"""Below this many columns the table cannot hold a title: two lines a session instead."""


def compact_lines(listing: SessionListing, limit: int | None = None) -> list[Text]:
    """The list for a narrow terminal: the facts and the full id on one line, the unit
    and title under it (cut with "…" at the console's edge, never wrapped)."""
    shown = listing.sessions[:limit]
    id_width = max((len(s.id) for s in shown), default=0)
    heading = (
        f"{cli_text.COL_DATE:<16}  {cli_text.COL_ID:<{id_width}}  "
        f"{cli_text.COL_PRESENT}  {cli_text.COL_STATUS}"
    )
    lines = [
        Text(cli_text.SESSIONS_TITLE, style="bold"),
        Text(heading, style="bold", no_wrap=True, overflow="ellipsis"),
    ]
    for summary in shown:
        status = cli_text.STATUS_LABELS.get(summary.status, summary.status)
        present = f"{summary.present}/{summary.expected}"
        facts = f"{_day(summary.date):<16}  {summary.id:<{id_width}}  {present:>14}  {status}"
        lines.append(Text(facts, no_wrap=True, overflow="ignore"))
        about = f"  {clean_line(summary.unit)} · {clean_line(summary.title)}"
        lines.append(Text(about, style="dim", no_wrap=True, overflow="ellipsis"))
    return lines


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


@click.command("sessions", help=cli_text.SESSIONS_HELP.format(recent=RECENT))
@click.option("--all", "show_all", is_flag=True, help=cli_text.SESSIONS_ALL_HELP)
@click.option("--json", "as_json", is_flag=True, help=cli_text.SESSIONS_JSON_HELP)
@click.pass_context
@handle_errors
def sessions_command(ctx: click.Context, show_all: bool, as_json: bool) -> None:
    """List the stored sessions; unreadable ones are reported after the table."""
    store = get_store(ctx, create=False)
    listing = store.list_sessions()
    if as_json:
        click.echo(listing_json(listing, store.root))
        return
    console = Console(highlight=False)
    console.print(Text(DATA_FOLDER.format(path=store.root), style="dim"))
    limit = None if show_all else RECENT
    if listing.sessions and console.width >= WIDE:
        console.print(sessions_table(listing, limit))
    elif listing.sessions:
        for line in compact_lines(listing, limit):
            console.print(line)
    if listing.sessions:
        if limit is not None and len(listing.sessions) > limit:
            console.print(Text(cli_text.SESSIONS_MORE.format(count=len(listing.sessions) - limit)))
    else:
        console.print(Text(cli_text.NO_SESSIONS.format(folder=store.root)))
    if listing.problems:
        console.print(Text(cli_text.unreadable_sessions(len(listing.problems)), style="red"))
        for problem in listing.problems:
            console.print(Text(f"  - {problem}", style="red"))
