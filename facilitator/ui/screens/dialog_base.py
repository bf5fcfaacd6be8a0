"""The base of the console's modal dialogs: Esc cancels, Save / Cancel buttons, an error
line, and no information notice left over the dialog's title."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Label

from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain

T = TypeVar("T")

CANCEL_BINDINGS: list[BindingType] = [Binding("escape", "cancel", ui_text.CANCEL, show=False)]


def scroll_above_footer(screen: Screen[Any], focused: Widget) -> None:
    """Bring a focused field of a scrolling ``#dialog`` into view above its docked footer
    (``.dialog-footer``: error line and buttons). Textual scrolls to a focused widget only
    when the window cuts it, not when a docked sibling covers it."""
    if not screen.query(".dialog-footer"):
        return
    for box in screen.query("#dialog"):
        if focused is not box:
            box.scroll_to_widget(focused, animate=False)


class _Dialog(ModalScreen[T | None], Generic[T]):
    """Esc cancels; subclasses put their fields in ``#dialog``."""

    CSS_PATH = "../dialogs.tcss"  # parsed when first opened, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = CANCEL_BINDINGS

    def on_mount(self) -> None:
        # Textual calls this besides a subclass's own on_mount. A notice still showing
        # ("Đã lưu kết luận") sat over the dialog's title; warnings stay (some say why
        # the dialog opened). Textual offers no public way to drop a single notice.
        app = self.app
        for notice in list(app._notifications):
            if notice.severity == "information":
                app._unnotify(notice, refresh=False)
        app._refresh_notifications()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        scroll_above_footer(self, event.widget)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(ui_text.SAVE, variant="primary", id="ok")
            yield Button(ui_text.CANCEL, id="cancel")

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def error(self, message: str) -> None:
        """Show a validation message inside the dialog."""
        self.query_one(".dialog-error", Label).update(plain(message))
