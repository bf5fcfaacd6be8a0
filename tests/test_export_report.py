"""Result report: streaming tallies, totals, narrative blanks, Markdown/CSV/DOCX output."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from builders import ICT, make_session
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.models import Attendance, Narrative, Session, Unit
from facilitator.export import export_report
from facilitator.export.csv_writer import render_report_csv
from facilitator.export.docx_writer import render_report_docx
from facilitator.export.markdown import render_report_md
from facilitator.export.registry import REPORT_WRITERS
from facilitator.export.report_model import build_report
from facilitator.export.settings import DocSettings

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

COMMUNE = Unit(
    name="Đảng bộ xã Di Linh",
    parent="Huyện ủy Di Linh",
    abbrev="ĐU",
    profile="party",
    locality="Di Linh",
)
THON_1 = Unit(name="Chi bộ Thôn 1", parent="Đảng bộ xã Di Linh", abbrev="CB", locality="Di Linh")
ISSUED = date(2024, 6, 3)


def sessions() -> list[Session]:
    """Unit A: a regular session and a make-up session; unit B: one session."""
    main = make_session()
    makeup = make_session(
        id="hoc-bu",
        started_at=datetime(2024, 5, 17, 8, 0, tzinfo=ICT),
        extra={"makeup": True},
        attendance=tuple(
            Attendance(p.id, "present" if p.id == "p05" else "absent") for p in main.people
        ),
        notes=(),
        reflections=(),
        narrative=Narrative(),
    )
    other = make_session(
        id="thon-1",
        unit=THON_1,
        filler=5,
        narrative=Narrative(strengths="Tổ chức nghiêm túc"),
    )
    return [main, makeup, other]


def report(**kw):
    kw.setdefault("unit", COMMUNE)
    kw.setdefault("issued_on", ISSUED)
    return build_report(sessions(), **kw)


def test_rows_per_unit_and_total_add_up() -> None:
    rep = report()
    a, b = rep.rows
    assert (a.unit, b.unit) == ("Chi bộ Khối Dân vận", "Chi bộ Thôn 1")
    assert (a.sessions, a.total, a.exempt, a.expected, a.present) == (2, 26, 1, 25, 23)
    assert (a.excused, a.unexcused, a.makeup, a.non_members) == (1, 1, 1, 1)
    assert (a.reflections, a.grades) == (4, (2, 1, 0, 0))
    assert (b.sessions, b.total, b.expected, b.present) == (1, 13, 12, 10)
    total = rep.total
    for field in ("sessions", "total", "exempt", "expected", "present", "excused", "unexcused",
                  "makeup", "non_members", "reflections"):  # fmt: skip
        assert getattr(total, field) == getattr(a, field) + getattr(b, field), field
    assert total.grades == (4, 2, 0, 0)
    assert total.rate == "89,19%"  # 33/37
    assert rep.table_rows()[-1][:2] == ("", "Tổng cộng")


def test_report_text_states_counts_and_denominator() -> None:
    text = report().text
    assert "Số buổi đã tổ chức: 3, trong đó 1 buổi học bù." in text
    assert "ngày 10 tháng 5 năm 2024; ngày 17 tháng 5 năm 2024" in text
    assert "Đảng viên tham gia: 33/37 đồng chí, đạt 89,19% (mẫu số 37 là số lượt" in text
    assert "Vắng: 4 đồng chí (có lý do 2, không lý do 2)." in text
    assert "Học bù: 1 đồng chí" in text and "tỷ lệ tham gia sau học bù: 91,89%" in text
    assert "Quần chúng, hội viên tham gia: 2 người." in text
    assert "Báo cáo viên: đồng chí Lê Văn Cường – Báo cáo viên." in text
    assert "Số bài thu hoạch: 8/34 bài (23,53% số đảng viên tham gia)." in text
    assert "Xếp loại: Tốt 4 (50%), Khá 2 (25%), Đạt 0 (0%), Không đạt 0 (0%)." in text
    assert "Vận dụng vào công tác dân vận thế nào? (Chi bộ Thôn 1)" in text


def test_narrative_joined_across_units_or_left_as_marked_blank() -> None:
    rep = report()
    paras = [b.text for b in rep.body]
    assert "Chi bộ Khối Dân vận: Đảng viên tham gia đầy đủ, thảo luận sôi nổi." in paras
    assert "Chi bộ Thôn 1: Tổ chức nghiêm túc." in paras
    fills = [b.text for b in rep.body if b.kind == "fill"]
    assert any(f.startswith("[Đơn vị bổ sung hạn chế, nguyên nhân]") for f in fills)


def test_period_filters_sessions_and_names_the_period() -> None:
    rep = report(period=(date(2024, 5, 1), date(2024, 5, 12)))
    assert rep.total.sessions == 2 and rep.total.makeup == 0
    assert rep.subject.endswith("từ ngày 01 tháng 5 năm 2024 đến ngày 12 tháng 5 năm 2024")


def test_grade_labels_come_from_settings() -> None:
    labels = (("tot", "Giỏi"), ("kha", "Khá"), ("dat", "Trung bình"), ("khong-dat", "Yếu"))
    rep = report(settings=DocSettings(grade_labels=labels))
    assert rep.table_header[13:17] == ("Giỏi", "Khá", "Trung bình", "Yếu")
    assert "Xếp loại: Giỏi 4 (50%)" in rep.text


def test_header_and_signer_of_a_dang_bo() -> None:
    rep = report()
    assert rep.header.number == "Số    -BC/ĐU"
    assert rep.header.place_date == "Di Linh, ngày 03 tháng 6 năm 2024"
    assert [line.text for line in rep.signature.lines] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    # #10.4: the committee above and its organs, not "Huyện ủy Di Linh (để báo cáo)".
    assert rep.recipients == (
        "- Ban Thường vụ Huyện ủy (b/c),",
        "- Ban Tuyên giáo Huyện ủy,",
        "- Lưu VP.",
    )


def test_signer_name_taken_from_home_units_bi_thu() -> None:
    home = make_session().unit
    rep = build_report(sessions(), unit=home, issued_on=ISSUED)
    assert rep.signature.name == "Nguyễn Văn An"
    assert [line.text for line in rep.signature.lines] == ["T/M CHI BỘ", "BÍ THƯ"]


def test_empty_report_is_still_a_document() -> None:
    rep = build_report([], unit=COMMUNE, issued_on=ISSUED)
    assert rep.rows == () and rep.total.sessions == 0 and rep.total.rate == "0%"
    assert "Không có buổi sinh hoạt nào trong kỳ báo cáo." in rep.text
    assert render_report_docx(rep)[:2] == b"PK"


def test_streams_a_generator_once() -> None:
    consumed = 0

    def many() -> Iterator[Session]:
        nonlocal consumed
        base = make_session(filler=3, notes=(), agenda=())
        for i in range(300):
            consumed += 1
            unit = Unit(name=f"Chi bộ {i % 7}", parent="Đảng bộ xã Di Linh")
            yield base.with_changes(id=f"s{i}", unit=unit)

    rep = build_report(many(), unit=COMMUNE, issued_on=ISSUED)
    assert consumed == 300
    assert len(rep.rows) == 7 and rep.total.sessions == 300
    assert rep.total.present == 300 * 8  # 5 core present + 3 fillers, every session


def test_report_markdown_golden() -> None:
    text = render_report_md(report())
    path = GOLDEN / "report.md"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_csv_has_bom_and_reads_back() -> None:
    data = render_report_csv(report())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, *units, total = rows
    assert header[:3] == ["TT", "Đơn vị", "Số buổi"] and header[-1] == "Ghi chú"
    assert [r[1] for r in units] == ["Chi bộ Khối Dân vận", "Chi bộ Thôn 1"]
    assert total[1] == "Tổng cộng" and total[7] == "89,19%"
    for column in (2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16):
        assert int(total[column]) == sum(int(r[column]) for r in units), header[column]


def test_docx_report_layout_and_table() -> None:
    doc = Document(io.BytesIO(render_report_docx(report())))
    first, appendix = doc.sections
    assert round(first.page_width.mm) == 210 and round(first.left_margin.mm) == 30
    assert appendix.orientation == WD_ORIENT.LANDSCAPE and round(appendix.page_width.mm) == 297
    header = doc.tables[0]
    assert header.rows[0].cells[0].paragraphs[1].text == "ĐẢNG ỦY XÃ DI LINH"  # #10.4
    assert header.rows[1].cells[0].text == "Số    -BC/ĐU"
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.runs[0].font.size.pt == 15
    recipients, signer = doc.tables[1].rows[0].cells
    label = recipients.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].underline
    assert recipients.paragraphs[1].runs[0].font.size.pt == 12
    assert signer.paragraphs[0].text == "T/M ĐẢNG ỦY"
    stats = doc.tables[-1]
    assert len(stats.rows) == 4  # header, 2 units, total
    last = [c.text for c in stats.rows[-1].cells]
    assert last[1] == "Tổng cộng" and last[6] == "33" and last[7] == "89,19%"
    fonts = doc.styles.element.findall(f".//{qn('w:rFonts')}")
    assert all(f.get(qn("w:eastAsia")) == "Times New Roman" for f in fonts)
    assert all(f.get(qn("w:cs")) == "Times New Roman" for f in fonts)


def test_export_report_writes_every_format(tmp_path: Path) -> None:
    assert set(REPORT_WRITERS) >= {"docx", "md", "csv", "xlsx"}
    for fmt in ("csv", "md", "docx", "xlsx"):
        path = export_report(sessions(), fmt, tmp_path, unit=COMMUNE)
        assert path.parent == tmp_path and path.suffix == f".{fmt}" and path.stat().st_size > 0
    with pytest.raises(FacilitatorError, match="đã tồn tại"):
        export_report(sessions(), "csv", tmp_path, unit=COMMUNE)
    with pytest.raises(FacilitatorError, match="không được hỗ trợ"):
        export_report(sessions(), "odt", tmp_path, unit=COMMUNE)


def _row(rep, name: str):
    return next(r for r in rep.rows if r.unit == name)


def test_planned_sessions_are_not_counted_as_held() -> None:
    held = make_session()
    planned = make_session(
        id="ke-hoach-thang-6",
        status="planned",
        started_at=datetime(2024, 6, 10, 7, 30, tzinfo=ICT),
        attendance=(),
    )
    rep = build_report([held, planned], unit=COMMUNE, issued_on=ISSUED)
    row = _row(rep, held.unit.name)
    assert row.sessions == 1
    assert (row.present, row.expected) == (23, 25)
    assert "tháng 6" not in rep.text.split("Thời gian tổ chức")[1].split("\n")[0]


def test_the_same_session_from_store_and_bundle_counts_once() -> None:
    session = make_session()
    rep = build_report([session, session], unit=COMMUNE, issued_on=ISSUED)
    assert _row(rep, session.unit.name).sessions == 1
    assert rep.total.present == 23


def test_make_up_counts_only_those_who_missed_and_never_sets_the_roll() -> None:
    main = make_session()
    # The chair (present at the regular session) and both absentees come to the make-up;
    # its roster is reduced and it is the unit's latest session.
    makeup = make_session(
        id="hoc-bu",
        started_at=datetime(2024, 5, 17, 8, 0, tzinfo=ICT),
        extra={"makeup": True},
        people=tuple(p for p in main.people if p.id in {"p01", "p05", "p06"}),
        attendance=(
            Attendance("p01", "present"),
            Attendance("p05", "present"),
            Attendance("p06", "present"),
        ),
        notes=(),
        reflections=(),
        votes=(),
        roles=main.roles.__class__(),
        agenda=main.agenda,
    )
    rep = build_report([main, makeup], unit=COMMUNE, issued_on=ISSUED)
    row = _row(rep, main.unit.name)
    assert row.makeup == 2  # p05 and p06 made it up; the chair had attended
    assert row.total == 26  # the roll of the regular meeting, not the make-up's 3
    assert "110" not in rep.text


def test_only_members_reflections_count() -> None:
    from facilitator.domain.models import Reflection

    session = make_session(
        reflections=(
            Reflection("p01", True, "tot"),
            Reflection("p09", True, "kha"),  # quần chúng
            Reflection("p10", True, "tot"),  # guest
        )
    )
    rep = build_report([session], unit=COMMUNE, issued_on=ISSUED)
    assert _row(rep, session.unit.name).reflections == 1


def test_deputy_secretary_chairing_does_not_sign_as_bi_thu() -> None:
    from facilitator.domain.models import Roles

    session = make_session(roles=Roles(chair="p02", secretary="p03"))  # Phó Bí thư chairs
    rep = build_report([session], unit=session.unit, issued_on=ISSUED)
    assert rep.signature.name != "Trần Thị Bình"


def test_mass_organisation_report_counts_members_not_party_members() -> None:
    hccb = Unit(
        name="Hội Cựu chiến binh xã Di Linh", parent="Hội CCB huyện", abbrev="HCCB", profile="state"
    )
    chi_hoi = Unit(name="Chi hội Thôn 2", parent=hccb.name, abbrev="CH", profile="state")
    session = make_session(unit=chi_hoi)
    rep = build_report([session], unit=hccb, issued_on=ISSUED)
    assert "Tổng số hội viên:" in rep.text
    assert "Hội viên tham gia:" in rep.text
    assert "Tổng số đảng viên" not in rep.text and "Đảng viên tham gia:" not in rep.text
    assert "Tổng số HV" in rep.table_header and "Tổng số ĐV" not in rep.table_header


@pytest.mark.parametrize("grades", [4, 6])
def test_statistics_table_fits_the_landscape_page(grades: int) -> None:
    """The grid (what LibreOffice lays out by) stays within 297 − 30 − 15 mm, whatever the
    number of grade labels, and the unit column is the widest after "Ghi chú"."""
    labels = tuple((f"g{i}", f"Loại {i}") for i in range(grades))
    settings = DocSettings(grade_labels=labels)
    doc = Document(io.BytesIO(render_report_docx(report(settings=settings), settings)))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    widths = [column.width.mm for column in table.columns]
    assert len(widths) == 14 + grades
    assert sum(widths) <= 297 - 30 - 15 + 0.5
    assert widths[1] == max(widths[:-1])


def test_absent_members_reflections_do_not_push_the_rate_past_100() -> None:
    from facilitator.domain.models import Reflection

    session = make_session(
        reflections=(Reflection("p01", True, "tot"), Reflection("p05", True, "kha"))  # p05 absent
    )
    rep = build_report([session], unit=COMMUNE, issued_on=ISSUED)
    assert _row(rep, session.unit.name).reflections == 1
