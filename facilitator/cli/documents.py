"""``facilitator export`` (minutes, bundle) and ``facilitator report`` (result report)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from facilitator.cli.context import get_store, handle_errors
from facilitator.cli.output_options import OutputChoice, output_options, warn_unverified
from facilitator.cli.report_signing import Blanks, details_from, signing_options, warn_about_unit
from facilitator.export.formats import (
    EXPORT_DOCUMENTS,
    REPORT_DOCUMENTS,
    Document,
    find,
    options,
)
from facilitator.strings import campaign as campaign_text
from facilitator.strings import main as main_text

SCRIPT_FORMATS = options(Document.SCRIPT)  # the presenter's script (kịch bản điều hành)
MINUTES_FORMATS = options(*EXPORT_DOCUMENTS)
REPORT_FORMATS = options(*REPORT_DOCUMENTS)  # bundle: the figures, for the level above


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise click.BadParameter(main_text.BAD_DATE.format(value=value))


@click.command("export", help=main_text.EXPORT_HELP)
@click.argument("session_id", metavar="MÃ_BUỔI")
@click.option(
    "--format", "fmt", type=click.Choice(MINUTES_FORMATS), default="docx", show_default=True,
    help=main_text.FORMAT_HELP,
)  # fmt: skip
@output_options
@click.pass_context
@handle_errors
def export_command(
    ctx: click.Context,
    session_id: str,
    fmt: str,
    out: OutputChoice,
) -> None:
    """Write the minutes (DOCX/Markdown) or the session bundle of one stored session."""
    store = get_store(ctx, create=False)
    session_id = store.resolve_id(session_id)
    chosen = find(fmt, *EXPORT_DOCUMENTS)
    if chosen.document is Document.BUNDLE:
        from facilitator.services.bundles import export_bundle

        target = out.target(ctx, session_id, fmt)
        path = export_bundle(store, session_id, target, overwrite=out.overwrite)
    elif chosen.document is Document.SCRIPT:
        from facilitator.export import export_script

        settings = out.settings(ctx)
        session = store.load_session(session_id)
        target = out.target(ctx, f"kich-ban-{session.id}", fmt)
        path = export_script(session, fmt, target, overwrite=out.overwrite, settings=settings)
    else:
        from facilitator.export import export_minutes

        settings = out.settings(ctx)
        session = store.load_session(session_id)
        target = out.target(ctx, f"bien-ban-{session.id}", fmt)
        path = export_minutes(session, fmt, target, overwrite=out.overwrite, settings=settings)
        warn_unverified(fmt, settings)
    click.echo(main_text.WROTE.format(path=path))


@click.command("report", help=main_text.REPORT_HELP)
@click.argument(
    "bundles",
    nargs=-1,
    metavar=main_text.BUNDLES_METAVAR,
    type=click.Path(exists=True, path_type=Path),
)
@click.option("--unit", "unit_name", required=True, help=main_text.UNIT_HELP)
@click.option("--content", "content_id", default=None, help=main_text.CONTENT_ID_HELP)
@click.option("--from", "from_", default=None, help=main_text.FROM_HELP)
@click.option("--to", "to", default=None, help=main_text.TO_HELP)
@click.option("--title", default=None, help=main_text.TITLE_HELP)
@signing_options
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="docx", show_default=True,
    help=main_text.FORMAT_HELP,
)  # fmt: skip
@click.option("--attach-sessions", "attach", is_flag=True, help=campaign_text.ATTACH_HELP)
@output_options
@click.pass_context
@handle_errors
def report_command(
    ctx: click.Context,
    /,
    bundles: tuple[Path, ...],
    unit_name: str,
    content_id: str | None,
    from_: str | None,
    to: str | None,
    title: str | None,
    fmt: str,
    attach: bool,
    out: OutputChoice,
    **signing: Any,
) -> None:
    """Aggregate the unit's own sessions and the bundles of units below into one report."""
    from facilitator.cli.report_run import attachments, report_items, resolve_unit, unit_for
    from facilitator.domain.vietnamese import clean_line
    from facilitator.export import export_report

    store = get_store(ctx, create=False)
    settings = out.settings(ctx)
    start, end = _parse_day(from_), _parse_day(to)
    given = clean_line(unit_name)
    unit_name, corrected = resolve_unit(store, given, has_bundles=bool(bundles))
    if corrected:
        click.echo(main_text.UNIT_MATCHED.format(name=unit_name, given=given), err=True)
    problems: list[str] = []
    items = report_items(store, unit_name, bundles, content_id, start, end, problems)
    chosen = find(fmt, *REPORT_DOCUMENTS)
    target = out.target(ctx, f"bao-cao-{unit_name}", fmt)
    period = (start, end) if start and end else None
    unit = unit_for(store, unit_name)
    details = details_from(signing)
    warn_about_unit(store, unit, details)
    blanks = Blanks()
    if chosen.document is Document.REPORT_BUNDLE:
        from facilitator.export.report_details import unit_with
        from facilitator.export.report_upward import export_report_bundle

        attached = attachments(store, unit_name, bundles) if attach else []
        path, _ = export_report_bundle(  # --parent etc. name the unit for the level above
            items, target, overwrite=out.overwrite, unit=unit_with(unit, details), title=title,
            period=period, settings=settings, attach=attached,
        )  # fmt: skip
    else:
        path = export_report(
            items, fmt, target, unit=unit, title=title, period=period, overwrite=out.overwrite,
            settings=settings, details=details, on_blanks=blanks, on_repeats=_warn_repeats,
        )  # fmt: skip
        if details.number.strip():
            from facilitator.services.reporting import record_issued

            record_issued(store, unit, details.number)  # the console proposes the next one
    warn_unverified(fmt, settings)
    for problem in problems:
        click.secho(main_text.SKIPPED.format(problem=problem), fg="yellow", err=True)
    click.echo(blanks.wrote(str(path), main_text.WROTE.format(path=path)))


def _warn_repeats(units: tuple[str, ...]) -> None:
    """A unit given as a report bundle and as sessions (or twice) counts once: say so."""
    click.secho(main_text.repeated_units(list(units)), fg="yellow", err=True)
