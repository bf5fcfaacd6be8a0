"""The export dialog: a format from the list and the file (or folder) to write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from facilitator.strings import export_ui as export_text
from facilitator.ui.screens.dialogs import _Dialog


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where."""

    fmt: str
    path: Path


EXPORT_SUFFIX = {
    "docx": "-bien-ban.docx",
    "md": "-bien-ban.md",
    "bundle": ".json",
    "script": "-kich-ban.docx",
    "script-md": "-kich-ban.md",
}


class ExportDialog(_Dialog[ExportRequest]):
    """Pick a format; the file name follows the format until the user edits it."""

    def __init__(self, folder: Path, session_id: str) -> None:
        super().__init__()
        self._folder = folder
        self._session_id = session_id

    def _default(self, fmt: str) -> str:
        return str(self._folder / f"{self._session_id}{EXPORT_SUFFIX[fmt]}")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as box:
            box.border_title = export_text.EXPORT_TITLE
            yield OptionList(
                *[Option(label, id=fmt) for fmt, label in export_text.EXPORT_FORMATS.items()],
                id="export-format",
            )
            yield Label(export_text.EXPORT_PATH)
            yield Input(self._default("docx"), id="export-path")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    @on(OptionList.OptionHighlighted)
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        path = self.query_one("#export-path", Input)
        if path.value in {self._default(f) for f in EXPORT_SUFFIX} and event.option_id:
            path.value = self._default(event.option_id)

    @on(OptionList.OptionSelected)
    def _format_chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.error(export_text.EXPORT_PATH_REQUIRED)
            return
        option = self.query_one("#export-format", OptionList)
        index = option.highlighted or 0
        fmt = option.get_option_at_index(index).id or "docx"
        self.dismiss(ExportRequest(fmt, Path(raw).expanduser()))
