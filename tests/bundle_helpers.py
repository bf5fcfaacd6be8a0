"""Shared pieces of the bundle tests (tests/test_bundle_*.py, and the timing, hardening and
CLI tests): a closed session using every field, its bundle as a fixture, and helpers that
write JSON and list where validation found problems.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from facilitator.bundle.validate import validate_session
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
    Session,
    Unit,
    Vote,
)

TZ = timezone(timedelta(hours=7))
T0 = datetime(2024, 5, 10, 7, 30, tzinfo=TZ)


def make_session(
    session_id: str = "2024-05-10-cb-dan-van", title: str = "Sinh hoạt chuyên đề"
) -> Session:
    people = (
        Person("p01", "Nguyễn Văn An", "chinh-thuc", "Bí thư chi bộ", extra={"ghi_chu": "x"}),
        Person("p02", "Tôn Nữ Thị Hà", "du-bi", ho="Tôn Nữ", dem="Thị", ten="Hà"),
        Person("p03", "Lê Văn Cường", "chinh-thuc", exempt=True),
        Person("p04", "Phạm Thị Dung", "chinh-thuc", temporary="den"),
        Person("p05", "Đỗ Văn Giang", "khach", "Báo cáo viên"),
    )
    agenda = (
        AgendaItem("phan-1", "Khai mạc", "procedure", minutes=5, started_at=T0,
                   ended_at=T0 + timedelta(minutes=6), spent_seconds=360.0),
        AgendaItem("phan-2", "Thảo luận", "discussion", framing="goc", minutes=40,
                   questions=("Câu hỏi 1?", "Câu hỏi 2?"), presenter="p05",
                   body="**Nội dung**", presenter_notes="Nhắc", conclusion="Thống nhất"),
        AgendaItem("ket-luan", "Kết luận", "conclusion", minutes=10, skipped=True),
    )  # fmt: skip
    return Session(
        id=session_id,
        unit=Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "party", "Di Linh",
                  extra={"ma_don_vi": 42}),
        title=title,
        started_at=T0,
        status="closed",
        number="05-BB/CB",
        kind="chuyen-de",
        place="Hội trường Ủy ban nhân dân xã",
        ended_at=T0 + timedelta(hours=2),
        content=ContentRef("cay-tre", "2024.1", ("Nghị quyết 4",), (("goc", "Gốc vững", "…"),)),
        roles=Roles("p01", "p02", ("p05",)),
        people=people,
        attendance=(
            Attendance("p01", "present"),
            Attendance("p02", "late", arrived_at=T0 + timedelta(minutes=10)),
            Attendance("p04", "absent-excused", reason="Ốm"),
            Attendance("p05", "present", extra={"ky_ten": True}),
        ),
        agenda=agenda,
        notes=(
            Note("n1", "phan-2", T0 + timedelta(minutes=20), "Ý kiến về «cây tre»", "opinion", "p02"),
            Note("n2", "phan-2", T0 + timedelta(minutes=25), "Ghi chép", "record"),
        ),
        votes=(Vote("ket-luan", "Thông qua nghị quyết", 1, 0, 0, 1, extra={"hinh_thuc": "giơ tay"}),),
        conclusion="Chi bộ thống nhất.",
        reflections=(Reflection("p02", True, "tot"), Reflection("p03", False, None)),
        approved=Approval(T0 + timedelta(hours=2), 2, 2),
        progress=Progress("ket-luan", T0 + timedelta(minutes=100)),
        narrative=Narrative("Tốt", "Chưa", "Đề xuất"),
        events=(Event(T0 + timedelta(hours=2), "closed", "Kết thúc"),),
        extra={"x_truong_moi": {"giu": [1, 2]}},
    )  # fmt: skip


@pytest.fixture(name="bundle")
def bundle_fixture() -> dict[str, Any]:
    """The bundle of :func:`make_session`, as a fresh dict (import it to use ``bundle``)."""
    return make_session().to_dict()


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def wheres(data: Any) -> list[str]:
    return [p.where for p in validate_session(data)]
