"""Issue #10 (findings 1, 3, 5, 8, 10) and #12.12: facts of the minutes, read back from
Markdown and DOCX alike, and import refusals located by their JSON path."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from builders import ICT, make_session
from minutes_helpers import HCCB, all_text, read_docx

from facilitator.bundle.io import bundle_bytes, read_bundle
from facilitator.bundle.validate import validate_session
from facilitator.domain.errors import CorruptStoreError, FacilitatorError, InputError
from facilitator.domain.models import Attendance, Person, Session, Vote
from facilitator.domain.numbering import NumberStyle, normalise_number
from facilitator.domain.votes import VoteOutcome, outcome
from facilitator.export import export_minutes
from facilitator.export.docx_layout import SIGNATURE_GAP_LINES
from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.export.settings import DocSettings
from facilitator.services.bundles import export_bundle, import_bundles
from facilitator.storage.store import Store


def rendered(session: Session, settings: DocSettings | None = None) -> tuple[str, str]:
    """(Markdown, text of the DOCX read back with python-docx) of the minutes."""
    settings = settings or DocSettings()
    minutes = build_minutes(session, settings)
    doc = read_docx(render_minutes_docx(minutes, settings))
    return render_minutes_md(minutes), all_text(doc)


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _refused_at(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        read_bundle(path)
    return [p.where.rsplit(" ", 1)[-1] for p in info.value.problems]


# -- #10.1 the vote base is derived from attendance ------------------------------------------


def test_a_typed_in_base_never_reaches_the_minutes() -> None:
    """6 of 10 "passes"; 6 of the 23 entitled by attendance does not."""
    session = make_session(votes=(Vote("ket-luan", "Đề án A", 6, 0, 0, 10),))
    assert session.votes[0].base == 23
    for text in rendered(session):
        assert "tán thành 6/23 đồng chí (26,09%)" in text
        assert "6/10" not in text and "60%" not in text
        assert "Kết quả: không được thông qua" in text


def test_import_refuses_a_base_that_contradicts_attendance(tmp_path: Path) -> None:
    data = make_session().to_dict()
    data["votes"][0].update({"for": 6, "against": 0, "other": 0, "base": 10})
    problems = validate_session(data)
    assert [p.where for p in problems] == ["$.votes[0].base"]
    assert "(10)" in problems[0].message and "23" in problems[0].message
    assert _refused_at(_write(tmp_path / "b.json", data)) == ["$.votes[0].base"]


def test_import_refuses_more_hands_than_members_entitled(tmp_path: Path) -> None:
    data = make_session().to_dict()
    data["votes"][0].update({"for": 20, "against": 4, "other": 0, "base": 23})
    assert _refused_at(_write(tmp_path / "b.json", data)) == ["$.votes[0]"]


def test_the_store_refuses_a_stored_base_that_contradicts_attendance(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    session = make_session()
    store.put_session(session)
    session_file = store.session_dir(session.id) / "session.json"
    raw = json.loads(session_file.read_text(encoding="utf-8"))
    raw["session"]["1"]["votes"][0]["base"] = 10
    session_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorruptStoreError) as info:
        store.load_session(session.id)
    assert [p.where for p in info.value.problems] == ["$.votes[0].base"]


def test_votes_follow_attendance_changes() -> None:
    """Marking a member absent with a reason after the vote: not entitled, base shrinks."""
    session = make_session(votes=(Vote("ket-luan", "Đề án A", 20, 1, 0, 23),))
    attendance = tuple(
        replace(a, status="absent-excused", reason="Ốm") if a.person == "f000" else a
        for a in session.attendance
    )
    changed = session.with_changes(attendance=attendance)
    assert changed.votes[0].base == 22
    assert validate_session(changed.to_dict()) == []


def test_service_records_votes_against_the_derived_base(tmp_path: Path) -> None:
    from facilitator.services.session import SessionService

    store = Store(tmp_path / "kho")
    session = make_session(status="running", approved=None, votes=())
    store.put_session(session)
    service = SessionService.open(store, session.id)
    try:
        vote = service.record_vote("Đề án B", 12, 0, 0)
        assert vote.base == 23 and outcome(vote.for_, vote.base) is VoteOutcome.PASSED
        service.mark("f001", "absent-excused", reason="Ốm")
        assert service.session.votes[0].base == 22
    finally:
        service.close()
    assert store.load_session(session.id).votes[0].base == 22


# -- #10.3 meetings that did not meet ----------------------------------------------------------


def _everyone(session: Session, status: str) -> tuple[Attendance, ...]:
    return tuple(Attendance(p.id, status) for p in session.people)


@pytest.mark.parametrize("status", ["absent", "absent-excused"])
def test_minutes_of_a_meeting_nobody_attended_are_refused(tmp_path: Path, status: str) -> None:
    base = make_session(votes=())
    session = base.with_changes(attendance=_everyone(base, status))
    with pytest.raises(FacilitatorError) as info:
        build_minutes(session, DocSettings())
    assert "không có đảng viên nào có mặt" in info.value.message
    for fmt in ("md", "docx"):
        with pytest.raises(FacilitatorError):
            export_minutes(session, fmt, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_minutes_with_no_attendance_at_all_are_refused() -> None:
    with pytest.raises(FacilitatorError):
        build_minutes(make_session(attendance=(), votes=()), DocSettings())


@pytest.mark.parametrize(("person", "role"), [("p01", "chủ trì"), ("p02", "thư ký")])
def test_minutes_signed_by_an_absent_chair_or_secretary_are_refused(person: str, role: str) -> None:
    session = make_session()
    attendance = tuple(
        replace(a, status="absent") if a.person == person else a for a in session.attendance
    )
    absent = session.with_changes(attendance=attendance)
    with pytest.raises(FacilitatorError) as info:
        build_minutes(absent, DocSettings())
    assert role in info.value.message and "vắng mặt" in info.value.message
    with pytest.raises(FacilitatorError):
        build_minutes(absent, preview=False)


def test_a_preview_of_minutes_that_cannot_be_issued_says_why_first() -> None:
    """The console's read-back must not crash: it shows the reason as the first blank."""
    session = make_session()
    attendance = tuple(
        replace(a, status="absent") if a.person == "p02" else a for a in session.attendance
    )
    minutes = build_minutes(session.with_changes(attendance=attendance))
    assert minutes.body[0].kind == "fill"
    assert minutes.body[0].text.startswith("Không xuất biên bản: đồng chí Trần Thị Bình")
    assert build_minutes(session).body[0].kind != "fill"


def test_below_two_thirds_the_minutes_state_the_figure_against_the_rule() -> None:
    session = make_session(filler=4, votes=())
    absent = {f"f00{i}" for i in range(4)} | {"p03"}
    attendance = tuple(
        replace(a, status="absent") if a.person in absent else a for a in session.attendance
    )
    line = "Số đảng viên có mặt 4/11 (36,36%), chưa đủ hai phần ba theo quy định."
    for text in rendered(session.with_changes(attendance=attendance)):
        assert line in text
    minutes = build_minutes(session.with_changes(attendance=attendance))
    assert not any(b.kind == "fill" and "hai phần ba" in b.text for b in minutes.body)
    assert "hai phần ba" not in build_minutes(make_session()).text


# -- #10.5 document numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "party", "state"),
    [
        ("7-BB/CB", "07-BB/CB", "07-BB/CB"),
        ("Số: 07-BB/CB", "07-BB/CB", "07-BB/CB"),
        ("Số 7-BB/CB", "07-BB/CB", "07-BB/CB"),
        ("  số:  Số 12-BB/CB ", "12-BB/CB", "12-BB/CB"),
        ("7", "07-BB/CB", "07/BB-CB"),
        ("Số:", "", ""),
        ("", "", ""),
    ],
)
def test_numbers_are_normalised(typed: str, party: str, state: str) -> None:
    assert normalise_number(typed, doc_code="BB", abbrev="CB", style=NumberStyle.PARTY) == party
    assert normalise_number(typed, doc_code="BB", abbrev="CB", style=NumberStyle.STATE) == state


@pytest.mark.parametrize("typed", ["7-BB/CB", "Số: 07-BB/CB", "Số 07-BB/CB"])
def test_party_minutes_print_one_so_without_colon_and_a_leading_zero(typed: str) -> None:
    for text in rendered(make_session(number=typed)):
        assert "Số 07-BB/CB" in text
        assert "Số Số" not in text and "Số:" not in text and "Số 7-" not in text


def test_state_minutes_print_so_with_colon() -> None:
    md, docx_text = rendered(make_session(unit=HCCB, number="Số 7/BB-CHCCB"))
    for text in (md, docx_text):
        assert "Số: 07/BB-CHCCB" in text
        assert "Số Số" not in text and "Số: Số" not in text


# -- #10.8 layout details -----------------------------------------------------------------------


def _signature_cells(session: Session, settings: DocSettings) -> list[list[str]]:
    doc = read_docx(render_minutes_docx(build_minutes(session, settings), settings))
    table = doc.tables[-1]
    return [[p.text for p in cell.paragraphs] for cell in table.rows[0].cells]


@pytest.mark.parametrize("signer", ["chair", "tm"])
def test_signer_names_are_level_and_have_about_four_lines_to_sign(signer: str) -> None:
    settings = DocSettings(signer=signer)
    left, right = _signature_cells(make_session(), settings)
    assert len(left) == len(right)
    assert left[-1] == "Trần Thị Bình" and right[-1] == "Nguyễn Văn An"
    for cell in (left, right):
        hint = cell.index("(Ký, ghi rõ họ tên)")
        assert cell[hint + 1 : -1] == [""] * SIGNATURE_GAP_LINES
    assert SIGNATURE_GAP_LINES == 4
    md = render_minutes_md(build_minutes(make_session(), settings))
    assert "| **Trần Thị Bình** | **Nguyễn Văn An** |" in md
    assert "| *(Ký, ghi rõ họ tên)* | *(Ký, ghi rõ họ tên)* |" in md


def test_unexcused_absentees_are_numbered_like_the_excused() -> None:
    session = make_session()
    attendance = tuple(
        replace(a, status="absent") if a.person in ("f001", "f002") else a
        for a in session.attendance
    )
    md, docx_text = rendered(session.with_changes(attendance=attendance))
    assert "    - Vắng không có lý do: 3 đồng chí:\n      1. Đồng chí " in md
    assert "      3. Đồng chí " in md
    assert "Vắng không có lý do: 3 đồng chí:" in docx_text
    for text in (md, docx_text):
        assert "(đồng chí Vũ Thị Giang" not in text
        assert "Đồng chí Vũ Thị Giang." in text


def test_items_with_nothing_recorded_get_no_empty_heading() -> None:
    md, docx_text = rendered(make_session())
    proceedings = md.split("## II. DIỄN BIẾN")[1].split("## III.")[0]
    assert "Khai mạc" not in proceedings
    assert "### 2. Gốc vững" in proceedings
    # The voted item has something true to say: it was voted on (its counts are in IV).
    assert "### 3. Thông qua kế hoạch hành động\n\nBiểu quyết:" in proceedings
    docx_proceedings = docx_text.split("II. DIỄN BIẾN")[1].split("III. KẾT LUẬN")[0]
    assert "Khai mạc" not in docx_proceedings
    assert "2. Gốc vững" in docx_proceedings


def test_proceedings_with_nothing_recorded_say_so() -> None:
    session = make_session(notes=(), votes=(), roles=replace(make_session().roles, presenters=()))
    agenda = tuple(replace(i, presenter=None, conclusion="") for i in session.agenda)
    for text in rendered(session.with_changes(agenda=agenda)):
        assert "Chưa ghi diễn biến của buổi sinh hoạt." in text


def test_a_cell_of_only_probationary_members_has_nobody_entitled_to_vote() -> None:
    people = tuple(
        replace(p, category="du-bi") if p.category == "chinh-thuc" else p
        for p in make_session().people
    )
    session = make_session(people=people, votes=(Vote("ket-luan", "Đề án C", 0, 0, 0, 0),))
    for text in rendered(session):
        assert "Đề án C: không có đảng viên nào có quyền biểu quyết" in text
        assert "0/0" not in text and "không được thông qua" not in text


# -- #10.10 times from another day ---------------------------------------------------------------


def _february() -> dict[str, Any]:
    start = datetime(2024, 2, 5, 7, 30, tzinfo=ICT)
    session = make_session(started_at=start, ended_at=start.replace(hour=10), approved=None)
    attendance = tuple(
        replace(a, arrived_at=start.replace(minute=45)) if a.arrived_at else a
        for a in session.attendance
    )
    return session.with_changes(attendance=attendance, notes=()).to_dict()


def test_a_late_arrival_on_another_day_is_refused_on_import(tmp_path: Path) -> None:
    data = _february()
    index = next(i for i, a in enumerate(data["attendance"]) if a["status"] == "late")
    data["attendance"][index]["arrived_at"] = "2024-05-03T07:45:00+07:00"
    problems = validate_session(data, foreign=True)
    assert [p.where for p in problems] == [f"$.attendance[{index}].arrived_at"]
    assert "03/05/2024" in problems[0].message and "05/02/2024" in problems[0].message
    assert _refused_at(_write(tmp_path / "b.json", data)) == [f"$.attendance[{index}].arrived_at"]


def test_an_agenda_time_on_another_day_is_refused_on_import(tmp_path: Path) -> None:
    data = _february()
    data["agenda"][1]["started_at"] = "2024-05-03T08:00:00+07:00"
    data["agenda"][1]["ended_at"] = "2024-02-04T08:30:00+07:00"
    assert _refused_at(_write(tmp_path / "b.json", data)) == [
        "$.agenda[1].started_at",
        "$.agenda[1].ended_at",
    ]


def test_a_meeting_past_midnight_keeps_its_times(tmp_path: Path) -> None:
    data = _february()
    data["ended_at"] = "2024-02-06T00:30:00+07:00"
    data["agenda"][1]["ended_at"] = "2024-02-06T00:10:00+07:00"
    read_bundle(_write(tmp_path / "b.json", data))


# -- #12.12 round trip -------------------------------------------------------------------------------


def test_export_import_export_keeps_nulls_and_is_byte_identical(tmp_path: Path) -> None:
    session = make_session(people=(*make_session().people, Person("x1", "Lý Thị Mơ")))
    data = json.loads(json.dumps(session.to_dict()))
    for person in data["people"]:
        if person["position"] == "":
            person["position"] = None
    data["number"] = None
    data["narrative"] = None
    data["approved"] = None
    source = tmp_path / "nguon.json"
    _write(source, data)
    first_store, second_store = Store(tmp_path / "a"), Store(tmp_path / "b")
    import_bundles(first_store, [source])
    first = export_bundle(first_store, session.id, tmp_path / "1")
    exported = json.loads(first.read_text(encoding="utf-8"))
    assert [p["position"] for p in exported["people"]] == [p["position"] for p in data["people"]]
    for key in ("number", "narrative", "approved"):
        assert exported[key] is None
    import_bundles(second_store, [first])
    second = export_bundle(second_store, session.id, tmp_path / "2")
    assert second.read_bytes() == first.read_bytes()


def test_a_changed_position_is_written_even_if_it_was_null() -> None:
    data = make_session().to_dict()
    data["people"][3]["position"] = None
    person = Person.from_dict(data["people"][3])
    assert person.to_dict()["position"] is None
    assert replace(person, position="Tổ trưởng").to_dict()["position"] == "Tổ trưởng"


def test_bundle_bytes_of_a_reloaded_bundle_are_identical(tmp_path: Path) -> None:
    first = bundle_bytes(make_session())
    path = tmp_path / "x.json"
    path.write_bytes(first)
    assert bundle_bytes(read_bundle(path)) == first
