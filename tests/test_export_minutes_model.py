"""Minutes export, the model: the derived counts and wording of every line, the agenda and its
conclusions, dates, blanks, signers and profiles, and the Markdown golden files.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime

from builders import EXPECTED, ICT, PRESENTER_SECRET, make_session
from minutes_helpers import (
    HCCB,
    check_golden,
    docx_bytes_fixture,  # noqa: F401  (the ``docx_bytes`` fixture)
    session_fixture,  # noqa: F401  (the ``session`` fixture)
)

from facilitator.domain.models import Vote
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.export.settings import DocSettings

# -- model --------------------------------------------------------------------------------


def test_counts_are_derived_from_roster_and_attendance(session) -> None:
    counts = build_minutes(session).counts
    for field, value in EXPECTED.items():
        actual = counts.expected if field == "expected" else getattr(counts, field)
        assert actual == value, field


def test_minutes_text_has_every_derived_line(session) -> None:
    text = build_minutes(session).text
    assert "- Thời gian: bắt đầu lúc 07 giờ 30 phút, ngày 10 tháng 5 năm 2024." in text
    assert "- Địa điểm: Hội trường Ủy ban nhân dân xã." in text
    assert "Đại biểu dự: đồng chí Ngô Thị Lan – Phó Bí thư Đảng ủy xã." in text
    assert "Chủ trì: đồng chí Nguyễn Văn An – Bí thư chi bộ." in text
    assert "Thư ký: đồng chí Trần Thị Bình." in text
    assert (
        "Tổng số đảng viên: 26 đồng chí (chính thức 25, dự bị 1; miễn sinh hoạt 1; "
        "sinh hoạt tạm thời 1)." in text
    )
    assert "Có mặt: 23 đồng chí (chính thức 22, dự bị 1)" in text
    assert "1. Đồng chí Hoàng Văn Em – Đi công tác." in text
    assert "- Vắng không có lý do: 1 đồng chí:\n1. Đồng chí Vũ Thị Giang." in text
    assert "Quần chúng dự: 1 người; khách mời dự: 1 người." in text
    assert "tán thành 22/23 đồng chí (95,65%); không tán thành 1; ý kiến khác 0." in text
    assert "Kết quả: được thông qua" in text
    assert "Biên bản đã được thông qua trước chi bộ, 23/23 đồng chí tán thành (100%)." in text
    assert "Cuộc họp kết thúc lúc 10 giờ 05 phút cùng ngày." in text


def test_agenda_discussion_and_conclusions(session) -> None:
    text = build_minutes(session).text
    assert "2. Gốc vững: lợi ích quốc gia – dân tộc (đồng chí Lê Văn Cường trình bày)." in text
    assert "Đồng chí Lê Văn Cường trình bày." in text
    assert "- Đồng chí Phạm Thị Dung: Cần liên hệ thực tiễn địa phương." in text
    assert "- Đồng chí Bùi Thị Hoa hỏi: Vận dụng vào công tác dân vận thế nào?" in text
    assert "- Đồng chí Lê Văn Cường trả lời: Bắt đầu từ việc lắng nghe dân." in text
    # No speaker: no name prefix.
    assert "- Đề xuất: Tổ chức thêm buổi trao đổi ở thôn." in text
    assert "Đồng chí chủ trì kết luận: Chi bộ thống nhất cao với nội dung trình bày." in text
    assert "Giao chi ủy xây dựng kế hoạch." in text
    assert "Chi bộ thống nhất nội dung học tập." in text
    # A skipped item with nothing recorded is not part of the agenda as held.
    assert "Chiếu phim tư liệu" not in text


def test_a_skipped_item_with_recorded_notes_keeps_them(session) -> None:
    """What the secretary recorded is never dropped, even if the item was later skipped."""
    from facilitator.domain.models import Note

    note = Note(
        "n9",
        "phim",
        datetime(2024, 5, 10, 8, 30, tzinfo=ICT),
        "Đề nghị chiếu vào buổi sau",
        "proposal",
        "p01",
    )
    text = build_minutes(session.with_changes(notes=(*session.notes, note))).text
    assert "Chiếu phim tư liệu" in text
    assert "Đề nghị chiếu vào buổi sau" in text


def test_presenter_notes_and_escape_sequences_never_appear(session, docx_bytes) -> None:
    md = render_minutes_md(build_minutes(session))
    assert PRESENTER_SECRET not in md
    assert "Nội dung bài giảng" not in md  # the pack's presentation text either
    assert "\x1b" not in md and "[31m" not in md
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
    assert "GHI CHÚ RIÊNG" not in xml
    assert "\x1b" not in xml and "[31m" not in xml
    assert "Ý kiến đỏ *nhấn mạnh*." in xml


def test_dates_are_zero_padded_only_where_hd36_says() -> None:
    feb = make_session(started_at=datetime(2024, 2, 5, 14, 0, tzinfo=ICT), ended_at=None)
    minutes = build_minutes(feb)
    assert minutes.header.place_date == "Di Linh, ngày 05 tháng 02 năm 2024"
    assert "bắt đầu lúc 14 giờ 00 phút, ngày 05 tháng 02 năm 2024." in minutes.text
    apr = make_session(started_at=datetime(2024, 4, 24, 7, 5, tzinfo=ICT), ended_at=None)
    assert build_minutes(apr).header.place_date == "Di Linh, ngày 24 tháng 4 năm 2024"


def test_missing_end_time_approval_and_number_are_marked_blanks() -> None:
    minutes = build_minutes(make_session(ended_at=None, approved=None, number=""))
    fills = [b.text for b in minutes.body if b.kind == "fill"]
    assert any("Cuộc họp kết thúc lúc …… giờ …… phút" in f for f in fills)
    assert any(f.startswith("[Chưa thông qua") for f in fills)
    assert minutes.header.number == "Số    -BB/CB"


def test_meeting_past_midnight_names_the_end_date() -> None:
    late = make_session(ended_at=datetime(2024, 5, 11, 0, 15, tzinfo=ICT))
    assert "kết thúc lúc 00 giờ 15 phút, ngày 11 tháng 5 năm 2024." in build_minutes(late).text


def test_failed_vote_is_reported_as_not_passed() -> None:
    minutes = build_minutes(make_session(votes=(Vote("ket-luan", "Đề án A", 11, 12, 0, 23),)))
    assert "Đề án A: tán thành 11/23 đồng chí (47,83%); không tán thành 12" in minutes.text
    assert "Kết quả: không được thông qua" in minutes.text


def test_signer_styles() -> None:
    chair = build_minutes(make_session()).signatures
    assert [line.text for line in chair[0].lines] == ["THƯ KÝ"]
    assert chair[0].name == "Trần Thị Bình"
    assert [line.text for line in chair[1].lines] == ["CHỦ TRÌ"]
    assert chair[1].name == "Nguyễn Văn An"
    tm = build_minutes(make_session(), DocSettings(signer="tm")).signatures[1]
    assert [line.text for line in tm.lines] == ["T/M CHI BỘ", "BÍ THƯ"]


def test_state_profile_header_and_signer() -> None:
    session = make_session(unit=HCCB, number="", approved=None)
    minutes = build_minutes(session, DocSettings(signer="tm", signer_title="Chi hội trưởng"))
    assert [line.text for line in minutes.header.right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert minutes.header.right[1].rule_below
    assert "*" not in [line.text for line in minutes.header.left]
    assert minutes.header.number == "Số:    /BB-CHCCB"
    assert [line.text for line in minutes.signatures[1].lines] == [
        "TM. CHI HỘI",  # #10.9: the chi hội signs as such, its post below
        "CHI HỘI TRƯỞNG",
    ]
    assert "thông qua trước hội nghị" in minutes.text


def test_mass_organisation_counts_members_not_party_members() -> None:
    """A Hội CCB chi hội has hội viên (#10.9), not đảng viên; no chính thức/dự bị split when
    nobody is probationary."""
    session = make_session(unit=HCCB)
    people = tuple(
        replace(p, category="chinh-thuc") if p.category == "du-bi" else p for p in session.people
    )
    minutes = build_minutes(session.with_changes(people=people))
    assert "Tổng số hội viên:" in minutes.text
    assert "đảng viên" not in minutes.text
    assert "dự bị" not in minutes.text
    assert "trên một nửa số hội viên có quyền biểu quyết" in minutes.text


# -- Markdown golden files ------------------------------------------------------------------


def test_minutes_markdown_golden(session) -> None:
    check_golden("minutes_party.md", render_minutes_md(build_minutes(session)))


def test_minutes_markdown_golden_state_unapproved() -> None:
    vote = Vote("ket-luan", "Thông qua kế hoạch hành động", 6, 1, 0, 7)  # 7 entitled (filler=2)
    session = make_session(
        unit=HCCB, number="", approved=None, ended_at=None, filler=2, votes=(vote,)
    )
    minutes = build_minutes(session, DocSettings(signer="tm", signer_title="Chi hội trưởng"))
    check_golden("minutes_state.md", render_minutes_md(minutes))


def test_a_skipped_item_with_a_conclusion_keeps_it(session) -> None:
    from dataclasses import replace as _replace

    agenda = tuple(
        _replace(i, conclusion="Giao đồng chí Cường rà soát danh sách.") if i.id == "phim" else i
        for i in session.agenda
    )
    text = build_minutes(session.with_changes(agenda=agenda)).text
    assert "Giao đồng chí Cường rà soát danh sách." in text
