"""Vietnamese wording of the official documents (biên bản, báo cáo) and of export errors.

Document wording follows vietnamese-formats.md §1–§3 and §5.3. Small format functions
take already-formatted pieces (names, ``format_percent`` output...) so no number is
formatted here twice.
"""

from __future__ import annotations

from collections.abc import Sequence

# --- Header (HD 36 for Party bodies, NĐ 30/2020 for state bodies and mass organisations) --

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_SEPARATOR = "*"
PARTY_NUMBER_PREFIX = "Số "  # HD 36: no colon
STATE_NUMBER_PREFIX = "Số: "  # NĐ 30: with colon
BLANK_NUMBER = "   "  # with the prefix space: "Số    -BB/CB"; the văn thư fills it in
PARTY_SIGNER_PREFIX = "T/M"
STATE_SIGNER_PREFIX = "TM."
DEFAULT_PARTY_SIGNER_BODY = "CHI BỘ"
PARTY_COMMITTEE_SIGNER_BODY = "ĐẢNG ỦY"  # a đảng bộ's documents are issued by its đảng ủy
DEFAULT_PARTY_SIGNER_TITLE = "BÍ THƯ"
CHAIR_SIGNER = "CHỦ TRÌ"
SECRETARY_SIGNER = "THƯ KÝ"
SIGNATURE_HINT = "(Ký, ghi rõ họ tên)"
SUBJECT_SEPARATOR = "-----"

# Document-type symbols in "Số 05-BB/CB" and "Số 03-BC/CB".
DOC_CODE_MINUTES = "BB"
DOC_CODE_REPORT = "BC"

# --- Minutes (biên bản) ------------------------------------------------------------------

MINUTES_TYPE = "BIÊN BẢN"
COMRADE = "đồng chí"
COMRADE_CAP = "Đồng chí"
FILL_DOTS = "……"
MINUTES_MEETING_NOUN = {"hoi-nghi": "Hội nghị"}
DEFAULT_MEETING_NOUN = "Cuộc họp"
SECTION_CONTENT = "I. NỘI DUNG"
SECTION_PROCEEDINGS = "II. DIỄN BIẾN"
SECTION_CONCLUSION = "III. KẾT LUẬN CỦA CHỦ TRÌ"
SECTION_VOTES = "IV. BIỂU QUYẾT"
PARTICIPANTS = "Thành phần:"
DOCUMENTS_STUDIED = "Tài liệu nghiên cứu, quán triệt:"
AGENDA_HELD = "Chương trình sinh hoạt:"
DISCUSSION = "Ý kiến thảo luận:"
NO_AGENDA = "(Chưa ghi nội dung sinh hoạt.)"
NO_PROCEEDINGS = "(Chưa ghi diễn biến của buổi sinh hoạt.)"
CONCLUSION_BLANK = "[Chủ trì bổ sung kết luận] " + FILL_DOTS * 6
NOTE_VERBS = {"question": "hỏi", "answer": "trả lời", "proposal": "đề xuất", "opinion": ""}
NOTE_LABELS_NO_SPEAKER = {
    "question": "Câu hỏi",
    "answer": "Trả lời",
    "proposal": "Đề xuất",
    "opinion": "",
}


def time_line(clock: str, day: str) -> str:
    """ "Thời gian: bắt đầu lúc 07 giờ 30 phút, ngày 10 tháng 5 năm 2024." """
    return f"Thời gian: bắt đầu lúc {clock}, {day}."


def place_line(place: str) -> str:
    return f"Địa điểm: {place or FILL_DOTS * 4}."


def person_with_position(name: str, position: str) -> str:
    """ "đồng chí Nguyễn Văn An – Bí thư chi bộ" (the en dash of §5.3)."""
    return f"{COMRADE} {name} – {position}" if position else f"{COMRADE} {name}"


def guests_line(guests: Sequence[str]) -> str:
    return f"Đại biểu dự: {'; '.join(guests)}."


def chair_line(who: str) -> str:
    return f"Chủ trì: {who}."


def secretary_line(who: str) -> str:
    return f"Thư ký: {who}."


def role_missing() -> str:
    return f"{COMRADE} {FILL_DOTS * 3}"


def member_noun(is_party: bool) -> str:
    """Who the roll counts: Party members, or the members of a mass organisation/body."""
    # Mass organisations (Hội CCB, Hội Nông dân…) count "hội viên" (#10.9).
    return "đảng viên" if is_party else "hội viên"


def total_members_line(
    total: int,
    official: int,
    probationary: int,
    exempt: int,
    temp_in: int,
    temp_out: int,
    *,
    is_party: bool = True,
) -> str:
    """ "Tổng số đảng viên: 25 đồng chí (chính thức 22, dự bị 3; miễn sinh hoạt 1; …)." """
    parts = [f"chính thức {official}, dự bị {probationary}"] if is_party or probationary else []
    parts.append(f"miễn sinh hoạt {exempt}")
    if is_party or temp_in:
        parts.append(f"sinh hoạt tạm thời {temp_in}")
    if temp_out:
        parts.append(f"sinh hoạt tạm thời nơi khác {temp_out}")
    return f"Tổng số {member_noun(is_party)}: {total} {COMRADE} ({'; '.join(parts)})."


def present_line(
    present: int,
    official: int,
    probationary: int,
    late: int,
    *,
    is_party: bool = True,
    latecomers: Sequence[tuple[str, str | None]] = (),
    left_early: Sequence[tuple[str, str | None]] = (),
) -> str:
    """ "Có mặt: 20 đồng chí (…); trong đó đến muộn 1 đồng chí (đồng chí Lê Văn Cường, đến
    lúc 07 giờ 45 phút); về sớm 1 đồng chí (…)." ``latecomers`` and ``left_early`` are
    (name, formatted clock or ``None``) pairs in roster order."""
    text = f"Có mặt: {present} {COMRADE}"
    if is_party or probationary:
        text += f" (chính thức {official}, dự bị {probationary})"
    if late:
        text += f"; trong đó đến muộn {late} {COMRADE}" + _timed(latecomers, "đến lúc")
    if left_early:
        text += f"; về sớm {len(left_early)} {COMRADE}" + _timed(left_early, "về lúc")
    return text + "."


def _timed(people: Sequence[tuple[str, str | None]], verb: str) -> str:
    """ " (đồng chí A, đến lúc 07 giờ 45 phút; đồng chí B)" or "" when nobody is named."""
    if not people:
        return ""
    parts = [
        f"{COMRADE} {name}, {verb} {clock}" if clock else f"{COMRADE} {name}"
        for name, clock in people
    ]
    return f" ({'; '.join(parts)})"


def absent_line(count: int) -> str:
    return f"Vắng mặt: {count} {COMRADE}" + (", trong đó:" if count else ".")


def excused_line(count: int) -> str:
    return f"Vắng có lý do: {count} {COMRADE}" + (":" if count else ".")


def excused_person(name: str, reason: str) -> str:
    return f"{COMRADE_CAP} {name} – {reason}." if reason else f"{COMRADE_CAP} {name}."


def unexcused_line(count: int) -> str:
    """Heading of the numbered list of unexcused absentees (numbered like the excused)."""
    return f"Vắng không có lý do: {count} {COMRADE}" + (":" if count else ".")


def unexcused_person(name: str) -> str:
    return f"{COMRADE_CAP} {name}."


def below_quorum_line(present: int, expected: int, percent: str, *, is_party: bool = True) -> str:
    """The attendance against the two-thirds rule, stated (never a blank to fill)."""
    return (
        f"Số {member_noun(is_party)} có mặt {present}/{expected} ({percent}), "
        "chưa đủ hai phần ba theo quy định."
    )


ROLE_CHAIR = "chủ trì"
ROLE_SECRETARY = "thư ký"


def minutes_nobody_present(*, is_party: bool = True) -> str:
    return (
        f"Không xuất biên bản: không có {member_noun(is_party)} nào có mặt, nên buổi họp không "
        "diễn ra. Kiểm tra lại điểm danh; nếu buổi họp đã diễn ra, hãy đánh dấu người có mặt."
    )


def minutes_signer_absent(role: str, name: str) -> str:
    return (
        f"Không xuất biên bản: đồng chí {name} được phân công làm {role} nhưng điểm danh là "
        f"vắng mặt, nên không thể ký biên bản. Hãy chọn {role} khác trong số người có mặt, "
        "hoặc sửa lại điểm danh."
    )


def exempt_absent_line(count: int) -> str:
    return f"Miễn sinh hoạt, không dự: {count} {COMRADE}."


def unmarked_line(names: Sequence[str]) -> str:
    return f"[Chưa điểm danh – cần bổ sung] {len(names)} {COMRADE}: {', '.join(names)}."


def others_line(non_members: int, guests: int) -> str:
    return f"Quần chúng dự: {non_members} người; khách mời dự: {guests} người."


def presenter_line(names: Sequence[str]) -> str:
    joined = ", ".join(f"{COMRADE} {n}" for n in names)
    return f"{joined[0].upper()}{joined[1:]} trình bày."


def item_voted_line(question: str) -> str:
    """Under a voted item in DIỄN BIẾN; the counts are in IV. BIỂU QUYẾT."""
    return f"Biểu quyết: {question} (kết quả tại mục IV)."


def agenda_entry(title: str, presenters: Sequence[str]) -> str:
    if not presenters:
        return title
    return f"{title} ({', '.join(f'{COMRADE} {n}' for n in presenters)} trình bày)"


def discussion_line(speaker: str | None, kind: str, text: str) -> str:
    """ "Đồng chí Nguyễn Văn An: …" / "Đồng chí Lê Hoa hỏi: …" / "Đề xuất: …"."""
    if speaker:
        verb = NOTE_VERBS.get(kind, "")
        lead = f"{COMRADE_CAP} {speaker}" + (f" {verb}" if verb else "")
    else:
        lead = NOTE_LABELS_NO_SPEAKER.get(kind, "")
    return f"{lead}: {text}" if lead else text


def item_conclusion_line(text: str) -> str:
    return f"Đồng chí chủ trì kết luận: {text}"


def vote_line(
    question: str, votes_for: int, base: int, percent: str, against: int, other: int
) -> str:
    """ "Thông qua …: tán thành 22/23 đồng chí (95,65%); không tán thành 1; ý kiến khác 0." """
    return (
        f"{question}: tán thành {votes_for}/{base} {COMRADE} ({percent}); "
        f"không tán thành {against}; ý kiến khác {other}."
    )


def vote_nobody_entitled(question: str, *, is_party: bool = True) -> str:
    """A vote where no member had the right to vote (only probationary members...)."""
    return (
        f"{question}: không có {member_noun(is_party)} nào có quyền biểu quyết, "
        "nên không có kết quả biểu quyết."
    )


def vote_result(passed: bool, *, is_party: bool = True) -> str:
    noun = member_noun(is_party)
    if passed:
        return f"Kết quả: được thông qua (trên một nửa số {noun} có quyền biểu quyết tán thành)."
    return f"Kết quả: không được thông qua (chưa được trên một nửa số {noun} có quyền biểu quyết tán thành)."


APPROVAL_BEFORE = {True: "chi bộ", False: "hội nghị"}  # keyed by "is a Party body"


def approval_line(votes_for: int, base: int, percent: str, before: str) -> str:
    return (
        f"Biên bản đã được thông qua trước {before}, {votes_for}/{base} {COMRADE} "
        f"tán thành ({percent})."
    )


def approval_blank(before: str) -> str:
    return (
        f"[Chưa thông qua – điền khi đọc lại biên bản] Biên bản đã được thông qua trước "
        f"{before}, {FILL_DOTS}/{FILL_DOTS} {COMRADE} tán thành ({FILL_DOTS}%)."
    )


def closing_line(noun: str, clock: str, day: str | None) -> str:
    """Same day: "… cùng ngày."; a meeting that ran past midnight names the date."""
    when = f"{clock}, {day}." if day else f"{clock} cùng ngày."
    return f"{noun} kết thúc lúc {when}"


def closing_blank(noun: str) -> str:
    return f"{noun} kết thúc lúc {FILL_DOTS} giờ {FILL_DOTS} phút cùng ngày."


# --- Report (báo cáo kết quả) -------------------------------------------------------------

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


# --- Files and errors --------------------------------------------------------------------


def file_exists(path: str) -> str:
    return f"Tệp {path} đã tồn tại; chọn tên khác hoặc cho phép ghi đè."


def write_failed(path: str, reason: str) -> str:
    return f"Không ghi được tệp {path}: {reason}."


DISK_FULL = "ổ đĩa đã đầy"
PERMISSION_DENIED = "không có quyền ghi vào thư mục này"
FILE_IN_USE = (
    "tệp đang được mở trong một chương trình khác (Word, Excel…); hãy đóng tệp đó rồi xuất lại, "
    "hoặc chọn tên khác"
)


def target_is_folder(path: str) -> str:
    return f"{path} là một thư mục; hãy chọn một tên tệp."


def target_not_regular(path: str) -> str:
    return f"{path} không phải tệp thông thường (thiết bị, đường ống…); hãy chọn một tệp khác."


def target_in_data_folder(path: str, folder: str) -> str:
    return (
        f"Không ghi {path}: đây là thư mục dữ liệu của facilitator ({folder}); ghi vào đó có thể "
        "làm hỏng buổi sinh hoạt đã lưu. Hãy chọn thư mục khác, ví dụ Tài liệu hoặc Desktop."
    )


FOLDER_MISSING = "thư mục không tồn tại"


def unknown_format(fmt: str, known: Sequence[str]) -> str:
    return f'Định dạng "{fmt}" không được hỗ trợ; chọn một trong: {", ".join(known)}.'


def bad_extension(ext: str) -> str:
    return f'Phần mở rộng tệp "{ext}" không hợp lệ.'


PDF_NO_CONVERTER = (
    "Không tạo được PDF: máy này chưa có LibreOffice (soffice). Hãy cài LibreOffice "
    "(miễn phí, libreoffice.org) rồi xuất lại, hoặc xuất DOCX, mở bằng Word và chọn "
    "Lưu thành PDF (Save as PDF)."
)


def pdf_timeout(seconds: int) -> str:
    return (
        f"Không tạo được PDF: LibreOffice chưa chuyển xong sau {seconds} giây. Hãy đóng các "
        "cửa sổ LibreOffice đang mở rồi thử lại, hoặc xuất DOCX và lưu thành PDF bằng Word."
    )


def pdf_failed(program: str, code: int | None) -> str:
    reason = f"dừng với mã lỗi {code}" if code is not None else "không chạy được"
    return (
        f"Không tạo được PDF: LibreOffice ({program}) {reason} mà không tạo ra tệp PDF. "
        "Hãy xuất DOCX rồi mở bằng LibreOffice hoặc Word để lưu thành PDF."
    )


LINE_SPACING_UNVERIFIED = (
    "Lưu ý: giãn dòng mặc định (đúng 18 pt) chưa được đối chiếu với văn bản gốc "
    "Hướng dẫn 36-HD/VPTW; có thể đổi bằng tùy chọn --line-spacing (0 = giãn dòng đơn)."
)


def report_table_header(is_party: bool = True) -> tuple[str, ...]:
    short = "ĐV" if is_party else "HV"
    return tuple(cell.replace("{m}", short) for cell in REPORT_TABLE_HEADER)
