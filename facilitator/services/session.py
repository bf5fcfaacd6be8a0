"""The live session: every change the presenter makes, saved the moment it is made.

Screens call this class only; it owns the current :class:`Session` snapshot, writes
each change through the store (atomically) and refreshes the audience's live file.
Closed sessions refuse changes until :meth:`SessionService.reopen` is called.

Each method is guard -> transition -> commit -> publish: the rules (what a mark, a step
or a close does to the session) are pure functions in ``facilitator.domain``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from facilitator.domain import agenda as steps
from facilitator.domain import closing, marking
from facilitator.domain import notes as note_rules
from facilitator.domain.errors import FacilitatorError, ReadOnlyError
from facilitator.domain.membership import MembershipCounts, count_membership
from facilitator.domain.models import (
    AgendaItem,
    Narrative,
    Note,
    Person,
    Reflection,
    Roles,
    Session,
    Vote,
)
from facilitator.domain.people_search import find_people
from facilitator.domain.timing import ItemTimes, corrected_times
from facilitator.domain.vietnamese import clean_line, clean_text
from facilitator.domain.vocab import SessionMode
from facilitator.domain.votes import voting_base
from facilitator.services.clock import Clock, local_now
from facilitator.services.live import write_live
from facilitator.services.write_check import check_write
from facilitator.storage.session_files import SessionRepo
from facilitator.storage.store import Store
from facilitator.strings import store as store_text


class SessionService:
    """Edits one open (locked) session; each method persists before it returns."""

    def __init__(self, store: Store, repo: SessionRepo, session: Session, clock: Clock) -> None:
        self.store = store
        self._repo = repo
        self._session = session
        self.clock = clock
        self._note_seq = itertools.count(note_rules.next_note_number(session))
        self._listeners: list[Callable[[Session], None]] = []
        self._summary_stale = False

    # -- opening and closing ---------------------------------------------------
    @classmethod
    def open(cls, store: Store, session_id: str, clock: Clock = local_now) -> SessionService:
        """Lock and load a stored session (raises if it is open in another window)."""
        repo = store.open_session(session_id)
        try:
            session = repo.load()
        except FacilitatorError:
            repo.close()
            raise
        return cls(store, repo, session, clock)

    @classmethod
    def create(cls, store: Store, session: Session, clock: Clock = local_now) -> SessionService:
        """Store a new session and keep it open."""
        return cls(store, store.create_session(session), session, clock)

    def close(self) -> None:
        """Refresh the session's row of the list if marks changed it; release the lock."""
        try:
            if self._summary_stale:
                self.store.update_summary(self._session)
                self._summary_stale = False
        except (FacilitatorError, OSError):
            pass  # the index is a cache: the list recomputes a row its file's mtime betrays
        finally:
            self._repo.close()

    @property
    def session(self) -> Session:
        """The current immutable snapshot."""
        return self._session

    @property
    def read_only(self) -> bool:
        """Closed sessions are read-only until reopened."""
        return self._session.is_closed

    def subscribe(self, listener: Callable[[Session], None]) -> Callable[[], None]:
        """Be told of every saved change, with the new snapshot (screens redraw from it
        instead of being refreshed by hand); returns the call that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    # -- persistence helpers ---------------------------------------------------
    def _commit(
        self, session: Session, *, summary: bool = False, live: bool = False, counts: bool = False
    ) -> Session:
        """Check, then save ``session``; ``summary``: refresh its row of the session list
        now; ``counts``: the row's counts changed, refreshed when the session is left (a
        mark must not rewrite the whole index: issue 13; a stale row is recomputed from
        the session file's mtime anyway, so a crash cannot leave it wrong)."""
        self._repo.save_core(session, check_write(session))
        self._session = session
        self._summary_stale |= counts
        if summary:
            self.store.update_summary(session)
            self._summary_stale = False
        if live:
            write_live(self.store.root, session, self.clock())
        self._notify()
        return session

    def _writable(self) -> Session:
        if self._session.is_closed:
            raise ReadOnlyError(store_text.SESSION_CLOSED)
        return self._session

    # -- preparation -----------------------------------------------------------
    def update_details(self, **fields: Any) -> Session:
        """Change title, place, number, started_at, kind, unit or roles."""
        session = self._writable()
        cleaned = {
            k: clean_line(v) if isinstance(v, str) else v
            for k, v in fields.items()
            if k in {"title", "place", "number", "started_at", "kind", "unit", "roles"}
        }
        return self._commit(session.with_changes(**cleaned), summary=True, live=True)

    def set_roles(
        self, chair: str | None, secretary: str | None, presenters: tuple[str, ...]
    ) -> Session:
        """Choose chair, secretary and presenters among the session's people."""
        session = self._writable()
        roles = Roles(chair=chair, secretary=secretary, presenters=tuple(presenters))
        return self._commit(session.with_changes(roles=roles))

    def set_agenda(self, agenda: tuple[AgendaItem, ...]) -> Session:
        """Replace the agenda (reorder, skip, change minutes) during preparation."""
        session = self._writable()
        return self._commit(session.with_changes(agenda=tuple(agenda)), live=True)

    def update_item(self, item_id: str, **fields: Any) -> Session:
        """Change one agenda item's minutes, skipped flag, presenter or conclusion."""
        session = self._writable()
        return self._commit(steps.edit_item(session, item_id, fields), live=True)

    # -- attendance ------------------------------------------------------------
    def mark(
        self,
        person_id: str,
        status: str,
        reason: str | None = None,
        arrived_at: datetime | None = None,
    ) -> Session:
        """Record attendance (the rule: :func:`facilitator.domain.marking.marked`); "late"
        takes ``arrived_at``, the arrival known, or the default; before the start is refused."""
        session = self._writable()
        changed = marking.marked(session, person_id, status, reason, arrived_at, self.clock())
        return self._commit(changed, counts=True)

    def set_left(self, person_id: str, left_at: datetime | None) -> Session:
        """Record (or, with ``None``, forget) when a present member left early (về sớm)."""
        session = self._writable()
        changed = marking.left_early(session, person_id, left_at)
        if changed is session:  # nothing to forget
            return session
        return self._commit(changed, counts=True)

    def unmark(self, person_id: str) -> Session:
        """Forget a person's attendance mark (a mistaken key press)."""
        session = self._writable()
        return self._commit(marking.unmarked(session, person_id), counts=True)

    def add_person(
        self, name: str, category: str = "khach", position: str = "", *, present: bool = True
    ) -> Person:
        """Add a guest or someone not on the roster, on the spot (present by default)."""
        session = self._writable()
        changed, person = marking.with_person(session, name, category, position, present=present)
        self._commit(changed, summary=True)
        return person

    def counts(self) -> MembershipCounts:
        """Live counts exactly as the minutes will state them."""
        return count_membership(self._session.people, self._session.attendance)

    def find_people(self, query: str, limit: int | None = 8) -> list[Person]:
        """Accent-insensitive lookup by word beginnings: "nguyen van a" finds "Nguyễn Văn An"
        (the rule is :func:`facilitator.domain.people_search.find_people`)."""
        return find_people(self._session.people, query, limit)

    # -- running the agenda ----------------------------------------------------
    def start(self, at: datetime | None = None, *, afterwards: bool = False) -> Session:
        """Begin the meeting: status running, first item current. The start is now, or
        ``at`` as chosen; ``afterwards`` (the minutes typed up later from paper) keeps the
        clock out of every time from here on. Arrivals marked before are kept inside it."""
        session = self._writable()
        first = steps.first_kept(session.agenda)
        self._commit(steps.begin(session, at or self.clock(), afterwards=afterwards), summary=True)
        return self.go_to(first.id) if first else self._session

    def set_afterwards(self) -> Session:
        """From now on the minutes are typed up afterwards: no clock stamps, no timer."""
        session = self._writable()
        if session.typed_up_afterwards:
            return session
        current = session.progress.current
        if current and session.progress.entered_at is not None:
            session = self.go_to(current)  # bank the live visit first
        changed = steps.stopped(session).with_changes(mode=SessionMode.AFTERWARDS.value)
        return self._commit(changed, summary=True, live=True)

    def set_times(
        self, started_at: datetime, ended_at: datetime | None, items: ItemTimes | None = None
    ) -> Session:
        """Correct the meeting's start and end (and items' times) before approval."""
        session = self._writable()
        changed = corrected_times(session, started_at, ended_at, items or {})
        for note in changed.notes:
            if note not in session.notes:
                self._repo.save_note(note)  # a note outside its corrected item moves into it
        return self._commit(changed, summary=True, live=True)

    def go_to(self, item_id: str) -> Session:
        """Make ``item_id`` current, banking the time spent on the item being left.

        Before the meeting has started (status planned) this only previews the item: no
        timer runs and the session does not start until :meth:`start`.
        """
        session = self._writable()
        now = None if steps.previews(session) else self.clock()
        return self._commit(steps.enter(session, item_id, now), live=True)

    def step(self, delta: int) -> Session:
        """Next (+1) or previous (-1) item that is not skipped (see
        :func:`facilitator.domain.agenda.step_target`)."""
        target = steps.step_target(self._session, delta)
        return self._session if target is None else self.go_to(target)

    def elapsed(self, item_id: str, now: datetime | None = None) -> float:
        """Seconds spent on an item, including the running visit (survives restarts)."""
        return steps.elapsed(self._session, item_id, now or self.clock())

    # -- notes -----------------------------------------------------------------
    def add_note(
        self, text_: str, kind: str = "opinion", speaker: str | None = None, item: str | None = None
    ) -> Note:
        """Attach a note to the current (or given) item, stamped now; saved at once."""
        session = self._writable()
        note = note_rules.new_note(
            session, next(self._note_seq), text_, kind, speaker, item, self.clock()
        )
        self._save_note(session, note)
        return note

    def edit_note(self, note_id: str, **fields: Any) -> Note:
        """Change a note's text, kind, speaker or item."""
        session = self._writable()
        note = note_rules.edited_note(session, note_id, fields)
        self._save_note(session, note)
        return note

    def delete_note(self, note_id: str) -> None:
        """Remove a note."""
        session = self._writable()
        self._repo.delete_note(note_id)
        self._session = note_rules.without_note(session, note_id)
        self._notify()

    def _save_note(self, session: Session, note: Note) -> None:
        """Notes are saved one file each: the session's own file is not rewritten."""
        check_write(session, [note])
        self._repo.save_note(note)
        self._session = note_rules.with_note(session, note)
        self._notify()

    def _notify(self) -> None:
        for listener in tuple(self._listeners):  # a listener may unsubscribe while told
            listener(self._session)

    # -- votes and conclusions ------------------------------------------------
    def record_vote(
        self, question: str, for_: int, against: int = 0, other: int = 0, item: str | None = None
    ) -> Vote:
        """Record a vote against the voting base (members entitled to vote), which the
        domain derives from the people and the attendance (``facilitator.domain.votes``);
        a later attendance change re-derives it, and more hands than members is refused."""
        session = self._writable()
        vote = Vote(
            item=steps.target_item(session, item),
            question=clean_line(question),
            for_=for_,
            against=against,
            other=other,
            base=voting_base(session.people, session.attendance),
        )
        committed = self._commit(session.with_changes(votes=(*session.votes, vote)))
        return committed.votes[-1]

    def delete_vote(self, index: int) -> Session:
        """Remove a vote recorded by mistake."""
        session = self._writable()
        votes = tuple(v for i, v in enumerate(session.votes) if i != index)
        return self._commit(session.with_changes(votes=votes))

    def set_conclusion(self, conclusion: str) -> Session:
        """The chair's overall conclusion."""
        session = self._writable()
        return self._commit(session.with_changes(conclusion=clean_text(conclusion).strip()))

    def set_narrative(self, narrative: Narrative) -> Session:
        """Strengths, weaknesses and proposals typed for the report."""
        session = self._session  # the report's narrative may be written after closing
        cleaned = Narrative(
            strengths=clean_text(narrative.strengths).strip(),
            weaknesses=clean_text(narrative.weaknesses).strip(),
            proposals=clean_text(narrative.proposals).strip(),
        )
        return self._commit(session.with_changes(narrative=cleaned))

    def set_reflection(self, person_id: str, submitted: bool, grade: str | None) -> Session:
        """Record a written reflection (bài thu hoạch) and its grade."""
        session = self._session  # graded after the meeting, even when closed
        others = tuple(r for r in session.reflections if r.person != person_id)
        record = Reflection(person=person_id, submitted=submitted, grade=grade)
        return self._commit(session.with_changes(reflections=(*others, record)))

    # -- closing ---------------------------------------------------------------
    def approve_and_close(self, votes_for: int | None = None) -> Session:
        """Minutes read back and approved: stamp the end, freeze the session."""
        session = self._writable()
        closing.check_closable(session)
        now = self.clock()
        if session.progress.current:
            session = self.go_to(session.progress.current)  # bank the running item's time
        changed = closing.closed(session, now, votes_for, self.counts().voting_base)
        return self._commit(changed, summary=True, live=True)

    def reopen(self, reason: str) -> Session:
        """Explicitly reopen a closed session; the reopening is recorded."""
        return self._commit(
            closing.reopened(self._session, self.clock(), reason), summary=True, live=True
        )
