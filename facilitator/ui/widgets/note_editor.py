"""The note box: speaker (typed, accent-insensitive), kind, text; Enter saves.

The speaker is the person whose name was typed exactly (accents count), else the only
match, else the one the user picks from the list: the first row of the list is never
taken on its own when it may be a namesake. A speaker not marked present is asked about
before the note is saved (see :mod:`facilitator.ui.screens.note_dialogs`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import OptionList, Select, Static

from facilitator.domain.models import Person
from facilitator.services.session import SessionService
from facilitator.strings import notes as notes_text
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.note_dialogs import SEARCH_ALL, absences, confirm_attendance
from facilitator.ui.widgets.speaker_picker import SpeakerMatches, resolve_speaker
from facilitator.ui.widgets.text_boxes import Input


class NoteEditor(Vertical):
    """Posts :class:`Submitted` on Enter and :class:`DraftChanged` on every keystroke."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move_match(-1)", show=False),
        Binding("down", "move_match(1)", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """The user pressed Enter in the note text (the speaker is settled and asked about)."""

        text: str
        kind: str
        speaker: str | None

    class DraftChanged(Message):
        """Something typed changed (the screen saves the draft soon after)."""

    def __init__(self, service: SessionService, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._service = service
        self.speaker_id: str | None = None
        self._speaker_name = ""
        self.kept: set[str] = set()
        """People kept as speakers although not marked present (not asked about again)."""

    def compose(self) -> ComposeResult:
        yield SpeakerMatches(id="speaker-matches")
        # Why Enter saved nothing ("Có 3 người khớp …"), right above the box being typed
        # in: a notice at the top of the screen was missed at 80x24, eyes on the note box.
        yield Static("", id="note-hint")
        with Horizontal(id="note-row"):
            # Focusing a box never selects its text: the next key would replace it all
            # (a recovered draft was wiped that way).
            yield Input(
                placeholder=ui_text.SPEAKER_PLACEHOLDER,
                id="speaker",
                compact=True,
                select_on_focus=False,
            )
            yield Select(
                [(ui_text.NOTE_KIND[k], k) for k in ui_text.NOTE_KINDS_OFFERED],
                value="opinion",
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Input(
                placeholder=ui_text.NOTE_PLACEHOLDER,
                id="note-text",
                compact=True,
                select_on_focus=False,
            )

    def on_mount(self) -> None:
        self.query_one(SpeakerMatches).display = False
        self.query_one("#note-hint", Static).display = False

    # -- state ---------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """The chosen note kind."""
        value = self.query_one("#kind", Select).value
        return value if isinstance(value, str) else "opinion"

    @property
    def text(self) -> str:
        """The note text typed so far."""
        return self.query_one("#note-text", Input).value

    @property
    def speaker_text(self) -> str:
        """What is typed in the speaker box."""
        return self.query_one("#speaker", Input).value

    def _meant(self) -> Person | None:
        """The person the speaker box means without asking (see ``resolve_speaker``)."""
        typed = self.speaker_text.strip()
        if not typed:
            return None
        found = self._service.find_people(typed, limit=SEARCH_ALL)
        return resolve_speaker(self._service.session.people, found, typed)

    def resolved_speaker(self) -> str | None:
        """The chosen person, else the one the typed name means; nobody when ambiguous."""
        if self.speaker_id is not None:
            return self.speaker_id
        person = self._meant()
        return person.id if person else None

    def load(self, text_: str, kind: str, speaker: str | None, speaker_text: str) -> None:
        """Restore a draft."""
        self.query_one("#note-text", Input).value = text_
        self.query_one("#kind", Select).value = (
            kind if kind in ui_text.NOTE_KINDS_OFFERED else "opinion"
        )
        self._set_speaker(speaker, speaker_text)

    def clear(self) -> None:
        """Empty the box after a note was saved."""
        self.load("", "opinion", None, "")

    def forget_unused_speaker(self) -> None:
        """A speaker chosen for a note never typed is not carried into the next item."""
        if not self.text.strip() and (self.speaker_id or self.speaker_text):
            self._set_speaker(None, "")

    def cycle_kind(self) -> None:
        """Next note kind (F4), without opening the menu."""
        kinds = ui_text.NOTE_KINDS_OFFERED
        self.query_one("#kind", Select).value = kinds[(kinds.index(self.kind) + 1) % len(kinds)]

    def set_read_only(self, read_only: bool) -> None:
        """A closed session shows its note boxes greyed out and says why, instead of
        letting a whole note be typed and then refusing it."""
        for box in self.query(Input):
            box.disabled = read_only
        self.query_one("#kind", Select).disabled = read_only
        note = self.query_one("#note-text", Input)
        note.placeholder = ui_text.NOTE_READ_ONLY if read_only else ui_text.NOTE_PLACEHOLDER

    def focus_box(self) -> None:
        """The speaker box while no note is typed and no speaker settled, else the text;
        the cursor at the end of what is there."""
        target = "#speaker" if not (self.text or self.speaker_id) else "#note-text"
        self._focus(target)

    def _focus(self, target: str) -> None:
        box = self.query_one(target, Input)
        box.focus()
        box.cursor_position = len(box.value)

    def _set_speaker(self, person_id: str | None, name: str) -> None:
        self.speaker_id = person_id
        self._speaker_name = name
        self.query_one("#speaker", Input).value = name
        self.query_one(SpeakerMatches).display = False
        self.show_hint("")

    @property
    def hint(self) -> str:
        """What the note box's own line says ("" when it is hidden)."""
        line = self.query_one("#note-hint", Static)
        return str(line.render()) if line.display else ""

    def show_hint(self, message: str) -> None:
        """Say ``message`` on the line above the boxes ("" hides it)."""
        line = self.query_one("#note-hint", Static)
        if not message and not line.display:
            return  # already hidden: an update would lay the whole run screen out again
        line.update(plain(message))
        line.display = bool(message)

    # -- choosing the speaker ------------------------------------------------------------
    def _settle_speaker(self, then: Callable[[Person | None], None]) -> None:
        """Work out the speaker, ask about them if not present, then ``then(person)``.

        Nothing happens (the user is told to pick, or asked, and stays in the speaker
        box) while the typed name is ambiguous, unknown, or the question was cancelled.
        """
        matches = self.query_one(SpeakerMatches)
        typed = self.speaker_text.strip()
        session = self._service.session
        if self.speaker_id is not None:
            person = session.person(self.speaker_id)
        elif not typed:
            then(None)
            return
        else:
            person = session.person(matches.picked) or self._meant()
        if person is None:
            self._ask_to_pick(typed)
            return

        def answered(go_on: bool) -> None:
            if not go_on:
                # Cleared, not kept: the next name typed (after F3 too) must not be
                # appended to the refused one. The note text typed stays.
                self._set_speaker(None, "")
                self._focus("#speaker")
                return
            self._set_speaker(person.id, person.name)
            then(person)

        confirm_attendance(self, self._service, person, self.kept, answered)

    def _ask_to_pick(self, typed: str) -> None:
        found = self._service.find_people(typed, limit=SEARCH_ALL)
        message = notes_text.SPEAKER_AMBIGUOUS if found else notes_text.SPEAKER_UNKNOWN
        self.show_hint(message.format(count=len(found), typed=typed))
        matches = self.query_one(SpeakerMatches)
        listed = self._service.find_people(typed)
        matches.show(listed, None, absences(self._service, listed))
        matches.moved = bool(found)  # told to pick: Enter now takes the highlighted row
        self._focus("#speaker")

    # -- events --------------------------------------------------------------------------
    def action_move_match(self, delta: int) -> None:
        """Up/down in the speaker box move through the matches."""
        if self.query_one("#speaker", Input).has_focus:
            self.query_one(SpeakerMatches).move(delta)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "speaker" and event.value != self._speaker_name:
            self.speaker_id = None
            self._speaker_name = ""
            self.show_hint("")  # said about the name before: typing changes it
            typed = event.value.strip()
            found = self._service.find_people(typed) if typed else []
            listed = absences(self._service, found)
            self.query_one(SpeakerMatches).show(found, self._meant(), listed)
        self.post_message(self.DraftChanged())

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.DraftChanged())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a listed person chooses them."""
        event.stop()
        person = self._service.session.person(event.option_id)
        if person is not None:
            self.speaker_id = person.id
            self._settle_speaker(lambda _: self._focus("#note-text"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "speaker":
            self._settle_speaker(lambda _: self._focus("#note-text"))
            return

        def submit(person: Person | None) -> None:
            self.post_message(self.Submitted(self.text, self.kind, person.id if person else None))

        if not self.text.strip() or self._service.read_only:
            # Nothing to save, or nothing may be: the screen says so; no speaker question.
            self.post_message(self.Submitted(self.text, self.kind, self.resolved_speaker()))
            return
        self._settle_speaker(submit)

    def on_descendant_blur(self) -> None:
        # Matches only make sense while the speaker box has the focus.
        self.call_after_refresh(self._hide_matches)

    def _hide_matches(self) -> None:
        if not self.is_attached or not self.children:
            return  # the run screen was left before the refresh this waited for
        if not self.query_one("#speaker", Input).has_focus:
            self.query_one(SpeakerMatches).display = False
            self.show_hint("")
