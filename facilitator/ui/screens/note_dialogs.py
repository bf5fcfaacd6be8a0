"""Dialogs about notes: editing a saved note (text, kind, speaker), and the question asked
when the chosen speaker is not marked present.

The minutes must never list someone as absent and as speaking, so a speaker who is
absent, exempt or not yet marked is asked about (:func:`confirm_attendance`): mark them
late (they have arrived), keep them as speaker anyway, or cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.models import Note, Person
from facilitator.services.session import SessionService
from facilitator.strings import notes as note_text
from facilitator.strings import ui as text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialogs import _Dialog
from facilitator.ui.widgets.speaker_picker import SpeakerMatches, resolve_speaker

ATTENDING = ("present", "late")
"""Attendance marks under which speaking needs no question."""

SEARCH_ALL = 10_000
"""The exact-name rules look at everyone, not only the few matches shown."""


def needs_asking(service: SessionService, person_id: str) -> bool:
    """True when ``person_id`` is not marked present or late (a closed session asks nothing:
    it cannot be changed anyway)."""
    if service.read_only:
        return False
    record = service.session.attendance_of(person_id)
    return record is None or record.status not in ATTENDING


class AbsentSpeakerDialog(ModalScreen[str | None]):
    """ "late" (mark them late, now), "keep" (speaker anyway) or ``None`` (cancel)."""

    CSS_PATH = "../dialogs.tcss"  # parsed when first opened, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer", text.CANCEL, show=False),
    ]

    def __init__(self, person: Person, status: str, time: str) -> None:
        super().__init__()
        self._person, self._status, self._time = person, status, time

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="absent-speaker") as box:
            box.border_title = note_text.ABSENT_TITLE
            body = note_text.ABSENT_BODY.format(name=self._person.name, status=self._status)
            yield Static(plain(body), id="absent-body")
            yield Static(note_text.ABSENT_QUESTION, classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                late = note_text.ABSENT_MARK_LATE.format(time=self._time)
                yield Button(late, variant="primary", id="late")
                yield Button(note_text.ABSENT_KEEP, id="keep")
                yield Button(text.CANCEL, id="cancel")

    def on_mount(self) -> None:
        # Someone speaking is in the room: "arrived late" is the likely truth.
        self.query_one("#late", Button).focus()

    def action_answer(self, value: str | None = None) -> None:
        """Close with the answer."""
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id in ("late", "keep") else None)


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
    record = service.session.attendance_of(person.id)
    status = text.ATTENDANCE_STATUS[record.status if record else None]
    now = f"{service.clock():%H:%M}"

    def answered(answer: str | None) -> None:
        if answer == "late":
            try:
                service.mark(person.id, "late")
            except FacilitatorError as err:
                node.notify(str(err), severity="error", timeout=8)
                then(False)
                return
            arrived = service.session.attendance_of(person.id)
            at = f"{arrived.arrived_at:%H:%M}" if arrived and arrived.arrived_at else now
            node.notify(note_text.ABSENT_MARKED_LATE.format(name=person.name, time=at))
        elif answer == "keep":
            kept.add(person.id)
        then(answer is not None)

    node.app.push_screen(AbsentSpeakerDialog(person, status, now), answered)


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
            box.border_title = text.EDIT_NOTE_TITLE
            yield Label(note_text.EDIT_SPEAKER)
            yield Input(self._speaker_name, id="edit-speaker", select_on_focus=False)
            yield SpeakerMatches(id="edit-speaker-matches")
            yield Label(note_text.EDIT_KIND)
            yield Select(
                [(text.NOTE_KIND[k], k) for k in text.NOTE_KIND],
                value=self._note.kind,
                allow_blank=False,
                id="edit-kind",
            )
            yield Label(note_text.EDIT_TEXT)
            yield Input(self._note.text, id="edit-text", select_on_focus=False)
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one(SpeakerMatches).display = False
        self.query_one("#edit-text", Input).focus()

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
        matches.show(self._service.find_people(typed) if typed else [], self._meant(typed))

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
            message = note_text.SPEAKER_AMBIGUOUS if found else note_text.SPEAKER_UNKNOWN
            self.error(message.format(count=found, typed=typed))
            if found:
                matches.show(self._service.find_people(typed))
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
            self.error(text.NOTE_EMPTY)
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
