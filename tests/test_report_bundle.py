"""Report bundles (facilitator.report/1): the three-level chain adds up, nothing personal
travels upward, every bad figure is refused at its JSON path, parallel = serial."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from builders import ICT, make_session
from click.testing import CliRunner

from facilitator.bundle import parallel as parallel_map
from facilitator.bundle.io import write_bundle
from facilitator.bundle.report_bundle import read_report_bundle
from facilitator.bundle.report_check import validate_report
from facilitator.cli.main import main
from facilitator.domain.errors import InputError
from facilitator.domain.models import Attendance, Narrative, Reflection, Session, Unit
from facilitator.export import report_inputs
from facilitator.export.report_model import Report, build_report
from facilitator.export.report_upward import build_report_bundle

PROVINCE = Unit(name="Tỉnh ủy Lâm Đồng", abbrev="TU")
DISTRICTS = ("Huyện ủy Di Linh", "Huyện ủy Bảo Lâm")
STATUSES = ("present", "absent-excused", "absent", "present", "exempt-absent", "present")


def communes() -> Iterator[tuple[str, str]]:
    for d, district in enumerate(DISTRICTS):
        for c in range(2):
            yield district, f"Đảng bộ xã {d}-{c}"


def chain_sessions() -> list[Session]:
    """Three chi bộ per commune, two communes per district; varied counts, make-ups."""
    out = []
    for district, commune in communes():
        for k in range(3):
            unit = Unit(name=f"Chi bộ thôn {k + 1}", parent=commune, abbrev="CB")
            base = make_session(filler=4 + k * 3, unit=unit)
            people = base.people
            attendance = tuple(
                replace(a, status=STATUSES[(i + k) % len(STATUSES)], reason="Ốm" * (i % 2))
                if i > 9  # the fillers; the core people keep their known statuses
                else a
                for i, a in enumerate(base.attendance)
            )
            start = datetime(2024, 5, 6 + k, 7, 30, tzinfo=ICT)
            slug = f"{district[-3:]}-{commune[-3:]}-{k}".lower().replace(" ", "")
            regular = base.with_changes(
                id=f"s-{abs(hash(slug)) % 10**8}-{k}-r",
                attendance=attendance,
                started_at=start,
                ended_at=start + timedelta(hours=2),
                approved=None,
                votes=(),
                agenda=base.agenda,
            )
            regular = _shift(regular, start)
            out.append(regular)
            if k != 1:
                absent = [a.person for a in attendance if a.status in ("absent", "absent-excused")]
                mk_start = start + timedelta(days=7)
                makeup = _shift(
                    regular.with_changes(
                        id=regular.id[:-1] + "m",
                        started_at=mk_start,
                        ended_at=mk_start + timedelta(hours=1),
                        extra={"makeup": True},
                        attendance=tuple(
                            Attendance(p.id, "present" if p.id in absent[:2] else "absent")
                            for p in people
                        ),
                        reflections=(Reflection(absent[0], True, "kha"),) if absent else (),
                        notes=(),
                        narrative=Narrative(),
                    ),
                    mk_start,
                )
                out.append(makeup)
    return out


def _shift(session: Session, start: datetime) -> Session:
    """Every time of the session moved onto ``start``'s day (bundles refuse other days)."""
    day = start.date()

    def moved(moment: datetime | None) -> datetime | None:
        return moment.replace(year=day.year, month=day.month, day=day.day) if moment else None

    return session.with_changes(
        attendance=tuple(
            replace(a, arrived_at=moved(a.arrived_at), left_at=moved(a.left_at))
            for a in session.attendance
        ),
        notes=tuple(replace(n, at=moved(n.at)) for n in session.notes),
    )


def run(*args: str, data: Path) -> Any:
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    assert result.exit_code == 0, result.output
    return result


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.fixture
def chain(tmp_path: Path) -> dict[str, Any]:
    """Sessions -> commune report bundles -> district report bundles (through the CLI)."""
    data = tmp_path / "data"
    sessions = chain_sessions()
    files: dict[str, list[Path]] = {}
    for session in sessions:
        path = tmp_path / "sessions" / f"{session.id}.json"
        path.parent.mkdir(exist_ok=True)
        write_bundle(session, path)
        files.setdefault(session.unit.parent, []).append(path)
    district_inputs: dict[str, list[Path]] = {}
    for district, commune in communes():
        out = tmp_path / "xa" / f"{commune}.json"
        out.parent.mkdir(exist_ok=True)
        args = ["report", "--unit", commune, "--format", "bundle", "-o", str(out)]
        run(*args, *map(str, files[commune]), data=data)
        district_inputs.setdefault(district, []).append(out)
    district_files = []
    for district, inputs in district_inputs.items():
        out = tmp_path / "huyen" / f"{district}.json"
        out.parent.mkdir(exist_ok=True)
        args = ["report", "--unit", district, "--format", "bundle", "-o", str(out)]
        run(*args, *map(str, inputs), data=data)
        district_files.append(out)
    return {"data": data, "sessions": sessions, "districts": district_files, "tmp": tmp_path}


def test_three_levels_add_up_to_the_direct_aggregate(chain: dict[str, Any]) -> None:
    direct: Report = build_report(chain["sessions"], unit=PROVINCE)
    out = chain["tmp"] / "tinh.csv"
    args = ["report", "--unit", PROVINCE.name, "--format", "csv", "-o", str(out)]
    run(*args, *map(str, chain["districts"]), data=chain["data"])
    rows = csv_rows(out)
    assert [r[1] for r in rows[1:-1]] == sorted(DISTRICTS, key=lambda n: n.replace("Bảo", "Bao"))
    # Every figure of the total row (Đơn vị aside) equals the direct aggregate's.
    assert rows[-1][2:] == list(direct.total.cells("", raw=True)[2:])
    assert direct.total.sessions == len(chain["sessions"])
    assert direct.total.makeup > 0 and direct.total.reflections > 0
    assert direct.total.excused > 0 and direct.total.unexcused > 0
    # The district bundles' totals are the sums of their communes' rows.
    for path in chain["districts"]:
        bundle = read_report_bundle(path)
        assert len(bundle.rows) == 2
        assert bundle.totals.present == sum(r.present for r in bundle.rows)


def test_province_report_from_bundles_equals_direct_in_every_writer(
    chain: dict[str, Any],
) -> None:
    from facilitator.export.report_inputs import iter_reduced

    direct = build_report(chain["sessions"], unit=PROVINCE)
    upward = build_report(iter_reduced(chain["districts"]), unit=PROVINCE)
    assert upward.total == replace(direct.total)
    text = upward.text
    assert "Tổng số đảng viên" in text or "đảng viên" in text
    assert upward.total.rate == direct.total.rate


def strings_of(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def personal_texts(sessions: list[Session]) -> set[str]:
    texts: set[str] = set()
    for session in sessions:
        texts.update(p.name for p in session.people)
        texts.update(a.reason for a in session.attendance if a.reason)
        texts.update(n.text for n in session.notes)
        texts.update(i.presenter_notes for i in session.agenda if i.presenter_notes)
    return {t for t in texts if t.strip()}


def test_no_personal_data_in_a_report_bundle(chain: dict[str, Any]) -> None:
    secrets = personal_texts(chain["sessions"])
    assert len(secrets) > 20
    paths = [*chain["districts"], *sorted((chain["tmp"] / "xa").glob("*.json"))]
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "sessions" not in data
        for text in strings_of(data):
            for secret in secrets:
                assert secret not in text, (path.name, secret, text)


def test_attached_sessions_are_kept_but_never_counted_again(tmp_path: Path) -> None:
    session = make_session()
    path = tmp_path / "buoi.json"
    write_bundle(session, path)
    out = tmp_path / "bc.json"
    args = ["report", "--unit", "Đảng bộ xã Di Linh", "--format", "bundle", "-o", str(out)]
    run(*args, "--attach-sessions", str(path), data=tmp_path / "d")
    bundle = read_report_bundle(out)
    assert [s["id"] for s in bundle.sessions] == [session.id]
    report = build_report([bundle], unit=PROVINCE)
    assert report.total.sessions == 1
    assert report.total.present == build_report([session], unit=PROVINCE).total.present


def good_bundle() -> dict[str, Any]:
    sessions = [s for s in chain_sessions() if s.unit.parent == "Đảng bộ xã 0-0"]
    commune = Unit(name="Đảng bộ xã 0-0", parent=DISTRICTS[0])
    return build_report_bundle(sessions, unit=commune).to_dict()


def where(problems: list[Any]) -> set[str]:
    return {p.where for p in problems}


def test_a_valid_bundle_has_no_problems() -> None:
    data = good_bundle()
    assert validate_report(data) == []
    assert len(data["rows"]) == 3


def test_totals_that_disagree_with_the_rows_are_refused() -> None:
    data = good_bundle()
    data["totals"]["present"] += 1
    data["totals"]["grades"]["tot"] += 2
    problems = validate_report(data)
    assert where(problems) == {"$.totals.present", "$.totals.grades"}
    assert "cộng các dòng" in problems[0].message


def test_row_arithmetic_and_types_are_located() -> None:
    data = good_bundle()
    data["rows"][2]["present"] = "nhiều"
    data["rows"][1]["expected"] += 1
    data["rows"][0]["official"] = -1
    data["rows"][0]["grades"]["tot"] = 1.5
    problems = validate_report(data)
    assert {
        "$.rows[2].present",
        "$.rows[1].expected",
        "$.rows[0].official",
        "$.rows[0].grades.tot",
    } <= where(problems)


def test_booleans_and_missing_counts_in_rows_are_refused_with_their_path() -> None:
    # The fast path for well-typed rows must still send every odd value to the checker.
    data = good_bundle()
    data["rows"][0]["present"] = True
    del data["rows"][1]["total"]
    data["rows"][2]["grades"]["kha"] = False
    assert {"$.rows[0].present", "$.rows[1].total", "$.rows[2].grades.kha"} <= where(
        validate_report(data)
    )


def test_the_slim_form_read_for_the_level_above_equals_the_full_one(tmp_path: Path) -> None:
    from facilitator.bundle.report_bundle import report_from_data

    data = good_bundle()
    full = report_from_data(data, "x")
    slim = report_from_data(data, "x", slim=True)
    assert slim == full.slim()
    assert slim.totals == full.totals
    assert len(slim.rows) == 1 and slim.sessions == ()


def test_missing_fields_bad_days_and_format() -> None:
    data = good_bundle()
    del data["rows"][0]["sessions"]
    data["issued_on"] = "20/05/2024"
    data["dates"] = ["2024-02-30"]
    assert {"$.rows[0].sessions", "$.issued_on", "$.dates[0]"} <= where(validate_report(data))
    assert where(validate_report(good_bundle() | {"format": "facilitator.report/9"})) == {
        "$.format"
    }


def test_attached_session_problems_carry_their_path(tmp_path: Path) -> None:
    data = good_bundle()
    session = make_session().to_dict()
    session["attendance"][0]["status"] = "ngủ"
    data["sessions"] = [session]
    assert "$.sessions[0].attendance[0].status" in where(validate_report(data))


def test_report_over_a_bad_report_bundle_fails_with_file_and_path(tmp_path: Path) -> None:
    data = good_bundle()
    data["totals"]["sessions"] = 999
    path = tmp_path / "xa.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "d"), "report", "--unit", "Huyện ủy Di Linh"]
    result = CliRunner().invoke(
        main, [*args, "--format", "md", "-o", str(tmp_path / "r.md"), str(path)]
    )
    assert result.exit_code == 1
    assert str(path) in result.output and "$.totals.sessions" in result.output
    assert not (tmp_path / "r.md").exists()
    with pytest.raises(InputError):
        read_report_bundle(path)


def test_parallel_reading_gives_the_serial_report(
    chain: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted((chain["tmp"] / "sessions").glob("*.json"))
    files += sorted((chain["tmp"] / "xa").glob("*.json"))[:1]
    serial = list(report_inputs.iter_reduced(files))
    monkeypatch.setattr(parallel_map, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setattr(parallel_map, "CHUNK_SIZE", 3)
    assert parallel_map.worker_count(len(files), 2) == 2
    parallel = list(report_inputs.iter_reduced(files, workers=2))
    assert parallel == serial
    one = build_report(serial, unit=PROVINCE, issued_on=datetime(2024, 6, 1).date())
    two = build_report(parallel, unit=PROVINCE, issued_on=datetime(2024, 6, 1).date())
    assert (one.rows, one.total, one.text) == (two.rows, two.total, two.text)


def test_parallel_reading_reports_the_first_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = []
    for i in range(6):
        path = tmp_path / f"{i}.json"
        write_bundle(make_session(id=f"s{i}"), path)
        files.append(path)
    files[4].write_text("{", encoding="utf-8")
    monkeypatch.setattr(parallel_map, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(parallel_map, "CHUNK_SIZE", 2)
    with pytest.raises(InputError) as caught:
        list(report_inputs.iter_reduced(files, workers=2))
    assert str(files[4]) in str(caught.value)


def test_a_unit_given_as_a_report_and_as_its_sessions_counts_once_and_is_named(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    unit = Unit(name="Chi bộ thôn 1", parent="Đảng bộ xã A", abbrev="CB")
    session = make_session(unit=unit)
    session_file = write_bundle(session, tmp_path / "buoi.json")
    own_report = tmp_path / "bao-cao-thon-1.json"
    run("report", "--unit", unit.name, "--parent", unit.parent, "--format", "bundle",
        "-o", str(own_report), str(session_file), data=data)  # fmt: skip
    out = tmp_path / "xa.csv"
    both = run("report", "--unit", "Đảng bộ xã A", "--format", "csv", "-o", str(out),
               str(own_report), str(session_file), data=data)  # fmt: skip
    assert read_report_bundle(own_report).unit.parent == "Đảng bộ xã A"  # --parent kept
    assert "Cảnh báo: Chi bộ thôn 1 đã gửi cả báo cáo và các buổi sinh hoạt" in both.stderr
    rows = csv_rows(out)
    direct = build_report([session], unit=Unit("Đảng bộ xã A"))
    assert rows[-1][2:7] == list(direct.total.cells("", raw=True)[2:7])  # counted once
