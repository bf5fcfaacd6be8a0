"""Textual's command palette with its remaining English words in Vietnamese."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from facilitator.strings import ui as text

__all__ = ["ThemeProvider", "VietnamesePalette"]


class VietnamesePalette(CommandPalette):
    """Placeholder and "no matches" in Vietnamese; everything else is Textual's."""

    def __init__(
        self,
        providers: list[type] | None = None,
        *,
        placeholder: str = text.PALETTE_SEARCH,
        id: str | None = None,
    ) -> None:
        super().__init__(providers=providers, placeholder=placeholder, id=id)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's countdown adds an English "No matches found" row; ours says it in
        # Vietnamese, after the same delay.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(text.PALETTE_NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, show_no_matches, name="no-matches"
        )
