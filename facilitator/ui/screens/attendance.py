"""Attendance (điểm danh): type to filter, one key per status, live counts header.

The filter box keeps the focus, so the status keys are priority bindings (digits never
appear in names) and up/down move through the list without leaving the box.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Header, Static

from facilitator.domain.models import Attendance, Person, Session
from facilitator.domain.people_search import NameKey, TypedQuery
from facilitator.domain.timing import check_arrival, check_departure, default_arrival, minute
from facilitator.domain.vietnamese import fold
from facilitator.strings import timing as timing_text
from facilitator.strings import ui as ui_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.screens.base import SessionScreen
from facilitator.ui.screens.dialogs import GuestDialog, ReasonDialog
from facilitator.ui.screens.time_dialogs import ClockDialog
from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.counts_header import CountsHeader
from facilitator.ui.widgets.name_filter import NameFilter
from facilitator.ui.widgets.roster_table import RosterTable
from facilitator.ui.widgets.text_boxes import Input

WORD = re.compile(r"\w+")

# At 80 columns the columns give way in this order (column, narrowest): the position
# first (it vanishes), a long reason (arrival and leaving times still fit), then the
# category, the name, the note and the status, so "Ghi chú" stays on screen.
GIVE_WAY = ((2, 0), (4, 28), (1, 5), (0, 16), (4, 12), (3, 8))


def attendance_row(person: Person, record: Attendance | None) -> tuple[str, str, str, str, str]:
    """Name, category, position, status, and the arrival time or the reason."""
    status = record.status if record else None
    times = []
    if record and record.arrived_at:
        times.append(ui_text.ARRIVED_AT.format(time=f"{record.arrived_at:%H:%M}"))
    if record and record.left_at:
        times.append(timing_text.LEFT_AT.format(time=f"{record.left_at:%H:%M}"))
    detail = "; ".join(times) or (record.reason if record and record.reason else "")
    category = ui_text.PERSON_CATEGORY.get(person.category, person.category)
    shown = ui_text.ATTENDANCE_STATUS[status]
    if record is None and person.is_member:
        # Counted like the minutes count them: not expected, so not "chưa điểm danh".
        if person.temporary == "di":
            shown = ui_text.UNMARKED_TEMP_OUT
        elif person.exempt:
            shown = ui_text.UNMARKED_EXEMPT
    return person.name, category, person.position, shown, detail


def search_words(person: Person) -> tuple[str, ...]:
    """The accent-free words of a name, worked out once per roster rather than per key."""
    return tuple(WORD.findall(fold(person.name)))  # "[Văn]" or "(Út)" still start a word


def matches(words: tuple[str, ...], needle: str) -> bool:
    """Accent-insensitive: every typed word starts a word of the name ("v an" finds Văn An)."""
    return all(any(w.startswith(typed) for w in words) for typed in needle.split())


def proposed_departure(session: Session, record: Attendance, now: datetime) -> datetime:
    """When an early leaver left, to propose: now, held live on its day, else the end
    (as entered, or as planned when typed up afterwards); never before the start or the
    person's arrival, never after the end."""
    floor = minute(max(session.started_at, record.arrived_at or session.started_at))
    planned = session.started_at + timedelta(
        minutes=sum(item.minutes for item in session.agenda if not item.skipped)
    )
    end = session.ended_at
    today = now.astimezone(session.started_at.tzinfo).date() == session.started_at.date()
    if session.typed_up_afterwards or not today:
        value = end or planned
    else:
        value = min(now, end) if end is not None else now
    return max(floor, minute(value))


def _best_match(people: list[Person], typed: str, keys: dict[str, NameKey]) -> str:
    """The row the cursor starts on: the name as typed, accents included, wins ("lê văn
    ân" then 1 marks Lê Văn Ân, not Lê Văn An above it); the list keeps roster order.
    ``keys``: each person's :class:`NameKey`, worked out once per roster."""
    query = TypedQuery.of(typed)
    ranked = [(query.rank(keys[p.id]), n, p.id) for n, p in enumerate(people)]
    known = [(rank, n, person_id) for rank, n, person_id in ranked if rank is not None]
    return min(known)[2] if known else people[0].id


class AttendanceScreen(SessionScreen):
    """The roster in Vietnamese order, marked one key at a time."""

    CSS_PATH = "../attendance.tcss"  # parsed when first opened, not at start-up

    SCOPE = "attendance"
    BINDINGS = bindings_for("attendance")

    def compose(self) -> ComposeResult:
        yield Header()
        yield CountsHeader(id="counts")
        yield NameFilter(placeholder=ui_text.FILTER_PLACEHOLDER, id="filter")
        yield RosterTable(id="roster")
        yield Static("", id="row-detail", markup=False)  # the highlighted row whole, if cut
        yield AppFooter()

    def on_mount(self) -> None:
        self.sub_title = ui_text.ATTENDANCE_TITLE
        self._people: tuple[Person, ...] | None = None  # the roster the rows were built from
        self._order: list[Person] = []
        self._words: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, NameKey] = {}
        self.query_one(RosterTable).set_columns(*ui_text.ATTENDANCE_COLUMNS, give_way=GIVE_WAY)
        self._show(None)
        self.query_one("#filter", Input).focus()

    def on_screen_resume(self) -> None:
        self._people = None  # marks may have changed elsewhere (the run screen's dialogs)
        self._show(self.current_person())

    # -- display --------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Rows and search words for the whole roster: on entry and when people change."""
        session = self.service.session
        records = {record.person: record for record in session.attendance}
        self._people = session.people
        self._order = list(session.sorted_people())
        self._words = {p.id: search_words(p) for p in self._order}
        self._keys = {p.id: NameKey.of(p.name) for p in self._order}
        rows = ((p.id, attendance_row(p, records.get(p.id))) for p in self._order)
        self.query_one(RosterTable).load(rows)

    def visible_people(self, needle: str | None = None) -> list[Person]:
        """Roster order, filtered by what is typed (``needle``: already folded)."""
        if needle is None:
            needle = fold(self.query_one("#filter", Input).value)
        words = self._words
        return [p for p in self._order if matches(words[p.id], needle)]

    def _show(self, keep: str | None, *, counts: bool = True) -> None:
        """The rows matching the filter, the cursor on ``keep``; the counts."""
        if self._people is not self.service.session.people:
            self._rebuild()
        typed = self.query_one("#filter", Input).value
        needle = fold(typed)
        visible = self.visible_people(needle) if needle else None
        if visible and keep is None:
            keep = _best_match(visible, typed, self._keys)
        shown = None if visible is None else [p.id for p in visible]
        self.query_one(RosterTable).show_only(shown, keep=keep)
        if counts:
            self.query_one(CountsHeader).show(self.service.counts())

    def _show_person(self, person_id: str) -> None:
        """One person's row after a change of their mark, and the counts."""
        person = self.service.session.person(person_id)
        if person is not None:
            record = self.service.session.attendance_of(person_id)
            self.query_one(RosterTable).update_row(person_id, attendance_row(person, record))
        self.query_one(CountsHeader).show(self.service.counts())

    def current_person(self) -> str | None:
        """Id of the highlighted person."""
        return self.query_one(RosterTable).cursor_key

    @on(RosterTable.Highlighted)
    def _show_whole_row(self, event: RosterTable.Highlighted) -> None:
        """On a narrow terminal, the highlighted person's row in full below the table."""
        table, detail = event.table, self.query_one("#row-detail", Static)
        detail.display = table.cut and event.key is not None
        if detail.display:
            cells = table.get_row_at(table.cursor_row)
            detail.update(ui_text.ROW_DETAIL_JOIN.join(cell for cell in cells if cell))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self._show(None, counts=False)  # typing changes what is shown, not the counts

    def _after_mark(self, person_id: str) -> None:
        """Clear a used filter (ready for the next name) or step to the next row; a person
        marked absent who already spoke is said at once (the minutes would say both)."""
        self._show_person(person_id)
        session = self.service.session
        record = session.attendance_of(person_id)
        absent = record is not None and not record.is_present
        spoke = sum(n.speaker == person_id for n in session.notes) if absent else 0
        if spoke and record is not None:
            status = ui_text.ATTENDANCE_STATUS[record.status]
            warning = ui_text.absent_speaker(self._person_name(person_id), status, spoke)
            self.notify(warning, severity="warning", timeout=12)
        box = self.query_one("#filter", Input)
        if box.value:
            with self.prevent(Input.Changed):
                box.value = ""
            self._show(person_id)
        else:
            self.query_one(RosterTable).action_cursor_down()

    # -- actions --------------------------------------------------------------------------
    def _target(self) -> str | None:
        person_id = self.current_person()
        if person_id is None:
            self.notify(ui_text.NO_PERSON_SELECTED, severity="warning")
        return person_id

    def action_mark(self, status: str) -> None:
        """Present, late (the arrival time is asked), absent, or exempt-absent."""
        if not self.writable() or (person_id := self._target()) is None:
            return
        if status == "late":
            self.mark_late(person_id)
            return
        if self.attempt(lambda: self.service.mark(person_id, status)) is not None:
            self._after_mark(person_id)

    def _person_name(self, person_id: str) -> str:
        person = self.service.session.person(person_id)
        return person.name if person else ""

    @work(exclusive=True, group="attendance-dialog")
    async def mark_late(self, person_id: str) -> None:
        """Late: the arrival time, typed or confirmed (pressed again, it is corrected)."""
        session = self.service.session
        record = session.attendance_of(person_id)
        known = record.arrived_at if record and record.status == "late" else None
        value = known or default_arrival(session, self.service.clock())
        title = timing_text.ARRIVAL_TITLE.format(name=self._person_name(person_id))
        rule = partial(check_arrival, session)
        arrived = await self.app.push_screen_wait(ClockDialog(title, value, rule))
        if arrived is None or arrived == "clear":
            return
        marked = self.attempt(lambda: self.service.mark(person_id, "late", arrived_at=arrived))
        if marked is not None:
            self._after_mark(person_id)

    @work(exclusive=True, group="attendance-dialog")
    async def action_mark_left(self) -> None:
        """Về sớm: when a present member left (pressed again, corrected or forgotten)."""
        if not self.writable() or (person_id := self._target()) is None:
            return
        session = self.service.session
        record = session.attendance_of(person_id)
        if record is None or not record.is_present:
            self.notify(timing_text.LEFT_NOT_PRESENT, severity="warning")
            return
        value = record.left_at or proposed_departure(session, record, self.service.clock())
        title = timing_text.LEFT_TITLE.format(name=self._person_name(person_id))
        rule = partial(check_departure, session, record)
        dialog = ClockDialog(title, value, rule, clearable=record.left_at is not None)
        left = await self.app.push_screen_wait(dialog)
        if left is None:
            return
        moment = None if left == "clear" else left
        if self.attempt(lambda: self.service.set_left(person_id, moment)) is not None:
            if moment is None:
                self.notify(timing_text.LEFT_CLEARED.format(name=self._person_name(person_id)))
            self._show_person(person_id)

    @work(exclusive=True, group="attendance-dialog")
    async def action_mark_excused(self) -> None:
        """Absent with a reason: ask the reason first."""
        if not self.writable() or (person_id := self._target()) is None:
            return
        person = self.service.session.person(person_id)
        dialog = ReasonDialog(
            ui_text.REASON_TITLE.format(name=person.name if person else ""),
            placeholder=ui_text.REASON_PLACEHOLDER,
        )
        reason = await self.app.push_screen_wait(dialog)
        if reason is None:
            return
        marked = self.attempt(lambda: self.service.mark(person_id, "absent-excused", reason))
        if marked is not None:
            self._after_mark(person_id)

    def action_clear_mark(self) -> None:
        """Forget a mistaken mark."""
        if not self.writable() or (person_id := self._target()) is None:
            return
        if self.attempt(lambda: self.service.unmark(person_id)) is not None:
            self._show_person(person_id)

    @work(exclusive=True, group="attendance-dialog")
    async def action_add_guest(self) -> None:
        """A guest or someone not on the roster, marked present."""
        if not self.writable():
            return
        info = await self.app.push_screen_wait(GuestDialog())
        if info is None:
            return
        person = self.attempt(
            lambda: self.service.add_person(info.name, info.category, info.position)
        )
        if person is not None:
            self.notify(ui_text.GUEST_ADDED.format(name=person.name))
            self._show(person.id)

    def action_cursor(self, delta: int) -> None:
        """Move through the list while the filter box keeps the focus."""
        table = self.query_one(RosterTable)
        if delta < 0:
            table.action_cursor_up()
        else:
            table.action_cursor_down()

    def action_focus_filter(self) -> None:
        """Back to the name filter."""
        self.query_one("#filter", Input).focus()

    def action_back(self) -> None:
        """Return to the run screen."""
        self.dismiss(None)
