"""Make click speak Vietnamese.

click looks its wording up through ``gettext`` at call time, via a module-level ``_``
in each of its modules; pointing those at our table translates usage lines, section
titles and error messages without compiled catalogues or locale settings.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from facilitator.strings.click import CLICK_TEXT, TYPE_NAMES


def translate(message: str) -> str:
    """Vietnamese for a click message, or the message itself when we have none."""
    return CLICK_TEXT.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """Plural-aware variant (Vietnamese has no plural forms; keep click's choice)."""
    return translate(singular if count == 1 else plural)


def install() -> None:
    """Route click's lookups through :func:`translate` (idempotent); name the value types
    shown as metavars ("TEXT" -> "GIÁ_TRỊ")."""
    click.types.STRING.name = TYPE_NAMES["text"]
    click.types.INT.name = TYPE_NAMES["integer"]
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]
