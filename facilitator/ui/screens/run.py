"""Run the agenda: agenda list, current item, timer and pacing, notes and the note box."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.command import CommandPalette, Provider
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Header, Static

from facilitator.domain.models import AgendaItem, Session
from facilitator.domain.vietnamese import format_percent
from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.agenda_commands import AgendaItemsProvider
from facilitator.ui.commands import bindings_for
from facilitator.ui.drafts import DRAFT_DELAY, Draft, DraftFile
from facilitator.ui.pacing import compute_pacing
from facilitator.ui.plain import visible
from facilitator.ui.screens.dialogs import ReasonDialog, TextDialog
from facilitator.ui.screens.run_notes import NoteActions
from facilitator.ui.screens.time_actions import TimedSessionScreen
from facilitator.ui.screens.vote_actions import VoteActions
from facilitator.ui.widgets.agenda_list import AgendaList
from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.item_view import ItemView
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.pacing_line import PacingLine


class RunScreen(NoteActions, VoteActions, TimedSessionScreen):
    """The presenter's main screen while the session runs (read-only once closed)."""

    CSS_PATH = "../run.tcss"  # parsed when the screen is first opened, not at start-up

    SCOPE = "run"
    BINDINGS = bindings_for("run")
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {AgendaItemsProvider}

    def __init__(self, service: SessionService, drafts: DraftFile) -> None:
        super().__init__(service)
        self.drafts = drafts
        self.queue: list[str] = []
        self._draft_item: str | None = None
        self._draft_timer: Timer | None = None
        self._shown_item: tuple[str | None, str] | None = None
        self._drawn: Session | None = None  # the snapshot the widgets show
        self._draft = Draft()

    def compose(self) -> ComposeResult:
        yield Header()
        yield PacingLine(id="pacing")
        with Horizontal(id="run-body"):
            yield AgendaList(id="agenda")
            yield ItemView(id="item")
        yield NotesList(id="notes")
        yield Static("", id="votes")
        yield Static("", id="queue")
        yield NoteEditor(self.service, id="editor")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(AgendaList).border_title = ui_text.AGENDA_TITLE
        self.query_one(NotesList).border_title = ui_text.NOTES_TITLE
        self._restore_draft()
        self.refresh_view()
        self.set_interval(1, self.tick)
        self.query_one(NoteEditor).focus_box()

    def on_unmount(self) -> None:
        self.save_draft()

    def keep_typing(self) -> None:
        """The half-typed note goes to its draft file."""
        self.save_draft()

    # -- display --------------------------------------------------------------------------
    @property
    def current_item(self) -> AgendaItem | None:
        """The item under way, if any."""
        session = self.service.session
        return session.item(session.progress.current)

    def session_saved(self, session: Session) -> None:
        """Every saved change (a step, a note, a vote, new times) redraws from the snapshot."""
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from the service's snapshot the parts whose data changed (a snapshot
        shares every field a change did not touch, so ``is`` tells them apart cheaply)."""
        session = self.service.session
        before, self._drawn = self._drawn, session

        def changed(*fields: str) -> bool:
            return before is None or any(
                getattr(before, name) is not getattr(session, name) for name in fields
            )

        item = self.current_item
        self.title = visible(session.title)
        self.sub_title = visible(
            f"{session.unit.name} · {ui_text.SESSION_STATUS.get(session.status, '')}"
            + self.mode_label()
            + f" · {session.id}"  # the id export and --session take
        )
        if changed("agenda", "progress"):
            self.query_one(AgendaList).show(session)
        shown = (item.id if item else None, repr(item))
        if shown != self._shown_item:  # re-rendering Markdown every second would flicker
            self._shown_item = shown
            self.query_one(ItemView).show(session, item)
        if changed("notes", "people", "progress", "agenda"):
            self.query_one(NotesList).show(session, item.id if item else None)
        self.query_one(NoteEditor).set_read_only(session.is_closed)
        if changed("votes", "progress", "agenda"):
            self.show_votes(item)
        self._show_queue()
        self.tick()

    def tick(self) -> None:
        """Once a second: the item timer and the session pacing."""
        session = self.service.session
        now = self.service.clock()
        pacing = compute_pacing(session, lambda i: self.service.elapsed(i, now), now)
        pacing = self.shown_pacing(pacing)
        counts = self.service.counts()
        share = format_percent(counts.present, counts.expected)
        self.query_one(PacingLine).show(
            pacing, ui_text.present_short(counts.present, counts.expected, share)
        )

    # -- draft (the rest in run_notes.NoteActions) --------------------------------------
    @on(NoteEditor.DraftChanged)
    def _draft_changed(self) -> None:
        editor = self.query_one(NoteEditor)
        if not editor.text.strip():
            self._draft_item = None
        elif self._draft_item is None:
            self._draft_item = self.service.session.progress.current
        self.current_draft()
        # Not restarted by each key: steady typing is still written every DRAFT_DELAY.
        if self._draft_timer is None:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self.save_draft)

    # -- moving through the agenda --------------------------------------------------------
    def _move(self, change: str, argument: str | int) -> None:
        if not self.writable():
            return
        self._save_pending_note()
        leaving = self.service.session.progress.current
        if change == "step":
            before = self.service.session.progress.current
            self.attempt(lambda: self.service.step(int(argument)))
            if self.service.session.progress.current == before:
                edge = ui_text.AT_LAST_ITEM if int(argument) > 0 else ui_text.AT_FIRST_ITEM
                self.notify(edge, timeout=2)
        else:
            self.attempt(lambda: self.service.go_to(str(argument)))
        if self.service.session.progress.current != leaving:
            self.query_one(NoteEditor).forget_unused_speaker()

    def action_next_item(self) -> None:
        """Next agenda item."""
        self._move("step", 1)

    def action_prev_item(self) -> None:
        """Previous agenda item."""
        self._move("step", -1)

    @on(AgendaList.ItemChosen)
    def _item_chosen(self, event: AgendaList.ItemChosen) -> None:
        if event.item_id != self.service.session.progress.current:
            self._move("go", event.item_id)

    # -- changing the agenda during the meeting -------------------------------------------
    @property
    def agenda_session(self) -> Session:
        """The session whose agenda the palette lists."""
        return self.service.session

    def jump_to(self, item_id: str) -> None:
        """Go to any item (palette); a skipped item is kept again, since it is now taken up."""
        item = self.service.session.item(item_id)
        if item is None or not self.writable():
            return
        if item.skipped:
            self.attempt(lambda: self.service.update_item(item_id, skipped=False))
        if item_id != self.service.session.progress.current:
            self._move("go", item_id)

    def action_jump(self) -> None:
        """A palette listing only the agenda items."""
        self.app.push_screen(
            CommandPalette(providers=[AgendaItemsProvider], placeholder=ui_text.JUMP_PLACEHOLDER)
        )

    def _agenda_target(self) -> AgendaItem | None:
        """The item highlighted in the agenda list (it follows the current item)."""
        index = self.query_one(AgendaList).highlighted
        agenda = self.service.session.agenda
        if index is None or not 0 <= index < len(agenda):
            self.notify(ui_text.NO_ITEM_SELECTED, severity="warning")
            return None
        return agenda[index]

    def action_toggle_skip(self) -> None:
        """Skip the highlighted item or keep it again; skipping the current one moves on."""
        if not self.writable() or (item := self._agenda_target()) is None:
            return
        session = self.service.session
        kept = [i for i in session.agenda if not i.skipped and i.id != item.id]
        if not item.skipped and not kept:
            self.notify(ui_text.LAST_ITEM_KEPT, severity="warning")
            return
        if not item.skipped and item.id == session.progress.current:
            self._move("go", _neighbour(session, item.id))
        if self.attempt(lambda: self.service.update_item(item.id, skipped=not item.skipped)):
            message = ui_text.ITEM_KEPT if item.skipped else ui_text.ITEM_SKIPPED
            self.notify(message.format(title=item.title), timeout=3)

    def action_change_minutes(self, delta: int) -> None:
        """Change the highlighted item's budget (at least one minute); pacing follows."""
        if not self.writable() or (item := self._agenda_target()) is None:
            return
        minutes = max(1, item.minutes + delta)
        if minutes != item.minutes:
            self.attempt(lambda: self.service.update_item(item.id, minutes=minutes))

    # -- focus ----------------------------------------------------------------------------
    def action_focus_note(self) -> None:
        """The note box, from anywhere."""
        if self.writable():
            self.query_one(NoteEditor).focus_box()

    def action_cycle_kind(self) -> None:
        """Next note kind."""
        self.query_one(NoteEditor).cycle_kind()

    def action_focus_agenda(self) -> None:
        """The agenda list."""
        self.query_one(AgendaList).focus()

    def action_focus_notes(self) -> None:
        """The notes list (edit with e, delete with Delete)."""
        self.query_one(NotesList).focus()

    # -- other screens and dialogs --------------------------------------------------------
    def action_attendance(self) -> None:
        """Attendance, at any time (late arrivals)."""
        from facilitator.ui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.service))

    def action_report(self) -> None:
        """The chair's assessment and the written reflections."""
        from facilitator.ui.screens.report import ReportScreen

        self.save_draft()
        self.app.push_screen(ReportScreen(self.service))

    def action_readback(self) -> None:
        """The minutes as they will be exported (a half-typed note is saved first, so the
        minutes read back, and then approved, contain it)."""
        from facilitator.ui.screens.readback import ReadbackScreen

        self._save_pending_note()
        self.save_draft()
        self.app.push_screen(ReadbackScreen(self.service))

    @work(exclusive=True, group="run-dialog")
    async def action_item_conclusion(self) -> None:
        """The chair's conclusion for the current item."""
        if not self.writable() or (item := self.current_item) is None:
            if not self.service.read_only:
                self.notify(ui_text.NOTE_NO_ITEM, severity="warning")
            return
        title = ui_text.CONCLUSION_ITEM_TITLE.format(title=item.title)
        value = await self.app.push_screen_wait(TextDialog(title, item.conclusion))
        if value is None:
            return
        # A failed write has said why: "đã lưu" would then be false.
        if self.attempt(lambda: self.service.update_item(item.id, conclusion=value)) is not None:
            self.notify(ui_text.CONCLUSION_SAVED)

    @work(exclusive=True, group="run-dialog")
    async def action_conclusion(self) -> None:
        """The chair's overall conclusion."""
        if not self.writable():
            return
        dialog = TextDialog(ui_text.CONCLUSION_OVERALL_TITLE, self.service.session.conclusion)
        value = await self.app.push_screen_wait(dialog)
        if value is None:
            return
        if self.attempt(lambda: self.service.set_conclusion(value)) is not None:
            self.notify(ui_text.CONCLUSION_SAVED)

    @work(exclusive=True, group="run-dialog")
    async def action_reopen(self) -> None:
        """Reopen a closed session; the reason is recorded with the session."""
        if not self.service.read_only:
            self.notify(ui_text.NOT_CLOSED)
            return
        dialog = ReasonDialog(
            ui_text.REOPEN_TITLE, body=ui_text.REOPEN_BODY, label=ui_text.REOPEN_REASON
        )
        reason = await self.app.push_screen_wait(dialog)
        if reason is not None and self.attempt(lambda: self.service.reopen(reason)) is not None:
            self.notify(ui_text.REOPENED)

    def action_leave(self) -> None:
        """Close this session (everything is saved) and go back to the list."""
        self.save_draft()
        self.facilitator.leave_session()


def _neighbour(session: Session, item_id: str) -> str:
    """The next item kept after ``item_id`` in agenda order, else the one kept before it."""
    ids = [i.id for i in session.agenda]
    kept = {i.id for i in session.agenda if not i.skipped and i.id != item_id}
    position = ids.index(item_id)
    after = [i for i in ids[position + 1 :] if i in kept]
    before = [i for i in ids[:position] if i in kept]
    return after[0] if after else before[-1]
