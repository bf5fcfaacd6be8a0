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
from facilitator.rosters.unit_fields import UnitFields
from facilitator.services.rosters import import_roster_file, show_roster
from facilitator.strings import cli as cli_text
from facilitator.strings import roster as roster_text


def _category(person: Person) -> str:
    label = roster_text.CATEGORY_LABELS.get(person.category, person.category)
    if person.temporary:
        label += f" ({roster_text.TEMPORARY_LABELS.get(person.temporary, person.temporary)})"
    return label


def roster_table(roster: Roster) -> Table:
    """The roster as a Rich table, people in the order given (sort before calling)."""
    table = Table(title=cli_text.roster_title(clean_line(roster.unit.name), len(roster.people)))
    table.add_column(cli_text.COL_NUMBER, justify="right")
    table.add_column(cli_text.COL_NAME)
    table.add_column(cli_text.COL_CATEGORY)
    table.add_column(cli_text.COL_POSITION)
    table.add_column(cli_text.COL_EXEMPT, justify="center")
    for number, person in enumerate(roster.people, start=1):
        # Text(), not str: a name like "[bold]" must print as typed, not as Rich markup.
        table.add_row(
            str(number),
            Text(clean_line(person.name)),
            Text(_category(person)),
            Text(clean_line(person.position)),
            roster_text.EXEMPT_MARK if person.exempt else "",
        )
    return table


@click.group("roster", help=cli_text.ROSTER_HELP)
def roster_group() -> None:
    """Commands on units' rosters."""


@roster_group.command("import", help=cli_text.ROSTER_IMPORT_HELP)
@click.argument("file", metavar=cli_text.FILE_METAVAR, type=click.Path(path_type=Path))
@click.option(
    "--unit", "unit", required=True, metavar=cli_text.UNIT_METAVAR, help=cli_text.UNIT_HELP
)
@click.option("--parent", default=None, help=cli_text.PARENT_HELP)
@click.option("--abbrev", default=None, help=cli_text.ABBREV_HELP)
@click.option("--profile", type=click.Choice(PROFILES), default=None, help=cli_text.PROFILE_HELP)
@click.option("--locality", default=None, help=cli_text.LOCALITY_HELP)
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
    imported = import_roster_file(store, file, unit, UnitFields(parent, abbrev, profile, locality))
    roster = imported.roster
    kept = sum(p.id in old_ids for p in roster.people)
    click.echo(cli_text.roster_imported(len(roster.people), clean_line(roster.unit.name), kept))
    for notice in imported.notices:  # typed in TCVN3/VNI: converted, say so
        click.echo(notice)


@roster_group.command("show", help=cli_text.ROSTER_SHOW_HELP)
@click.option(
    "--unit", "unit", required=True, metavar=cli_text.UNIT_METAVAR, help=cli_text.UNIT_HELP
)
@click.pass_context
@handle_errors
def roster_show_command(ctx: click.Context, unit: str) -> None:
    """Print the unit's roster in Vietnamese order."""
    roster = show_roster(get_store(ctx, create=False), unit)
    console = Console(highlight=False)
    if not roster.people:
        console.print(Text(cli_text.ROSTER_EMPTY))
        return
    console.print(roster_table(roster))
