"""The footer every screen shows: compact below 100 columns, so F1 and the screen's own
keys still fit on an 80-column laptop or projector."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Columns under which the keys drop their padding (80×24 must show every key)."""


class AppFooter(Footer):
    """Textual's footer, compact on narrow terminals (follows resizes)."""

    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def on_resize(self, event: events.Resize) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW
