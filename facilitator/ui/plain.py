"""User and file text, shown literally: never parsed as markup, never a terminal escape.

Textual reads plain ``str`` as content markup almost everywhere (``Static``, ``Label``,
``DataTable`` cells, ``notify``, border titles, palette help), so a name such as
"Nguyễn [Văn] An" would lose its brackets and a title such as "Họp [/] chi bộ" would
crash the app. Every piece of text that did not come from ``facilitator.strings``
goes through one of these helpers before it reaches a widget.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import ActiveBinding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

from facilitator.domain.vietnamese import strip_controls

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LIST_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=~-])", re.MULTILINE)


def visible(text: object) -> str:
    """``text`` without control characters or escape sequences (tabs, newlines kept).

    Stored data normally arrives cleaned, but a file edited by hand may not be.
    """
    return strip_controls(str(text))


def plain(text: object) -> Content:
    """Inert content for ``Static``, ``Label``, option prompts and border titles."""
    return Content(visible(text))


def plain_text(text: object) -> Text:
    """Inert Rich text for ``DataTable`` cells and ``Select`` labels.

    ``Select``'s type-to-search only reads ``str`` and Rich ``Text`` prompts, and a
    ``DataTable`` cell given a ``str`` is parsed as markup.
    """
    return Text(visible(text), end="")


def markup_escape(text: object) -> str:
    """For the few APIs that only take a markup string (command palette help).

    Every "[" is escaped; unlike ``textual.markup.escape`` a backslash before it is
    left alone, which is what Textual's parser needs to show "\\[" literally.
    """
    return visible(text).replace("[", "\\[")


def md_literal(text: object) -> str:
    """Make user text literal inside Markdown (emphasis, links, headings, lists)."""
    value = _MD_SPECIAL.sub(r"\\\1", visible(text))
    value = _MD_LIST_START.sub(r"\1\\\2", value)
    return _MD_BLOCK_START.sub(r"\1\\\2", value)


class PlainNotify:
    """Mixin for App and Screen: notifications are plain text by default.

    Messages carry names, titles, reasons and file paths; none of the console's own
    wording uses markup, so plain is the safe default.
    """

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a toast; ``message`` is literal text unless ``markup`` is asked for."""
        super().notify(  # type: ignore[misc]
            visible(message), title=title, severity=severity, timeout=timeout, markup=markup
        )


class PlainScreen(PlainNotify, Screen[None]):
    """A screen whose notifications are plain text by default."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's, without repainting the whole screen when the focus moves: every saved
    note (the focus goes back to the speaker box) rendered each widget of the run screen
    again (issue 13). The two widgets whose focus changed repaint with their own styles
    (``Screen._update_focus_styles``), and the footer follows the bindings."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's, with this screen's own keys first, in the order it declares them.

        Textual lists them from the focused widget up: the speaker box binds ctrl+←/→
        itself, so "Mục" jumped ahead of F1 and the footer's keys changed places each
        time the focus moved between the note box and the notes list."""
        found = super().active_bindings
        own = {key: n for n, key in enumerate(self._bindings.key_to_bindings)}

        def declared(key: str) -> tuple[int, int]:
            return (0, own[key]) if found[key].node is self and key in own else (1, 0)

        return {key: found[key] for key in sorted(found, key=declared)}  # sort is stable

    @property
    def facilitator(self) -> FacilitatorApp:
        """The app, typed (imported late: the app imports the screens)."""
        from facilitator.ui.app import FacilitatorApp

        assert isinstance(self.app, FacilitatorApp)
        return self.app
