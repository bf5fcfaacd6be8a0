"""Chair, secretary and presenters, changed at any time before approval; a presenter
from outside the roster (a báo cáo viên of the level above) entered by name and position."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Select, Static

from facilitator.domain.models import Session
from facilitator.strings import roles as roles_text
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain_text
from facilitator.ui.screens.dialogs import _Dialog
from facilitator.ui.widgets.person_select import PersonSelect, person_label
from facilitator.ui.widgets.text_boxes import Input

FIELDS = ("roles-chair", "roles-secretary", "roles-presenter", "roles-presenter2")


@dataclass(frozen=True)
class RolesChoice:
    """What the dialog returns: ids chosen, and an outside presenter if one was typed."""

    chair: str | None
    secretary: str | None
    presenters: tuple[str, ...]
    outside_name: str = ""
    outside_position: str = ""


class RolesDialog(_Dialog[RolesChoice]):
    """Four person pickers and the outside presenter's name and position."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def compose(self) -> ComposeResult:
        people = [(plain_text(person_label(p)), p.id) for p in self._session.sorted_people()]
        roles = self._session.roles
        presenters = [*roles.presenters, None, None]
        values = (roles.chair, roles.secretary, presenters[0], presenters[1])
        with VerticalScroll(id="dialog", classes="wide") as box:
            box.border_title = roles_text.TITLE
            for field_id, label, value in zip(FIELDS, roles_text.LABELS, values, strict=True):
                yield Label(label)
                known = value is not None and any(v == value for _, v in people)
                # Given to the constructor: a value set before mount is kept but the
                # picker showed "(chưa chọn)".
                yield PersonSelect(
                    people,
                    prompt=ui_text.NOBODY,
                    value=value if known and value is not None else Select.NULL,
                    id=field_id,
                )
            yield Static(roles_text.OUTSIDE_HINT, classes="hint")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(roles_text.OUTSIDE_NAME)
                    yield Input(id="roles-outside-name")
                with Vertical():
                    yield Label(roles_text.OUTSIDE_POSITION)
                    yield Input(id="roles-outside-position")
            with Vertical(classes="dialog-footer"):  # docked: in view while the form scrolls
                yield Label("", classes="dialog-error")
                yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one(f"#{FIELDS[0]}", Select).focus()

    def _person(self, field_id: str) -> str | None:
        value = self.query_one(f"#{field_id}", Select).value
        return value if isinstance(value, str) else None

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        name = self.query_one("#roles-outside-name", Input).value.strip()
        position = self.query_one("#roles-outside-position", Input).value.strip()
        if position and not name:
            self.error(roles_text.OUTSIDE_NAME_REQUIRED)
            return
        presenters = (self._person("roles-presenter"), self._person("roles-presenter2"))
        self.dismiss(
            RolesChoice(
                chair=self._person("roles-chair"),
                secretary=self._person("roles-secretary"),
                presenters=tuple(dict.fromkeys(p for p in presenters if p)),
                outside_name=name,
                outside_position=position,
            )
        )
