"""The run screen's note box and notes: the draft kept on disk as it is typed, a note
saved (or kept when leaving its item), edited or deleted, and the speaking queue.

A mixin of :class:`~facilitator.ui.screens.run.RunScreen`, kept apart so that screen
stays small; it redraws from :meth:`SessionScreen.session_saved`.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Static

from facilitator.strings import ui as ui_text
from facilitator.ui.drafts import Draft, DraftFile
from facilitator.ui.plain import plain
from facilitator.ui.screens.base import SessionScreen
from facilitator.ui.screens.dialogs import ConfirmDialog, ReasonDialog
from facilitator.ui.screens.note_dialogs import NoteDialog
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.notes_list import NotesList, speaker_label
from facilitator.ui.widgets.speaker_picker import resolve_speaker


class NoteActions(SessionScreen):
    """Mixed into the run screen, which sets these in its ``__init__``."""

    drafts: DraftFile
    queue: list[str]
    """Ids of the people waiting to speak, in order."""
    _draft_item: str | None
    _draft_timer: Timer | None
    _draft: Draft

    def _show_queue(self) -> None:
        names = [p.name for p in map(self.service.session.person, self.queue) if p]
        line = self.query_one("#queue", Static)
        text = f"{ui_text.QUEUE_TITLE}: " + ", ".join(names) if names else ""
        if str(line.content) != text:  # an update lays the run screen out again
            line.update(plain(text))
        line.display = bool(names)

    # -- draft ----------------------------------------------------------------------------
    def _restore_draft(self) -> None:
        draft = self.drafts.load()
        self.queue = [p for p in draft.queue if self.service.session.person(p)]
        if draft.text or draft.speaker_text:
            editor = self.query_one(NoteEditor)
            editor.load(draft.text, draft.kind, draft.speaker, draft.speaker_text)
            self._draft_item = draft.item
            self.notify(ui_text.DRAFT_RESTORED)

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
            self.notify(ui_text.PENDING_NOTE_KEPT, severity="warning", timeout=10)
            return
        note = self.attempt(
            lambda: self.service.add_note(editor.text, editor.kind, speaker, item=item_id)
        )
        if note is not None:
            item = self.service.session.item(note.item)
            self.notify(ui_text.DRAFT_SAVED_ON_MOVE.format(title=item.title if item else ""))
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
            self.notify(ui_text.NOTE_EMPTY, severity="warning")
            return
        item_id = self._draft_item or self.service.session.progress.current
        note = self.attempt(
            lambda: self.service.add_note(event.text, event.kind, event.speaker, item=item_id)
        )
        notes = self.query_one(NotesList)
        if note is None:
            notes.say(None)  # an earlier "Đã lưu" must not stand beside a failed write
            return
        speaker = speaker_label(self.service.session, note)
        notes.say(ui_text.NOTE_SAVED.format(time=f"{note.at:%H:%M}", speaker=speaker))
        self._after_note(note.speaker)
        self.query_one(NoteEditor).focus_box()

    def _highlighted_note(self) -> str | None:
        note_id = self.query_one(NotesList).highlighted_note
        if note_id is None:
            self.notify(ui_text.NO_NOTE_SELECTED, severity="warning")
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
            saved = self.attempt(
                lambda: self.service.edit_note(
                    note_id, text=edit.text, kind=edit.kind, speaker=edit.speaker
                )
            )
            # A refused edit has said why, and nothing changed: no "Đã lưu" stands by it.
            self.query_one(NotesList).say(None if saved is None else ui_text.NOTE_EDITED)

    @work(exclusive=True, group="run-dialog")
    async def action_delete_note(self) -> None:
        """Delete the highlighted note after confirmation."""
        if not self.writable() or (note_id := self._highlighted_note()) is None:
            return
        note = next(n for n in self.service.session.notes if n.id == note_id)
        confirm = ConfirmDialog(ui_text.CONFIRM_DELETE_NOTE.format(text=note.text))
        if not await self.app.push_screen_wait(confirm):
            return

        def delete() -> bool:
            self.service.delete_note(note_id)
            return True

        # "Đã xóa" only once it is: a failed write has shown its own message.
        done = self.attempt(delete)
        self.query_one(NotesList).say(ui_text.NOTE_DELETED if done else None)

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
                ReasonDialog(ui_text.QUEUE_TITLE, placeholder=ui_text.QUEUE_PLACEHOLDER)
            )
            if typed is None:
                return
            matches = self.service.find_people(typed, limit=None)
            person = resolve_speaker(self.service.session.people, matches, typed)
            if person is None:
                self.notify(ui_text.QUEUE_NEED_NAME, severity="warning")
                return
        if person.id not in self.queue:
            self.queue.append(person.id)
        self.notify(ui_text.QUEUE_ADDED.format(name=person.name), timeout=2)
        self._show_queue()
        self.save_draft()
