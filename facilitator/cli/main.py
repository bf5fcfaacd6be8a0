"""The ``facilitator`` command group: the console by default, subcommands for data and documents."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from facilitator import __version__
from facilitator.cli import i18n

i18n.install()  # before the command modules below build their options

# ruff: noqa: E402 - the imports below must follow install()
from facilitator.cli.bundles import import_command
from facilitator.cli.content import content_group
from facilitator.cli.context import CliContext, get_store, handle_errors
from facilitator.cli.documents import export_command, report_command
from facilitator.cli.roster import roster_group
from facilitator.cli.sessions import sessions_command
from facilitator.domain.errors import FacilitatorError
from facilitator.strings import main as text

DATA_DIR_ENV = "FACILITATOR_DATA_DIR"
CONTENT_DIR_ENV = "FACILITATOR_CONTENT_DIR"


def default_content_dir() -> Path:
    """``./content`` when run from a project folder, else the packs beside the package."""
    local = Path("content")
    if local.is_dir():
        return local
    return Path(__file__).resolve().parents[2] / "content"


@click.group(
    invoke_without_command=True,
    options_metavar=text.OPTIONS_METAVAR,
    subcommand_metavar=text.SUBCOMMAND_METAVAR,
    help=text.MAIN_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=DATA_DIR_ENV,
    default=Path("sessions"),
    show_default=True,
    help=text.DATA_DIR_HELP,
)
@click.option(
    "--content-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=CONTENT_DIR_ENV,
    default=None,
    help=text.CONTENT_DIR_HELP,
)
@click.option(
    "--session",
    "session_id",
    default=None,
    metavar=text.SESSION_METAVAR,
    help=text.SESSION_OPT_HELP,
)
@click.option(
    "--content",
    "content_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar=text.FILE_METAVAR,
    help=text.CONTENT_FILE_HELP,
)
@click.version_option(__version__, message="facilitator %(version)s")
@click.pass_context
def main(
    ctx: click.Context,
    data_dir: Path,
    content_dir: Path | None,
    session_id: str | None,
    content_files: tuple[Path, ...],
) -> None:
    """Without a subcommand, open the presenter's console."""
    ctx.obj = CliContext(data_dir=data_dir)
    ctx.meta["content_dir"] = content_dir or default_content_dir()
    if ctx.invoked_subcommand is None:
        _run_console(ctx, session_id, content_files)


@handle_errors
def _run_console(
    ctx: click.Context, session_id: str | None, content_files: tuple[Path, ...]
) -> None:
    store = get_store(ctx)
    if content_files:
        # Check the packs before the full-screen app starts: errors stay readable.
        from facilitator.parsing import load_pack

        for path in content_files:
            load_pack(path)
    from facilitator.ui import run_app  # Textual is imported only for the console

    run_app(store, ctx.meta["content_dir"], session_id=session_id, content_files=content_files)


@click.command("audience", help=text.AUDIENCE_HELP)
@click.option("--serve", is_flag=True, help=text.SERVE_HELP)
@click.option(
    "--host", default="localhost", show_default=True, metavar=text.HOST_METAVAR, help=text.HOST_HELP
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    metavar=text.PORT_METAVAR,
    help=text.PORT_HELP,
)
@click.pass_context
@handle_errors
def audience_command(ctx: click.Context, serve: bool, host: str, port: int) -> None:
    """Follow the presenter's current item on a second screen (or in a browser)."""
    store = get_store(ctx)
    if serve:
        _serve_audience(store.root, host, port)
        return
    from facilitator.ui.audience import run_audience

    run_audience(store.root)


def _serve_audience(root: Path, host: str, port: int) -> None:
    """The audience view in a web browser (e.g. the projector's), via textual-serve."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise FacilitatorError(text.SERVE_MISSING) from None
    command = shlex.join([sys.executable, "-m", "facilitator", "--data-dir", str(root), "audience"])
    click.echo(text.SERVING.format(url=f"http://{host}:{port}"))
    Server(command, host=host, port=port, title=text.AUDIENCE_WEB_TITLE).serve()


main.add_command(sessions_command)
main.add_command(roster_group)
main.add_command(import_command)
main.add_command(export_command)
main.add_command(report_command)
main.add_command(content_group)
main.add_command(audience_command)


def _localise_metavars(group: click.Group) -> None:
    """Every command's usage line says "[TÙY_CHỌN]" rather than click's "[OPTIONS]"."""
    for command in group.commands.values():
        command.options_metavar = text.OPTIONS_METAVAR
        if isinstance(command, click.Group):
            command.subcommand_metavar = text.GROUP_SUBCOMMAND_METAVAR
            _localise_metavars(command)


_localise_metavars(main)
