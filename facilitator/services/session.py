"""The live session: every change the presenter makes, saved the moment it is made.

Screens call this class only; it owns the current :class:`Session` snapshot, writes
each change through the store (atomically) and refreshes the audience's live file.
Closed sessions refuse changes until :meth:`SessionService.reopen` is called.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from facilitator.domain.errors import FacilitatorError, InputError, ReadOnlyError
from facilitator.domain.membership import MembershipCounts, count_membership
from facilitator.domain.models import (
    ATTENDANCE_STATUSES,
    NOTE_KINDS,
    AgendaItem,
    Approval,
    Attendance,
    Event,
    Narrative,
    Note,
    Person,
    Progress,
    Reflection,
    Roles,
    Session,
    Vote,
)
from facilitator.domain.people_search import find_people
from facilitator.domain.timing import (
    afterwards_note_time,
    check_arrival,
    check_departure,
    check_times,
    default_arrival,
    fit_attendance,
    fit_notes,
)
from facilitator.domain.vietnamese import clean_line, clean_text
from facilitator.domain.vocab import SessionMode
from facilitator.domain.votes import voting_base
from facilitator.services.clock import Clock, local_now
from facilitator.services.live import write_live
from facilitator.services.write_check import check_write
from facilitator.storage.session_files import SessionRepo
from facilitator.storage.store import Store
from facilitator.strings import store as text
from facilitator.strings import timing as timing_text


class SessionService:
    """Edits one open (locked) session; each method persists before it returns."""

    def __init__(self, store: Store, repo: SessionRepo, session: Session, clock: Clock) -> None:
        self.store = store
        self._repo = repo
        self._session = session
        self.clock = clock
        self._note_seq = itertools.count(_next_note_number(session))
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

    def subscribe(self, listener: Callable[[Session], None]) -> None:
        """Be told of every saved change (the UI refreshes from the snapshot)."""
        self._listeners.append(listener)

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
        for listener in self._listeners:
            listener(session)
        return session

    def _writable(self) -> Session:
        if self._session.is_closed:
            raise ReadOnlyError(text.SESSION_CLOSED)
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
        allowed = {"minutes", "skipped", "presenter", "conclusion", "title"}
        changes: dict[str, Any] = {
            k: clean_text(v) if isinstance(v, str) else v for k, v in fields.items() if k in allowed
        }
        agenda = tuple(
            replace(item, **changes) if item.id == item_id else item for item in session.agenda
        )
        return self._commit(session.with_changes(agenda=agenda), live=True)

    # -- attendance ------------------------------------------------------------
    def mark(
        self,
        person_id: str,
        status: str,
        reason: str | None = None,
        arrived_at: datetime | None = None,
    ) -> Session:
        """Record attendance; reasons are cleaned. "late" takes ``arrived_at`` as typed, else
        the arrival already known, else the default (now only during the live meeting on
        its day, otherwise the start); an arrival before the start is refused."""
        session = self._writable()
        if status not in ATTENDANCE_STATUSES:
            raise ValueError(status)
        previous = session.attendance_of(person_id)
        arrived = None
        if status == "late":
            known = previous.arrived_at if previous else None
            arrived = arrived_at or known or default_arrival(session, self.clock())
            check_arrival(session, arrived)
        present = status in ("present", "late")
        left = previous.left_at if previous and present else None
        if left is not None and arrived is not None and left < arrived:
            left = None  # an arrival typed after the old departure: that departure was wrong
        record = Attendance(
            person=person_id,
            status=status,
            arrived_at=arrived,
            left_at=left,
            reason=clean_line(reason) if reason else None,
        )
        others = tuple(a for a in session.attendance if a.person != person_id)
        return self._commit(session.with_changes(attendance=(*others, record)), counts=True)

    def set_left(self, person_id: str, left_at: datetime | None) -> Session:
        """Record (or, with ``None``, forget) when a present member left early (về sớm)."""
        session = self._writable()
        record = session.attendance_of(person_id)
        if left_at is not None:
            check_departure(session, record, left_at)
        if record is None:  # nothing to forget
            return session
        attendance = tuple(
            replace(a, left_at=left_at) if a.person == person_id else a for a in session.attendance
        )
        return self._commit(session.with_changes(attendance=attendance), counts=True)

    def unmark(self, person_id: str) -> Session:
        """Forget a person's attendance mark (a mistaken key press)."""
        session = self._writable()
        others = tuple(a for a in session.attendance if a.person != person_id)
        return self._commit(session.with_changes(attendance=others), counts=True)

    def add_person(
        self, name: str, category: str = "khach", position: str = "", *, present: bool = True
    ) -> Person:
        """Add a guest or someone not on the roster, on the spot (present by default)."""
        session = self._writable()
        taken = {p.id for p in session.people}
        number = len(session.people) + 1
        while f"x{number:03d}" in taken:
            number += 1
        person = Person(
            id=f"x{number:03d}",
            name=clean_line(name),
            category=category,
            position=clean_line(position),
        )
        attendance = session.attendance
        if present:
            attendance = (*attendance, Attendance(person=person.id, status="present"))
        self._commit(
            session.with_changes(people=(*session.people, person), attendance=attendance),
            summary=True,
        )
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
        started = at or self.clock()
        first = next((i for i in session.agenda if not i.skipped), None)
        session = session.with_changes(
            status="running",
            started_at=started,
            mode="afterwards" if afterwards else session.mode,
            attendance=fit_attendance(session.attendance, started, session.ended_at),
        )
        self._commit(session, summary=True)
        return self.go_to(first.id) if first else self._session

    def set_afterwards(self) -> Session:
        """From now on the minutes are typed up afterwards: no clock stamps, no timer."""
        session = self._writable()
        if session.typed_up_afterwards:
            return session
        current = session.progress.current
        if current and session.progress.entered_at is not None:
            session = self.go_to(current)  # bank the live visit first
        progress = Progress(current=session.progress.current, entered_at=None)
        changed = session.with_changes(mode="afterwards", progress=progress)
        return self._commit(changed, summary=True, live=True)

    def set_times(
        self,
        started_at: datetime,
        ended_at: datetime | None,
        items: dict[str, tuple[datetime | None, datetime | None]] | None = None,
    ) -> Session:
        """Correct the meeting's start and end (and items' times) before approval."""
        session = self._writable()
        items = items or {}
        numbered = [
            (number, *items[item.id])
            for number, item in enumerate(session.agenda, 1)
            if item.id in items
        ]
        check_times(started_at, ended_at, numbered)
        agenda = tuple(
            replace(item, started_at=items[item.id][0], ended_at=items[item.id][1])
            if item.id in items
            else item
            for item in session.agenda
        )
        notes = fit_notes(session.notes, agenda, afterwards=session.typed_up_afterwards)
        for note in notes:
            if note not in session.notes:
                self._repo.save_note(note)  # a note outside its corrected item moves into it
        changed = session.with_changes(
            started_at=started_at,
            ended_at=ended_at,
            agenda=agenda,
            notes=notes,
            attendance=fit_attendance(session.attendance, started_at, ended_at),
        )
        return self._commit(changed, summary=True, live=True)

    def _target_item(self, item: str | None) -> str:
        """The item a note or vote belongs to: the given one, the current one, or (before
        the meeting started) the first kept item; a record never points at nothing."""
        session = self._session
        target = item or session.progress.current
        if target is None or session.item(target) is None:
            kept = [i for i in session.agenda if not i.skipped] or list(session.agenda)
            if not kept:
                raise InputError(text.NO_AGENDA)
            target = kept[0].id
        return target

    def go_to(self, item_id: str) -> Session:
        """Make ``item_id`` current, banking the time spent on the item being left.

        Before the meeting has started (status planned) this only previews the item: no
        timer runs and the session does not start until :meth:`start`.
        """
        session = self._writable()
        if session.status == "planned" or session.typed_up_afterwards:
            # Planned: only a preview. Typed up afterwards: the laptop's clock says nothing
            # about the meeting, so stepping stamps no time and starts no timer.
            preview = session.with_changes(progress=Progress(current=item_id, entered_at=None))
            return self._commit(preview, live=True)
        now = self.clock()
        agenda = list(session.agenda)
        current = session.progress.current
        for index, item in enumerate(agenda):
            if item.id == current and session.progress.entered_at is not None:
                spent = item.spent_seconds + (now - session.progress.entered_at).total_seconds()
                agenda[index] = replace(item, spent_seconds=max(spent, 0.0), ended_at=now)
            if item.id == item_id and item.started_at is None:
                agenda[index] = replace(agenda[index], started_at=now)
        session = session.with_changes(
            agenda=tuple(agenda), progress=Progress(current=item_id, entered_at=now)
        )
        return self._commit(session, live=True)

    def step(self, delta: int) -> Session:
        """Next (+1) or previous (-1) item that is not skipped.

        Positions are taken in the full agenda, so stepping from an item that was just
        skipped moves to its neighbour rather than back to the start.
        """
        session = self._session
        agenda = session.agenda
        current = session.progress.current
        ids = [i.id for i in agenda]
        position = ids.index(current) if current in ids else -1
        candidates = range(position + 1, len(agenda)) if delta > 0 else range(position - 1, -1, -1)
        if position == -1 and delta <= 0:
            candidates = range(len(agenda))
        target = next((agenda[i].id for i in candidates if not agenda[i].skipped), None)
        if target is None or target == current:
            return session
        return self.go_to(target)

    def elapsed(self, item_id: str, now: datetime | None = None) -> float:
        """Seconds spent on an item, including the running visit (survives restarts)."""
        session = self._session
        item = session.item(item_id)
        if item is None:
            return 0.0
        seconds = item.spent_seconds
        if (
            session.progress.current == item_id
            and session.progress.entered_at
            and not (session.is_closed)
        ):
            seconds += ((now or self.clock()) - session.progress.entered_at).total_seconds()
        return max(seconds, 0.0)

    # -- notes -----------------------------------------------------------------
    def add_note(
        self, text_: str, kind: str = "opinion", speaker: str | None = None, item: str | None = None
    ) -> Note:
        """Attach a note to the current (or given) item, stamped now; saved at once."""
        session = self._writable()
        if kind not in NOTE_KINDS:
            raise ValueError(kind)
        target = self._target_item(item)
        at = afterwards_note_time(session, target) if session.typed_up_afterwards else self.clock()
        note = Note(
            id=f"n{next(self._note_seq)}",
            item=target,
            at=at,
            text=clean_text(text_).strip(),
            kind=kind,
            speaker=speaker,
        )
        check_write(session, [note])
        self._repo.save_note(note)
        self._session = session.with_changes(notes=(*session.notes, note))
        self._notify()
        return note

    def edit_note(self, note_id: str, **fields: Any) -> Note:
        """Change a note's text, kind, speaker or item."""
        session = self._writable()
        old = next(n for n in session.notes if n.id == note_id)
        allowed = {"text", "kind", "speaker", "item"}
        changes: dict[str, Any] = {
            k: clean_text(v).strip() if k == "text" else v
            for k, v in fields.items()
            if k in allowed
        }
        note = replace(old, **changes)
        check_write(session, [note])
        self._repo.save_note(note)
        self._session = session.with_changes(
            notes=tuple(note if n.id == note_id else n for n in session.notes)
        )
        self._notify()
        return note

    def delete_note(self, note_id: str) -> None:
        """Remove a note."""
        session = self._writable()
        self._repo.delete_note(note_id)
        self._session = session.with_changes(
            notes=tuple(n for n in session.notes if n.id != note_id)
        )
        self._notify()

    def _notify(self) -> None:
        for listener in self._listeners:
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
            item=self._target_item(item),
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
        if session.typed_up_afterwards and session.ended_at is None:
            raise InputError(timing_text.END_REQUIRED)  # the end is entered, never stamped
        now = self.clock()
        if session.progress.current:
            session = self.go_to(session.progress.current)  # bank the running item's time
        base = self.counts().voting_base
        ended = session.ended_at if session.typed_up_afterwards else _end_time(session, now)
        # The minutes are read back and approved as the meeting closes (HD 12): typed up
        # afterwards, that moment is the entered end, never the laptop's clock; the
        # "closed" event then carries the same time, marked as taken from the paper.
        at = ended if session.typed_up_afterwards and ended is not None else now
        approval = Approval(at=at, for_=base if votes_for is None else votes_for, base=base)
        detail = str(SessionMode.AFTERWARDS) if session.typed_up_afterwards else ""
        session = session.with_changes(
            status="closed",
            ended_at=ended,
            approved=approval,
            progress=Progress(current=session.progress.current, entered_at=None),
            events=(*session.events, Event(at=at, kind="closed", detail=detail)),
        )
        return self._commit(session, summary=True, live=True)

    def reopen(self, reason: str) -> Session:
        """Explicitly reopen a closed session; the reopening is recorded."""
        session = self._session
        now = self.clock()
        session = session.with_changes(
            status="running",
            approved=None,
            events=(*session.events, Event(at=now, kind="reopened", detail=clean_line(reason))),
        )
        return self._commit(session, summary=True, live=True)


def _next_note_number(session: Session) -> int:
    numbers = [int(n.id[1:]) for n in session.notes if n.id[:1] == "n" and n.id[1:].isdigit()]
    return max(numbers, default=0) + 1


def _end_time(session: Session, now: datetime) -> datetime:
    """When the meeting ended: now, unless it was closed before. Closed again the same day
    with something recorded since, the meeting went on: the end moves; otherwise (a
    correction, or a note added days later) the first end time stands."""
    if session.ended_at is None:
        return now
    went_on = any(n.at > session.ended_at for n in session.notes)
    return now if went_on and now.date() == session.ended_at.date() else session.ended_at
