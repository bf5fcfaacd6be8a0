"""Make click speak Vietnamese.

click words its usage lines, section titles, help extras and every error through a
module-level ``_`` (``gettext.gettext``) in each of its modules. That is the only hook
reaching all of them: a HelpFormatter subclass covers "Usage:" and the section titles but
not "required", "default: …" or the parser's errors, and gettext proper would need compiled
catalogues *and* a process locale, which old Windows laptops do not set. So the group's
``main()`` points those ``_`` at our table before each run (idempotent); nothing happens
at import.
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
