"""The note box's unsaved text, kept in the session folder so a crash loses nothing.

The draft is written atomically at most :data:`DRAFT_DELAY` after every change (and when
the window closes), and read back when the session is opened again.
"""

from __future__ import annotations

import json
from pathlib import Path

from facilitator.domain import schema as s
from facilitator.domain.codec import Record, read_lenient
from facilitator.domain.errors import FacilitatorError
from facilitator.domain.vietnamese import clean_text
from facilitator.domain.vocab import NoteKind
from facilitator.storage.atomic import write_bytes_atomic

DRAFT_FILE = "draft.json"
DRAFT_DELAY = 0.3
"""Seconds from a change to the draft being on disk: all that a dying terminal can lose.

A timer started by the first change and not restarted by the next ones, so steady typing
is written every 0.3 s rather than only after a pause (about three small writes a second).
"""


@s.record
class Draft(Record):
    """The note being typed, where it was typed, and the speaking queue (the draft file's
    one declaration: written by the codec, read leniently, a bad value as its default)."""

    text: str = s.text(default="")
    kind: str = s.choice(NoteKind, default="opinion")
    speaker: str | None = s.text(default=None, nullable=True)
    speaker_text: str = s.text(default="")
    item: str | None = s.text(default=None, nullable=True)
    queue: tuple[str, ...] = s.texts(default=())

    @property
    def empty(self) -> bool:
        """Nothing worth keeping."""
        return not (self.text.strip() or self.speaker_text.strip() or self.queue)


class DraftFile:
    """Read and write one session's draft file."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DRAFT_FILE
        self._last: Draft | None = None

    def load(self) -> Draft:
        """The saved draft, or an empty one (an unreadable draft is not worth a crash)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        draft = read_lenient(Draft, data) if isinstance(data, dict) else Draft()
        # Typed text comes back as it was typed, normalised like every text we keep.
        draft = Draft(
            text=clean_text(draft.text),
            kind=draft.kind,
            speaker=draft.speaker,
            speaker_text=clean_text(draft.speaker_text),
            item=draft.item,
            queue=draft.queue,
        )
        self._last = draft
        return draft

    def save(self, draft: Draft) -> None:
        """Write the draft (or remove the file when empty); unchanged drafts cost nothing."""
        if draft == self._last:
            return
        try:
            if draft.empty:
                self.path.unlink(missing_ok=True)
            else:
                payload = json.dumps(draft.to_dict(), ensure_ascii=False)
                write_bytes_atomic(self.path, payload.encode("utf-8"))
        except (OSError, FacilitatorError):
            return  # keep the text on screen; the next save tries again
        self._last = draft
