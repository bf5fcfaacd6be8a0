"""``facilitator export`` (minutes, bundle) and ``facilitator report`` (result report)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import click

from facilitator.cli.context import get_store, handle_errors
from facilitator.domain.errors import CorruptStoreError, NotFoundError
from facilitator.domain.models import Session, Unit
from facilitator.storage.store import Store
from facilitator.strings import main as text

MINUTES_FORMATS = ("docx", "md", "bundle")
REPORT_FORMATS = ("docx", "md", "csv")
_EXTENSIONS = {"docx": "docx", "md": "md", "bundle": "json", "csv": "csv"}


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise click.BadParameter(text.BAD_DATE.format(value=value))


def _default_output(stem: str, fmt: str) -> Path:
    from facilitator.export.registry import safe_output_path

    return safe_output_path(Path.cwd(), stem, _EXTENSIONS[fmt])


@click.command("export", help=text.EXPORT_HELP)
@click.argument("session_id", metavar="MÃ_BUỔI")
@click.option(
    "--format", "fmt", type=click.Choice(MINUTES_FORMATS), default="docx", show_default=True,
    help=text.FORMAT_HELP,
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=text.OUTPUT_HELP
)
@click.option("--overwrite", is_flag=True, help=text.OVERWRITE_HELP)
@click.pass_context
@handle_errors
def export_command(
    ctx: click.Context, session_id: str, fmt: str, output: Path | None, overwrite: bool
) -> None:
    """Write the minutes (DOCX/Markdown) or the session bundle of one stored session."""
    store = get_store(ctx)
    if fmt == "bundle":
        from facilitator.services.bundles import export_bundle

        path = export_bundle(
            store, session_id, output or _default_output(session_id, fmt), overwrite=overwrite
        )
    else:
        from facilitator.export import export_minutes

        session = store.load_session(session_id)
        target = output or _default_output(f"bien-ban-{session.id}", fmt)
        path = export_minutes(session, fmt, target, overwrite=overwrite)
    click.echo(text.WROTE.format(path=path))


def _own_sessions(store: Store, unit: str, problems: list[str]) -> Iterator[Session]:
    for item in store.iter_sessions():
        if isinstance(item, CorruptStoreError):
            problems.append(str(item))
        elif item.unit.name == unit:
            yield item


def _bundle_sessions(paths: tuple[Path, ...]) -> Iterator[Session]:
    from facilitator.bundle.io import read_bundle

    for path in paths:
        yield read_bundle(path)


def _select(
    sessions: Iterator[Session], content: str | None, start: date | None, end: date | None
) -> Iterator[Session]:
    for session in sessions:
        day = session.started_at.date()
        if content and session.content.id != content:
            continue
        if (start and day < start) or (end and day > end):
            continue
        yield session


def _unit_for(store: Store, name: str) -> Unit:
    try:
        return store.roster(name).unit
    except NotFoundError:
        return Unit(name=name)


@click.command("report", help=text.REPORT_HELP)
@click.argument("bundles", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--unit", "unit_name", required=True, help=text.UNIT_HELP)
@click.option("--content", "content_id", default=None, help=text.CONTENT_ID_HELP)
@click.option("--from", "from_", default=None, help=text.FROM_HELP)
@click.option("--to", "to", default=None, help=text.TO_HELP)
@click.option("--title", default=None, help=text.TITLE_HELP)
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="docx", show_default=True,
    help=text.FORMAT_HELP,
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=text.OUTPUT_HELP
)
@click.option("--overwrite", is_flag=True, help=text.OVERWRITE_HELP)
@click.pass_context
@handle_errors
def report_command(
    ctx: click.Context,
    bundles: tuple[Path, ...],
    unit_name: str,
    content_id: str | None,
    from_: str | None,
    to: str | None,
    title: str | None,
    fmt: str,
    output: Path | None,
    overwrite: bool,
) -> None:
    """Aggregate the unit's own sessions and the bundles of units below into one report."""
    from facilitator.domain.vietnamese import clean_line
    from facilitator.export import export_report

    store = get_store(ctx)
    unit_name = clean_line(unit_name)
    start, end = _parse_day(from_), _parse_day(to)
    problems: list[str] = []

    def every_session() -> Iterator[Session]:
        yield from _own_sessions(store, unit_name, problems)
        yield from _bundle_sessions(bundles)

    target = output or _default_output(f"bao-cao-{unit_name}", fmt)
    path = export_report(
        _select(every_session(), content_id, start, end),
        fmt,
        target,
        unit=_unit_for(store, unit_name),
        title=title,
        period=(start, end) if start and end else None,
        overwrite=overwrite,
    )
    for problem in problems:
        click.secho(text.SKIPPED.format(problem=problem), fg="yellow", err=True)
    click.echo(text.WROTE.format(path=path))
