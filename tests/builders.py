"""Builders of realistic sessions for export tests (known people, attendance, notes, votes).

``make_session()`` returns a closed chuyên đề session of a chi bộ whose every count is
known in advance (see ``EXPECTED``); keyword arguments override any ``Session`` field.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.domain.models import (
    AgendaItem,
    Approval,
    Attendance,
    ContentRef,
    Narrative,
    Note,
    Person,
    Reflection,
    Roles,
    Session,
    Unit,
    Vote,
)

if TYPE_CHECKING:
    from facilitator.services.clock import Clock
    from facilitator.storage.store import Store
    from facilitator.ui.app import FacilitatorApp

ICT = timezone(timedelta(hours=7))
assert ICT != UTC

UNIT = Unit(
    name="Chi bộ Khối Dân vận",
    parent="Đảng bộ xã Di Linh",
    abbrev="CB",
    profile="party",
    locality="Di Linh",
)

_HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Võ", "Đinh", "Dương")
_DEM = ("Văn", "Thị", "Minh", "Quốc", "Ngọc", "Hữu")
_TEN = (
    "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Uyên", "Vinh", "Xuân", "Yến", "Bảo",
    "Châu", "Duy", "Gấm", "Hạnh", "Kiên", "Long", "Mai", "Nam", "Oanh", "Tùng",
)  # fmt: skip

PRESENTER_SECRET = "GHI CHÚ RIÊNG CỦA BÁO CÁO VIÊN: không đọc to phần này"

# The counts ``make_session()`` must produce (filler=18): derived by hand from the roster.
EXPECTED = {
    "total": 26,
    "official": 25,
    "probationary": 1,
    "exempt": 1,
    "temp_in": 1,
    "present": 23,
    "present_official": 22,
    "present_probationary": 1,
    "expected": 25,
    "voting_base": 23,
}


def at(hour: int, minute: int, day: datetime | None = None) -> datetime:
    """A time on the session day (10 May 2024, ICT)."""
    base = day or datetime(2024, 5, 10, tzinfo=ICT)
    return base.replace(hour=hour, minute=minute)


def filler_people(count: int, prefix: str = "f") -> list[Person]:
    """Distinct official members with plausible Vietnamese names."""
    return [
        Person(
            id=f"{prefix}{i:03d}",
            name=f"{_HO[i % len(_HO)]} {_DEM[i % len(_DEM)]} {_TEN[i % len(_TEN)]}"
            + ("" if i < len(_TEN) else f" {i}"),
        )
        for i in range(count)
    ]


def core_people() -> list[Person]:
    return [
        Person("p01", "Nguyễn Văn An", position="Bí thư chi bộ"),
        Person("p02", "Trần Thị Bình", position="Phó Bí thư chi bộ"),
        Person("p03", "Lê Văn Cường", position="Báo cáo viên"),
        Person("p04", "Phạm Thị Dung", category="du-bi"),
        Person("p05", "Hoàng Văn Em"),
        Person("p06", "Vũ Thị Giang"),
        Person("p07", "Đặng Văn Hùng", exempt=True),
        Person("p08", "Bùi Thị Hoa", temporary="den"),
        Person("p09", "Đỗ Văn Khánh", category="quan-chung"),
        Person("p10", "Ngô Thị Lan", category="khach", position="Phó Bí thư Đảng ủy xã"),
    ]


def core_attendance() -> list[Attendance]:
    return [
        Attendance("p01", "present"),
        Attendance("p02", "present"),
        Attendance("p03", "present"),
        Attendance("p04", "late", arrived_at=at(7, 45)),
        Attendance("p05", "absent-excused", reason="Đi công tác"),
        Attendance("p06", "absent"),
        Attendance("p07", "exempt-absent"),
        Attendance("p08", "present"),
        Attendance("p09", "present"),
        Attendance("p10", "present"),
    ]


def make_session(filler: int = 18, **overrides: Any) -> Session:
    """A closed session with the counts of ``EXPECTED`` (when ``filler`` is 18)."""
    fillers = filler_people(filler)
    agenda = (
        AgendaItem("mo-dau", "Khai mạc, giới thiệu đại biểu", kind="procedure", minutes=5),
        AgendaItem(
            "phan-1",
            "Gốc vững: lợi ích quốc gia – dân tộc",
            kind="presentation",
            presenter="p03",
            presenter_notes=PRESENTER_SECRET,
            body="Nội dung bài giảng trong gói nội dung.",
            conclusion="Chi bộ thống nhất cao với nội dung trình bày",
        ),
        AgendaItem("phim", "Chiếu phim tư liệu", kind="presentation", skipped=True),
        AgendaItem("ket-luan", "Thông qua kế hoạch hành động", kind="vote"),
    )
    notes = (
        Note("n1", "phan-1", at(8, 10), "Cần liên hệ thực tiễn địa phương", "opinion", "p04"),
        Note(
            "n2", "phan-1", at(8, 12), "Vận dụng vào công tác dân vận thế nào?", "question", "p08"
        ),
        Note("n3", "phan-1", at(8, 14), "Bắt đầu từ việc lắng nghe dân", "answer", "p03"),
        Note("n4", "phan-1", at(8, 20), "Tổ chức thêm buổi trao đổi ở thôn", "proposal", None),
        Note("n5", "phan-1", at(8, 25), "Giao chi ủy xây dựng kế hoạch", "conclusion", None),
        Note("n6", "phan-1", at(8, 11), "Ý kiến \x1b[31mđỏ\x1b[0m *nhấn mạnh*", "opinion", "f000"),
    )
    fields: dict[str, Any] = {
        "id": "2024-05-10-cb-khoi-dan-van-cay-tre",
        "unit": UNIT,
        "title": "Sinh hoạt chuyên đề: Ngoại giao cây tre Việt Nam",
        "started_at": at(7, 30),
        "ended_at": at(10, 5),
        "status": "closed",
        "number": "05-BB/CB",
        "kind": "chuyen-de",
        "place": "Hội trường Ủy ban nhân dân xã",
        "content": ContentRef(
            "cay-tre",
            "2024.1",
            sources=(
                "Sách “Xây dựng và phát triển nền đối ngoại, ngoại giao Việt Nam”",
                "Hướng dẫn 12-HD/BTCTW",
            ),
        ),
        "roles": Roles(chair="p01", secretary="p02", presenters=("p03",)),
        "people": tuple(core_people() + fillers),
        "attendance": tuple(core_attendance() + [Attendance(p.id, "present") for p in fillers]),
        "agenda": agenda,
        "notes": notes,
        "votes": (Vote("ket-luan", "Thông qua kế hoạch hành động", 22, 1, 0, 23),),
        "conclusion": "Chi bộ thống nhất nội dung học tập.\nGiao các đồng chí viết bài thu hoạch.",
        "reflections": (
            Reflection("p01", True, "tot"),
            Reflection("p02", True, "kha"),
            Reflection("p03", True, "tot"),
            Reflection("p04", True, None),
            Reflection("p08", False, None),
        ),
        "approved": Approval(at(10, 0), 23, 23),
        "narrative": Narrative(
            strengths="Đảng viên tham gia đầy đủ, thảo luận sôi nổi",
            weaknesses="",
            proposals="Đề nghị cấp trên cung cấp thêm tài liệu",
        ),
    }
    fields.update(overrides)
    return Session(**fields)


def make_app(
    store: Store, content_dir: Path, clock: Clock, session_id: str | None = None, **options: Any
) -> FacilitatorApp:
    """The console as the CLI builds it (``facilitator.ui.compose.build_app``), over the
    test's store and packs, on a frozen clock; ``options`` are build_app's keywords."""
    from facilitator.ui.compose import build_app  # Textual only for the tests of the console

    return build_app(store, (content_dir,), clock=clock, session_id=session_id, **options)


def make_app_with_messages(
    store: Store, content_dir: Path, clock: Clock, session_id: str | None = None, **options: Any
) -> tuple[FacilitatorApp, list[str]]:
    """:func:`make_app`, and the list its notifications go to (read by the assertions)."""
    app = make_app(store, content_dir, clock, session_id, **options)
    messages: list[str] = []
    app.notify = lambda message, **_: messages.append(str(message))  # type: ignore[method-assign]
    return app, messages


async def open_approval(pilot: Any) -> Any:
    """Read back (ctrl+b), then approve (ctrl+t): the approval dialog, once it is open
    (it is opened from a worker, later under load)."""
    from facilitator.ui.screens.vote_dialogs import ApproveDialog

    await pilot.pause()
    await pilot.press("ctrl+b")
    await pilot.pause()
    await pilot.press("ctrl+t")
    for _ in range(40):
        if isinstance(pilot.app.screen, ApproveDialog):
            break
        await pilot.pause(0.05)
    dialog = pilot.app.screen
    assert isinstance(dialog, ApproveDialog)
    return dialog
