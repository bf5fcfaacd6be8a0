"""``facilitator roster import|show``: a unit's roster from CSV/XLSX, and its listing."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from facilitator.cli.context import get_store, handle_errors
from facilitator.domain.errors import NotFoundError
from facilitator.domain.models import PROFILES, Person, Roster
from facilitator.domain.vietnamese import clean_line
from facilitator.services.rosters import import_roster_file, show_roster
from facilitator.strings import cli as msg
from facilitator.strings import roster as roster_msg


def _category(person: Person) -> str:
    label = roster_msg.CATEGORY_LABELS.get(person.category, person.category)
    if person.temporary:
        label += f" ({roster_msg.TEMPORARY_LABELS.get(person.temporary, person.temporary)})"
    return label


def roster_table(roster: Roster) -> Table:
    """The roster as a Rich table, people in the order given (sort before calling)."""
    table = Table(title=msg.roster_title(clean_line(roster.unit.name), len(roster.people)))
    table.add_column(msg.COL_NUMBER, justify="right")
    table.add_column(msg.COL_NAME)
    table.add_column(msg.COL_CATEGORY)
    table.add_column(msg.COL_POSITION)
    table.add_column(msg.COL_EXEMPT, justify="center")
    for number, person in enumerate(roster.people, start=1):
        # Text(), not str: a name like "[bold]" must print as typed, not as Rich markup.
        table.add_row(
            str(number),
            Text(clean_line(person.name)),
            Text(_category(person)),
            Text(clean_line(person.position)),
            roster_msg.EXEMPT_MARK if person.exempt else "",
        )
    return table


@click.group("roster", help=msg.ROSTER_HELP)
def roster_group() -> None:
    """Commands on units' rosters."""


@roster_group.command("import", help=msg.ROSTER_IMPORT_HELP)
@click.argument("file", metavar=msg.FILE_METAVAR, type=click.Path(path_type=Path))
@click.option("--unit", "unit", required=True, metavar=msg.UNIT_METAVAR, help=msg.UNIT_HELP)
@click.option("--parent", default=None, help=msg.PARENT_HELP)
@click.option("--abbrev", default=None, help=msg.ABBREV_HELP)
@click.option("--profile", type=click.Choice(PROFILES), default=None, help=msg.PROFILE_HELP)
@click.option("--locality", default=None, help=msg.LOCALITY_HELP)
@click.pass_context
@handle_errors
def roster_import_command(
    ctx: click.Context,
    file: Path,
    unit: str,
    parent: str | None,
    abbrev: str | None,
    profile: str | None,
    locality: str | None,
) -> None:
    """Replace the unit's roster with the file's people (ids kept by name)."""
    store = get_store(ctx)
    try:
        old_ids = {p.id for p in store.roster(clean_line(unit)).people}
    except NotFoundError:
        old_ids = set()
    imported = import_roster_file(
        store, file, unit, parent=parent, abbrev=abbrev, profile=profile, locality=locality
    )
    roster = imported.roster
    kept = sum(p.id in old_ids for p in roster.people)
    click.echo(msg.roster_imported(len(roster.people), clean_line(roster.unit.name), kept))
    for notice in imported.notices:  # typed in TCVN3/VNI: converted, say so
        click.echo(notice)


@roster_group.command("show", help=msg.ROSTER_SHOW_HELP)
@click.option("--unit", "unit", required=True, metavar=msg.UNIT_METAVAR, help=msg.UNIT_HELP)
@click.pass_context
@handle_errors
def roster_show_command(ctx: click.Context, unit: str) -> None:
    """Print the unit's roster in Vietnamese order."""
    roster = show_roster(get_store(ctx, create=False), unit)
    console = Console(highlight=False)
    if not roster.people:
        console.print(Text(msg.ROSTER_EMPTY))
        return
    console.print(roster_table(roster))
