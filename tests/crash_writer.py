"""A real writer process for the crash and concurrency tests, plus the protocol to check it.

Run as a script it opens one stored session through :class:`SessionService` and records
notes, note edits, attendance marks and agenda moves as fast as it can. Before each call
it prints ``try <kind> <args>`` and after the call returns ``ack <kind> <args>``: an
``ack`` line is the promise that the change is on disk. Lines go out with one
``os.write`` each, so a SIGKILL never leaves half a line that looks complete.

    python tests/crash_writer.py ROOT SESSION_ID SEED RUN [--ops N] [--kinds a,b]
                                 [--hold] [--wait-go]

Imported by the tests, it offers :func:`demo_session` (a session to write into) and
:class:`AckModel` (what the acknowledged lines promise, and the check against the disk).
Only the storage and service modules are imported at start: startup time is part of
every one of the fifty kill cycles.
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from facilitator.domain.errors import SessionLockedError
from facilitator.domain.models import AgendaItem, Attendance, Person, Session, Unit

ICT = timezone(timedelta(hours=7))
STATUSES = ("present", "late", "absent-excused", "absent", "exempt-absent")
ALL_KINDS = ("note", "edit", "mark", "unmark", "goto")
# Notes and marks are what a presenter does all meeting; the rest rides along.
WEIGHTS = {"note": 10, "edit": 3, "mark": 10, "unmark": 1, "goto": 2}

_HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ")
_DEM = ("Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "Quang")
_TEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khang", "Lan", "Mai", "Ánh", "Yến")


def note_text(token: str) -> str:
    """The text a new note carries (the token makes it findable on disk)."""
    return f"Ý kiến {token}: đồng chí đề nghị tăng cường sinh hoạt chuyên đề ở tổ đảng"


def edit_text(token: str) -> str:
    """The text an edited note carries."""
    return f"Đã sửa {token}: bổ sung ý kiến về công tác kiểm tra, giám sát"


def demo_people(count: int) -> tuple[Person, ...]:
    """``count`` people with Vietnamese names, ids ``p0001``…, mostly official members."""
    categories = ("chinh-thuc",) * 6 + ("du-bi", "quan-chung")
    return tuple(
        Person(
            id=f"p{n:04d}",
            name=f"{_HO[n % len(_HO)]} {_DEM[n % len(_DEM)]} {_TEN[n % len(_TEN)]}",
            category=categories[n % len(categories)],
            position="Đảng viên",
        )
        for n in range(1, count + 1)
    )


def demo_session(session_id: str, people: int = 20, items: int = 4) -> Session:
    """A planned session with a roster and an agenda, ready for notes and marks."""
    return Session(
        id=session_id,
        unit=Unit(name="Chi bộ Khối Dân vận", parent="Đảng bộ xã Di Linh", abbrev="CB"),
        title="Sinh hoạt chuyên đề: Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh",
        started_at=datetime(2024, 5, 10, 7, 30, tzinfo=ICT),
        place="Hội trường Ủy ban nhân dân xã",
        people=demo_people(people),
        agenda=tuple(
            AgendaItem(id=f"phan-{n}", title=f"Phần {n}: nội dung sinh hoạt", minutes=15)
            for n in range(1, items + 1)
        ),
    )


# -- the writer -------------------------------------------------------------------------


def _emit(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


@dataclass
class _Options:
    root: Path
    session_id: str
    seed: int
    run: int
    ops: int = -1
    kinds: tuple[str, ...] = ALL_KINDS
    hold: bool = False
    wait_go: bool = False


def _parse(argv: list[str]) -> _Options:
    root, session_id, seed, run, *rest = argv
    options = _Options(Path(root), session_id, int(seed), int(run))
    args = iter(rest)
    for flag in args:
        if flag == "--ops":
            options.ops = int(next(args))
        elif flag == "--kinds":
            options.kinds = tuple(next(args).split(","))
        elif flag == "--hold":
            options.hold = True
        elif flag == "--wait-go":
            options.wait_go = True
        else:
            raise SystemExit(f"unknown flag {flag}")
    return options


def main(argv: list[str]) -> int:
    """Write until killed (or until ``--ops`` calls were acknowledged)."""
    from facilitator.services.session import SessionService
    from facilitator.storage.store import Store

    options = _parse(argv)
    store = Store(options.root)
    try:
        service = SessionService.open(store, options.session_id)
    except SessionLockedError as exc:
        _emit("locked " + str(exc).replace("\n", " "))
        return 3
    _emit("ready")
    if options.wait_go:
        sys.stdin.readline()
    rng = random.Random(options.seed * 10_007 + options.run)
    kinds = list(options.kinds)
    weights = [WEIGHTS[k] for k in kinds]
    people = [p.id for p in service.session.people]
    items = [i.id for i in service.session.agenda]
    done = 0
    while options.ops < 0 or done < options.ops:
        kind = rng.choices(kinds, weights)[0]
        token = f"r{options.run}-{done}"
        if kind == "edit" and not service.session.notes:
            kind = "note"
        if kind == "note":
            _emit(f"try note {token}")
            note = service.add_note(note_text(token))
            _emit(f"ack note {note.id} {token}")
        elif kind == "edit":
            note_id = rng.choice(service.session.notes).id
            _emit(f"try edit {note_id} {token}")
            service.edit_note(note_id, text=edit_text(token))
            _emit(f"ack edit {note_id} {token}")
        elif kind == "mark":
            person, status = rng.choice(people), rng.choice(STATUSES)
            _emit(f"try mark {person} {status}")
            service.mark(person, status, reason="Đi công tác" if status != "present" else None)
            _emit(f"ack mark {person} {status}")
        elif kind == "unmark":
            person = rng.choice(people)
            _emit(f"try unmark {person}")
            service.unmark(person)
            _emit(f"ack unmark {person}")
        else:
            item = rng.choice(items)
            _emit(f"try goto {item}")
            service.go_to(item)
            _emit(f"ack goto {item}")
        done += 1
    if options.hold:
        sys.stdin.read()
    service.close()
    _emit("done")
    return 0


# -- the checker ------------------------------------------------------------------------


@dataclass
class AckModel:
    """What the acknowledged lines promise is on disk, across any number of runs.

    ``pending`` is the one call that was started but not acknowledged when the writer
    died: the disk may hold its effect or not, never anything else.
    """

    notes: dict[str, str] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)
    current: str | None = None
    pending: list[str] | None = None
    acks: int = 0

    def feed(self, output: bytes) -> list[str]:
        """Apply one run's stdout; returns its complete lines (a torn last line is dropped)."""
        text = output.decode("utf-8")
        lines = text.split("\n")[:-1]  # no newline after the last part: it was cut short
        for line in lines:
            verb, _, rest = line.partition(" ")
            parts = rest.split(" ")
            if verb == "try":
                self.pending = parts
            elif verb == "ack":
                self._apply(parts)
                self.pending = None
                self.acks += 1
        return lines

    def _apply(self, parts: list[str]) -> None:
        kind = parts[0]
        if kind == "note":
            self.notes[parts[1]] = note_text(parts[2])
        elif kind == "edit":
            self.notes[parts[1]] = edit_text(parts[2])
        elif kind == "mark":
            self.marks[parts[1]] = parts[2]
        elif kind == "unmark":
            self.marks.pop(parts[1], None)
        elif kind == "goto":
            self.current = parts[1]

    def attendance(self, *, with_pending: bool = False) -> tuple[Attendance, ...]:
        """The acknowledged marks (optionally with the unacknowledged one applied)."""
        marks = dict(self.marks)
        if with_pending and self.pending and self.pending[0] == "mark":
            marks[self.pending[1]] = self.pending[2]
        if with_pending and self.pending and self.pending[0] == "unmark":
            marks.pop(self.pending[1], None)
        stamp = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
        return tuple(
            Attendance(person=p, status=s, arrived_at=stamp if s == "late" else None)
            for p, s in marks.items()
        )

    def differences(self, session: Session) -> list[str]:
        """Every way the stored ``session`` breaks the promises (empty when it keeps them)."""
        found: list[str] = []
        pending = self.pending or [""]
        disk_notes: dict[str, str] = {}
        for note in session.notes:
            if note.id in disk_notes:
                found.append(f"note {note.id} stored twice")
            disk_notes[note.id] = note.text
        for note_id, text in self.notes.items():
            allowed = {text}
            if pending[0] == "edit" and pending[1] == note_id:
                allowed.add(edit_text(pending[2]))
            if note_id not in disk_notes:
                found.append(f"acknowledged note {note_id} lost")
            elif disk_notes[note_id] not in allowed:
                found.append(f"note {note_id}: {disk_notes[note_id]!r} not in {allowed!r}")
        extra = {k: v for k, v in disk_notes.items() if k not in self.notes}
        in_flight = note_text(pending[1]) if pending[0] == "note" else None
        if len(extra) > 1 or any(text != in_flight for text in extra.values()):
            found.append(f"notes nobody acknowledged or started: {sorted(extra)}")
        disk_marks: dict[str, str] = {}
        for record in session.attendance:
            if record.person in disk_marks:
                found.append(f"attendance of {record.person} stored twice")
            disk_marks[record.person] = record.status
        for person in set(disk_marks) | set(self.marks) | {pending[1] if pending[0] else ""}:
            allowed_marks: set[str | None] = {self.marks.get(person)}
            if pending[0] == "mark" and pending[1] == person:
                allowed_marks.add(pending[2])
            if pending[0] == "unmark" and pending[1] == person:
                allowed_marks.add(None)
            if person and disk_marks.get(person) not in allowed_marks:
                found.append(
                    f"attendance of {person}: {disk_marks.get(person)} not in {allowed_marks}"
                )
        allowed_current = {self.current}
        if pending[0] == "goto":
            allowed_current.add(pending[1])
        if session.progress.current not in allowed_current:
            found.append(f"current item {session.progress.current} not in {allowed_current}")
        return found

    def settle(self, session: Session) -> None:
        """Adopt the disk's answer for the unacknowledged call, before the next run."""
        if not self.pending:
            return
        kind, target = self.pending[0], self.pending[1]
        if kind == "note":
            text = note_text(target)
            for note in session.notes:
                if note.id not in self.notes and note.text == text:
                    self.notes[note.id] = text
        elif kind == "edit":
            self.notes[target] = next(n.text for n in session.notes if n.id == target)
        elif kind in ("mark", "unmark"):
            record = session.attendance_of(target)
            if record is None:
                self.marks.pop(target, None)
            else:
                self.marks[target] = record.status
        elif kind == "goto":
            self.current = session.progress.current
        self.pending = None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
