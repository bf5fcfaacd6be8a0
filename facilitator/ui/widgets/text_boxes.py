"""Text boxes whose editing keys keep their place among the letters typed around them.

Textual's Input and TextArea insert a typed letter at once (in ``_on_key``), but run
their own bound keys (backspace, delete, arrows, home/end, ctrl+w…) only after the key
has bubbled up to the app (textual#6605, upstream fix proposed in textual#6631). When
keys arrive faster than the app handles them (a fast typist, an old laptop busy saving,
a key burst through a remote terminal), "Lê Văn Anh⌫⌫h" becomes "Lê Văn A": the letters
after a backspace land before it runs. Here the box runs its own non-priority binding
for the key inline, in order; what runs is the same binding the app would have found
first (the focused widget heads the binding chain, and priority bindings were checked
before the key reached it).

A one-line box of fixed size also stops laying the whole screen out on every letter:
Textual's Input sets its ``virtual_size`` (a layout reactive) to the text's width on each
change, so each letter typed in the run screen's note box re-arranged every widget of
the screen (issue 13), while only the box itself had to be painted again.

Every text box of the console comes from this module (tests/test_text_boxes.py
keeps it so).
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input as _Input
from textual.widgets import TextArea as _TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own binding for a non-printable key now; True when one ran."""
    if event.is_printable:
        return False
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if binding.priority:
            continue  # the app ran its priority bindings before the key got here
        if await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class Input(_Input):
    """Textual's Input, with its editing keys run in the order they were typed."""

    async def _on_key(self, event: events.Key) -> None:
        if await run_own_binding(self, event):
            return
        await super()._on_key(event)

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            # Set first without side effects: Textual's own assignment below then finds it
            # unchanged. The box repaints itself (it scrolls within its own width).
            self.set_reactive(_Input.virtual_size, Size(self.content_width, 1))
            self.refresh()
        super()._watch_value(value)


class TextArea(_TextArea):
    """Textual's TextArea, with its editing keys run in the order they were typed."""

    async def _on_key(self, event: events.Key) -> None:
        if await run_own_binding(self, event):
            return
        await super()._on_key(event)
