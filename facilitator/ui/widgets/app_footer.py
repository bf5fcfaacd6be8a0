"""The footer every screen shows: compact below 100 columns, so F1 and the screen's own
keys still fit on an 80-column laptop or projector."""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual._context import active_app
from textual.screen import Screen
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Columns under which the keys drop their padding (80×24 must show every key)."""


class AppFooter(Footer):
    """Textual's footer, compact on narrow terminals (follows resizes), rebuilt only when
    the keys it shows change."""

    def __init__(self) -> None:
        # Chosen when built (the app's size is known by then), not switched on mount:
        # switching restyled every key of the first screen once more at start-up.
        try:
            width = active_app.get().size.width
        except LookupError:
            width = COMPACT_BELOW
        super().__init__(compact=width < COMPACT_BELOW)
        self._shown: Hashable = None

    def on_resize(self, event: events.Resize) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual rebuilds every key of the footer whenever the focus moves: after a note
        # was saved (the focus goes back to the speaker box) that was ~40 ms of mounting
        # and restyling for the same keys (issue 13). Rebuilt only when they differ.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        self.refresh(recompose=True)

    def _keys_shown(self) -> Hashable:
        """What :meth:`Footer.compose` draws from, as a comparable value."""
        keys = []
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING:
                group = binding.group
                keys.append(
                    (
                        key,
                        binding.key,
                        binding.description,
                        binding.action,
                        enabled,
                        tooltip,
                        binding.tooltip,
                        binding.show,
                        (group.description, group.compact) if group else None,
                    )
                )
        return (self.show_command_palette, tuple(keys))
