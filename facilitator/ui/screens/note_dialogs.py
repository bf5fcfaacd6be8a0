"""Dialogs about notes: editing a saved note (text, kind, speaker), and the question asked
when the chosen speaker is not marked present.

The minutes must never list someone as absent and as speaking, so a speaker who is
absent, exempt or not yet marked is asked about (:func:`confirm_attendance`): mark them
late (they have arrived; the time can be typed), keep them as speaker anyway, or cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from facilitator.domain.errors import FacilitatorError, InputError
from facilitator.domain.models import Note, Person, Session
from facilitator.domain.timing import check_arrival, default_arrival, format_hm, read_clock
from facilitator.domain.vocab import ATTENDING, AttendanceStatus
from facilitator.services.session import SessionService
from facilitator.strings import notes as notes_text
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialogs import _Dialog
from facilitator.ui.widgets.speaker_picker import SpeakerMatches, resolve_speaker
from facilitator.ui.widgets.text_boxes import Input

SEARCH_ALL = 10_000
"""The exact-name rules look at everyone, not only the few matches shown."""


def needs_asking(service: SessionService, person_id: str) -> bool:
    """True when ``person_id`` is not marked present or late (a closed session asks nothing:
    it cannot be changed anyway)."""
    if service.read_only:
        return False
    record = service.session.attendance_of(person_id)
    return record is None or record.status not in ATTENDING


def absences(service: SessionService, people: Iterable[Person]) -> dict[str, str]:
    """The attendance label of each of ``people`` who would be asked about."""
    session = service.session
    labels: dict[str, str] = {}
    for person in people:
        if needs_asking(service, person.id):
            record = session.attendance_of(person.id)
            labels[person.id] = ui_text.ATTENDANCE_STATUS[record.status if record else None]
    return labels


@dataclass(frozen=True)
class AbsentAnswer:
    """Mark late (arrived at ``arrived``), or keep as speaker when ``arrived`` is None."""

    arrived: datetime | None


class AbsentSpeakerDialog(ModalScreen[AbsentAnswer | None]):
    """Mark them late at the time in the box (Enter), keep them as speaker, or cancel (Esc).

    The time proposed is now during the live meeting, else its start (minutes typed up
    afterwards never get the laptop's clock), and it is checked as for key 2 on the
    attendance screen (nobody arrives late before the start).
    """

    CSS_PATH = "../dialogs.tcss"  # parsed when first opened, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", ui_text.CANCEL, show=False),
    ]

    def __init__(self, session: Session, person: Person, proposed: datetime) -> None:
        super().__init__()
        self._session, self._person, self._proposed = session, person, proposed

    def compose(self) -> ComposeResult:
        record = self._session.attendance_of(self._person.id)
        status = ui_text.ATTENDANCE_STATUS[record.status if record else None]
        with Vertical(id="dialog", classes="absent-speaker") as box:
            box.border_title = notes_text.ABSENT_TITLE
            body = notes_text.ABSENT_BODY.format(name=self._person.name, status=status)
            yield Static(plain(body), id="absent-body")
            yield Static(notes_text.ABSENT_QUESTION, classes="dialog-hint")
            yield Label(notes_text.ABSENT_ARRIVED_AT)
            yield Input(format_hm(self._proposed), id="arrived", select_on_focus=False)
            yield Label("", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(notes_text.ABSENT_MARK_LATE, variant="primary", id="late")
                yield Button(notes_text.ABSENT_KEEP, id="keep")
                yield Button(ui_text.CANCEL, id="cancel")

    def on_mount(self) -> None:
        # Someone speaking is in the room: "arrived late" is the likely truth.
        self.query_one("#arrived", Input).focus()

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#late")
    def _late(self) -> None:
        raw = self.query_one("#arrived", Input).value
        proposed = self._proposed
        try:
            arrived = read_clock(raw, proposed.date(), proposed.tzinfo, proposed)
            if arrived is None:
                raise InputError(notes_text.ABSENT_TIME_REQUIRED)
            check_arrival(self._session, arrived)
        except InputError as err:
            self.query_one(".dialog-error", Label).update(plain(str(err)))
            return
        self.dismiss(AbsentAnswer(arrived))

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(AbsentAnswer(None))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def confirm_attendance(
    node: DOMNode,
    service: SessionService,
    person: Person,
    kept: set[str],
    then: Callable[[bool], None],
) -> None:
    """Ask about ``person`` if needed, then call ``then(True)`` to go on with them as
    speaker or ``then(False)`` when cancelled. "Keep" is remembered in ``kept``, so the
    same person is not asked about again for every note."""
    if person.id in kept or not needs_asking(service, person.id):
        then(True)
        return

    def answered(answer: AbsentAnswer | None) -> None:
        if answer is not None and answer.arrived is not None:
            arrived = answer.arrived
            try:
                service.mark(person.id, AttendanceStatus.LATE, arrived_at=arrived)
            except FacilitatorError as err:
                node.app.notify(str(err), severity="error", timeout=8)
                then(False)
                return
            message = notes_text.ABSENT_MARKED_LATE.format(
                name=person.name, time=format_hm(arrived)
            )
            node.app.notify(message)
        elif answer is not None:
            kept.add(person.id)
        then(answer is not None)

    proposed = default_arrival(service.session, service.clock())
    node.app.push_screen(AbsentSpeakerDialog(service.session, person, proposed), answered)


@dataclass(frozen=True)
class NoteEdit:
    """A note's new text, kind and speaker (``None``: nobody named)."""

    text: str
    kind: str
    speaker: str | None


class NoteDialog(_Dialog[NoteEdit]):
    """Edit a note's speaker, kind and text; the speaker box works as in the note box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_Dialog.BINDINGS,
        Binding("up", "move_match(-1)", show=False),
        Binding("down", "move_match(1)", show=False),
    ]

    def __init__(self, service: SessionService, note: Note, kept: set[str] | None = None) -> None:
        super().__init__()
        self._service = service
        self._note = note
        self._kept = kept if kept is not None else set()
        speaker = service.session.person(note.speaker)
        self._speaker_id = speaker.id if speaker else None
        self._speaker_name = speaker.name if speaker else ""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = ui_text.EDIT_NOTE_TITLE
            yield Label(notes_text.EDIT_SPEAKER)
            yield Input(self._speaker_name, id="edit-speaker", select_on_focus=False)
            yield SpeakerMatches(id="edit-speaker-matches")
            yield Label(notes_text.EDIT_KIND)
            yield Select(
                [(ui_text.NOTE_KIND[k], k) for k in ui_text.NOTE_KIND],
                value=self._note.kind,
                allow_blank=False,
                id="edit-kind",
            )
            yield Label(notes_text.EDIT_TEXT)
            yield Input(self._note.text, id="edit-text", select_on_focus=False)
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        # Opened on the first box, so Tab walks the form as it reads: speaker, kind, text,
        # then Lưu, Hủy. Opened on the text, two Tabs and Enter pressed Hủy unnoticed.
        self.query_one(SpeakerMatches).display = False
        speaker = self.query_one("#edit-speaker", Input)
        speaker.focus()
        speaker.cursor_position = len(speaker.value)

    def action_cancel(self) -> None:
        """Close without saving, and say so: the note is left as it was."""
        self.notify(notes_text.EDIT_CANCELLED)
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel_edit(self, event: Button.Pressed) -> None:
        event.prevent_default()  # not the base's silent dismiss
        self.action_cancel()

    @property
    def _typed(self) -> str:
        return self.query_one("#edit-speaker", Input).value.strip()

    def action_move_match(self, delta: int) -> None:
        """Up/down in the speaker box move through the matches."""
        if self.query_one("#edit-speaker", Input).has_focus:
            self.query_one(SpeakerMatches).move(delta)

    @on(Input.Changed, "#edit-speaker")
    def _speaker_typed(self) -> None:
        typed = self._typed
        matches = self.query_one(SpeakerMatches)
        if typed == self._speaker_name:  # the chosen person's name, as shown
            matches.display = False
            return
        found = self._service.find_people(typed) if typed else []
        matches.show(found, self._meant(typed), absences(self._service, found))

    def _meant(self, typed: str) -> Person | None:
        if not typed:
            return None
        found = self._service.find_people(typed, limit=SEARCH_ALL)
        return resolve_speaker(self._service.session.people, found, typed)

    def _speaker(self) -> tuple[bool, Person | None]:
        """(resolved, person): nobody named is resolved; an ambiguous name is not."""
        typed = self._typed
        if not typed:
            return True, None
        if typed == self._speaker_name:
            return True, self._service.session.person(self._speaker_id)
        matches = self.query_one(SpeakerMatches)
        person = self._service.session.person(matches.picked) or self._meant(typed)
        if person is None:
            found = len(self._service.find_people(typed, limit=SEARCH_ALL))
            message = notes_text.SPEAKER_AMBIGUOUS if found else notes_text.SPEAKER_UNKNOWN
            self.error(message.format(count=found, typed=typed))
            if found:
                listed = self._service.find_people(typed)
                matches.show(listed, None, absences(self._service, listed))
                matches.moved = True  # told to pick: the highlighted row is now a choice
            self.query_one("#edit-speaker", Input).focus()
        return person is not None, person

    def _show_speaker(self, person: Person | None) -> None:
        self._speaker_id = person.id if person else None
        self._speaker_name = person.name if person else ""
        self.query_one("#edit-speaker", Input).value = self._speaker_name
        self.query_one(SpeakerMatches).display = False
        self.error("")

    @on(Input.Submitted, "#edit-speaker")
    def _speaker_submitted(self) -> None:
        resolved, person = self._speaker()
        if resolved:
            self._show_speaker(person)
            self.query_one("#edit-text", Input).focus()

    @on(Input.Submitted, "#edit-text")
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        value = self.query_one("#edit-text", Input).value.strip()
        if not value:
            self.error(ui_text.NOTE_EMPTY)
            return
        resolved, person = self._speaker()
        if not resolved:
            return
        kind = self.query_one("#edit-kind", Select).value
        speaker = person.id if person else None
        edit = NoteEdit(value, kind if isinstance(kind, str) else "opinion", speaker)
        if person is None or person.id == self._note.speaker:  # asked about when it was saved
            self.dismiss(edit)
            return

        def go_on(confirmed: bool) -> None:
            if confirmed:
                self.dismiss(edit)

        confirm_attendance(self, self._service, person, self._kept, go_on)
