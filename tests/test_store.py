"""The local store: atomic durable writes, locks, corrupt files, privacy, note chunks."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from facilitator.domain.errors import CorruptStoreError, SessionLockedError, StoreError
from facilitator.domain.models import (
    AgendaItem,
    Attendance,
    Note,
    Person,
    Roster,
    Session,
    Unit,
)
from facilitator.storage import atomic
from facilitator.storage.atomic import write_bytes_atomic
from facilitator.storage.lock import FileLock
from facilitator.storage.session_files import NOTES_PER_CHUNK
from facilitator.storage.store import Store

TZ = timezone(timedelta(hours=7))
UNIT = Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "party", "Di Linh")


def make_session(session_id: str = "2024-05-10-cb-cay-tre", notes: int = 0) -> Session:
    start = datetime(2024, 5, 10, 7, 30, tzinfo=TZ)
    people = (Person("p01", "Nguyễn Văn An"), Person("p02", "Trần Thị Bình"))
    return Session(
        id=session_id,
        unit=UNIT,
        title="Sinh hoạt chuyên đề",
        started_at=start,
        people=people,
        attendance=(Attendance("p01", "present"),),
        agenda=(AgendaItem("khai-mac", "Khai mạc"),),
        notes=tuple(
            Note(f"n{i}", "khai-mac", start + timedelta(seconds=i), f"Ý kiến {i}", speaker="p01")
            for i in range(1, notes + 1)
        ),
    )


def test_session_round_trip_with_many_note_chunks(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = make_session(notes=NOTES_PER_CHUNK * 2 + 5)
    store.put_session(session)
    assert store.load_session(session.id) == session
    chunks = sorted(p.name for p in (tmp_path / session.id).glob("notes-*.json"))
    assert chunks == ["notes-0000.json", "notes-0001.json", "notes-0002.json"]


def test_files_are_private(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.put_session(make_session(notes=1))
    store.save_roster(Roster(UNIT, (Person("p01", "Nguyễn Văn An"),)))
    folder = tmp_path / "data" / "2024-05-10-cb-cay-tre"
    for path in [
        folder / "session.json",
        folder / "notes-0000.json",
        tmp_path / "data" / "rosters.json",
    ]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) & 0o077 == 0


def test_interrupted_write_leaves_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    write_bytes_atomic(target, b'{"v": 1}')

    def boom(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(StoreError) as excinfo:
        write_bytes_atomic(target, b'{"v": 2}')
    assert "Dữ liệu đã lưu trước đó vẫn còn nguyên" in str(excinfo.value)
    assert json.loads(target.read_text()) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # no temp file left


def test_full_disk_is_reported_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    session = make_session()
    store.put_session(session)
    real_replace = os.replace

    def no_space(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", no_space)
    with pytest.raises(StoreError, match="ổ đĩa đã đầy"):
        store.put_session(session.with_changes(title="Mới"), replace=True)
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert store.load_session(session.id).title == "Sinh hoạt chuyên đề"


def test_stale_temp_files_are_removed_on_start(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    old = tmp_path / f".tmp-facilitator-{int(dead.stdout)}-abc.json"  # its writer is gone
    young = tmp_path / f".tmp-facilitator-{os.getppid()}-xyz.json"  # a live window mid-write
    old.write_text("{")
    young.write_text("{")
    store = Store(tmp_path)
    assert not old.exists() and young.exists()
    store.put_session(make_session())
    leftover = tmp_path / "2024-05-10-cb-cay-tre" / ".tmp-facilitator-x.json"
    leftover.write_text("{")
    store.open_session("2024-05-10-cb-cay-tre").close()  # locked folder: cleaned fully
    assert not leftover.exists()


def test_second_opener_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = make_session()
    store.put_session(session)
    repo = store.open_session(session.id)
    try:
        with pytest.raises(SessionLockedError, match="đang được mở ở cửa sổ khác"):
            Store(tmp_path).open_session(session.id)
    finally:
        repo.close()
    Store(tmp_path).open_session(session.id).close()  # free again once released


def test_lock_is_exclusive_between_objects(tmp_path: Path) -> None:
    with FileLock(tmp_path / "x.lock", "X"), pytest.raises(SessionLockedError):
        FileLock(tmp_path / "x.lock", "X").acquire()


def test_corrupt_session_is_reported_and_others_still_listed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.put_session(make_session("2024-05-10-a"))
    store.put_session(make_session("2024-05-11-b"))
    broken = tmp_path / "2024-05-11-b" / "session.json"
    broken.write_text('{"session": {"1": {"id": ', encoding="utf-8")
    (tmp_path / "index.json").unlink()  # force a rebuild that must read the broken file
    listing = Store(tmp_path).list_sessions()
    assert [s.id for s in listing.sessions] == ["2024-05-10-a"]
    assert len(listing.problems) == 1
    assert "2024-05-11-b" in listing.problems[0].where
    assert "bị hỏng ở dòng 1" in listing.problems[0].message
    with pytest.raises(CorruptStoreError):
        store.load_session("2024-05-11-b")
    assert broken.read_text(encoding="utf-8") == '{"session": {"1": {"id": '  # untouched


def test_hand_edited_invalid_record_is_reported(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.put_session(make_session())
    path = tmp_path / "2024-05-10-cb-cay-tre" / "session.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["session"]["1"]["title"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CorruptStoreError) as excinfo:
        store.load_session("2024-05-10-cb-cay-tre")
    assert "session.json" in str(excinfo.value)


def test_bad_session_id_cannot_escape(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(Exception, match="không hợp lệ"):
        store.load_session("../etc")


def test_index_tracks_counts(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = make_session()
    store.put_session(session)
    row = store.list_sessions().sessions[0]
    assert (row.present, row.total, row.unit) == (1, 2, "Chi bộ Khối Dân vận")


def test_replace_swaps_whole_folders(tmp_path: Path) -> None:
    store = Store(tmp_path)
    old = make_session(notes=3)
    store.put_session(old)
    new = make_session(notes=150).with_changes(title="Đã sửa")
    store.put_session(new, replace=True)
    assert store.load_session(old.id) == new
    assert not list(tmp_path.glob(".staging-*")) and not list(tmp_path.glob(".replaced-*"))


def test_crash_between_renames_restores_the_old_session(tmp_path: Path) -> None:
    store = Store(tmp_path)
    old = make_session(notes=3)
    store.put_session(old)
    # Simulate a kill after the old folder was moved aside and before the new one landed.
    os.replace(tmp_path / old.id, tmp_path / f".replaced-{old.id}")
    (tmp_path / f".staging-{old.id}").mkdir()
    assert Store(tmp_path).load_session(old.id) == old
    assert not list(tmp_path.glob(".staging-*")) and not list(tmp_path.glob(".replaced-*"))


def test_replace_refused_while_open_elsewhere(tmp_path: Path) -> None:
    store = Store(tmp_path)
    old = make_session()
    store.put_session(old)
    repo = store.open_session(old.id)
    try:
        with pytest.raises(SessionLockedError):
            store.put_session(old.with_changes(title="Khác"), replace=True)
    finally:
        repo.close()
    assert store.load_session(old.id).title == old.title


def test_staging_of_a_dead_import_is_removed_but_a_live_one_kept(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    (tmp_path / f".staging-{int(dead.stdout)}-2024-05-10-x").mkdir()
    (tmp_path / f".staging-{os.getppid()}-2024-05-10-y").mkdir()  # a window importing now
    Store(tmp_path)
    assert [p.name for p in tmp_path.glob(".staging-*")] == [
        f".staging-{os.getppid()}-2024-05-10-y"
    ]


def test_one_attendance_figure_everywhere_and_old_index_rows_are_rebuilt(tmp_path: Path) -> None:
    """Home, `facilitator sessions` and the run header all say present/expected."""
    import json

    from builders import make_session

    from facilitator.domain.membership import count_membership
    from facilitator.ui.screens.home import summary_row

    store = Store(tmp_path / "data")
    session = make_session()
    store.put_session(session)
    counts = count_membership(session.people, session.attendance)
    (summary,) = store.list_sessions().sessions
    assert summary_row(summary)[1] == f"{counts.present}/{counts.expected}"
    index = tmp_path / "data" / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    for row in data["sessions"].values():
        del row["expected"]  # as written by version 0.1
    index.write_text(json.dumps(data), encoding="utf-8")
    (summary,) = Store(tmp_path / "data").list_sessions().sessions
    assert summary.expected == counts.expected


def test_a_note_is_one_write_of_its_chunk_however_many_notes_are_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crash_writer import ICT, demo_session

    from facilitator.services.session import SessionService

    at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    many = tuple(Note(f"n{i}", "phan-1", at, f"Ý kiến {i}") for i in range(1, 251))
    session = demo_session("nhieu-y-kien").with_changes(notes=many)
    service = SessionService.create(Store(tmp_path), session)
    written: list[str] = []
    real = atomic.write_bytes_atomic

    def counting(path: Path, *args: object, **kwargs: object) -> object:
        written.append(Path(path).name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "write_bytes_atomic", counting)
    try:
        note = service.add_note("Cần gắn việc học tập với nhiệm vụ của chi bộ.")
        assert written == ["notes-0002.json"]  # neither session.json nor another chunk
        written.clear()
        service.edit_note(note.id, text="Cần gắn học tập với nhiệm vụ.")
        assert written == ["notes-0002.json"]
    finally:
        service.close()
    stored = Store(tmp_path).load_session("nhieu-y-kien")
    assert [n.text for n in stored.notes[-1:]] == ["Cần gắn học tập với nhiệm vụ."]
    assert len(stored.notes) == 251
