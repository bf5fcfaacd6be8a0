"""Dialogs for the meeting's times: how to start on another day, the meeting's and the
items' times, and one person's arrival or departure.

Every box is checked as it is typed (format and the order of events, by the rules of
``facilitator.domain.timing``); the save button stays disabled while something is wrong,
and the reason is shown in the dialog, in Vietnamese.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import ClassVar, Generic, Literal, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from facilitator.domain.errors import InputError
from facilitator.domain.models import Session
from facilitator.domain.timing import (
    check_times,
    format_hm,
    format_moment,
    read_clock,
    read_moment,
)
from facilitator.strings import timing as timing_text
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialog_base import scroll_above_footer
from facilitator.ui.widgets.text_boxes import Input

StartChoice = Literal["planned", "now"]
R = TypeVar("R")


class _TimeDialog(ModalScreen[R | None], Generic[R]):
    """Esc cancels; a ``.dialog-error`` label says what is wrong as it is typed."""

    CSS_PATH = "../dialogs.tcss"  # shared dialog look, parsed when first opened
    DEFAULT_CSS = """
    .time-row { height: auto; }
    .time-row > Label { width: 1fr; padding-top: 1; }
    .time-row > Input { width: 12; }
    #times-items { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", ui_text.CANCEL, show=False),
        # ctrl+s saves here as in the text dialogs: the same key everywhere there is Lưu.
        Binding("ctrl+s", "save", ui_text.SAVE, show=False, priority=True),
    ]

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        scroll_above_footer(self, event.widget)

    def action_save(self) -> None:
        """Save, as Enter does: only a valid result closes the dialog."""
        self._submit()

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def buttons(self, ok: str = ui_text.SAVE) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(ok, variant="primary", id="ok")
            yield Button(ui_text.CANCEL, id="cancel")

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def show_problem(self, problem: str) -> None:
        """The first thing wrong ("" when all is well); saving waits until it is fixed."""
        self.query_one(".dialog-error", Label).update(plain(problem))
        self.query_one("#ok", Button).disabled = bool(problem)

    @abstractmethod
    def read(self) -> R:
        """The boxes as a result (raises :class:`InputError` on the first problem)."""

    def _check(self) -> R | None:
        try:
            result = self.read()
        except InputError as err:
            self.show_problem(str(err))
            return None
        self.show_problem("")
        return result

    @on(Input.Changed)
    def _changed(self) -> None:
        self._check()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        # Checked as typed, checked again on Enter: only a valid result closes the dialog.
        result = self._check()
        if result is not None:
            self.dismiss(result)


class StartDialog(ModalScreen[StartChoice | None]):
    """F5 on a day other than the planned one: keep the planned time (default) or now."""

    CSS_PATH = "../dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", ui_text.CANCEL, show=False)
    ]

    def __init__(self, planned: datetime, now: datetime) -> None:
        super().__init__()
        self._planned, self._now = format_moment(planned), format_moment(now)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide") as box:
            box.border_title = timing_text.START_TITLE
            yield Static(
                plain(timing_text.START_OTHER_DAY.format(planned=self._planned, now=self._now))
            )
            with Horizontal(classes="dialog-buttons"):
                label = timing_text.START_PLANNED.format(planned=self._planned)
                yield Button(label, variant="primary", id="planned")
                yield Button(timing_text.START_NOW.format(now=self._now), id="now")

    def on_mount(self) -> None:
        self.query_one("#planned", Button).focus()  # Enter keeps the planned date

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss("now" if event.button.id == "now" else "planned")

    def action_cancel(self) -> None:
        """Do not start."""
        self.dismiss(None)


@dataclass(frozen=True)
class MeetingTimes:
    """What the times dialog returns: the meeting's start and end, and items' times."""

    started_at: datetime
    ended_at: datetime | None
    items: dict[str, tuple[datetime | None, datetime | None]]


class TimesDialog(_TimeDialog[MeetingTimes]):
    """Start and end of the meeting (dd/mm/yyyy hh:mm) and of each item held (hh:mm)."""

    def __init__(
        self, session: Session, *, require_end: bool = False, title: str = timing_text.TIMES_TITLE
    ) -> None:
        super().__init__()
        self._title = title
        self._session = session
        self._require_end = require_end
        self._tz: tzinfo | None = session.started_at.tzinfo
        self._items = [
            (number, item)
            for number, item in enumerate(session.agenda, 1)
            if not item.skipped or item.started_at or item.ended_at
        ]

    def compose(self) -> ComposeResult:
        session = self._session
        with VerticalScroll(id="dialog", classes="wide") as box:
            box.border_title = self._title
            if session.typed_up_afterwards:
                yield Static(timing_text.TIMES_AFTERWARDS_HINT)
            yield Label(timing_text.TIMES_START)
            yield Input(format_moment(session.started_at), id="times-start")
            yield Label(timing_text.TIMES_END)
            yield Input(
                format_moment(session.ended_at),
                placeholder=timing_text.MOMENT_FORMAT,
                id="times-end",
            )
            if self._items:
                yield Label(timing_text.TIMES_ITEMS)
                with Vertical(id="times-items"):
                    for number, item in self._items:
                        with Horizontal(classes="time-row"):
                            yield Label(plain(f"{number}. {item.title}"))
                            yield Input(
                                format_hm(item.started_at),
                                placeholder=timing_text.CLOCK_FORMAT,
                                id=f"item-start-{number}",
                                tooltip=timing_text.TIMES_ITEM_START,
                            )
                            yield Input(
                                format_hm(item.ended_at),
                                placeholder=timing_text.CLOCK_FORMAT,
                                id=f"item-end-{number}",
                                tooltip=timing_text.TIMES_ITEM_END,
                            )
            with Vertical(classes="dialog-footer"):  # docked: in view while the list scrolls
                yield Label("", classes="dialog-error")
                yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#times-start", Input).focus()
        self._check()

    def _value(self, box: str) -> str:
        return self.query_one(f"#{box}", Input).value

    def read(self) -> MeetingTimes:
        """The boxes as times (raises :class:`InputError` on the first problem)."""
        session = self._session
        started = read_moment(self._value("times-start"), self._tz, session.started_at)
        if started is None:
            raise InputError(timing_text.BAD_MOMENT)
        ended = read_moment(self._value("times-end"), self._tz, session.ended_at)
        if ended is None and self._require_end:
            raise InputError(timing_text.END_REQUIRED)
        day: date = started.date()
        items: dict[str, tuple[datetime | None, datetime | None]] = {}
        for number, item in self._items:
            start = self._item_clock(number, "start", day, item.started_at)
            end = self._item_clock(number, "end", day, item.ended_at)
            items[item.id] = (start, end)
        numbered = [(number, *items[item.id]) for number, item in self._items]
        check_times(started, ended, numbered)
        return MeetingTimes(started, ended, items)

    def _item_clock(
        self, number: int, side: Literal["start", "end"], day: date, kept: datetime | None
    ) -> datetime | None:
        """One item's box; a bad value names the item and the box, as the list is long."""
        try:
            return read_clock(self._value(f"item-{side}-{number}"), day, self._tz, kept)
        except InputError as err:
            raise InputError(
                timing_text.item_box_problem(number, side == "start", str(err))
            ) from err


ClockResult = datetime | Literal["clear"]


class ClockDialog(_TimeDialog[ClockResult]):
    """One person's time (hh:mm on the meeting's day), checked by ``rule`` as typed.

    ``clearable`` adds a button that forgets the time (a departure recorded by mistake).
    """

    def __init__(
        self,
        title: str,
        value: datetime,
        rule: Callable[[datetime], None],
        *,
        clearable: bool = False,
    ) -> None:
        super().__init__()
        self._title, self._value, self._rule, self._clearable = title, value, rule, clearable

    def compose(self) -> ComposeResult:
        day = f"{self._value:%d/%m/%Y}"
        with Vertical(id="dialog") as box:
            box.border_title = plain(self._title)
            yield Label(timing_text.CLOCK_HINT.format(day=day))
            yield Input(format_hm(self._value), placeholder=timing_text.CLOCK_FORMAT, id="clock")
            yield Label("", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(ui_text.SAVE, variant="primary", id="ok")
                if self._clearable:
                    yield Button(timing_text.LEFT_CLEAR, id="clear")
                yield Button(ui_text.CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#clock", Input).focus()

    def read(self) -> datetime:
        """The typed time, checked (raises :class:`InputError`)."""
        raw = self.query_one("#clock", Input).value
        moment = read_clock(raw, self._value.date(), self._value.tzinfo, self._value)
        if moment is None:
            raise InputError(timing_text.BAD_CLOCK)
        self._rule(moment)
        return moment

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss("clear")
