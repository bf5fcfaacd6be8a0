"""The ``facilitator`` command group: the console by default, subcommands for data and documents."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click

from facilitator import __version__
from facilitator.cli import i18n
from facilitator.cli.context import CliContext, fail, get_settings, get_store, handle_errors
from facilitator.config.legacy import find_legacy_store
from facilitator.config.locations import (
    CONTENT_DIR_ENV,
    DATA_DIR_ENV,
    builtin_packs_dir,
    default_store_dir,
    user_packs_dir,
)
from facilitator.config.settings import Settings, load_settings
from facilitator.strings import config as config_text
from facilitator.strings import main as main_text


def _content_dirs(explicit: Path | None) -> tuple[Path, ...]:
    """The shipped packs, the user's own packs folder (once it exists), then ``explicit``."""
    folders = [builtin_packs_dir()]
    if user_packs_dir().is_dir():
        folders.append(user_packs_dir())
    if explicit is not None:
        folders.append(explicit)
    return tuple(folders)


LAZY_COMMANDS: dict[str, tuple[str, ...]] = {
    # name: "module:attribute" of the command, then commands attached to it (a group's).
    "sessions": ("facilitator.cli.sessions:sessions_command",),
    "roster": ("facilitator.cli.roster:roster_group",),
    "import": ("facilitator.cli.bundles:import_command",),
    "export": ("facilitator.cli.documents:export_command",),
    "report": ("facilitator.cli.documents:report_command",),
    "campaign": ("facilitator.cli.campaign:campaign_group",),
    "content": ("facilitator.cli.content:content_group", "facilitator.cli.script:script_command"),
    "serve": ("facilitator.cli.setup:serve_command",),
    "config": ("facilitator.cli.setup:config_group",),
    "data": ("facilitator.cli.setup:data_group",),
    "doctor": ("facilitator.cli.setup:doctor_command",),
    "kit": ("facilitator.cli.kit:kit_group",),
}
"""Subcommands imported when used: the console, started without one, must not pay for
python-docx, openpyxl, the plan reader and Rich's progress bars (~0.4 s on an old
laptop; issue 13). ``--help`` imports them all to show their one-line help."""


def _load(target: str) -> click.Command:
    module, _, attribute = target.partition(":")
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command)
    return command


class _MainGroup(click.Group):
    """Help that names the data folder of *this* run (HOME, XDG and APPDATA vary);
    subcommands loaded on first use (:data:`LAZY_COMMANDS`)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Every run (the console script, CliRunner in tests) starts here, before click
        # parses or words anything; importing this module changes nothing in click.
        i18n.install()
        return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            command, *attached = (_load(target) for target in LAZY_COMMANDS[cmd_name])
            if isinstance(command, click.Group):
                for sub in attached:
                    command.add_command(sub)
            _localise(command)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def get_help(self, ctx: click.Context) -> str:
        self.help = main_text.MAIN_HELP.format(data_dir=default_store_dir())
        for param in self.params:
            if param.name == "data_dir" and isinstance(param, click.Option):
                param.help = main_text.DATA_DIR_HELP.format(default=default_store_dir())
            elif param.name == "content_dir" and isinstance(param, click.Option):
                param.help = main_text.CONTENT_DIR_HELP.format(user=user_packs_dir())
        return super().get_help(ctx)


@click.group(
    cls=_MainGroup,
    invoke_without_command=True,
    options_metavar=main_text.OPTIONS_METAVAR,
    subcommand_metavar=main_text.SUBCOMMAND_METAVAR,
    help=main_text.MAIN_HELP.format(data_dir=default_store_dir()),
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=DATA_DIR_ENV,
    default=None,
    help=main_text.DATA_DIR_HELP.format(default=default_store_dir()),
)
@click.option(
    "--content-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=CONTENT_DIR_ENV,
    default=None,
    help=main_text.CONTENT_DIR_HELP.format(user=user_packs_dir()),
)
@click.option(
    "--session",
    "session_id",
    default=None,
    metavar=main_text.SESSION_METAVAR,
    help=main_text.SESSION_OPT_HELP,
)
@click.option(
    "--content",
    "content_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar=main_text.FILE_METAVAR,
    help=main_text.CONTENT_FILE_HELP,
)
@click.version_option(__version__, "-V", "--version", message=main_text.VERSION_MESSAGE)
@click.pass_context
def main(
    ctx: click.Context,
    data_dir: Path | None,
    content_dir: Path | None,
    session_id: str | None,
    content_files: tuple[Path, ...],
) -> None:
    """Without a subcommand, open the presenter's console."""
    settings = _load_settings()
    chosen = data_dir or settings.data_dir
    store_dir = (chosen or default_store_dir()).expanduser().absolute()
    ctx.obj = CliContext(data_dir=store_dir, settings=settings, data_dir_chosen=bool(chosen))
    ctx.meta["content_dir"] = content_dir or settings.content_dir
    ctx.meta["content_dirs"] = _content_dirs(ctx.meta["content_dir"])
    legacy = None if chosen else find_legacy_store(Path.cwd(), store_dir)
    ctx.meta["legacy_store"] = legacy
    if legacy is not None and ctx.invoked_subcommand not in ("data", "doctor"):
        click.secho(config_text.legacy_found(legacy, store_dir), fg="yellow", err=True)
    if ctx.invoked_subcommand is None:
        _run_console(ctx, session_id, content_files)


@handle_errors
def _load_settings() -> Settings:
    return load_settings()


@handle_errors
def _run_console(
    ctx: click.Context, session_id: str | None, content_files: tuple[Path, ...]
) -> None:
    store = get_store(ctx)
    store.check_writable()  # before the full screen: a read-only folder is said plainly
    if content_files:
        # Check the packs before the full-screen app starts: errors stay readable.
        from facilitator.parsing import load_pack

        for path in content_files:
            load_pack(path)
    from facilitator.ui import run_app  # Textual is imported only for the console

    crash = run_app(
        store,
        ctx.meta["content_dirs"],
        session_id=session_id,
        content_files=content_files,
        settings=get_settings(ctx),
        legacy_store=ctx.meta["legacy_store"],
    )
    if crash is not None:
        fail(config_text.crash_logged(crash))


@click.command("audience", help=main_text.AUDIENCE_HELP)
@click.option("--serve", is_flag=True, help=main_text.SERVE_HELP)
@click.option(
    "--host",
    default="localhost",
    show_default=True,
    metavar=main_text.HOST_METAVAR,
    help=main_text.HOST_HELP,
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    metavar=main_text.PORT_METAVAR,
    help=main_text.PORT_HELP,
)
@click.pass_context
@handle_errors
def audience_command(ctx: click.Context, serve: bool, host: str, port: int) -> None:
    """Follow the presenter's current item on a second screen (or in a browser)."""
    store = get_store(ctx, create=False)
    if serve:
        _serve_audience(store.root, host, port)
        return
    from facilitator.ui.audience import run_audience

    run_audience(store.root)


def _serve_audience(root: Path, host: str, port: int) -> None:
    """The audience view in a web browser (e.g. the projector's), via textual-serve."""
    from facilitator.cli.web import serve

    args = [sys.executable, "-m", "facilitator", "--data-dir", str(root), "audience"]
    serve(args, host, port, main_text.AUDIENCE_WEB_TITLE, main_text.SERVING)


main.add_command(audience_command)


def _localise_metavars(group: click.Group) -> None:
    """Every command's usage line says "[TÙY_CHỌN]" rather than click's "[OPTIONS]"."""
    for command in group.commands.values():
        _localise(command)


def _localise(command: click.Command) -> None:
    command.options_metavar = main_text.OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = main_text.GROUP_SUBCOMMAND_METAVAR
        _localise_metavars(command)


_localise_metavars(main)
