"""Textual's command palette with its remaining English words in Vietnamese."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from facilitator.domain.vietnamese import fold
from facilitator.strings import ui as ui_text

__all__ = ["FoldingCommands", "ThemeProvider", "VietnamesePalette"]


class FoldingMatcher(Matcher):
    """Accents ignored on both sides: "nhap bien ban" finds "Nhập biên bản sau buổi họp",
    as every other search in the app does (many laptops have no Vietnamese keyboard)."""

    def __init__(self, query: str, **options: object) -> None:
        super().__init__(fold(query), **options)  # type: ignore[arg-type]

    def match(self, candidate: str) -> float:
        return super().match(fold(candidate))

    def highlight(self, candidate: str) -> Content:
        folded = fold(candidate)
        content = Content.from_markup(candidate)
        if len(folded) != len(candidate):  # spacing folded: positions would not line up
            return content
        score, offsets = self.fuzzy_search.match(self.query, folded)
        if not score:
            return content
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(self.match_style, offset, offset + 1)
        return content


class FoldingCommands(SystemCommandsProvider):
    """The app's commands (and Textual's, in Vietnamese), searched without accents."""

    def matcher(self, user_input: str, case_sensitive: bool = False) -> Matcher:
        return FoldingMatcher(
            user_input, match_style=self.match_style, case_sensitive=case_sensitive
        )


class VietnamesePalette(CommandPalette):
    """Placeholder and "no matches" in Vietnamese; everything else is Textual's."""

    def __init__(
        self,
        providers: list[type] | None = None,
        *,
        placeholder: str = ui_text.PALETTE_SEARCH,
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
                        Align.center(Text(ui_text.PALETTE_NO_MATCHES, style="not bold")),
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
