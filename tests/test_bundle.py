"""Session bundles: validation paths, reading/writing files, all-or-nothing import, export."""

from __future__ import annotations

import copy
import json
import time
import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from facilitator.bundle import io as bundle_io
from facilitator.bundle.io import bundle_bytes, read_bundle, write_bundle
from facilitator.bundle.validate import MAX_REPORTED, validate_session
from facilitator.domain.errors import CorruptStoreError, FacilitatorError, InputError
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
from facilitator.services.bundles import export_bundle, import_bundles
from facilitator.storage.store import Store

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


@pytest.fixture
def bundle() -> dict[str, Any]:
    return make_session().to_dict()


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def wheres(data: Any) -> list[str]:
    return [p.where for p in validate_session(data)]


# --- validation --------------------------------------------------------------------------


def test_valid_bundle_has_no_problems(bundle: dict[str, Any]) -> None:
    assert validate_session(bundle) == []


def test_minimal_bundle_without_optional_fields_is_valid(bundle: dict[str, Any]) -> None:
    for key in ("number", "ended_at", "reflections", "approved", "progress", "narrative", "events"):
        bundle.pop(key)
    bundle["people"] = [{"id": "p01", "name": "Nguyễn Văn An", "category": "chinh-thuc"}]
    bundle["roles"] = {"chair": "p01", "secretary": None, "presenters": []}
    bundle["attendance"] = [{"person": "p01", "status": "present"}]
    bundle["agenda"] = [{"id": "a", "title": "Mục", "kind": "procedure", "minutes": 5}]
    bundle["notes"] = []
    bundle["votes"] = []
    assert validate_session(bundle) == []


def test_unknown_fields_are_allowed_everywhere(bundle: dict[str, Any]) -> None:
    bundle["khac"] = 1
    bundle["unit"]["khac"] = [1]
    bundle["people"][0]["khac"] = {"a": None}
    bundle["agenda"][0]["khac"] = "x"
    bundle["notes"][0]["khac"] = True
    assert validate_session(bundle) == []


def test_root_must_be_an_object() -> None:
    assert wheres([1, 2]) == ["$"]


def test_wrong_format_version_gives_one_clear_problem(bundle: dict[str, Any]) -> None:
    bundle["format"] = "facilitator.session/2"
    bundle["title"] = ""  # would be a problem, but another version has another shape
    problems = validate_session(bundle)
    assert [p.where for p in problems] == ["$.format"]
    assert "phiên bản" in problems[0].message
    assert "facilitator.session/2" in problems[0].message
    assert "facilitator.session/1" in problems[0].message


def test_other_format_and_missing_format(bundle: dict[str, Any]) -> None:
    other = dict(bundle, format="facilitator.pack/1")
    problems = validate_session(other)
    assert [p.where for p in problems] == ["$.format"]
    assert "không phải định dạng" in problems[0].message
    del bundle["format"]
    assert wheres(bundle) == ["$.format"]


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """Mutation that sets a dotted path ("people.0.name") to ``value``."""

    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return apply


def _drop(path: str) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return apply


def _append(key: str, value: Any) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        data[key].append(value)

    return apply


CASES: list[tuple[str, Mutation, str, str]] = [
    ("bad id", _set("id", "Buổi 1"), "$.id", "a-z"),
    ("id starting with dash", _set("id", "-abc"), "$.id", "a-z"),
    ("id missing", _drop("id"), "$.id", "thiếu"),
    ("status", _set("status", "done"), "$.status", "planned"),
    ("unit missing", _drop("unit"), "$.unit", "thiếu"),
    ("unit not object", _set("unit", "Chi bộ"), "$.unit", "đối tượng"),
    ("unit name empty", _set("unit.name", "  "), "$.unit.name", "trống"),
    ("unit parent type", _set("unit.parent", 5), "$.unit.parent", "chuỗi"),
    ("unit profile", _set("unit.profile", "company"), "$.unit.profile", "party"),
    ("number type", _set("number", 5), "$.number", "chuỗi"),
    ("title empty", _set("title", ""), "$.title", "trống"),
    ("kind", _set("kind", "hop"), "$.kind", "chuyen-de"),
    ("place null", _set("place", None), "$.place", "chuỗi"),
    ("started_at missing", _drop("started_at"), "$.started_at", "thiếu"),
    ("started_at no offset", _set("started_at", "2024-05-10T07:30:00"), "$.started_at", "múi giờ"),
    ("started_at garbage", _set("started_at", "hôm qua"), "$.started_at", "ISO 8601"),
    ("ended_at number", _set("ended_at", 1715300000), "$.ended_at", "ISO 8601"),
    ("content id type", _set("content.id", None), "$.content.id", "chuỗi"),
    ("content version number", _set("content.version", 2024.1), "$.content.version", "chuỗi"),
    ("content sources item", _set("content.sources", ["a", 3]), "$.content.sources[1]", "chuỗi"),
    ("content framing", _set("content.framing", [["goc", "Gốc"]]), "$.content.framing[0]", "3 chuỗi"),
    ("roles chair unknown", _set("roles.chair", "p99"), "$.roles.chair", "p99"),
    ("roles secretary type", _set("roles.secretary", 7), "$.roles.secretary", "chuỗi"),
    ("roles presenter unknown", _set("roles.presenters", ["p05", "zz"]), "$.roles.presenters[1]", "zz"),
    ("people not list", _set("people", {}), "$.people", "danh sách"),
    ("person not object", _append("people", "Nguyễn Văn B"), "$.people[5]", "đối tượng"),
    ("person duplicate id", _append("people", {"id": "p01", "name": "B", "category": "khach"}), "$.people[5].id", "$.people[0]"),
    ("person name empty", _set("people.0.name", ""), "$.people[0].name", "trống"),
    ("person name missing", _drop("people.0.name"), "$.people[0].name", "thiếu"),
    ("person category", _set("people.1.category", "dang-vien"), "$.people[1].category", "chinh-thuc"),
    ("person position type", _set("people.0.position", ["Bí thư"]), "$.people[0].position", "chuỗi"),
    ("person exempt string", _set("people.2.exempt", "yes"), "$.people[2].exempt", "true"),
    ("person exempt int", _set("people.2.exempt", 1), "$.people[2].exempt", "true"),
    ("person temporary", _set("people.3.temporary", "ve"), "$.people[3].temporary", "den"),
    ("person name_parts", _set("people.1.name_parts", ["Tôn Nữ", "Hà"]), "$.people[1].name_parts", "3 chuỗi"),
    ("attendance person unknown", _set("attendance.0.person", "p77"), "$.attendance[0].person", "p77"),
    ("attendance duplicate", _append("attendance", {"person": "p01", "status": "absent"}), "$.attendance[4].person", "$.attendance[0]"),
    ("attendance status", _set("attendance.0.status", "here"), "$.attendance[0].status", "present"),
    ("late without arrival", _set("attendance.1.arrived_at", None), "$.attendance[1].arrived_at", "late"),
    ("arrival without offset", _set("attendance.1.arrived_at", "2024-05-10T07:40"), "$.attendance[1].arrived_at", "múi giờ"),
    ("left_at garbage", _set("attendance.0.left_at", "8h"), "$.attendance[0].left_at", "ISO 8601"),
    ("reason type", _set("attendance.2.reason", 3), "$.attendance[2].reason", "chuỗi"),
    ("agenda duplicate id", _append("agenda", {"id": "phan-1", "title": "X", "kind": "vote", "minutes": 1}), "$.agenda[3].id", "$.agenda[0]"),
    ("agenda title missing", _drop("agenda.0.title"), "$.agenda[0].title", "thiếu"),
    ("agenda kind", _set("agenda.0.kind", "speech"), "$.agenda[0].kind", "presentation"),
    ("agenda framing type", _set("agenda.1.framing", 1), "$.agenda[1].framing", "chuỗi"),
    ("minutes zero", _set("agenda.0.minutes", 0), "$.agenda[0].minutes", "dương"),
    ("minutes bool", _set("agenda.0.minutes", True), "$.agenda[0].minutes", "số nguyên"),
    ("minutes float", _set("agenda.0.minutes", 2.5), "$.agenda[0].minutes", "số nguyên"),
    ("minutes string", _set("agenda.0.minutes", "5"), "$.agenda[0].minutes", "số nguyên"),
    ("agenda started_at", _set("agenda.0.started_at", "07:30"), "$.agenda[0].started_at", "ISO 8601"),
    ("skipped string", _set("agenda.2.skipped", "no"), "$.agenda[2].skipped", "true"),
    ("questions item", _set("agenda.1.questions", ["a", None]), "$.agenda[1].questions[1]", "chuỗi"),
    ("body type", _set("agenda.1.body", None), "$.agenda[1].body", "chuỗi"),
    ("presenter unknown", _set("agenda.1.presenter", "p42"), "$.agenda[1].presenter", "p42"),
    ("spent_seconds negative", _set("agenda.0.spent_seconds", -1), "$.agenda[0].spent_seconds", "âm"),
    ("spent_seconds bool", _set("agenda.0.spent_seconds", True), "$.agenda[0].spent_seconds", "số"),
    ("note duplicate id", _set("notes.1.id", "n1"), "$.notes[1].id", "$.notes[0]"),
    ("note item unknown", _set("notes.0.item", "phan-9"), "$.notes[0].item", "phan-9"),
    ("note at missing", _drop("notes.0.at"), "$.notes[0].at", "thiếu"),
    ("note speaker unknown", _set("notes.0.speaker", "p66"), "$.notes[0].speaker", "p66"),
    ("note kind", _set("notes.0.kind", "comment"), "$.notes[0].kind", "opinion"),
    ("note text missing", _drop("notes.1.text"), "$.notes[1].text", "thiếu"),
    ("vote item unknown", _set("votes.0.item", "x"), "$.votes[0].item", "agenda"),
    ("vote question type", _set("votes.0.question", 1), "$.votes[0].question", "chuỗi"),
    ("vote for negative", _set("votes.0.for", -1), "$.votes[0].for", "âm"),
    ("vote for bool", _set("votes.0.for", True), "$.votes[0].for", "số nguyên"),
    ("vote base missing", _drop("votes.0.base"), "$.votes[0].base", "thiếu"),
    ("vote exceeds base", _set("votes.0.against", 1), "$.votes[0]", "vượt quá"),
    ("conclusion missing", _drop("conclusion"), "$.conclusion", "thiếu"),
    ("reflection person unknown", _set("reflections.0.person", "p50"), "$.reflections[0].person", "p50"),
    ("reflection duplicate", _set("reflections.1.person", "p02"), "$.reflections[1].person", "$.reflections[0]"),
    ("reflection submitted", _set("reflections.0.submitted", "có"), "$.reflections[0].submitted", "true"),
    ("reflection grade", _set("reflections.0.grade", "gioi"), "$.reflections[0].grade", "khong-dat"),
    ("approved at", _set("approved.at", None), "$.approved.at", "ISO 8601"),
    ("approved for above base", _set("approved.for", 3), "$.approved.for", "vượt quá"),
    ("approved not object", _set("approved", [1]), "$.approved", "đối tượng"),
    ("progress entered_at", _set("progress.entered_at", "x"), "$.progress.entered_at", "ISO 8601"),
    ("narrative type", _set("narrative.strengths", 1), "$.narrative.strengths", "chuỗi"),
    ("event at", _set("events.0.at", "2024-05-10"), "$.events[0].at", "múi giờ"),
    ("event kind missing", _drop("events.0.kind"), "$.events[0].kind", "thiếu"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "where", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_problem_is_reported_at_its_json_path(
    bundle: dict[str, Any], mutate: Mutation, where: str, fragment: str
) -> None:
    mutate(bundle)
    problems = validate_session(bundle)
    assert [p.where for p in problems] == [where]
    assert fragment in problems[0].message


def test_all_problems_are_reported_together(bundle: dict[str, Any]) -> None:
    bundle["status"] = "x"
    bundle["people"][0]["category"] = "x"
    bundle["attendance"][0]["status"] = "x"
    bundle["votes"][0]["for"] = -2
    assert wheres(bundle) == [
        "$.status",
        "$.people[0].category",
        "$.attendance[0].status",
        "$.votes[0].for",
    ]


def test_a_vote_base_of_zero_is_checked_against_attendance_too(bundle: dict[str, Any]) -> None:
    """The base is never "unknown": it is derived, so 0 typed in is a contradiction."""
    bundle["votes"][0].update({"for": 5, "against": 1, "other": 0, "base": 0})
    assert wheres(bundle) == ["$.votes[0].base", "$.votes[0]"]


def test_problem_messages_escape_hostile_values(bundle: dict[str, Any]) -> None:
    bundle["status"] = "\x1b[31mred" + "x" * 100
    (problem,) = validate_session(bundle)
    assert "\x1b" not in problem.message
    assert len(problem.message) < 200


def test_problem_count_is_capped(bundle: dict[str, Any]) -> None:
    bundle["attendance"] = [{"person": "nobody", "status": "present"}] * 1000
    problems = validate_session(bundle)
    assert len(problems) == MAX_REPORTED + 1
    assert problems[-1].where == ""
    assert problems[-1].message == f"… và {1000 - MAX_REPORTED} lỗi khác"


def test_hostile_file_with_huge_arrays_stays_fast(bundle: dict[str, Any]) -> None:
    bundle["notes"] = [{"id": 1}] * 200_000
    start = time.perf_counter()
    problems = validate_session(bundle)
    assert time.perf_counter() - start < 2.0
    assert len(problems) == MAX_REPORTED + 1
    assert "đã ngừng kiểm tra" in problems[-1].message


# --- reading and writing files ---------------------------------------------------------


def test_bundle_bytes_are_readable_utf8_json(tmp_path: Path) -> None:
    data = bundle_bytes(make_session())
    text = data.decode("utf-8")
    assert "Nguyễn Văn An" in text  # not \u escapes
    assert text.startswith('{\n  "format": "facilitator.session/1",')
    assert unicodedata.is_normalized("NFC", text)


def test_written_bundle_reads_back_equal_with_unknown_fields(tmp_path: Path) -> None:
    session = make_session()
    path = write_bundle(session, tmp_path / "b.json")
    loaded = read_bundle(path)
    assert loaded == session
    assert loaded.to_dict() == session.to_dict()  # extras are not part of ==, check them too
    assert loaded.extra == {"x_truong_moi": {"giu": [1, 2]}}
    assert loaded.unit.extra == {"ma_don_vi": 42}
    assert loaded.people[0].extra == {"ghi_chu": "x"}
    assert (loaded.people[1].ho, loaded.people[1].ten) == ("Tôn Nữ", "Hà")


def test_write_refuses_existing_file_unless_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text("cũ", encoding="utf-8")
    with pytest.raises(FacilitatorError, match="đã tồn tại"):
        write_bundle(make_session(), target)
    assert target.read_text(encoding="utf-8") == "cũ"
    write_bundle(make_session(), target, overwrite=True)
    assert read_bundle(target).id == "2024-05-10-cb-dan-van"


def test_write_into_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FacilitatorError, match="không tồn tại"):
        write_bundle(make_session(), tmp_path / "khong-co" / "b.json")


def test_read_normalises_nfd_text_to_nfc(tmp_path: Path) -> None:
    raw = bundle_bytes(make_session()).decode("utf-8")
    path = tmp_path / "nfd.json"
    path.write_bytes(unicodedata.normalize("NFD", raw).encode("utf-8"))
    loaded = read_bundle(path)
    assert loaded.people[0].name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", loaded.people[0].name)
    assert loaded.unit.name == "Chi bộ Khối Dân vận"


def test_read_normalises_escaped_combining_marks(tmp_path: Path, bundle: dict[str, Any]) -> None:
    bundle["title"] = unicodedata.normalize("NFD", "Học tập nghị quyết")
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle, ensure_ascii=True), encoding="ascii")
    assert read_bundle(path).title == "Học tập nghị quyết"


def test_read_tolerates_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + bundle_bytes(make_session()))
    assert read_bundle(path).title == "Sinh hoạt chuyên đề"


def test_read_reports_non_utf8_with_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{\n"title": "Ngu\xe9n"}')
    with pytest.raises(InputError) as info:
        read_bundle(path)
    assert str(path) in info.value.message
    assert "UTF-8" in info.value.message
    assert "dòng 2" in info.value.message
    assert "byte thứ 15" in info.value.message


def test_read_reports_json_errors_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "a",\n  "title": }\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_bundle(path)
    assert "dòng 3, cột 12" in info.value.message
    assert str(path) in info.value.message


def test_read_refuses_nan(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{"format": "facilitator.session/1", "x": NaN}', encoding="utf-8")
    with pytest.raises(InputError, match="NaN"):
        read_bundle(path)


def test_read_reports_deep_nesting_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match="lồng quá nhiều"):
        read_bundle(path)


def test_read_refuses_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_io, "MAX_BUNDLE_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 101)
    with pytest.raises(InputError, match="quá lớn"):
        read_bundle(path)


def test_read_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Không tìm thấy"):
        read_bundle(tmp_path / "none.json")
    with pytest.raises(InputError, match="thư mục"):
        read_bundle(tmp_path)


def test_read_invalid_bundle_lists_problems_and_names_file(
    tmp_path: Path, bundle: dict[str, Any]
) -> None:
    bundle["attendance"][3]["status"] = "?"
    path = _write(tmp_path / "bad.json", bundle)
    with pytest.raises(InputError) as info:
        read_bundle(path)
    assert str(path) in info.value.message
    assert [p.where for p in info.value.problems] == ["$.attendance[3].status"]


# --- import / export through the store -------------------------------------------------


def test_store_checks_sessions_with_this_validator(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    store.put_session(make_session())
    session_file = store.session_dir("2024-05-10-cb-dan-van") / "session.json"
    raw = json.loads(session_file.read_text(encoding="utf-8"))
    raw["session"]["1"]["status"] = "finished"
    session_file.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(CorruptStoreError) as info:
        store.load_session("2024-05-10-cb-dan-van")
    assert [p.where for p in info.value.problems] == ["$.status"]


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    source = Store(tmp_path / "a")
    session = make_session()
    source.put_session(session)
    path = export_bundle(source, session.id, tmp_path)
    assert path == tmp_path / f"{session.id}.json"
    target = Store(tmp_path / "b")
    result = import_bundles(target, [path])
    assert result.ids == (session.id,)
    assert result.replaced == ()
    loaded = target.load_session(session.id)
    assert loaded == session
    assert loaded.to_dict() == session.to_dict()
    assert loaded.extra["x_truong_moi"] == {"giu": [1, 2]}


def test_export_refuses_to_overwrite(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    store.put_session(make_session())
    out = tmp_path / "out.json"
    out.write_text("{}", encoding="utf-8")
    with pytest.raises(FacilitatorError, match="đã tồn tại"):
        export_bundle(store, "2024-05-10-cb-dan-van", out)
    assert out.read_text(encoding="utf-8") == "{}"
    export_bundle(store, "2024-05-10-cb-dan-van", out, overwrite=True)
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "2024-05-10-cb-dan-van"


def test_nothing_is_written_when_one_file_is_invalid(tmp_path: Path) -> None:
    good = write_bundle(make_session("buoi-1"), tmp_path / "1.json")
    bad_data = make_session("buoi-2").to_dict()
    bad_data["votes"][0]["base"] = True
    bad = _write(tmp_path / "2.json", bad_data)
    broken = tmp_path / "3.json"
    broken.write_text("{", encoding="utf-8")
    good2 = write_bundle(make_session("buoi-4"), tmp_path / "4.json")
    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as info:
        import_bundles(store, [good, bad, broken, good2])
    assert store.session_ids() == []
    assert "2/4" in info.value.message
    wheres_ = [p.where for p in info.value.problems]
    assert wheres_[0] == f"{bad} $.votes[0].base"
    assert wheres_[1] == str(broken)
    assert "JSON" in info.value.problems[1].message


def test_existing_ids_are_refused_unless_replace(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    store.put_session(make_session("buoi-1", title="Cũ"))
    new = write_bundle(make_session("buoi-1", title="Mới"), tmp_path / "1.json")
    other = write_bundle(make_session("buoi-2"), tmp_path / "2.json")
    with pytest.raises(InputError) as info:
        import_bundles(store, [other, new])
    assert [p.where for p in info.value.problems] == [f"{new} $.id"]
    assert "--replace" in info.value.problems[0].message
    assert store.session_ids() == ["buoi-1"]
    assert store.load_session("buoi-1").title == "Cũ"

    result = import_bundles(store, [other, new], replace=True)
    assert result.ids == ("buoi-2", "buoi-1")
    assert result.replaced == ("buoi-1",)
    assert store.load_session("buoi-1").title == "Mới"
    assert store.session_ids() == ["buoi-1", "buoi-2"]


def test_same_id_twice_in_one_import_is_refused(tmp_path: Path) -> None:
    first = write_bundle(make_session("buoi-1"), tmp_path / "1.json")
    second = write_bundle(make_session("buoi-1", title="Khác"), tmp_path / "2.json")
    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as info:
        import_bundles(store, [first, second])
    assert str(first) in info.value.problems[0].message
    assert store.session_ids() == []


def test_import_keeps_a_deep_copy_of_unknown_nested_fields(tmp_path: Path) -> None:
    data = make_session().to_dict()
    data["people"][0]["ngay_vao_dang"] = {"ngay": "1990-01-01", "noi": ["Di Linh"]}
    expected = copy.deepcopy(data)
    path = _write(tmp_path / "b.json", data)
    store = Store(tmp_path / "kho")
    import_bundles(store, [path])
    assert store.load_session(data["id"]).to_dict() == expected
