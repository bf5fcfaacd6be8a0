"""``facilitator content script PACK``: the presenter's script of a pack, before any session."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from facilitator.cli.context import get_store, handle_errors
from facilitator.cli.documents import SCRIPT_FORMATS
from facilitator.cli.output_options import OutputChoice, output_options
from facilitator.domain.content import ContentPack
from facilitator.domain.errors import NotFoundError
from facilitator.domain.models import Roster, Session, Unit
from facilitator.domain.vietnamese import clean_line
from facilitator.strings import main as main_text
from facilitator.strings import script as script_text


def find_pack(name: str, folders: tuple[Path, ...]) -> ContentPack:
    """``name`` as a pack file, else as the id of a pack in one of ``folders``."""
    from facilitator.parsing import list_packs, load_pack

    if Path(name).is_file():
        return load_pack(name)
    for folder in folders:
        if folder.is_dir():
            for entry in list_packs(folder):
                if entry.pack is not None and entry.pack.id == name:
                    return entry.pack
    raise NotFoundError(script_text.pack_not_found(name, [str(f) for f in folders]))


def pack_session(pack: ContentPack, roster: Roster, start: datetime | None, place: str) -> Session:
    """A transient planned session of ``pack`` (never stored): what the script is built from."""
    from facilitator.services.clock import local_now
    from facilitator.services.planning import agenda_from_pack, content_ref

    return Session(
        id="kich-ban",
        unit=roster.unit,
        title=pack.title,
        started_at=start or local_now(),
        kind=pack.kind,
        place=clean_line(place),
        content=content_ref(pack),
        people=roster.sorted_people(),
        agenda=agenda_from_pack(pack),
    )


def _roster(ctx: click.Context, unit: str | None) -> Roster:
    name = clean_line(unit or "")
    if not name:
        return Roster(Unit(name=""))
    try:
        return get_store(ctx, create=False).roster(name)
    except NotFoundError:
        return Roster(Unit(name=name))


@click.command("script", help=script_text.CLI_HELP)
@click.argument("pack_name", metavar=script_text.PACK_METAVAR)
@click.option(
    "--format", "fmt", type=click.Choice(SCRIPT_FORMATS), default="script", show_default=True,
    help=script_text.CLI_FORMAT_HELP,
)  # fmt: skip
@click.option(
    "--start", default=None, metavar=script_text.START_METAVAR, help=script_text.CLI_START_HELP
)
@click.option(
    "--unit", default=None, metavar=script_text.UNIT_METAVAR, help=script_text.CLI_UNIT_HELP
)
@click.option(
    "--place", default="", metavar=script_text.PLACE_METAVAR, help=script_text.CLI_PLACE_HELP
)
@output_options
@click.pass_context
@handle_errors
def script_command(
    ctx: click.Context,
    pack_name: str,
    fmt: str,
    start: str | None,
    unit: str | None,
    place: str,
    out: OutputChoice,
) -> None:
    """Write the script of a pack; times from ``--start``, else minutes from the opening."""
    from facilitator.domain.timing import parse_moment
    from facilitator.export import export_script
    from facilitator.services.clock import local_now

    folders = tuple(ctx.meta.get("content_dirs", ()))
    pack = find_pack(pack_name, folders)
    moment = parse_moment(start, local_now().tzinfo) if start else None
    session = pack_session(pack, _roster(ctx, unit), moment, place)
    settings = out.settings(ctx)
    target = out.target(ctx, f"kich-ban-{pack.id}", fmt)
    path = export_script(
        session, fmt, target, overwrite=out.overwrite, settings=settings, start_known=bool(moment)
    )
    click.echo(main_text.WROTE.format(path=path))
