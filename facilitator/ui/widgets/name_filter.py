"""The attendance name filter: letters filter, digits are left to the status keys."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive

from facilitator.ui.widgets.text_boxes import Input


class NameFilter(Input):
    """An Input that lets digits through to the screen (names never contain digits).

    Textual's Input sets its ``virtual_size`` from its text on every key, and that
    reactive asks for a layout of the whole screen whenever it changes: typing the
    first letter over the placeholder, or erasing the last one, laid the attendance
    screen out again on each key (a third of a filter key's cost, issue 13). The box's
    own size is fixed by CSS, so here a new virtual size only updates the scroll
    limits (what the layout would have done for this widget) and repaints the box.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character is not None and character.isdigit():
            return False
        return super().check_consume_key(key, character)

    def _watch_virtual_size(self, size: Size) -> None:
        if self.is_mounted:
            self._scroll_update(size)
