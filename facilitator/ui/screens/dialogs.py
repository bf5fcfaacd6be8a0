"""Modal dialogs: reason, guest, roster import, conclusion, confirm (votes and approval:
``vote_dialogs``; notes: ``note_dialogs``; export: ``export_dialog``; their base:
``dialog_base``).

Each returns plain data through ``dismiss`` (``None`` when cancelled); the calling
screen decides what to do with it and calls the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from facilitator.domain.people import Unit
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialog_base import CANCEL_BINDINGS, _Dialog
from facilitator.ui.screens.vote_dialogs import ApproveDialog, VoteDialog, VoteInput
from facilitator.ui.widgets.text_boxes import Input, TextArea

# Importers of the dialogs and of their base before they were split keep working.
__all__ = [
    "CANCEL_BINDINGS",
    "ApproveDialog",
    "ConfirmDialog",
    "GuestDialog",
    "GuestInfo",
    "ReasonDialog",
    "RosterImportDialog",
    "RosterImportRequest",
    "TextDialog",
    "VoteDialog",
    "VoteInput",
    "_Dialog",
]


class ReasonDialog(_Dialog[str]):
    """One required line of text: the reason for an absence or for reopening."""

    def __init__(self, title: str, placeholder: str = "", body: str = "", label: str = "") -> None:
        super().__init__()
        self._title, self._placeholder, self._body, self._label = title, placeholder, body, label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = plain(self._title)
            if self._body:
                yield Static(plain(self._body))
            if self._label:
                yield Label(self._label)
            yield Input(placeholder=self._placeholder, id="reason")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        value = self.query_one("#reason", Input).value.strip()
        if not value:
            self.error(ui_text.REASON_REQUIRED)
            return
        self.dismiss(value)


@dataclass(frozen=True)
class GuestInfo:
    """Someone added on the spot."""

    name: str
    category: str
    position: str


@dataclass(frozen=True)
class RosterImportRequest:
    """A roster file to import and the unit it belongs to."""

    path: Path
    unit: str
    parent: str
    abbrev: str
    locality: str
    profile: str | None


class RosterImportDialog(_Dialog[RosterImportRequest]):
    """The file (CSV or XLSX) and the unit: what `facilitator roster import` asks.

    ``unit``: the unit chosen on the form, filled in (a new roster for it is the usual
    case); the user may still type another unit.
    """

    def __init__(self, unit: Unit | None = None) -> None:
        super().__init__()
        self._unit = unit

    def compose(self) -> ComposeResult:
        # Scrolls when the window is too short (80x24) for the whole form and its buttons.
        with VerticalScroll(id="dialog", classes="wide") as box:
            box.border_title = ui_text.ROSTER_IMPORT_TITLE
            yield Label(ui_text.ROSTER_IMPORT_FILE)
            yield Input(placeholder=ui_text.ROSTER_IMPORT_FILE_HINT, id="roster-file")
            yield Label(ui_text.ROSTER_IMPORT_UNIT)
            yield Input(placeholder=ui_text.ROSTER_IMPORT_UNIT_HINT, id="roster-unit")
            with Horizontal(classes="form-pair"):
                with Vertical():
                    yield Label(ui_text.ROSTER_IMPORT_PARENT)
                    yield Input(placeholder=ui_text.ROSTER_IMPORT_PARENT_HINT, id="roster-parent")
                with Vertical():
                    yield Label(ui_text.ROSTER_IMPORT_ABBREV)
                    yield Input(placeholder="CB", id="roster-abbrev")
            with Horizontal(classes="form-pair"):
                with Vertical():
                    yield Label(ui_text.ROSTER_IMPORT_LOCALITY)
                    yield Input(placeholder="Di Linh", id="roster-locality")
                with Vertical():
                    yield Label(ui_text.ROSTER_IMPORT_PROFILE)
                    # Blank keeps a stored unit's style (a new unit becomes a Party one).
                    yield Select(
                        [(label, key) for key, label in ui_text.UNIT_PROFILES.items()],
                        prompt=ui_text.ROSTER_PROFILE_KEEP,
                        id="roster-profile",
                    )
            with Vertical(classes="dialog-footer"):  # docked: in view while the form scrolls
                yield Label("", classes="dialog-error")
                yield from self.buttons()

    def on_mount(self) -> None:
        if self._unit is not None:
            for box, value in (
                ("roster-unit", self._unit.name),
                ("roster-parent", self._unit.parent),
                ("roster-abbrev", self._unit.abbrev),
                ("roster-locality", self._unit.locality),
            ):
                self.query_one(f"#{box}", Input).value = value
        self.query_one("#roster-file", Input).focus()  # not the scrolling container

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        if not value("roster-file") or not value("roster-unit"):
            self.error(ui_text.ROSTER_IMPORT_REQUIRED)
            return
        profile = self.query_one("#roster-profile", Select).value
        self.dismiss(
            RosterImportRequest(
                path=Path(value("roster-file")).expanduser(),
                unit=value("roster-unit"),
                parent=value("roster-parent"),
                abbrev=value("roster-abbrev"),
                locality=value("roster-locality"),
                profile=profile if isinstance(profile, str) else None,
            )
        )


class GuestDialog(_Dialog[GuestInfo]):
    """Name, category (khách mời, quần chúng, đảng viên…) and position."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = ui_text.GUEST_TITLE
            yield Label(ui_text.GUEST_NAME)
            yield Input(id="guest-name")
            yield Label(ui_text.GUEST_CATEGORY)
            yield Select(
                [(label, key) for key, label in ui_text.PERSON_CATEGORY.items()][::-1],
                value="khach",
                allow_blank=False,
                id="guest-category",
            )
            yield Label(ui_text.GUEST_POSITION)
            yield Input(id="guest-position")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        name = self.query_one("#guest-name", Input).value.strip()
        if not name:
            self.error(ui_text.GUEST_NAME_REQUIRED)
            return
        category = self.query_one("#guest-category", Select).value
        self.dismiss(
            GuestInfo(
                name=name,
                category=category if isinstance(category, str) else "khach",
                position=self.query_one("#guest-position", Input).value.strip(),
            )
        )


class TextDialog(_Dialog[str]):
    """Multi-line text (a conclusion or a note); ctrl+s saves, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CANCEL_BINDINGS,
        Binding("ctrl+s", "save", ui_text.SAVE, show=False),
    ]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as box:
            box.border_title = plain(self._title)
            yield TextArea(self._value, id="dialog-text", soft_wrap=True)
            yield Static(ui_text.CONCLUSION_HINT, classes="dialog-hint")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Button.Pressed, "#ok")
    def action_save(self) -> None:
        """Return the text."""
        self.dismiss(self.query_one(TextArea).text)


class ConfirmDialog(ModalScreen[bool]):
    """Yes / no; Esc means no."""

    CSS_PATH = "../dialogs.tcss"  # parsed when first opened, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", ui_text.NO, show=False),
        Binding("y", "answer(True)", ui_text.YES, show=False),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = ui_text.CONFIRM_TITLE
            yield Static(plain(self._message), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(ui_text.YES, variant="warning", id="yes")
                yield Button(ui_text.NO, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        """Close with the answer."""
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
