"""The note box: speaker (typed, accent-insensitive), kind, text; Enter saves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Select

from facilitator.domain.models import Person
from facilitator.strings import ui as text
from facilitator.ui.widgets.speaker_picker import SpeakerMatches

Search = Callable[[str], Sequence[Person]]


class NoteEditor(Vertical):
    """Posts :class:`Submitted` on Enter and :class:`DraftChanged` on every keystroke."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move_match(-1)", show=False),
        Binding("down", "move_match(1)", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """The user pressed Enter in the note text."""

        text: str
        kind: str
        speaker: str | None

    class DraftChanged(Message):
        """Something typed changed (the screen saves the draft on a debounce)."""

    def __init__(self, search: Search, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._search = search
        self.speaker_id: str | None = None
        self._speaker_name = ""

    def compose(self) -> ComposeResult:
        yield SpeakerMatches(id="speaker-matches")
        with Horizontal(id="note-row"):
            yield Input(placeholder=text.SPEAKER_PLACEHOLDER, id="speaker", compact=True)
            yield Select(
                [(text.NOTE_KIND[k], k) for k in text.NOTE_KINDS_OFFERED],
                value="opinion",
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Input(placeholder=text.NOTE_PLACEHOLDER, id="note-text", compact=True)

    def on_mount(self) -> None:
        self.query_one(SpeakerMatches).display = False

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

    def resolved_speaker(self) -> str | None:
        """The chosen person, else the best match of what was typed, else nobody."""
        if self.speaker_id is not None:
            return self.speaker_id
        typed = self.speaker_text.strip()
        matches = self._search(typed) if typed else []
        return matches[0].id if matches else None

    def load(self, text_: str, kind: str, speaker: str | None, speaker_text: str) -> None:
        """Restore a draft."""
        self.query_one("#note-text", Input).value = text_
        self.query_one("#kind", Select).value = (
            kind if kind in text.NOTE_KINDS_OFFERED else "opinion"
        )
        self._set_speaker(speaker, speaker_text)

    def clear(self) -> None:
        """Empty the box after a note was saved."""
        self.load("", "opinion", None, "")

    def cycle_kind(self) -> None:
        """Next note kind (F4), without opening the menu."""
        kinds = text.NOTE_KINDS_OFFERED
        self.query_one("#kind", Select).value = kinds[(kinds.index(self.kind) + 1) % len(kinds)]

    def focus_box(self) -> None:
        """Speaker first when nothing is typed yet, else the text."""
        target = "#speaker" if not (self.text or self.speaker_text) else "#note-text"
        self.query_one(target, Input).focus()

    def _set_speaker(self, person_id: str | None, name: str) -> None:
        self.speaker_id = person_id
        self._speaker_name = name
        self.query_one("#speaker", Input).value = name
        self.query_one(SpeakerMatches).display = False

    # -- events --------------------------------------------------------------------------
    def action_move_match(self, delta: int) -> None:
        """Up/down in the speaker box move through the matches."""
        self.query_one(SpeakerMatches).move(delta)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "speaker" and event.value != self._speaker_name:
            self.speaker_id = None
            self._speaker_name = ""
            typed = event.value.strip()
            self.query_one(SpeakerMatches).show(self._search(typed) if typed else [])
        self.post_message(self.DraftChanged())

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.DraftChanged())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "speaker":
            chosen = self.query_one(SpeakerMatches).chosen or self.resolved_speaker()
            person = next((p for p in self._search(self.speaker_text) if p.id == chosen), None)
            if person is not None:
                self._set_speaker(person.id, person.name)
            self.query_one("#note-text", Input).focus()
            return
        self.post_message(self.Submitted(self.text, self.kind, self.resolved_speaker()))

    def on_descendant_blur(self) -> None:
        # Matches only make sense while the speaker box has the focus.
        self.call_after_refresh(self._hide_matches)

    def _hide_matches(self) -> None:
        if not self.query_one("#speaker", Input).has_focus:
            self.query_one(SpeakerMatches).display = False
