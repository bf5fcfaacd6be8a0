"""Run the agenda: agenda list, current item, timer and pacing, notes and the note box."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.command import CommandPalette, Provider
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Header, Static

from facilitator.domain.models import AgendaItem, Session
from facilitator.domain.vietnamese import format_percent
from facilitator.services.session import SessionService
from facilitator.strings import ui as text
from facilitator.ui.agenda_commands import AgendaItemsProvider
from facilitator.ui.commands import bindings_for
from facilitator.ui.drafts import DRAFT_DELAY, Draft, DraftFile
from facilitator.ui.pacing import compute_pacing
from facilitator.ui.plain import plain, visible
from facilitator.ui.screens.dialogs import (
    ConfirmDialog,
    ReasonDialog,
    TextDialog,
    VoteDialog,
)
from facilitator.ui.screens.note_dialogs import NoteDialog
from facilitator.ui.screens.time_actions import TimedSessionScreen
from facilitator.ui.screens.vote_actions import VoteActions
from facilitator.ui.widgets.agenda_list import AgendaList
from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.item_view import ItemView
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.pacing_line import PacingLine
from facilitator.ui.widgets.speaker_picker import resolve_speaker


class RunScreen(VoteActions, TimedSessionScreen):
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
        self.query_one(AgendaList).border_title = text.AGENDA_TITLE
        self.query_one(NotesList).border_title = text.NOTES_TITLE
        self._restore_draft()
        self.refresh_view()
        self.set_interval(1, self.tick)
        self.query_one(NoteEditor).focus_box()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def on_unmount(self) -> None:
        self.save_draft()

    # -- display --------------------------------------------------------------------------
    @property
    def current_item(self) -> AgendaItem | None:
        """The item under way, if any."""
        session = self.service.session
        return session.item(session.progress.current)

    def refresh_view(self) -> None:
        """Redraw everything from the service's snapshot."""
        session = self.service.session
        item = self.current_item
        self.title = visible(session.title)
        self.sub_title = visible(
            f"{session.unit.name} · {text.SESSION_STATUS.get(session.status, '')}"
            + self.mode_label()
            + f" · {session.id}"  # the id export and --session take
        )
        self.query_one(AgendaList).show(session)
        shown = (item.id if item else None, repr(item))
        if shown != self._shown_item:  # re-rendering Markdown every second would flicker
            self._shown_item = shown
            self.query_one(ItemView).show(session, item)
        self.query_one(NotesList).show(session, session.notes_for(item.id) if item else ())
        self.query_one(NoteEditor).set_read_only(session.is_closed)
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
            pacing, text.present_short(counts.present, counts.expected, share)
        )

    def _show_queue(self) -> None:
        names = [p.name for p in map(self.service.session.person, self.queue) if p]
        line = self.query_one("#queue", Static)
        line.update(plain(f"{text.QUEUE_TITLE}: " + ", ".join(names) if names else ""))
        line.display = bool(names)

    # -- draft ----------------------------------------------------------------------------
    def _restore_draft(self) -> None:
        draft = self.drafts.load()
        self.queue = [p for p in draft.queue if self.service.session.person(p)]
        if draft.text or draft.speaker_text:
            editor = self.query_one(NoteEditor)
            editor.load(draft.text, draft.kind, draft.speaker, draft.speaker_text)
            self._draft_item = draft.item
            self.notify(text.DRAFT_RESTORED)

    def current_draft(self) -> Draft:
        """What the note box holds right now (the last known state once it is gone)."""
        try:
            editor = self.query_one(NoteEditor)
        except NoMatches:  # the screen is being torn down: keep what was last seen
            return replace(self._draft, queue=tuple(self.queue))
        self._draft = Draft(
            text=editor.text,
            kind=editor.kind,
            speaker=editor.speaker_id,
            speaker_text=editor.speaker_text,
            item=self._draft_item,
            queue=tuple(self.queue),
        )
        return self._draft

    def save_draft(self) -> None:
        """Write the note box to the draft file now."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        self.drafts.save(self.current_draft())

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

    def _save_pending_note(self) -> None:
        """Before leaving an item, a half-typed note is saved to the item it was typed under."""
        editor = self.query_one(NoteEditor)
        if not editor.text.strip() or self.service.read_only:
            return
        item_id = self._draft_item or self.service.session.progress.current
        speaker = editor.resolved_speaker()
        if speaker is None and editor.speaker_text.strip():
            # The typed name means nobody for sure (two namesakes, or no one): saving would
            # drop it. The note stays in the box, under its item, until a speaker is picked.
            self._draft_item = item_id
            self.save_draft()
            self.notify(text.PENDING_NOTE_KEPT, severity="warning", timeout=10)
            return
        note = self.attempt(
            lambda: self.service.add_note(editor.text, editor.kind, speaker, item=item_id)
        )
        if note is not None:
            item = self.service.session.item(note.item)
            self.notify(text.DRAFT_SAVED_ON_MOVE.format(title=item.title if item else ""))
            self._after_note(note.speaker)

    def _after_note(self, speaker: str | None) -> None:
        self.query_one(NoteEditor).clear()
        self._draft_item = None
        if speaker in self.queue:
            self.queue.remove(speaker)
        self.save_draft()

    # -- notes ----------------------------------------------------------------------------
    @on(NoteEditor.Submitted)
    def _note_submitted(self, event: NoteEditor.Submitted) -> None:
        if not self.writable():
            return
        if not event.text.strip():
            self.notify(text.NOTE_EMPTY, severity="warning")
            return
        item_id = self._draft_item or self.service.session.progress.current
        note = self.attempt(
            lambda: self.service.add_note(event.text, event.kind, event.speaker, item=item_id)
        )
        if note is None:
            return
        self.notify(text.NOTE_SAVED, timeout=2)
        self._after_note(note.speaker)
        self.refresh_view()
        self.query_one(NoteEditor).focus_box()

    def _highlighted_note(self) -> str | None:
        note_id = self.query_one(NotesList).highlighted_note
        if note_id is None:
            self.notify(text.NO_NOTE_SELECTED, severity="warning")
        return note_id

    @work(exclusive=True, group="run-dialog")
    async def action_edit_note(self) -> None:
        """Edit the highlighted note's speaker, text and kind."""
        if not self.writable() or (note_id := self._highlighted_note()) is None:
            return
        note = next(n for n in self.service.session.notes if n.id == note_id)
        kept = self.query_one(NoteEditor).kept
        edit = await self.app.push_screen_wait(NoteDialog(self.service, note, kept))
        if edit is not None:
            self.attempt(
                lambda: self.service.edit_note(
                    note_id, text=edit.text, kind=edit.kind, speaker=edit.speaker
                )
            )
            self.refresh_view()

    @work(exclusive=True, group="run-dialog")
    async def action_delete_note(self) -> None:
        """Delete the highlighted note after confirmation."""
        if not self.writable() or (note_id := self._highlighted_note()) is None:
            return
        note = next(n for n in self.service.session.notes if n.id == note_id)
        if await self.app.push_screen_wait(
            ConfirmDialog(text.CONFIRM_DELETE_NOTE.format(text=note.text))
        ):
            self.attempt(lambda: self.service.delete_note(note_id))
            self.notify(text.NOTE_DELETED)
            self.refresh_view()

    @work(exclusive=True, group="run-dialog")
    async def action_queue_speaker(self) -> None:
        """Add someone to the speaking queue.

        With the note box empty, the name typed in the speaker box is used (one key, no
        dialog); while a note is being typed, a small dialog asks for the name so the
        note and its speaker are left as they are.
        """
        editor = self.query_one(NoteEditor)
        person = None
        if not editor.text.strip():
            person = self.service.session.person(editor.resolved_speaker())
            if person is not None:
                editor.load("", editor.kind, None, "")
        if person is None:
            typed = await self.app.push_screen_wait(
                ReasonDialog(text.QUEUE_TITLE, placeholder=text.QUEUE_PLACEHOLDER)
            )
            if typed is None:
                return
            matches = self.service.find_people(typed, limit=None)
            person = resolve_speaker(self.service.session.people, matches, typed)
            if person is None:
                self.notify(text.QUEUE_NEED_NAME, severity="warning")
                return
        if person.id not in self.queue:
            self.queue.append(person.id)
        self.notify(text.QUEUE_ADDED.format(name=person.name), timeout=2)
        self._show_queue()
        self.save_draft()

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
                edge = text.AT_LAST_ITEM if int(argument) > 0 else text.AT_FIRST_ITEM
                self.notify(edge, timeout=2)
        else:
            self.attempt(lambda: self.service.go_to(str(argument)))
        if self.service.session.progress.current != leaving:
            self.query_one(NoteEditor).forget_unused_speaker()
        self.refresh_view()

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
        else:
            self.refresh_view()

    def action_jump(self) -> None:
        """A palette listing only the agenda items."""
        self.app.push_screen(
            CommandPalette(providers=[AgendaItemsProvider], placeholder=text.JUMP_PLACEHOLDER)
        )

    def _agenda_target(self) -> AgendaItem | None:
        """The item highlighted in the agenda list (it follows the current item)."""
        index = self.query_one(AgendaList).highlighted
        agenda = self.service.session.agenda
        if index is None or not 0 <= index < len(agenda):
            self.notify(text.NO_ITEM_SELECTED, severity="warning")
            return None
        return agenda[index]

    def action_toggle_skip(self) -> None:
        """Skip the highlighted item or keep it again; skipping the current one moves on."""
        if not self.writable() or (item := self._agenda_target()) is None:
            return
        session = self.service.session
        kept = [i for i in session.agenda if not i.skipped and i.id != item.id]
        if not item.skipped and not kept:
            self.notify(text.LAST_ITEM_KEPT, severity="warning")
            return
        if not item.skipped and item.id == session.progress.current:
            self._move("go", _neighbour(session, item.id))
        if self.attempt(lambda: self.service.update_item(item.id, skipped=not item.skipped)):
            message = text.ITEM_KEPT if item.skipped else text.ITEM_SKIPPED
            self.notify(message.format(title=item.title), timeout=3)
        self.refresh_view()

    def action_change_minutes(self, delta: int) -> None:
        """Change the highlighted item's budget (at least one minute); pacing follows."""
        if not self.writable() or (item := self._agenda_target()) is None:
            return
        minutes = max(1, item.minutes + delta)
        if minutes != item.minutes:
            self.attempt(lambda: self.service.update_item(item.id, minutes=minutes))
            self.refresh_view()

    def after_times_changed(self) -> None:
        """F5 and the time dialogs (``TimedSessionScreen``) redraw the whole screen."""
        self.refresh_view()

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
    async def action_vote(self) -> None:
        """Record a vote against the current voting base."""
        if not self.writable():
            return
        item = self.current_item
        base = self.service.counts().voting_base
        result = await self.app.push_screen_wait(VoteDialog(base, item.title if item else ""))
        if result is None:
            return
        vote = self.attempt(
            lambda: self.service.record_vote(
                result.question, result.for_, result.against, result.other
            )
        )
        if vote is not None:
            outcome = text.VOTE_PASSED if vote.passed else text.VOTE_FAILED
            self.notify(text.VOTE_SAVED.format(result=outcome))
        self.refresh_view()

    @work(exclusive=True, group="run-dialog")
    async def action_item_conclusion(self) -> None:
        """The chair's conclusion for the current item."""
        if not self.writable() or (item := self.current_item) is None:
            if not self.service.read_only:
                self.notify(text.NOTE_NO_ITEM, severity="warning")
            return
        title = text.CONCLUSION_ITEM_TITLE.format(title=item.title)
        value = await self.app.push_screen_wait(TextDialog(title, item.conclusion))
        if value is not None:
            self.attempt(lambda: self.service.update_item(item.id, conclusion=value))
            self.notify(text.CONCLUSION_SAVED)
            self.refresh_view()

    @work(exclusive=True, group="run-dialog")
    async def action_conclusion(self) -> None:
        """The chair's overall conclusion."""
        if not self.writable():
            return
        dialog = TextDialog(text.CONCLUSION_OVERALL_TITLE, self.service.session.conclusion)
        value = await self.app.push_screen_wait(dialog)
        if value is not None:
            self.attempt(lambda: self.service.set_conclusion(value))
            self.notify(text.CONCLUSION_SAVED)

    @work(exclusive=True, group="run-dialog")
    async def action_reopen(self) -> None:
        """Reopen a closed session; the reason is recorded with the session."""
        if not self.service.read_only:
            self.notify(text.NOT_CLOSED)
            return
        dialog = ReasonDialog(text.REOPEN_TITLE, body=text.REOPEN_BODY, label=text.REOPEN_REASON)
        reason = await self.app.push_screen_wait(dialog)
        if reason is not None and self.attempt(lambda: self.service.reopen(reason)) is not None:
            self.notify(text.REOPENED)
            self.refresh_view()

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
