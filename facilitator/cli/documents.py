"""``facilitator export`` (minutes, bundle) and ``facilitator report`` (result report)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from facilitator.cli.context import get_settings, get_store, handle_errors
from facilitator.cli.report_signing import Blanks, details_from, signing_options, warn_about_unit
from facilitator.config.layout import LayoutValueError, check_line_spacing, parse_margins
from facilitator.export.formats import (
    EXPORT_DOCUMENTS,
    REPORT_DOCUMENTS,
    Document,
    extension,
    find,
    options,
)
from facilitator.strings import campaign as campaign_text
from facilitator.strings import main as text

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
    raise click.BadParameter(text.BAD_DATE.format(value=value))


def _settings(
    ctx: click.Context, signer: str | None, line_spacing: float | None, margins: str | None
) -> Any:
    """Document settings: the command line first, then config.toml, then the defaults."""
    from facilitator.export.settings import DocSettings

    config = get_settings(ctx)
    signer = signer or (config.signer.value if config.signer else None)
    line_spacing = line_spacing if line_spacing is not None else config.line_spacing
    margins = margins or config.margins
    changes: dict[str, Any] = {}
    if signer:
        changes["signer"] = signer
    # config.toml values were checked when it was read; these may come from the command
    # line, where click's float happily takes "nan", "inf" and "-5".
    if line_spacing is not None:
        try:
            changes["line_spacing_pt"] = check_line_spacing(line_spacing) or None  # 0 = single
        except LayoutValueError as exc:
            raise click.BadParameter(str(exc), ctx, param_hint="'--line-spacing'") from None
    if margins:
        try:
            top, bottom, left, right = parse_margins(margins)
        except LayoutValueError as exc:
            raise click.BadParameter(str(exc), ctx, param_hint="'--margins'") from None
        changes |= {
            "margin_top_mm": top,
            "margin_bottom_mm": bottom,
            "margin_left_mm": left,
            "margin_right_mm": right,
        }
    return DocSettings(**changes)


def _warn_unverified(fmt: str, settings: Any) -> None:
    from facilitator.strings.export import LINE_SPACING_UNVERIFIED

    if fmt in ("docx", "pdf") and settings.line_spacing_pt:
        click.secho(LINE_SPACING_UNVERIFIED, fg="yellow", err=True)


def output_options(func: Any) -> Any:
    """-o/--output, --overwrite and the layout options, shared by export and report."""
    func = layout_options(func)
    func = click.option("--overwrite", is_flag=True, help=text.OVERWRITE_HELP)(func)
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=text.OUTPUT_HELP
    )(func)


def layout_options(func: Any) -> Any:
    """--signer, --line-spacing and --margins."""
    func = click.option("--margins", default=None, metavar="T/D/TR/P", help=text.MARGINS_HELP)(func)
    func = click.option(
        "--line-spacing", type=float, default=None, metavar="PT",
        help=text.LINE_SPACING_HELP,
    )(func)  # fmt: skip
    return click.option(
        "--signer", type=click.Choice(["chair", "tm"]), default=None, help=text.SIGNER_HELP
    )(func)


def _default_output(ctx: click.Context, stem: str, fmt: str) -> Path:
    """A safe file name in config's export folder, else the current folder."""
    from facilitator.export.registry import safe_output_path

    folder = get_settings(ctx).export_folder or Path.cwd()
    return safe_output_path(folder, stem, extension(fmt))


@click.command("export", help=text.EXPORT_HELP)
@click.argument("session_id", metavar="MÃ_BUỔI")
@click.option(
    "--format", "fmt", type=click.Choice(MINUTES_FORMATS), default="docx", show_default=True,
    help=text.FORMAT_HELP,
)  # fmt: skip
@output_options
@click.pass_context
@handle_errors
def export_command(
    ctx: click.Context,
    session_id: str,
    fmt: str,
    output: Path | None,
    overwrite: bool,
    signer: str | None,
    line_spacing: float | None,
    margins: str | None,
) -> None:
    """Write the minutes (DOCX/Markdown) or the session bundle of one stored session."""
    store = get_store(ctx, create=False)
    session_id = store.resolve_id(session_id)
    chosen = find(fmt, *EXPORT_DOCUMENTS)
    if chosen.document is Document.BUNDLE:
        from facilitator.services.bundles import export_bundle

        target = output or _default_output(ctx, session_id, fmt)
        path = export_bundle(store, session_id, target, overwrite=overwrite)
    elif chosen.document is Document.SCRIPT:
        from facilitator.export import export_script

        settings = _settings(ctx, signer, line_spacing, margins)
        session = store.load_session(session_id)
        target = output or _default_output(ctx, f"kich-ban-{session.id}", fmt)
        path = export_script(session, fmt, target, overwrite=overwrite, settings=settings)
    else:
        from facilitator.export import export_minutes

        settings = _settings(ctx, signer, line_spacing, margins)
        session = store.load_session(session_id)
        target = output or _default_output(ctx, f"bien-ban-{session.id}", fmt)
        path = export_minutes(session, fmt, target, overwrite=overwrite, settings=settings)
        _warn_unverified(fmt, settings)
    click.echo(text.WROTE.format(path=path))


@click.command("report", help=text.REPORT_HELP)
@click.argument(
    "bundles",
    nargs=-1,
    metavar=text.BUNDLES_METAVAR,
    type=click.Path(exists=True, path_type=Path),
)
@click.option("--unit", "unit_name", required=True, help=text.UNIT_HELP)
@click.option("--content", "content_id", default=None, help=text.CONTENT_ID_HELP)
@click.option("--from", "from_", default=None, help=text.FROM_HELP)
@click.option("--to", "to", default=None, help=text.TO_HELP)
@click.option("--title", default=None, help=text.TITLE_HELP)
@signing_options
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="docx", show_default=True,
    help=text.FORMAT_HELP,
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
    output: Path | None,
    overwrite: bool,
    signer: str | None,
    line_spacing: float | None,
    margins: str | None,
    **signing: Any,
) -> None:
    """Aggregate the unit's own sessions and the bundles of units below into one report."""
    from facilitator.cli.report_run import attachments, report_items, resolve_unit, unit_for
    from facilitator.domain.vietnamese import clean_line
    from facilitator.export import export_report

    store = get_store(ctx, create=False)
    settings = _settings(ctx, signer, line_spacing, margins)
    start, end = _parse_day(from_), _parse_day(to)
    given = clean_line(unit_name)
    unit_name, corrected = resolve_unit(store, given, has_bundles=bool(bundles))
    if corrected:
        click.echo(text.UNIT_MATCHED.format(name=unit_name, given=given), err=True)
    problems: list[str] = []
    items = report_items(store, unit_name, bundles, content_id, start, end, problems)
    chosen = find(fmt, *REPORT_DOCUMENTS)
    target = output or _default_output(ctx, f"bao-cao-{unit_name}", fmt)
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
            items, target, overwrite=overwrite, unit=unit_with(unit, details), title=title,
            period=period, settings=settings, attach=attached,
        )  # fmt: skip
    else:
        path = export_report(
            items, fmt, target, unit=unit, title=title, period=period, overwrite=overwrite,
            settings=settings, details=details, on_blanks=blanks, on_repeats=_warn_repeats,
        )  # fmt: skip
        if details.number.strip():
            from facilitator.services.reporting import record_issued

            record_issued(store, unit, details.number)  # the console proposes the next one
    _warn_unverified(fmt, settings)
    for problem in problems:
        click.secho(text.SKIPPED.format(problem=problem), fg="yellow", err=True)
    click.echo(blanks.wrote(str(path), text.WROTE.format(path=path)))


def _warn_repeats(units: tuple[str, ...]) -> None:
    """A unit given as a report bundle and as sessions (or twice) counts once: say so."""
    click.secho(text.repeated_units(list(units)), fg="yellow", err=True)
