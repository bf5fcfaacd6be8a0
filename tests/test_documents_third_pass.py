"""Issue #10 findings 4, 6, 7, 9 read back from DOCX and Markdown, and through the CLI."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from builders import make_session
from click.testing import CliRunner
from docx import Document

from facilitator.cli.main import main
from facilitator.domain.models import Person, Roles, Unit
from facilitator.export.docx_writer import render_report_docx
from facilitator.export.issuers import committee_name
from facilitator.export.markdown import render_report_md
from facilitator.export.report_details import (
    ReportDetails,
    apply_details,
    remaining_blanks,
    unit_with,
)
from facilitator.export.report_model import build_report
from facilitator.export.settings import DocSettings
from facilitator.storage.store import Store

DANG_BO = Unit(
    name="Đảng bộ xã Tân Thượng",
    parent="Đảng bộ huyện Di Linh",
    abbrev="ĐU",
    locality="Tân Thượng",
)
CHI_BO = Unit(name="Chi bộ thôn 1", parent=DANG_BO.name, abbrev="CB", locality="Tân Thượng")
HOI = Unit(
    name="Hội Cựu chiến binh xã Tân Thượng",
    parent="Hội Cựu chiến binh huyện Di Linh",
    abbrev="HCCB",
    profile="state",
    locality="Tân Thượng",
)
DAY = date(2024, 6, 3)


def docx_text(data: bytes) -> tuple[list[str], list[str]]:
    doc = Document(io.BytesIO(data))
    header = [p.text for cell in doc.tables[0].rows[0].cells for p in cell.paragraphs]
    signing = [p.text for cell in doc.tables[1].rows[0].cells for p in cell.paragraphs]
    return header, signing


def test_committee_names() -> None:
    assert committee_name("Đảng bộ xã Tân Thượng") == "Đảng ủy xã Tân Thượng"
    assert committee_name("Đảng bộ huyện Di Linh") == "Huyện ủy Di Linh"
    assert committee_name("Đảng bộ thành phố Bảo Lộc") == "Thành ủy Bảo Lộc"
    assert committee_name("Chi bộ thôn 1") == "Chi bộ thôn 1"


def test_dang_bo_report_issuer_signer_and_recipients_in_docx_and_md() -> None:
    rep = build_report([make_session(unit=CHI_BO)], unit=DANG_BO, issued_on=DAY)
    header, signing = docx_text(render_report_docx(rep))
    assert header[:2] == ["ĐẢNG BỘ HUYỆN DI LINH", "ĐẢNG ỦY XÃ TÂN THƯỢNG"]
    assert "T/M ĐẢNG ỦY" in signing and "BÍ THƯ" in signing
    assert signing[1:4] == [
        "- Ban Thường vụ Huyện ủy (b/c),",
        "- Ban Tuyên giáo Huyện ủy,",
        "- Lưu VP.",
    ]
    md = render_report_md(rep)
    assert "**ĐẢNG ỦY XÃ TÂN THƯỢNG**" in md and "Ban Tuyên giáo Huyện ủy," in md


def test_chi_bo_report_goes_to_the_dang_uy_and_recipients_are_configurable() -> None:
    rep = build_report([make_session(unit=CHI_BO)], unit=CHI_BO, issued_on=DAY)
    assert rep.recipients == ("- Đảng ủy xã Tân Thượng (b/c),", "- Lưu chi bộ.")
    own = Unit.from_dict(
        {**CHI_BO.to_dict(), "recipients": ["- Đảng ủy xã Tân Thượng (b/c);", "Đảng viên chi bộ"]}
    )
    rep = build_report([], unit=own, issued_on=DAY)
    assert rep.recipients == (
        "- Đảng ủy xã Tân Thượng (b/c),",
        "- Đảng viên chi bộ,",
        "- Lưu chi bộ.",
    )


def test_signable_report_takes_every_field_and_lists_what_remains() -> None:
    unit = DANG_BO
    rep = build_report([make_session(unit=CHI_BO)], unit=unit, issued_on=DAY)
    before = remaining_blanks(rep, unit)
    assert "số văn bản (--number)" in before and "họ tên người ký (--signer-name)" in before
    assert any("--narrative situation" in b for b in before)
    details = ReportDetails(
        number="7",
        signer_name="Ka  Điểu",
        signer_position="Phó Bí thư",
        recipients=("Ban Thường vụ Huyện ủy (b/c)", "Lưu VP"),
        narrative=tuple((k, f"Nội dung {k}.") for k in
                        ("situation", "leadership", "strengths", "weaknesses", "proposals")),
    )  # fmt: skip
    done = apply_details(rep, unit, details, DocSettings())
    assert remaining_blanks(done, unit) == []
    _header, signing = docx_text(render_report_docx(done))
    doc = Document(io.BytesIO(render_report_docx(done)))
    assert doc.tables[0].rows[1].cells[0].text == "Số 07-BC/ĐU"
    assert [p for p in signing if p.startswith(("T/M", "PHÓ"))] == ["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"]
    assert "Ka Điểu" in signing and "- Lưu VP." in signing
    body = "\n".join(p.text for p in doc.paragraphs)
    # Given text fills the blanks; parts the sessions already wrote stay as written.
    assert "Nội dung situation." in body and "Nội dung leadership." in body
    assert "[Đơn vị bổ sung" not in body
    md = render_report_md(done)
    assert "Số 07-BC/ĐU" in md and "Nội dung situation." in md and "Đơn vị bổ sung" not in md


def test_unit_without_roster_is_completed_from_details() -> None:
    bare = Unit(name="Chi bộ thôn 9")
    assert {"cấp trên trực tiếp (--parent)", "địa danh ở dòng ngày tháng (--locality)"} <= set(
        remaining_blanks(build_report([], unit=bare, issued_on=DAY), bare)
    )
    unit = unit_with(bare, ReportDetails(parent=DANG_BO.name, locality="Tân Thượng", abbrev="CB"))
    rep = build_report([], unit=unit, issued_on=DAY)
    assert rep.header.left[0].text == "ĐẢNG BỘ XÃ TÂN THƯỢNG"
    assert rep.header.place_date.startswith("Tân Thượng, ngày 03")
    assert rep.header.number.endswith("-BC/CB")


def test_hoi_report_says_hoi_vien_and_signs_tm_with_post_and_name() -> None:
    chair = Person(id="c1", name="Nguyễn Văn Hùng", position="Chủ tịch Hội")
    session = make_session(unit=HOI)
    session = session.with_changes(
        people=(chair, *session.people), roles=Roles(chair="c1", secretary=session.roles.secretary)
    )
    rep = build_report([session], unit=HOI, issued_on=DAY)
    _, signing = docx_text(render_report_docx(rep))
    assert "TM. BAN CHẤP HÀNH" in signing and "CHỦ TỊCH HỘI" in signing
    assert "Nguyễn Văn Hùng" in signing
    assert signing[1:3] == ["- Thường trực Hội Cựu chiến binh huyện Di Linh (b/c);", "- Lưu: VT."]
    assert "hội viên" in rep.text and "thành viên" not in rep.text
    assert "Tổng số HV" in rep.table_header


def run(data: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data), *args])


def test_cli_warns_without_roster_and_about_a_hoi_on_the_party_profile(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # A session of the unit is stored (a unit the store does not know is refused).
    Store(data).put_session(make_session(unit=Unit(name="Hội Nông dân xã A")))
    result = run(data, "report", "--unit", "Hội Nông dân xã A", "--format", "md",
                 "-o", str(tmp_path / "a.md"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Chưa có danh sách" in result.stderr and "--parent" in result.stderr
    assert "thể thức văn bản của Đảng" in result.stderr
    assert "Báo cáo còn để trống" in result.stderr
    assert "chỗ trống phải điền tay" in result.stdout
    # The list of blanks is printed once, on stderr; stdout only counts them.
    first_blank = result.stderr.split("cần bổ sung trước khi ký: ")[1].split(";")[0]
    assert first_blank and first_blank not in result.stdout
    assert result.stderr.count(first_blank) == 1


def test_cli_signable_report_has_no_blanks_left(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session = make_session()
    Store(data).put_session(session)
    out = tmp_path / "bc.docx"
    narrative = [a for k in ("situation", "leadership", "strengths", "weaknesses", "proposals")
                 for a in ("--narrative", f"{k}=Đã viết {k}")]  # fmt: skip
    result = run(
        data, "report", "--unit", session.unit.name, "-o", str(out), "--number", "3",
        "--signer-name", "Nguyễn Văn An", "--signer-position", "Bí thư",
        "--parent", "Đảng bộ xã Di Linh", "--locality", "Di Linh", "--abbrev", "CB", *narrative,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "để trống" not in result.stderr and "chỗ trống" not in result.stdout
    doc = Document(str(out))
    assert doc.tables[0].rows[1].cells[0].text == "Số 03-BC/CB"
    bad = run(data, "report", "--unit", session.unit.name, "--narrative", "x=y",
              "-o", str(tmp_path / "b.md"))  # fmt: skip
    assert bad.exit_code == 2 and "PHẦN=NỘI DUNG" in bad.stderr
