"""Wording of the result report (báo cáo kết quả) and its statistics table:
vietnamese-formats.md §3 and §5.3.

Small format functions take already-formatted pieces, so no number is formatted twice.
Legal document wording: never translated.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.export.wording.minutes import COMRADE, FILL_DOTS, member_noun

REPORT_TYPE = "BÁO CÁO"
DEFAULT_REPORT_SUBJECT = "kết quả tổ chức sinh hoạt chính trị, tư tưởng"
REPORT_SECTION_SITUATION = "I. ĐẶC ĐIỂM TÌNH HÌNH"
REPORT_SECTION_LEADERSHIP = "II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN"
REPORT_SECTION_RESULTS = "III. KẾT QUẢ"
REPORT_SECTION_ASSESSMENT = "IV. ĐÁNH GIÁ CHUNG"
REPORT_SECTION_PROPOSALS = "V. ĐỀ XUẤT, KIẾN NGHỊ"
REPORT_SUB_SESSIONS = "1. Số buổi đã tổ chức"
REPORT_SUB_PARTICIPATION = "2. Thành phần, số lượng"
REPORT_SUB_CONTENT = "3. Nội dung đã quán triệt; báo cáo viên"
REPORT_SUB_DISCUSSION = "4. Thảo luận; tình hình tư tưởng"
REPORT_SUB_REFLECTIONS = "5. Bài thu hoạch"
REPORT_SUB_STRENGTHS = "1. Ưu điểm"
REPORT_SUB_WEAKNESSES = "2. Hạn chế, nguyên nhân"
REPORT_QUESTIONS = "Câu hỏi, băn khoăn:"


def report_proposals_raised(is_party: bool = True) -> str:
    return f"Đề xuất, kiến nghị của {member_noun(is_party)}:"


REPORT_OPINIONS = "Ý kiến thảo luận tiêu biểu:"
REPORT_NO_SESSIONS = "Không có buổi sinh hoạt nào trong kỳ báo cáo."
REPORT_TABLE_TITLE = "PHỤ LỤC: BIỂU THỐNG KÊ"
REPORT_TOTAL_ROW = "Tổng cộng"
RECIPIENTS_LABEL = "Nơi nhận:"
XLSX_SHEET_NAME = "Thống kê"


def xlsx_attached_to(doc_type: str, subject: str) -> str:
    """ "(Kèm theo Báo cáo kết quả tổ chức …)" under the sheet's title."""
    return f"(Kèm theo {doc_type.capitalize()} {subject})"


# "{m}" is the member abbreviation: ĐV (đảng viên) or HV (hội viên).
REPORT_TABLE_HEADER = (
    "TT",
    "Đơn vị",
    "Số buổi",
    "Tổng số {m}",
    "{m} miễn SH",
    "{m} phải tham gia",
    "{m} tham gia",
    "Tỷ lệ %",
    "Vắng có lý do",
    "Vắng không lý do",
    "Học bù",
    "Quần chúng / hội viên",
    "Số bài thu hoạch",
    "Tốt",
    "Khá",
    "Đạt",
    "Không đạt",
    "Ghi chú",
)


def narrative_blank(part: str) -> str:
    return f"[Đơn vị bổ sung {part}] {FILL_DOTS * 6}"


NARRATIVE_PARTS = {
    "strengths": "ưu điểm",
    "weaknesses": "hạn chế, nguyên nhân",
    "proposals": "đề xuất, kiến nghị",
}
LEADERSHIP_PART = "công tác lãnh đạo, chỉ đạo, chuẩn bị tài liệu, phân công báo cáo viên"
SITUATION_PART = "thuận lợi, khó khăn"


def report_period(start: str, end: str) -> str:
    return f" từ {start} đến {end}"


def report_intro(unit_name: str, directive: str | None = None) -> str:
    if directive:
        return f"Thực hiện {directive.rstrip('.')}, {unit_name} báo cáo kết quả như sau:"
    return f"{unit_name} báo cáo kết quả như sau:"


# Sources that are the upper level's instruction, opening the report ("Thực hiện …").
DIRECTIVE_PREFIXES = ("ke hoach", "huong dan", "cong van", "chi thi", "thong tri", "thong bao")


def report_members_line(
    total: int, official: int, probationary: int, exempt: int, *, is_party: bool = True
) -> str:
    split = f"chính thức {official}, dự bị {probationary}; " if is_party or probationary else ""
    return f"Tổng số {member_noun(is_party)}: {total} {COMRADE} ({split}miễn sinh hoạt {exempt})."


def report_units_line(units: int) -> str:
    return f"Số đơn vị có kết quả tổng hợp: {units}."


def report_sessions_line(count: int, makeup: int) -> str:
    extra = f", trong đó {makeup} buổi học bù" if makeup else ""
    return f"Số buổi đã tổ chức: {count}{extra}."


def report_dates_line(dates: Sequence[str]) -> str:
    return f"Thời gian tổ chức: {'; '.join(dates)}."


def report_date_range(first: str, last: str) -> str:
    return f"Thời gian tổ chức: từ {first} đến {last}."


def participation_line(present: str, expected: str, percent: str, *, is_party: bool = True) -> str:
    m = member_noun(is_party)
    return (
        f"{m.capitalize()} tham gia: {present}/{expected} {COMRADE}, đạt {percent} "
        f"(mẫu số {expected} là số lượt {m} phải tham gia: tổng số {m} trừ "
        f"{m} miễn sinh hoạt vắng mặt và {m} sinh hoạt tạm thời nơi khác, "
        f"cộng theo từng buổi; không tính buổi học bù)."
    )


def absences_line(total: str, excused: str, unexcused: str) -> str:
    return f"Vắng: {total} {COMRADE} (có lý do {excused}, không lý do {unexcused})."


def makeup_line(count: str, rate_after: str) -> str:
    return (
        f'Học bù: {count} {COMRADE} (buổi học bù là buổi có đánh dấu "makeup"); '
        f"tỷ lệ tham gia sau học bù: {rate_after}."
    )


def non_members_line(count: str) -> str:
    return f"Quần chúng, hội viên tham gia: {count} người."


def presenters_line(names: Sequence[str], more: int) -> str:
    text = "Báo cáo viên: " + "; ".join(names)
    if more:
        text += f"; và {more} đồng chí khác"
    return text + "."


def sources_line(sources: Sequence[str]) -> str:
    return "Tài liệu: " + "; ".join(sources) + "."


def notes_summary_line(opinions: str, questions: str, proposals: str) -> str:
    return (
        f"Tổng số ý kiến đã ghi: {opinions} ý kiến thảo luận, {questions} câu hỏi, "
        f"{proposals} đề xuất."
    )


def raised_item(text: str, unit_name: str) -> str:
    return f"{text} ({unit_name})"


def narrative_from(unit_name: str, text: str) -> str:
    return f"{unit_name}: {text}"


def more_items_line(count: str) -> str:
    return f"… và {count} ý kiến khác (xem biên bản của từng đơn vị)."


def reflections_line(submitted: str, present: str, percent: str, *, is_party: bool = True) -> str:
    noun = member_noun(is_party)
    return f"Số bài thu hoạch: {submitted}/{present} bài ({percent} số {noun} tham gia)."


def grades_line(parts: Sequence[tuple[str, str, str]]) -> str:
    """Parts are (label, count, percent): "Xếp loại: Tốt 10 (50%), Khá …"."""
    return "Xếp loại: " + ", ".join(f"{label} {n} ({pct})" for label, n, pct in parts) + "."


def ungraded_line(count: str) -> str:
    return f"Chưa xếp loại: {count} bài."


def report_closing(unit_name: str, subject: str) -> str:
    return f"Trên đây là báo cáo {subject} của {unit_name}."


def note_below_quorum(count: int) -> str:
    return f"{count} buổi dưới 2/3"


def note_unmarked(count: int) -> str:
    return f"{count} lượt chưa điểm danh"


def report_table_header(is_party: bool = True) -> tuple[str, ...]:
    short = "ĐV" if is_party else "HV"
    return tuple(cell.replace("{m}", short) for cell in REPORT_TABLE_HEADER)
