"""Drafting a pack from the Prepare screen: the plan-file dialog and the report afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from facilitator.strings import drafting as drafting_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialogs import _Dialog
from facilitator.ui.widgets.text_boxes import Input


class DraftDialog(_Dialog[Path]):
    """Asks for the plan file; a path that is not a file is said in the dialog."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="wide") as box:
            box.border_title = drafting_text.DIALOG_TITLE
            yield Label(drafting_text.DIALOG_FILE)
            yield Input(placeholder=drafting_text.DIALOG_FILE_HINT, id="plan-file")
            yield Static(plain(drafting_text.dialog_folder(str(self._folder))), id="draft-folder")
            yield Label("", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(drafting_text.DIALOG_OK, variant="primary", id="ok")
                yield Button(drafting_text.REPORT_CLOSE, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#plan-file", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        typed = self.query_one("#plan-file", Input).value.strip().strip('"')
        if not typed:
            self.error(drafting_text.FILE_REQUIRED)
            return
        path = Path(typed).expanduser()
        if not path.is_file():
            self.error(drafting_text.file_missing(str(path)))
            return
        self.dismiss(path)


class DraftReportDialog(ModalScreen[None]):
    """What the draft found and what it could not place; Enter or Esc closes it."""

    CSS_PATH = "../dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", drafting_text.REPORT_CLOSE, show=False)
    ]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self._lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="wide") as box:
            box.border_title = drafting_text.REPORT_TITLE
            yield Static(plain("\n".join(self._lines)), id="draft-report")
            # Docked: the report opens at its first line, not scrolled to the focused button.
            with Horizontal(classes="dialog-buttons dialog-footer"):
                yield Button(drafting_text.REPORT_CLOSE, variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def action_close(self) -> None:
        """Back to Prepare, the new pack selected."""
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.dismiss(None)
