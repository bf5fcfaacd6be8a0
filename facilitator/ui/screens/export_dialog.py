"""The export dialog: a format from the list and the file (or folder) to write.

The list is the formats the caller passes (from ``facilitator.export.formats``); each
proposes its own default file name, worded nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from facilitator.export.formats import ExportFormat
from facilitator.strings import export_ui as export_ui_text
from facilitator.ui.screens.dialogs import _Dialog
from facilitator.ui.widgets.text_boxes import Input


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where."""

    fmt: ExportFormat
    path: Path


class ExportDialog(_Dialog[ExportRequest]):
    """Pick a format; the file name follows the format until the user edits it."""

    def __init__(
        self,
        folder: Path,
        session_id: str,
        formats: Sequence[ExportFormat],
        title: str = export_ui_text.EXPORT_TITLE,
    ) -> None:
        super().__init__()
        self._folder = folder
        self._session_id = session_id
        self._formats = {f.id: f for f in formats}
        self._title = title

    def _default(self, fmt: ExportFormat) -> str:
        return str(self._folder / fmt.default_name(self._session_id))

    def compose(self) -> ComposeResult:
        first = next(iter(self._formats.values()))
        with Vertical(id="dialog", classes="wide") as box:
            box.border_title = self._title
            yield OptionList(
                *[Option(export_ui_text.FORMAT_LABELS[f], id=f) for f in self._formats],
                id="export-format",
            )
            yield Label(export_ui_text.EXPORT_PATH)
            yield Input(self._default(first), id="export-path")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    @on(OptionList.OptionHighlighted)
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        path = self.query_one("#export-path", Input)
        defaults = {self._default(f) for f in self._formats.values()}
        if path.value in defaults and event.option_id in self._formats:
            path.value = self._default(self._formats[event.option_id])

    @on(OptionList.OptionSelected)
    def _format_chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    def chosen(self) -> ExportFormat:
        """The highlighted format (the first when none is)."""
        option = self.query_one("#export-format", OptionList)
        format_id = option.get_option_at_index(option.highlighted or 0).id
        return self._formats.get(format_id or "", next(iter(self._formats.values())))

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.error(export_ui_text.EXPORT_PATH_REQUIRED)
            return
        self.dismiss(ExportRequest(self.chosen(), Path(raw).expanduser()))
