"""What every command shares: the data folder, the store, and clean error exits.

No traceback ever reaches the user: :class:`FacilitatorError` prints its Vietnamese
message (with its located problems) in red on stderr, ``OSError`` names the path, and
the command exits with status 1.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, ParamSpec, TypeVar

import click

from facilitator.domain.errors import FacilitatorError
from facilitator.storage.store import Store
from facilitator.strings import cli as msg
from facilitator.strings.oserrors import reason as os_reason

DEFAULT_DATA_DIR = Path("sessions")

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class CliContext:
    """``ctx.obj`` of the main group: where this run keeps its data."""

    data_dir: Path


def fail(message: str) -> NoReturn:
    """Print ``message`` in red on stderr and exit with status 1."""
    click.secho(message, fg="red", err=True)
    raise click.exceptions.Exit(1)


def _os_message(err: OSError) -> str:
    reason = os_reason(err)
    path = err.filename
    return msg.os_error(path, reason) if path is not None else msg.os_error_no_path(reason)


def get_store(ctx: click.Context) -> Store:
    """The store in the run's data folder; a folder that cannot be used exits cleanly."""
    obj = ctx.find_object(CliContext)
    data_dir = obj.data_dir if obj is not None else DEFAULT_DATA_DIR
    try:
        return Store(data_dir)
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
        except FacilitatorError as err:
            fail(str(err))
        except OSError as err:
            fail(_os_message(err))

    return wrapper
