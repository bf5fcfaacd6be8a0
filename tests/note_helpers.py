"""Shared by the note box tests: a session with namesakes, the app, a line of the minutes."""

from __future__ import annotations

from facilitator.domain.models import Person, Roster, Unit
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes

SIZE = (100, 40)


def make_namesakes(store, content_dir, frozen_clock) -> str:
    """A started session whose roster has Lê Văn An, Lê Văn Ân and Lê Văn Anh; everyone is
    present but Hòa (absent), Én (exempt, absent) and Giang (not marked)."""
    from facilitator.parsing import load_pack
    from facilitator.services.planning import SessionPlan, start_session

    roster = Roster(
        Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "party", "Di Linh"),
        (
            Person("p01", "Nguyễn Văn An", position="Bí thư chi bộ"),
            Person("p02", "Trần Thị Bình", position="Phó Bí thư"),
            Person("p03", "Lê Văn An", position="Chi ủy viên"),
            Person("p04", "Lê Văn Ân"),
            Person("p05", "Lê Văn Anh"),
            Person("p06", "Phạm Thị Hòa"),
            Person("p07", "Võ Thị Én", exempt=True),
            Person("p08", "Đỗ Văn Giang"),
        ),
    )
    store.save_roster(roster)
    plan = SessionPlan(
        "Sinh hoạt chuyên đề cây tre", frozen_clock(), place="Hội trường", chair="p01",
        secretary="p02", presenters=("p01",),
    )  # fmt: skip
    service = start_session(
        store, load_pack(content_dir / "cay-tre.md"), roster, plan, frozen_clock
    )
    for person in ("p01", "p02", "p03", "p04", "p05"):
        service.mark(person, "present")
    service.mark("p06", "absent")
    service.mark("p07", "exempt-absent")
    service.start()
    service.close()
    return service.session.id


def minutes_line(store, session_id: str, note_text_: str) -> str:
    """The line of the exported minutes (Markdown) that carries a note."""
    minutes = render_minutes_md(build_minutes(store.load_session(session_id)))
    (line,) = [line for line in minutes.splitlines() if note_text_ in line]
    return line
