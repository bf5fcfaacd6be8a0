"""Vietnamese wording of the presenter's script (kịch bản điều hành).

The chair's procedural lines are the app's own wording, not the pack's: they read the
same whatever pack is used, and a blank ("……", "…/…") marks what the chair fills in on
the day (the live attendance count, the vote, the closing time).
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.export.wording.minutes import COMRADE, FILL_DOTS, member_noun

DOC_TYPE = "KỊCH BẢN ĐIỀU HÀNH"
BLANK = FILL_DOTS * 3
SHORT_BLANK = "…"
COUNT_BLANK = "…/…"
CLOCK_BLANK = "…… giờ …… phút"
DATE_BLANK = "ngày …… tháng …… năm ……"

LABEL_UNIT = "Đơn vị"
LABEL_TIME = "Thời gian"
LABEL_PLACE = "Địa điểm"
LABEL_CHAIR = "Chủ trì"
LABEL_SECRETARY = "Thư ký"
LABEL_PRESENTER = "Báo cáo viên"
LABEL_SOURCES = "Tài liệu sinh hoạt"

SECTION_AGENDA = "I. CHƯƠNG TRÌNH VÀ THỜI GIAN DỰ KIẾN"
SECTION_ITEMS = "II. DIỄN BIẾN TỪNG NỘI DUNG"
AGENDA_COLUMNS = ("TT", "Thời gian", "Nội dung", "Phút", "Người thực hiện")
FRAMING_TITLE = "Ghi chú bên lề: cách nhìn xuyên suốt"
LENS_NOTE = "Cách nhìn"
CHAIR_LINES = "Lời chủ trì:"
POINTS = "Nội dung chính:"
QUESTIONS = "Câu hỏi gợi ý thảo luận:"
PRESENTER_NOTES = "Ghi chú riêng của báo cáo viên (không đọc to):"
ROLE_CHAIR = "Chủ trì"
ROLE_PRESENTER = "Báo cáo viên"
OFFSET_NOTE = "Chưa có giờ bắt đầu: cột thời gian tính bằng phút kể từ lúc khai mạc."

MEETING_NOUNS = {
    "chuyen-de": "buổi sinh hoạt chuyên đề",
    "thuong-ky": "buổi sinh hoạt thường kỳ",
    "hoi-nghi": "hội nghị",
}
DEFAULT_MEETING_NOUN = "buổi sinh hoạt"


def total_line(minutes: int, end: str | None) -> str:
    """ "Tổng thời gian dự kiến: 110 phút, kết thúc lúc 09 giờ 20 phút." """
    tail = f", kết thúc lúc {end}" if end else ""
    return f"Tổng thời gian dự kiến: {minutes} phút{tail}."


def item_heading(number: int, title: str, time: str, minutes: int) -> str:
    """ "3. Điểm danh, báo cáo số lượng (07:37 – 07:40, 3 phút)"."""
    return f"{number}. {title} ({time}, {minutes} phút)"


def leader_line(role: str, name: str | None) -> str:
    """ "Người thực hiện: Chủ trì – đồng chí Nguyễn Văn An"."""
    who = f"{role} – {COMRADE} {name}" if name else role
    return f"Người thực hiện: {who}."


def leader_cell(role: str, name: str | None) -> str:
    return f"{role}: {name}" if name else role


def offset(start: int, end: int) -> str:
    """Minutes from the opening, when no start time is known: "0′ – 5′"."""
    return f"{start}′ – {end}′"


# --- The chair's procedural lines ----------------------------------------------------------


def greeting(has_guests: bool) -> str:
    if has_guests:
        return "Kính thưa các đồng chí đại biểu! Thưa toàn thể các đồng chí!"
    return "Thưa toàn thể các đồng chí!"


def opening(source: str, day: str, place: str, unit: str, noun: str, title: str) -> str:
    """The reason for the meeting (tuyên bố lý do)."""
    basis = f"Thực hiện {source}, h" if source else "H"
    return (
        f"{basis}ôm nay, {day}, tại {place or BLANK}, {unit or BLANK} tổ chức {noun} "
        f"với nội dung: {title}."
    )


def opening_declared(noun: str) -> str:
    return f"Tôi xin tuyên bố khai mạc {noun}."


GUESTS_INTRO = "Đến dự buổi sinh hoạt hôm nay, tôi xin trân trọng giới thiệu:"
GUEST_BLANK = f"{COMRADE} {BLANK} – {BLANK}"
GUESTS_THANKS = "Xin trân trọng cảm ơn sự có mặt của các đồng chí đại biểu."


def presenter_introduced(who: str) -> str:
    return f"Cùng dự và trình bày nội dung sinh hoạt có {who}, báo cáo viên."


def attendance_total(total: int | None, *, is_party: bool) -> str:
    count = str(total) if total else BLANK
    return f"Tổng số {member_noun(is_party)} của đơn vị: {count} {COMRADE}."


def attendance_live(*, is_party: bool) -> str:
    """The live count, left blank: the chair reads it off the attendance screen."""
    return (
        f"Có mặt: {COUNT_BLANK} {COMRADE} (có mặt / {member_noun(is_party)} phải dự); vắng "
        f"mặt: {SHORT_BLANK} {COMRADE} (có lý do: {SHORT_BLANK}; không có lý do: {SHORT_BLANK})."
    )


ATTENDANCE_QUORUM = (
    "Số có mặt (đủ / chưa đủ) hai phần ba theo quy định; buổi sinh hoạt (đủ / chưa đủ) "
    "điều kiện tiến hành."
)


def secretary_proposed(who: str) -> str:
    return f"Để ghi biên bản buổi sinh hoạt, chủ trì đề nghị {who} làm thư ký."


def show_of_hands(subject: str) -> str:
    return (
        f"Đồng chí nào nhất trí {subject}, xin biểu quyết bằng hình thức giơ tay. "
        f"Kết quả: {COUNT_BLANK} {COMRADE} tán thành."
    )


SECRETARY_SUBJECT = "với đề nghị trên"
AGENDA_INTRO = "Chương trình buổi sinh hoạt gồm các nội dung sau:"
AGENDA_SUBJECT = "với chương trình"


def agenda_entry(title: str, time: str) -> str:
    return f"{title} ({time})."


def presentation_handover(who: str, title: str) -> str:
    return f"Sau đây, xin mời {who} trình bày nội dung “{title}”."


DISCUSSION_INVITED = (
    "Xin mời các đồng chí đăng ký phát biểu, thảo luận; mỗi ý kiến nêu ngắn gọn, đúng trọng tâm."
)
CONCLUSION_LEAD = "Thay mặt chủ trì, tôi xin tổng hợp ý kiến và kết luận như sau:"
VOTE_SUBJECT = "thông qua nội dung trên"


def closing_done(noun: str) -> str:
    return f"Thưa các đồng chí, {noun} đã hoàn thành chương trình đề ra."


def closing_thanks(guests: bool, presenters: Sequence[str]) -> str:
    """Thanks to the guests (if any), the named presenters and everyone present."""
    thanked = (["các đồng chí đại biểu"] if guests else []) + [
        f"{COMRADE} {name} (báo cáo viên)" for name in presenters
    ]
    thanked.append("toàn thể các đồng chí")
    return f"Xin trân trọng cảm ơn {', '.join(thanked)} đã tham dự."


def closing_declared(noun: str) -> str:
    return f"Tôi xin tuyên bố bế mạc {noun}. {noun.capitalize()} kết thúc lúc {CLOCK_BLANK}."


def file_stem(day: str, title: str) -> str:
    return f"kich-ban {day} {title}"


# --- facilitator content script ---------------------------------------------------------

CLI_HELP = (
    "In kịch bản điều hành (chủ trì, báo cáo viên) từ một gói nội dung, trước khi có buổi "
    "sinh hoạt: GÓI là tệp .md hoặc mã gói (ví dụ cay-tre). Giờ từng mục tính từ --start; "
    "không có --start thì tính bằng phút kể từ lúc khai mạc. Buổi đã chuẩn bị thì dùng "
    "facilitator export MÃ_BUỔI --format script."
)
CLI_FORMAT_HELP = "script: Word (.docx), script-md: Markdown."
CLI_START_HELP = "Ngày giờ bắt đầu dự kiến, theo mẫu 24/04/2024 08:00."
CLI_UNIT_HELP = "Tên đơn vị (như đã nhập danh sách: lấy cả tổng số đảng viên)."
CLI_PLACE_HELP = "Địa điểm sinh hoạt."
PACK_METAVAR = "GÓI"
START_METAVAR = "NGÀY_GIỜ"
UNIT_METAVAR = "ĐƠN_VỊ"
PLACE_METAVAR = "ĐỊA_ĐIỂM"


def pack_not_found(name: str, folders: Sequence[str]) -> str:
    return (
        f"Không tìm thấy gói nội dung «{name}»: không phải tệp, cũng không phải mã gói nào "
        f"trong {', '.join(folders)}."
    )
