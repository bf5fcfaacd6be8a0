"""Modal dialogs: reason, guest, vote, conclusion, confirm, approve (notes: see ``note_dialogs``,
export: ``export_dialog``).

Each returns plain data through ``dismiss`` (``None`` when cancelled); the calling
screen decides what to do with it and calls the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from facilitator.domain.people import Unit
from facilitator.domain.records import Vote
from facilitator.domain.vietnamese import format_percent
from facilitator.domain.votes import VoteOutcome, outcome
from facilitator.strings import ui as text
from facilitator.ui.plain import plain

T = TypeVar("T")

CANCEL_BINDINGS: list[BindingType] = [Binding("escape", "cancel", text.CANCEL, show=False)]


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

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(text.SAVE, variant="primary", id="ok")
            yield Button(text.CANCEL, id="cancel")

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def error(self, message: str) -> None:
        """Show a validation message inside the dialog."""
        self.query_one(".dialog-error", Label).update(plain(message))


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
            self.error(text.REASON_REQUIRED)
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
            box.border_title = text.ROSTER_IMPORT_TITLE
            yield Label(text.ROSTER_IMPORT_FILE)
            yield Input(placeholder=text.ROSTER_IMPORT_FILE_HINT, id="roster-file")
            yield Label(text.ROSTER_IMPORT_UNIT)
            yield Input(placeholder=text.ROSTER_IMPORT_UNIT_HINT, id="roster-unit")
            with Horizontal(classes="form-pair"):
                with Vertical():
                    yield Label(text.ROSTER_IMPORT_PARENT)
                    yield Input(placeholder=text.ROSTER_IMPORT_PARENT_HINT, id="roster-parent")
                with Vertical():
                    yield Label(text.ROSTER_IMPORT_ABBREV)
                    yield Input(placeholder="CB", id="roster-abbrev")
            with Horizontal(classes="form-pair"):
                with Vertical():
                    yield Label(text.ROSTER_IMPORT_LOCALITY)
                    yield Input(placeholder="Di Linh", id="roster-locality")
                with Vertical():
                    yield Label(text.ROSTER_IMPORT_PROFILE)
                    # Blank keeps a stored unit's style (a new unit becomes a Party one).
                    yield Select(
                        [(label, key) for key, label in text.UNIT_PROFILES.items()],
                        prompt=text.ROSTER_PROFILE_KEEP,
                        id="roster-profile",
                    )
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
            self.error(text.ROSTER_IMPORT_REQUIRED)
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
            box.border_title = text.GUEST_TITLE
            yield Label(text.GUEST_NAME)
            yield Input(id="guest-name")
            yield Label(text.GUEST_CATEGORY)
            yield Select(
                [(label, key) for key, label in text.PERSON_CATEGORY.items()][::-1],
                value="khach",
                allow_blank=False,
                id="guest-category",
            )
            yield Label(text.GUEST_POSITION)
            yield Input(id="guest-position")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        name = self.query_one("#guest-name", Input).value.strip()
        if not name:
            self.error(text.GUEST_NAME_REQUIRED)
            return
        category = self.query_one("#guest-category", Select).value
        self.dismiss(
            GuestInfo(
                name=name,
                category=category if isinstance(category, str) else "khach",
                position=self.query_one("#guest-position", Input).value.strip(),
            )
        )


@dataclass(frozen=True)
class VoteInput:
    """Counts typed for one vote."""

    question: str
    for_: int
    against: int
    other: int


class VoteDialog(_Dialog[VoteInput]):
    """Question and counts; the base and the pass/fail result are shown live."""

    def __init__(self, base: int, question: str = "") -> None:
        super().__init__()
        self._base = base
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = text.VOTE_TITLE
            yield Static(text.vote_base_line(self._base), id="vote-base")
            yield Label(text.VOTE_QUESTION)
            yield Input(self._question, id="vote-question")
            with Horizontal(id="vote-counts"):
                for key, label in (
                    ("for", text.VOTE_FOR),
                    ("against", text.VOTE_AGAINST),
                    ("other", text.VOTE_OTHER),
                ):
                    with Vertical():
                        yield Label(label)
                        yield Input("0", id=f"vote-{key}", type="integer")
            yield Static("", id="vote-result")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        self._refresh_result()

    def _count(self, key: str) -> int | None:
        raw = self.query_one(f"#vote-{key}", Input).value.strip() or "0"
        try:
            value = int(raw)
        except ValueError:
            return None
        return value if value >= 0 else None

    def _problem(self) -> str:
        """Why the counts typed so far cannot be a vote ("" when they can)."""
        counts = [self._count(k) for k in ("for", "against", "other")]
        if any(c is None for c in counts):
            return text.VOTE_NUMBER_INVALID
        total = sum(c or 0 for c in counts)
        if total > self._base:
            return text.VOTE_TOO_MANY.format(total=total, base=self._base)
        if total == 0 and self._base > 0:  # one Enter saved a 0/0/0 vote
            return text.VOTE_NO_COUNTS
        return ""

    @on(Input.Changed)
    def _refresh_result(self) -> None:
        # An impossible count is refused as it is typed: no "20/18 (111,11%)" result line.
        problem = self._problem()
        self.error("" if problem == text.VOTE_NO_COUNTS else problem)  # not yet typed: no error
        self.query_one("#ok", Button).disabled = bool(problem)
        widget = self.query_one("#vote-result", Static)
        widget.display = not problem
        if problem:
            return
        votes_for = self._count("for") or 0
        result = outcome(votes_for, self._base)
        passed = result is VoteOutcome.PASSED
        if result is VoteOutcome.NOBODY_ENTITLED:
            widget.update(text.VOTE_NOBODY_ENTITLED)
        else:
            label = text.VOTE_PASSED if passed else text.VOTE_FAILED
            share = format_percent(votes_for, self._base)
            widget.update(text.vote_result_line(label, votes_for, self._base, share))
        widget.set_class(passed, "-passed")
        widget.set_class(result is VoteOutcome.FAILED, "-failed")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        question = self.query_one("#vote-question", Input).value.strip()
        counts = [self._count(k) for k in ("for", "against", "other")]
        if not question:
            self.error(text.VOTE_QUESTION_REQUIRED)
            return
        if any(c is None for c in counts):
            self.error(text.VOTE_NUMBER_INVALID)
            return
        votes_for, against, other = (c or 0 for c in counts)
        if problem := self._problem():
            self.error(problem)
            return
        self.dismiss(VoteInput(question, votes_for, against, other))


class TextDialog(_Dialog[str]):
    """Multi-line text (a conclusion or a note); ctrl+s saves, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CANCEL_BINDINGS,
        Binding("ctrl+s", "save", text.SAVE, show=False),
    ]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as box:
            box.border_title = plain(self._title)
            yield TextArea(self._value, id="dialog-text", soft_wrap=True)
            yield Static(text.CONCLUSION_HINT, classes="dialog-hint")
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
        Binding("escape", "answer(False)", text.NO, show=False),
        Binding("y", "answer(True)", text.YES, show=False),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = text.CONFIRM_TITLE
            yield Static(plain(self._message), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(text.YES, variant="warning", id="yes")
                yield Button(text.NO, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        """Close with the answer."""
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ApproveDialog(_Dialog[int]):
    """Approve the minutes: how many of the voting base approved them."""

    def __init__(self, base: int, vote: Vote | None = None) -> None:
        """``vote``: the vote on the minutes already recorded, whose count is proposed;
        without one the box is empty (the whole base was proposed silently once)."""
        super().__init__()
        self._base = base
        self._vote = vote

    def compose(self) -> ComposeResult:
        vote = self._vote
        with Vertical(id="dialog") as box:
            box.border_title = text.APPROVE_TITLE
            yield Static(text.APPROVE_BODY.format(base=self._base))
            if vote is not None:
                line = text.APPROVE_FROM_VOTE.format(
                    question=vote.question, for_=vote.for_, base=vote.base
                )
                yield Static(plain(line), classes="dialog-hint")
            yield Label(text.APPROVE_FOR)
            proposed = str(vote.for_) if vote is not None else ""
            yield Input(proposed, id="approve-for", type="integer")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        raw = self.query_one("#approve-for", Input).value.strip()
        if not raw:
            self.error(text.APPROVE_FOR_REQUIRED)
            return
        if not raw.isdigit() or (self._base and int(raw) > self._base):
            self.error(text.VOTE_NUMBER_INVALID)
            return
        self.dismiss(int(raw))
