"""Commands about the installation itself: ``config``, ``data``, ``doctor``, ``serve``."""

from __future__ import annotations

import os
import platform
import shutil
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from facilitator import __version__
from facilitator.cli.context import get_settings, get_store, handle_errors
from facilitator.config.legacy import LEGACY_NAME, adopt
from facilitator.config.locations import (
    builtin_packs_dir,
    config_file,
    log_dir,
    user_packs_dir,
)
from facilitator.config.settings import as_rows, save_settings, set_value
from facilitator.strings import config as config_text
from facilitator.strings import main as main_text

DEPENDENCIES = (
    "textual", "rich", "tinydb", "markdown-it-py", "python-docx", "openpyxl", "click",
    "platformdirs", "PyYAML", "textual-serve",
)  # fmt: skip


# --- config -------------------------------------------------------------------------------
@click.group("config", help=config_text.CONFIG_HELP)
def config_group() -> None:
    """The user's config.toml."""


@config_group.command("path", help=config_text.CONFIG_PATH_HELP)
def config_path_command() -> None:
    click.echo(str(config_file()))


@config_group.command("show", help=config_text.CONFIG_SHOW_HELP)
@click.pass_context
def config_show_command(ctx: click.Context) -> None:
    path = config_file()
    click.echo(config_text.CONFIG_FILE.format(path=path))
    if not path.exists():
        click.echo(config_text.CONFIG_MISSING)
    for key, value in as_rows(get_settings(ctx)):
        click.echo(f"  {key} = {value or config_text.NOT_SET}")


@config_group.command("set", help=config_text.CONFIG_SET_HELP)
@click.argument("key", metavar=config_text.KEY_METAVAR)
@click.argument("value", metavar=config_text.VALUE_METAVAR)
@click.pass_context
@handle_errors
def config_set_command(ctx: click.Context, key: str, value: str) -> None:
    path = config_file()
    settings = set_value(get_settings(ctx), key, value, path)
    click.echo(config_text.CONFIG_SAVED.format(key=key, path=save_settings(settings, path)))


@config_group.command("unset", help=config_text.CONFIG_UNSET_HELP)
@click.argument("key", metavar=config_text.KEY_METAVAR)
@click.pass_context
@handle_errors
def config_unset_command(ctx: click.Context, key: str) -> None:
    from dataclasses import replace

    from facilitator.config.settings import field_of

    path = config_file()
    settings = replace(get_settings(ctx), **{field_of(key, path): None})
    click.echo(config_text.CONFIG_SAVED.format(key=key, path=save_settings(settings, path)))


# --- data ---------------------------------------------------------------------------------
@click.group("data", help=config_text.DATA_HELP)
def data_group() -> None:
    """Where the data lives, and moving an old store in."""


@data_group.command("path", help=config_text.DATA_PATH_HELP)
@click.pass_context
def data_path_command(ctx: click.Context) -> None:
    click.echo(str(get_store(ctx, create=False).root))


@data_group.command("adopt", help=config_text.ADOPT_HELP)
@click.argument(
    "folder", required=False, type=click.Path(file_okay=False, path_type=Path),
    metavar=main_text.FILE_METAVAR,
)  # fmt: skip
@click.pass_context
@handle_errors
def data_adopt_command(ctx: click.Context, folder: Path | None) -> None:
    old = (folder or Path.cwd() / LEGACY_NAME).absolute()
    store = get_store(ctx)
    result = adopt(old, store)
    for what, reason in result.skipped:
        click.secho(config_text.adopt_skipped(what, reason), fg="yellow", err=True)
    kept = result.kept_as or old
    click.echo(config_text.adopted(result.sessions, result.rosters, store.root, kept))


# --- doctor -------------------------------------------------------------------------------
def _version_of(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return config_text.DOCTOR_NOT_INSTALLED


def _folder_line(label: str, path: Path) -> str:
    return f"  {label}: {path}" + ("" if path.exists() else f" {config_text.DOCTOR_MISSING}")


@click.command("doctor", help=config_text.DOCTOR_HELP)
@click.pass_context
@handle_errors
def doctor_command(ctx: click.Context) -> None:
    """Versions, folders, terminal and a read of every stored session; exit 1 on problems."""
    from facilitator.parsing import list_packs

    click.echo(config_text.DOCTOR_VERSIONS)
    click.echo(
        f"  facilitator {__version__}; Python {platform.python_version()}; {platform.platform()}"
    )
    for name in DEPENDENCIES:
        click.echo(f"  {name} {_version_of(name)}")
    store = get_store(ctx, create=False)
    click.echo(config_text.DOCTOR_FOLDERS)
    click.echo(_folder_line(config_text.DOCTOR_DATA, store.root))
    problems: list[str] = []
    for label, folder in (
        (config_text.DOCTOR_PACKS_BUILTIN, builtin_packs_dir()),
        (config_text.DOCTOR_PACKS_USER, user_packs_dir()),
    ):
        line = _folder_line(label, folder)
        if folder.is_dir():
            entries = list_packs(folder)
            broken = [e for e in entries if not e.ok]
            line += f" — {config_text.doctor_packs(len(entries) - len(broken), len(broken))}"
            problems += [str(e.error) for e in broken]
        click.echo(line)
    click.echo(_folder_line(config_text.DOCTOR_CONFIG, config_file()))
    click.echo(_folder_line(config_text.DOCTOR_LOGS, log_dir()))
    legacy = ctx.meta.get("legacy_store")
    if legacy is not None:
        problems.append(config_text.legacy_found(legacy, store.root))
    size = shutil.get_terminal_size()
    click.echo(config_text.DOCTOR_TERMINAL)
    click.echo(f"  {config_text.DOCTOR_SIZE}: {size.columns}×{size.lines}")
    click.echo(f"  {config_text.DOCTOR_ENCODING}: {getattr(sys.stdout, 'encoding', '?')}")
    tty = config_text.DOCTOR_YES if sys.stdout.isatty() else config_text.DOCTOR_NO
    click.echo(f"  {config_text.DOCTOR_IS_TTY}: {tty}; TERM={os.environ.get('TERM', '')}")
    listing = store.list_sessions()
    click.echo(config_text.DOCTOR_STORE)
    click.echo(f"  {config_text.doctor_sessions(len(listing.sessions))}")
    problems += [str(p) for p in listing.problems]
    if problems:
        click.secho(config_text.doctor_problems(len(problems)), fg="red")
        for problem in problems:
            click.secho(f"  - {problem}", fg="red")
        raise click.exceptions.Exit(1)
    click.echo(config_text.DOCTOR_OK)


# --- serve --------------------------------------------------------------------------------
@click.command("serve", help=main_text.SERVE_CONSOLE_HELP)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
    metavar=main_text.PORT_METAVAR, help=main_text.PORT_HELP,
)  # fmt: skip
@click.pass_context
@handle_errors
def serve_command(ctx: click.Context, port: int) -> None:
    """The presenter's console in the local browser (loopback only: the data is personal)."""
    from facilitator.cli.web import serve

    store = get_store(ctx)
    args = [sys.executable, "-m", "facilitator", "--data-dir", str(store.root)]
    if ctx.meta.get("content_dir"):
        args += ["--content-dir", str(ctx.meta["content_dir"])]
    serve(args, "127.0.0.1", port, main_text.CONSOLE_WEB_TITLE, main_text.SERVING_CONSOLE)
