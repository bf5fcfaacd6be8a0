"""The footer every screen shows: compact below 100 columns, so F1 and the screen's own
keys still fit on an 80-column laptop or projector."""

from __future__ import annotations

from textual import events
from textual._context import active_app
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Columns under which the keys drop their padding (80×24 must show every key)."""


class AppFooter(Footer):
    """Textual's footer, compact on narrow terminals (follows resizes)."""

    def __init__(self) -> None:
        # Chosen when built (the app's size is known by then), not switched on mount:
        # switching restyled every key of the first screen once more at start-up.
        try:
            width = active_app.get().size.width
        except LookupError:
            width = COMPACT_BELOW
        super().__init__(compact=width < COMPACT_BELOW)

    def on_resize(self, event: events.Resize) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW
