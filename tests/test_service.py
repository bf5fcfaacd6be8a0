"""The live-session service: every change persisted, timers resumable, closed is read-only."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from facilitator.domain.errors import ReadOnlyError, SessionLockedError
from facilitator.domain.models import Person, Roster, Unit
from facilitator.parsing import load_pack
from facilitator.services.live import read_live
from facilitator.services.planning import SessionPlan, start_session
from facilitator.services.session import SessionService
from facilitator.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
TZ = timezone(timedelta(hours=7))


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 10, 7, 30, tzinfo=TZ)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(tmp_path: Path, clock: FakeClock) -> SessionService:
    store = Store(tmp_path)
    roster = Roster(
        Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "party", "Di Linh"),
        (
            Person("p01", "Nguyễn Văn An", position="Bí thư chi bộ"),
            Person("p02", "Trần Thị Bình"),
            Person("p03", "Lê Văn Cường"),
            Person("p04", "Phạm Thị Dung", category="du-bi"),
        ),
    )
    pack = load_pack(ROOT / "content" / "cay-tre.md")
    plan = SessionPlan("Sinh hoạt chuyên đề cây tre", clock(), place="Hội trường", chair="p01")
    svc = start_session(store, pack, roster, plan, clock)
    yield svc
    svc.close()


def reopen(svc: SessionService, clock: FakeClock) -> SessionService:
    svc.close()
    return SessionService.open(Store(svc.store.root), svc.session.id, clock)


def test_attendance_marks_are_saved_immediately(service: SessionService, clock: FakeClock) -> None:
    service.mark("p01", "present")
    clock.advance(300)
    service.mark("p02", "late")
    service.mark("p03", "absent-excused", reason="  Ốm  ")
    again = reopen(service, clock)
    try:
        session = again.session
        assert session.attendance_of("p02").arrived_at == clock()
        assert session.attendance_of("p03").reason == "Ốm"
        counts = again.counts()
        assert (counts.present, counts.late, len(counts.absent_excused)) == (2, 1, 1)
        assert Store(service.store.root).list_sessions().sessions[0].present == 2
    finally:
        again.close()


def test_notes_attach_to_current_item_with_speaker(
    service: SessionService, clock: FakeClock
) -> None:
    service.start()
    service.step(1)
    note = service.add_note("Cần liên hệ thực tiễn địa phương", "proposal", "p02")
    assert note.item == service.session.progress.current
    service.edit_note(note.id, text="Cần liên hệ thực tiễn của xã")
    other = service.add_note("Xóa tôi", "opinion")
    service.delete_note(other.id)
    again = reopen(service, clock)
    try:
        notes = again.session.notes
        assert [(n.text, n.kind, n.speaker) for n in notes] == [
            ("Cần liên hệ thực tiễn của xã", "proposal", "p02")
        ]
        assert again.add_note("Tiếp").id not in {n.id for n in notes}  # no clash after restart
    finally:
        again.close()


def test_timer_resumes_after_restart(service: SessionService, clock: FakeClock) -> None:
    service.start()
    first = service.session.progress.current
    clock.advance(120)
    service.step(1)
    second = service.session.progress.current
    clock.advance(45)
    again = reopen(service, clock)  # the app died; the lid was closed for 15 s
    try:
        clock.advance(15)
        assert again.elapsed(first) == 120
        assert again.elapsed(second) == 60
        again.step(-1)
        clock.advance(10)
        assert again.elapsed(first) == 130
    finally:
        again.close()


def test_vote_uses_voting_base(service: SessionService) -> None:
    for pid in ("p01", "p02", "p03", "p04"):
        service.mark(pid, "present")
    vote = service.record_vote("Thông qua chương trình hành động", 3)
    assert vote.base == 3  # the probationary member does not vote
    assert vote.passed


def test_closed_session_is_read_only_until_reopened(
    service: SessionService, clock: FakeClock
) -> None:
    service.start()
    service.mark("p01", "present")
    clock.advance(3600)
    service.approve_and_close()
    assert service.session.status == "closed"
    assert service.session.ended_at == clock()
    with pytest.raises(ReadOnlyError):
        service.add_note("muộn")
    with pytest.raises(ReadOnlyError):
        service.mark("p02", "present")
    service.reopen("Bổ sung ý kiến của đồng chí Bình")
    assert service.session.approved is None
    assert [e.kind for e in service.session.events] == ["closed", "reopened"]
    service.add_note("Bổ sung")


def test_second_window_is_refused(service: SessionService) -> None:
    with pytest.raises(SessionLockedError):
        SessionService.open(Store(service.store.root), service.session.id)


def test_live_file_has_no_presenter_notes_or_people(service: SessionService) -> None:
    service.mark("p03", "absent-excused", reason="ốm nặng")
    service.start()
    live = read_live(service.store.root)
    assert live is not None
    text = str(live)
    assert live["item"]["title"] == service.session.agenda[0].title
    assert service.session.agenda[0].presenter_notes
    assert service.session.agenda[0].presenter_notes not in text
    assert "ốm nặng" not in text and "Nguyễn Văn An" not in text


def test_find_people_is_accent_insensitive(service: SessionService) -> None:
    assert [p.name for p in service.find_people("nguyen van a")] == ["Nguyễn Văn An"]
    assert [p.name for p in service.find_people("dung")] == ["Phạm Thị Dung"]


def test_guest_added_on_the_spot(service: SessionService) -> None:
    guest = service.add_person("Hoàng Văn Khách", "khach", "Phó Bí thư Đảng ủy xã")
    assert service.session.attendance_of(guest.id).status == "present"
    assert service.counts().guests_present == 1
    assert service.counts().total == 4  # guests are not members


def test_step_from_a_skipped_item_moves_to_its_neighbour(service: SessionService) -> None:
    service.start()
    ids = [i.id for i in service.session.agenda]
    service.go_to(ids[3])
    service.update_item(ids[3], skipped=True)
    service.update_item(ids[4], skipped=True)
    service.step(1)
    assert service.session.progress.current == ids[5]
    service.step(-1)
    assert service.session.progress.current == ids[2]
    service.go_to(ids[0])
    service.step(-1)
    assert service.session.progress.current == ids[0]  # nothing before the first item


def test_vote_or_note_before_start_belongs_to_the_first_item(service: SessionService) -> None:
    """Recorded before F5, a vote must not point at no item (the session would not reopen)."""
    vote = service.record_vote("Thông qua chương trình", 3)
    note = service.add_note("Ý kiến trước giờ họp")
    first = service.session.agenda[0].id
    assert vote.item == first and note.item == first
    again = reopen(service, FakeClock())
    try:
        assert again.session.votes[0].item == first
    finally:
        again.close()


def test_previewing_items_before_start_does_not_start_the_meeting(
    service: SessionService, clock: FakeClock
) -> None:
    planned_start = service.session.started_at
    third = service.session.agenda[2].id
    service.go_to(third)  # looking ahead the evening before
    assert service.session.status == "planned"
    assert service.session.started_at == planned_start
    clock.advance(12 * 3600)
    assert service.elapsed(third) == 0
    service.start()
    assert service.session.status == "running"
    assert service.session.started_at == clock()
    assert service.session.progress.current == service.session.agenda[0].id
    clock.advance(60)
    assert service.elapsed(service.session.agenda[0].id) == 60


def test_reclosing_keeps_the_end_time_unless_the_meeting_went_on(
    service: SessionService, clock: FakeClock
) -> None:
    service.start()
    clock.advance(3600)
    service.approve_and_close()
    first_end = service.session.ended_at
    clock.advance(600)
    service.reopen("Sửa lỗi chính tả")
    service.approve_and_close()
    assert service.session.ended_at == first_end  # a correction does not move the end
    service.reopen("Họp tiếp")
    clock.advance(300)
    service.add_note("Ý kiến bổ sung sau khi họp tiếp")
    clock.advance(300)
    service.approve_and_close()
    assert service.session.ended_at == clock()


def test_reopening_tells_the_audience(service: SessionService) -> None:
    service.start()
    service.approve_and_close()
    assert read_live(service.store.root)["status"] == "closed"
    service.reopen("Bổ sung")
    assert read_live(service.store.root)["status"] == "running"
    service.update_details(title="Tên mới")
    assert read_live(service.store.root)["title"] == "Tên mới"


def test_a_note_added_days_later_does_not_move_the_end_of_the_meeting(
    service: SessionService, clock: FakeClock
) -> None:
    service.start()
    clock.advance(3600)
    service.approve_and_close()
    first_end = service.session.ended_at
    clock.advance(2 * 86400)
    service.reopen("Bổ sung ý kiến bị sót")
    service.add_note("Ý kiến bổ sung")
    service.approve_and_close()
    assert service.session.ended_at == first_end
