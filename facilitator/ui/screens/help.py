"""F1 help: every key, generated from the command table (so it can never drift)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from facilitator.strings import ui as ui_text
from facilitator.ui.commands import help_rows


def help_markdown() -> str:
    """Sections per screen; one line per command: key, title, what it does."""
    lines = [f"# {ui_text.HELP_TITLE}", ui_text.HELP_INTRO]
    section = ""
    for scope_title, key, title, help_ in help_rows():
        if scope_title != section:
            section = scope_title
            lines.append(f"\n## {section}\n")
        # A command with no key of its own is reached from the palette: say so, no empty key.
        shown = f"`{key}`" if key else ui_text.HELP_PALETTE_ONLY
        lines.append(f"- {shown} **{title}** — {help_}")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Scrollable list of every command; Esc or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_help", ui_text.CANCEL, show=False)
    ]

    def __init__(self) -> None:
        super().__init__()
        self.markdown = help_markdown()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(self.markdown)

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_dismiss_help(self) -> None:
        """Close."""
        self.dismiss(None)
