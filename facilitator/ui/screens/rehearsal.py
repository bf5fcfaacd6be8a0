"""Rehearsal (tập dượt): walk a prepared agenda with the timer; nothing reaches the minutes.

The screen holds a :class:`Rehearsal` in memory and never calls the service's recording
methods (notes, attendance, votes, start, go_to): the stored session is only read, until
the user agrees to write the rehearsed minutes back as its budgets.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.css.query import NoMatches
from textual.reactive import var
from textual.types import CSSPathType
from textual.widgets import DataTable, Header, Static

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.rehearsal import Rehearsal, RehearsalRow
from facilitator.services.rehearsal import write_budgets
from facilitator.services.session import SessionService
from facilitator.strings import rehearsal as rehearsal_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.pacing import Pacing, mmss
from facilitator.ui.plain import PlainScreen, plain, plain_text, visible
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.item_view import ItemView
from facilitator.ui.widgets.pacing_line import PacingLine


def row_cells(row: RehearsalRow, number: int, started: bool) -> tuple[str, str, str, str, str]:
    """#, planned, rehearsed, difference, title (narrow columns first: seen at 80×24)."""
    rehearsed = mmss(row.rehearsed) if started else ""
    diff = rehearsal_text.difference(row.difference, mmss(abs(row.difference))) if started else ""
    return (str(number), mmss(row.planned), rehearsed, diff, row.title)


class RehearsalScreen(PlainScreen):
    """The rehearsal of one prepared session; it owns (and releases) the session's lock."""

    CSS_PATH: ClassVar[CSSPathType] = ["../run.tcss", "../rehearsal.tcss"]  # timer, item pane
    SCOPE = "rehearsal"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings_for("rehearsal")]

    rehearsal: var[Rehearsal] = var(Rehearsal((), (), (), ()), init=False)
    """The walk so far (frozen): each new state redraws the screen."""

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self.set_reactive(RehearsalScreen.rehearsal, Rehearsal.of(service.session))
        self._lock_released = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(rehearsal_text.BANNER, id="rehearsal-banner", classes="warning-box")
        yield PacingLine(id="pacing")
        with Horizontal(id="rehearsal-body"):
            table: DataTable[object] = DataTable(id="rehearsal-table", cursor_type="row")
            table.can_focus = False  # the screen's keys, never the table's, move the rehearsal
            yield table
            yield ItemView(id="item")
        yield Static("", id="rehearsal-totals", classes="hint")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = visible(f"{rehearsal_text.TITLE}: {self.service.session.title}")
        self.sub_title = visible(self.service.session.id)
        self.query_one(DataTable).add_columns(*rehearsal_text.COLUMNS)
        self.refresh_view()
        self.set_interval(1, self.tick)

    def on_unmount(self) -> None:
        self._release()

    def _release(self) -> None:
        if not self._lock_released:
            self._lock_released = True
            self.service.close()

    # -- display --------------------------------------------------------------------------
    def watch_rehearsal(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Rebuild the table and the item pane from the rehearsal's state."""
        now = self.service.clock()
        table = self.query_one(DataTable)
        table.clear()
        for number, row in enumerate(self.rehearsal.rows(now), start=1):
            started = self.rehearsal.current is not None and row.rehearsed > 0
            cells = row_cells(row, number, started)
            table.add_row(*map(plain_text, cells), key=row.item_id)
        current = self.rehearsal.current
        if current is not None:
            table.move_cursor(row=current)
        session = self.service.session
        item = session.item(self.rehearsal.ids[current]) if current is not None else None
        self.query_one(ItemView).show(session, item)
        self.tick()

    def tick(self) -> None:
        """Once a second: the current item's timer, its row and the totals."""
        try:
            pacing_line = self.query_one(PacingLine)
        except NoMatches:  # torn down between two ticks
            return
        now = self.service.clock()
        rehearsal = self.rehearsal
        planned, rehearsed = rehearsal.totals(now)
        self.query_one("#rehearsal-totals", Static).update(
            plain(rehearsal_text.totals(mmss(planned), mmss(rehearsed)))
        )
        current = rehearsal.current
        if current is None:
            pacing = Pacing(
                "planned", 0, len(rehearsal.ids), 0.0, 0.0, sum(rehearsal.budgets), None, 0
            )
            pacing_line.show(pacing, rehearsal_text.NOT_STARTED)
            return
        row = rehearsal.rows(now)[current]
        status = "running" if rehearsal.running else "paused"
        pacing = Pacing(
            status, current + 1, len(rehearsal.ids), row.rehearsed, row.planned,
            sum(rehearsal.budgets), None, 0,
        )  # fmt: skip
        pacing_line.show(
            pacing, rehearsal_text.TITLE if rehearsal.running else rehearsal_text.PAUSED
        )
        cells = row_cells(row, current + 1, True)
        table = self.query_one(DataTable)
        for column in (2, 3):
            table.update_cell_at(Coordinate(current, column), plain_text(cells[column]))

    # -- actions --------------------------------------------------------------------------
    def action_toggle_clock(self) -> None:
        """Start on the first item, pause, or resume."""
        if not self.rehearsal.ids:
            self.notify(rehearsal_text.NO_AGENDA, severity="warning")
            return
        self.rehearsal = self.rehearsal.toggle(self.service.clock())

    def action_step(self, delta: int) -> None:
        """Previous or next item; the clock keeps running (or starts)."""
        if not self.rehearsal.ids:
            self.notify(rehearsal_text.NO_AGENDA, severity="warning")
            return
        self.rehearsal = self.rehearsal.step(delta, self.service.clock())

    @work(exclusive=True, group="rehearsal-write")
    async def action_write_budgets(self) -> None:
        """Ask, then write the rehearsed minutes as the session's budgets."""
        now = self.service.clock()
        budgets = self.rehearsal.new_budgets(now)
        if not budgets:
            self.notify(rehearsal_text.NOTHING_TO_WRITE, severity="warning")
            return
        session = self.service.session
        changes = [
            (item.title, item.minutes, budgets[item.id])
            for item in session.agenda
            if item.id in budgets
        ]
        if not await self.app.push_screen_wait(
            ConfirmDialog(rehearsal_text.confirm_write(changes))
        ):
            self.notify(rehearsal_text.DECLINED)
            return
        try:
            write_budgets(self.service, budgets)
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=8)
            return
        # The new budgets are the plan now; the time rehearsed so far is kept.
        self.rehearsal = self.rehearsal.with_budgets(self.service.session)
        self.notify(rehearsal_text.written(len(budgets)))

    def action_leave(self) -> None:
        """Back to the session list, releasing the session's lock."""
        self._release()
        self.dismiss()
        self.notify(rehearsal_text.LEFT, timeout=4)
