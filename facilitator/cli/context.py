"""What every command shares: the data folder, the store, and clean error exits.

No traceback ever reaches the user: :class:`FacilitatorError` prints its Vietnamese
message (with its located problems) in red on stderr, ``OSError`` names the path, and
the command exits with status 1.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, ParamSpec, TypeVar

import click

from facilitator.config.locations import default_store_dir
from facilitator.config.settings import Settings
from facilitator.domain.errors import FacilitatorError, OutputExistsError
from facilitator.storage.store import Store
from facilitator.strings import cli as cli_text
from facilitator.strings.oserrors import reason as os_reason

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class CliContext:
    """``ctx.obj`` of the main group: where this run keeps its data, and the user's settings."""

    data_dir: Path
    settings: Settings = field(default_factory=Settings)
    data_dir_chosen: bool = False
    """True when --data-dir, the environment or config.toml named the folder."""


def fail(message: str) -> NoReturn:
    """Print ``message`` in red on stderr and exit with status 1."""
    click.secho(message, fg="red", err=True)
    raise click.exceptions.Exit(1)


def _os_message(err: OSError) -> str:
    reason = os_reason(err)
    path = err.filename
    return (
        cli_text.os_error(path, reason) if path is not None else cli_text.os_error_no_path(reason)
    )


def get_settings(ctx: click.Context) -> Settings:
    """The user's config.toml, as read by the main group."""
    obj = ctx.find_object(CliContext)
    return obj.settings if obj is not None else Settings()


def get_store(ctx: click.Context, *, create: bool = True) -> Store:
    """The store in the run's data folder; a folder that cannot be used exits cleanly.

    ``create=False`` for commands that only read: they never create the data folder.
    """
    obj = ctx.find_object(CliContext)
    data_dir = obj.data_dir if obj is not None else default_store_dir()
    try:
        return Store(data_dir, create=create)
    except FacilitatorError as err:
        fail(str(err))
    except OSError as err:
        fail(_os_message(err))


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause into a red message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except OutputExistsError as err:
            fail(cli_text.output_exists(err.path))
        except FacilitatorError as err:
            fail(str(err))
        except OSError as err:
            fail(_os_message(err))

    return wrapper
