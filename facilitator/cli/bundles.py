"""``facilitator import FILE…``: bring session bundles into the store, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from facilitator.cli.context import get_store, handle_errors
from facilitator.cli.progress import progress_bar
from facilitator.domain.vietnamese import clean_line
from facilitator.services.bundles import import_bundles
from facilitator.strings import cli as cli_text


@click.command("import", help=cli_text.IMPORT_HELP)
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar=f"{cli_text.FILE_METAVAR}…",
    type=click.Path(path_type=Path),
)
@click.option("--replace", is_flag=True, help=cli_text.REPLACE_HELP)
@click.pass_context
@handle_errors
def import_command(ctx: click.Context, files: tuple[Path, ...], replace: bool) -> None:
    """Validate every file, then store every session (nothing when any file is invalid);
    a folder stands for its ``*.json`` files, in its subfolders too (a USB stick)."""
    from facilitator.export.report_inputs import bundle_files

    for folder in (f for f in files if f.is_dir()):
        if not bundle_files([folder], recursive=True):
            raise click.UsageError(cli_text.empty_folder(str(folder)))
    files = tuple(bundle_files(files, recursive=True))
    with progress_bar(cli_text.IMPORT_PROGRESS, len(files)) as advance:
        result = import_bundles(get_store(ctx), files, replace=replace, progress=advance)
    for session in result.sessions:
        replaced = session.id in result.replaced
        click.echo(cli_text.imported_one(session.id, clean_line(session.title), replaced))
    click.echo(cli_text.imported_total(len(result.sessions)))
