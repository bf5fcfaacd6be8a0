"""The result report's dialogs: "Thông tin ký ban hành" (number, signer, recipients,
narrative) and the unit's details (superior body, place, symbol, issuer, recipients).

Their own layout is in ``report.tcss``, which the report screen (that opens them) loads
beside ``dialogs.tcss``. Both return plain data; the report screen remembers and saves it through
``facilitator.services.reporting``. The signing dialog never loses what was typed: Esc
and "Đóng" return it too (marked as not to export), so the screen can remember it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from facilitator.export.report_details import ReportDetails
from facilitator.services.reporting import UnitFields
from facilitator.strings import report_ui as report_ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialogs import _Dialog
from facilitator.ui.widgets.text_boxes import Input, TextArea

SigningAction = Literal["export", "unit", "close"]


@dataclass(frozen=True)
class SigningAnswer:
    """What the dialog holds, and what the user asked for next."""

    details: ReportDetails
    action: SigningAction


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class SigningDialog(_Dialog[SigningAnswer]):
    """Every field a signer needs; what is still blank is listed by the caller."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", report_ui_text.CLOSE_BUTTON, show=False),
        Binding("ctrl+s", "export", report_ui_text.EXPORT_BUTTON, show=False),
    ]

    def __init__(self, form: ReportDetails, warning: str = "", position_hint: str = "") -> None:
        super().__init__()
        self._form = form
        self._warning = warning
        self._position_hint = position_hint

    def compose(self) -> ComposeResult:
        form = self._form
        narrative = dict(form.narrative)
        with Vertical(id="dialog", classes="wide signing") as box:
            box.border_title = report_ui_text.SIGNING_TITLE
            if self._warning:
                yield Static(plain(self._warning), id="signing-warning")
            with VerticalScroll(id="signing-form"):
                yield Label(report_ui_text.NUMBER_LABEL)
                yield Input(form.number, id="sign-number")
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label(report_ui_text.SIGNER_NAME_LABEL)
                        yield Input(form.signer_name, id="sign-name")
                    with Vertical():
                        yield Label(report_ui_text.SIGNER_POSITION_LABEL)
                        hint = self._position_hint
                        placeholder = report_ui_text.SIGNER_POSITION_PLACEHOLDER.format(title=hint)
                        yield Input(
                            form.signer_position,
                            placeholder=placeholder if hint else "",
                            id="sign-position",
                        )
                yield Label(report_ui_text.RECIPIENTS_LABEL)
                yield TextArea("\n".join(form.recipients), id="sign-recipients")
                for key, label in report_ui_text.NARRATIVE_LABELS.items():
                    yield Label(label)
                    yield TextArea(narrative.get(key, ""), id=f"sign-{key}", soft_wrap=True)
            yield Label("", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(report_ui_text.EXPORT_BUTTON, variant="primary", id="sign-export")
                yield Button(report_ui_text.UNIT_BUTTON, id="sign-unit")
                yield Button(report_ui_text.CLOSE_BUTTON, id="sign-close")

    def on_mount(self) -> None:
        self.query_one("#sign-number", Input).focus()

    def details(self) -> ReportDetails:
        """What the fields hold now."""

        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        def area(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", TextArea).text

        return ReportDetails(
            number=value("sign-number"),
            signer_name=value("sign-name"),
            signer_position=value("sign-position"),
            recipients=_lines(area("sign-recipients")),
            narrative=tuple(
                (k, area(f"sign-{k}").strip()) for k in report_ui_text.NARRATIVE_LABELS
            ),
        )

    def _answer(self, action: SigningAction) -> None:
        self.dismiss(SigningAnswer(self.details(), action))

    def action_close(self) -> None:
        """Close without exporting; what was typed goes back to be remembered."""
        self._answer("close")

    def action_cancel(self) -> None:
        """Esc, whichever binding Textual picks: the same as "Đóng"."""
        self.action_close()

    def action_export(self) -> None:
        """Go on to the blanks and the file."""
        self._answer("export")

    @on(Input.Submitted)
    @on(Button.Pressed, "#sign-export")
    def _export_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#sign-unit")
    def _unit_pressed(self) -> None:
        self._answer("unit")

    @on(Button.Pressed, "#sign-close")
    def _close_pressed(self) -> None:
        self.action_close()


class UnitDialog(_Dialog[UnitFields]):
    """The unit's details a report needs; saved on the unit."""

    def __init__(self, unit_name: str, fields: UnitFields, warning: str = "") -> None:
        super().__init__()
        self._unit_name = unit_name
        self._fields = fields
        self._warning = warning

    def compose(self) -> ComposeResult:
        fields = self._fields
        with Vertical(id="dialog", classes="wide unit-details") as box:
            box.border_title = plain(report_ui_text.UNIT_TITLE.format(unit=self._unit_name))
            if self._warning:
                yield Static(plain(self._warning), id="unit-warning")
            with VerticalScroll(id="unit-form"):
                yield Label(report_ui_text.PARENT_LABEL)
                yield Input(fields.parent, id="unit-parent")
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label(report_ui_text.LOCALITY_LABEL)
                        yield Input(fields.locality, id="unit-locality")
                    with Vertical():
                        yield Label(report_ui_text.ABBREV_LABEL)
                        yield Input(fields.abbrev, id="unit-abbrev")
                yield Label(report_ui_text.ISSUER_LABEL)
                yield Input(fields.issuer, id="unit-issuer")
                yield Label(report_ui_text.UNIT_RECIPIENTS_LABEL)
                yield TextArea("\n".join(fields.recipients), id="unit-recipients")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#unit-parent", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        self.dismiss(
            UnitFields(
                parent=value("unit-parent"),
                locality=value("unit-locality"),
                abbrev=value("unit-abbrev"),
                issuer=value("unit-issuer"),
                recipients=_lines(self.query_one("#unit-recipients", TextArea).text),
            )
        )
