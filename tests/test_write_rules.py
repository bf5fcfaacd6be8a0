"""The store never writes what its loader would refuse.

A stateful property test runs random sequences of service operations, valid and invalid
(unknown people, empty names, impossible votes, zero minutes…), and after each one
checks that the stored session reloads equal to the service's memory.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import hypothesis.strategies as st
import pytest
from builders import make_session
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from facilitator.domain.errors import FacilitatorError, InputError
from facilitator.services.session import SessionService
from facilitator.storage.store import Store

ICT = timezone(timedelta(hours=7))
PEOPLE = st.sampled_from(["p01", "p02", "p03", "p04", "khong-co", ""])
STATUSES = st.sampled_from(
    ["present", "late", "absent", "absent-excused", "exempt-absent", "bogus", ""]
)
KINDS = st.sampled_from(["opinion", "question", "answer", "bogus"])
COUNTS = st.integers(min_value=-3, max_value=40)
TEXT = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxy ÁÀẢÃẠ\u200b\u202e\n")),
    max_size=12,
)
FAILURES = (FacilitatorError, ValueError, KeyError, StopIteration, IndexError)


class ServiceOperations(RuleBasedStateMachine):
    """One open session, changed at random; memory and disk must always agree."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="facilitator-rules-"))
        self.store = Store(self.folder / "data")
        session = make_session(filler=4, status="planned", approved=None, ended_at=None, votes=())
        self.store.put_session(session)
        self.now = datetime(2024, 5, 10, 7, 30, tzinfo=ICT)
        self.service = SessionService.open(self.store, session.id, lambda: self.now)

    def teardown(self) -> None:
        self.service.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _try(self, operation) -> None:  # type: ignore[no-untyped-def]
        before = self.service.session
        try:
            operation()
        except FAILURES:
            # A refused change leaves memory as it was (nothing half-applied).
            assert self.service.session == before

    @rule(person=PEOPLE, status=STATUSES, reason=TEXT)
    def mark(self, person: str, status: str, reason: str) -> None:
        self._try(lambda: self.service.mark(person, status, reason or None))

    @rule(name=TEXT, category=st.sampled_from(["khach", "chinh-thuc", "bogus"]), position=TEXT)
    def add_person(self, name: str, category: str, position: str) -> None:
        self._try(lambda: self.service.add_person(name, category, position))

    @rule(text=TEXT, kind=KINDS, speaker=PEOPLE)
    def add_note(self, text: str, kind: str, speaker: str) -> None:
        self._try(lambda: self.service.add_note(text, kind, speaker or None))

    @rule(index=st.integers(0, 5), text=TEXT, speaker=PEOPLE)
    def edit_note(self, index: int, text: str, speaker: str) -> None:
        notes = self.service.session.notes
        if notes:
            note = notes[index % len(notes)]
            self._try(lambda: self.service.edit_note(note.id, text=text, speaker=speaker or None))

    @rule(index=st.integers(0, 5))
    def delete_note(self, index: int) -> None:
        notes = self.service.session.notes
        if notes:
            self._try(lambda: self.service.delete_note(notes[index % len(notes)].id))

    @rule(question=TEXT, for_=COUNTS, against=COUNTS, other=COUNTS)
    def vote(self, question: str, for_: int, against: int, other: int) -> None:
        self._try(lambda: self.service.record_vote(question, for_, against, other))

    @rule(item=st.integers(0, 3), minutes=st.integers(-2, 500))
    def minutes(self, item: int, minutes: int) -> None:
        agenda = self.service.session.agenda
        self._try(lambda: self.service.update_item(agenda[item % len(agenda)].id, minutes=minutes))

    @rule(chair=PEOPLE, secretary=PEOPLE, presenter=PEOPLE)
    def roles(self, chair: str, secretary: str, presenter: str) -> None:
        presenters = (presenter,) if presenter else ()
        self._try(lambda: self.service.set_roles(chair or None, secretary or None, presenters))

    @rule(title=TEXT, place=TEXT, number=TEXT)
    def details(self, title: str, place: str, number: str) -> None:
        self._try(lambda: self.service.update_details(title=title, place=place, number=number))

    @rule(delta=st.sampled_from([-1, 1]))
    def step(self, delta: int) -> None:
        self.now += timedelta(minutes=3)
        self._try(lambda: self.service.step(delta))

    @rule()
    def start(self) -> None:
        self._try(self.service.start)

    @rule(person=PEOPLE, submitted=st.booleans(), grade=st.sampled_from([None, "tot", "bogus"]))
    def reflection(self, person: str, submitted: bool, grade: str | None) -> None:
        self._try(lambda: self.service.set_reflection(person, submitted, grade))

    @invariant()
    def reloads_equal_to_memory(self) -> None:
        assert self.store.load_session(self.service.session.id) == self.service.session


ServiceOperations.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestServiceOperations = ServiceOperations.TestCase


def test_an_impossible_vote_is_refused_with_its_json_path(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    session = make_session(filler=4, status="planned", approved=None, ended_at=None, votes=())
    store.put_session(session)
    service = SessionService.open(store, session.id)
    try:
        with pytest.raises(InputError) as refused:
            service.record_vote("Thông qua", 99, 0, 0)
        assert any("votes" in p.where for p in refused.value.problems)
        with pytest.raises(FacilitatorError):
            service.add_person("   ")
        with pytest.raises(FacilitatorError):
            service.add_note("Ý kiến", "opinion", "khong-co")
    finally:
        service.close()
    assert store.load_session(session.id) == session
