"""Shared pieces of the format-declaration tests (tests/test_codec_*.py): one sample of every
record, a session using every field, the key order of each object in the files, and
hypothesis strategies of JSON values.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from facilitator.domain.codec import Record
from facilitator.domain.models import (
    AgendaItem,
    Approval,
    Attendance,
    ContentRef,
    Event,
    Narrative,
    Note,
    Person,
    Progress,
    Reflection,
    Roles,
    Roster,
    Session,
    Unit,
    Vote,
)
from facilitator.domain.vocab import (
    AttendanceStatus,
    Grade,
    ItemKind,
    NoteKind,
    PersonCategory,
    Profile,
    SessionKind,
    SessionMode,
    SessionStatus,
    Temporary,
)
from facilitator.services.live import AgendaEntry, LiveItem, LiveView

TZ = timezone(timedelta(hours=7))
T0 = datetime(2024, 5, 10, 7, 30, tzinfo=TZ)

UNIT = Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "state", "Di Linh")
PERSON = Person("p02", "Tôn Nữ Thị Hà", "du-bi", "Đảng viên", True, "den", "Tôn Nữ", "Thị", "Hà")
ATTENDANCE = Attendance("p02", "late", T0 + timedelta(minutes=9), T0 + timedelta(hours=2), "Ốm")
ITEM = AgendaItem(
    "phan-1", "Gốc vững", "discussion", "goc", 25, T0, T0 + timedelta(minutes=30), False,
    "Nội dung", ("Câu hỏi 1?", "Câu hỏi 2?"), "Ghi chú riêng", "p02", "Kết luận", 61.5,
)  # fmt: skip
NOTE = Note("n1", "phan-1", T0 + timedelta(minutes=12), "Ý kiến", "question", "p02")
VOTE = Vote("phan-1", "Thông qua", 20, 1, 2, 23)
REFLECTION = Reflection("p02", True, "kha")
APPROVAL = Approval(T0 + timedelta(hours=3), 22, 23)
CONTENT = ContentRef("cay-tre", "2024.1", ("Sách",), (("goc", "Gốc vững", "nghĩa"),))
ROLES = Roles("p01", "p02", ("p02", "p03"))
PROGRESS = Progress("phan-1", T0 + timedelta(minutes=5))
NARRATIVE = Narrative("Chu đáo.", "Ít ý kiến.", "Họp thêm.")
EVENT = Event(T0 + timedelta(hours=3), "closed", "Bế mạc")
ROSTER = Roster(UNIT, (PERSON,), T0)
LIVE = LiveView(
    session="buoi-1", title="Sinh hoạt", unit="Chi bộ", status="running", updated_at=T0,
    item=LiveItem("phan-1", "Gốc vững", "discussion", "goc", "Gốc", 25, "Nội dung",
                  ("Câu 1?",), 2, 5, 61.5, T0),
    agenda=(AgendaEntry("phan-1", "Gốc vững", "Gốc"),),
)  # fmt: skip


def full_session(**changes: Any) -> Session:
    fields: dict[str, Any] = dict(
        id="buoi-1", unit=UNIT, title="Sinh hoạt chuyên đề", started_at=T0, status="closed",
        number="05-BB/CB", kind="thuong-ky", place="Hội trường", ended_at=T0 + timedelta(hours=3),
        content=CONTENT, roles=ROLES, people=(Person("p01", "Nguyễn Văn An"), PERSON),
        attendance=(Attendance("p01", "present"), ATTENDANCE), agenda=(ITEM,), notes=(NOTE,),
        votes=(VOTE,), conclusion="Kết luận chung", reflections=(REFLECTION,), approved=APPROVAL,
        progress=PROGRESS, narrative=NARRATIVE, events=(EVENT,), mode="afterwards",
    )  # fmt: skip
    return Session(**(fields | changes))


EVERY_RECORD: list[Record] = [
    UNIT, PERSON, ATTENDANCE, ITEM, NOTE, VOTE, REFLECTION, APPROVAL, CONTENT, ROLES, PROGRESS,
    NARRATIVE, EVENT, ROSTER, full_session(), LIVE, LIVE.item, LIVE.agenda[0],  # type: ignore[list-item]
]  # fmt: skip

# The keys of each object, in the order the files have always had them.
FILE_ORDER: dict[type, list[str]] = {
    Unit: ["name", "parent", "abbrev", "profile", "locality"],
    Person: ["id", "name", "category", "position", "exempt", "temporary", "name_parts"],
    Attendance: ["person", "status", "arrived_at", "left_at", "reason"],
    AgendaItem: [
        "id", "title", "kind", "framing", "minutes", "started_at", "ended_at", "skipped", "body",
        "questions", "presenter_notes", "presenter", "conclusion", "spent_seconds",
    ],
    Note: ["id", "item", "at", "speaker", "kind", "text"],
    Vote: ["item", "question", "for", "against", "other", "base"],
    Reflection: ["person", "submitted", "grade"],
    Approval: ["at", "for", "base"],
    ContentRef: ["id", "version", "sources", "framing"],
    Roles: ["chair", "secretary", "presenters"],
    Progress: ["current", "entered_at"],
    Narrative: ["strengths", "weaknesses", "proposals"],
    Event: ["at", "kind", "detail"],
    Roster: ["unit", "people", "updated_at"],
    Session: [
        "format", "id", "status", "unit", "number", "title", "kind", "place", "started_at",
        "ended_at", "content", "roles", "people", "attendance", "agenda", "notes", "votes",
        "conclusion", "reflections", "progress", "narrative", "events", "approved", "mode",
    ],
    LiveView: ["session", "title", "unit", "status", "updated_at", "item", "agenda"],
    LiveItem: [
        "id", "title", "kind", "framing", "framing_label", "minutes", "body", "questions",
        "position", "count", "spent_seconds", "entered_at",
    ],
    AgendaEntry: ["id", "title", "framing_label"],
}  # fmt: skip


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=5)
    | st.sampled_from(["2024-05-10T07:30:00+07:00", "2024-05-10T07:30:00", "  ", "present"])
    | st.sampled_from([*AttendanceStatus, *NoteKind, *ItemKind, *Grade, *Temporary])
    | st.sampled_from([*SessionStatus, *SessionKind, *SessionMode, *PersonCategory, *Profile])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)
