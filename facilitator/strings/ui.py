"""Vietnamese wording of the presenter's console (the Textual app).

Every label, key title, hint and message the console shows lives here; the command
titles and help lines feed the key bindings, the footer, the command palette and the
F1 help screen at once (see ``facilitator.ui.commands``).
"""

from __future__ import annotations

from facilitator.strings import campaign as campaign_text
from facilitator.strings import drafting as drafting_text
from facilitator.strings import rehearsal as rehearsal_text

# The run screen's and the assessment screen's words live beside this module; the
# screens read every word from here.
from facilitator.strings.ui_report import *  # noqa: F403
from facilitator.strings.ui_run import *  # noqa: F403

APP_TITLE = "Facilitator"
APP_SUBTITLE = "Điều hành sinh hoạt chính trị, tư tưởng"

# --- Command table: id -> (title shown in footer/palette/help, one-line help) ---------------

COMMANDS: dict[str, tuple[str, str]] = {
    "app.help": ("Trợ giúp", "Xem danh sách mọi phím tắt của chương trình."),
    "app.palette": ("Bảng lệnh", "Mở bảng lệnh: gõ vài chữ để tìm và chạy mọi thao tác."),
    "app.quit": ("Thoát", "Lưu mọi thứ và thoát chương trình."),
    "home.open": ("Mở buổi", "Mở tiếp buổi sinh hoạt đang chọn trong danh sách."),
    "home.new": (
        "Buổi mới",
        "Chuẩn bị một buổi sinh hoạt mới: đơn vị, gói nội dung, chương trình.",
    ),
    "home.refresh": ("Làm mới", "Đọc lại danh sách các buổi sinh hoạt đã lưu."),
    "home.all": ("Hiện tất cả", "Hiện mọi buổi đã lưu thay vì chỉ các buổi gần đây."),
    "home.report": (
        "Đánh giá, thu hoạch",
        "Mở buổi đang chọn để ghi đánh giá của chủ trì và bài thu hoạch (cả buổi đã kết thúc).",
    ),
    "prepare.save": (
        "Lưu, điểm danh",
        "Tạo buổi sinh hoạt với các thông tin đã nhập rồi chuyển sang điểm danh.",
    ),
    "prepare.up": ("Đưa mục lên", "Chuyển mục chương trình đang chọn lên trên một bậc."),
    "prepare.down": ("Đưa mục xuống", "Chuyển mục chương trình đang chọn xuống dưới một bậc."),
    "prepare.skip": ("Bỏ qua / giữ mục", "Đánh dấu bỏ qua mục đang chọn (bấm lần nữa để giữ lại)."),
    "prepare.more": ("Thêm phút", "Tăng thời lượng của mục đang chọn thêm 1 phút."),
    "prepare.less": ("Bớt phút", "Giảm thời lượng của mục đang chọn đi 1 phút."),
    "prepare.back": ("Quay lại", "Bỏ chuẩn bị, về danh sách buổi sinh hoạt."),
    "prepare.roster": (
        "Nhập danh sách",
        "Nhập danh sách đảng viên của một đơn vị từ tệp CSV hoặc Excel (.xlsx).",
    ),
    "attendance.present": ("Có mặt", "Đánh dấu người đang chọn có mặt."),
    "attendance.late": ("Đến muộn", "Đánh dấu người đang chọn đến muộn (ghi giờ đến)."),
    "attendance.excused": ("Vắng có lý do", "Đánh dấu vắng có lý do; chương trình hỏi lý do."),
    "attendance.absent": ("Vắng không lý do", "Đánh dấu vắng mặt không có lý do."),
    "attendance.exempt": ("Miễn SH, vắng", "Đảng viên được miễn sinh hoạt và vắng mặt buổi này."),
    "attendance.clear": ("Xóa điểm danh", "Xóa dấu điểm danh của người đang chọn (bấm nhầm)."),
    "attendance.guest": (
        "Thêm người dự",
        "Thêm khách mời hoặc người chưa có trong danh sách, ngay tại chỗ.",
    ),
    "attendance.up": ("Lên", "Chọn người ở dòng trên."),
    "attendance.down": ("Xuống", "Chọn người ở dòng dưới."),
    "attendance.filter": ("Tìm tên", "Về ô tìm tên (gõ không dấu cũng được)."),
    "attendance.back": ("Về điều hành", "Đóng màn hình điểm danh, về màn hình điều hành."),
    "run.next": ("Mục sau", "Chuyển sang mục chương trình kế tiếp."),
    "run.prev": ("Mục trước", "Quay lại mục chương trình trước."),
    "run.jump": (
        "Đến mục…",
        "Tìm một mục chương trình theo tên (gõ không dấu cũng được) rồi chuyển đến mục đó.",
    ),
    "run.skip": (
        "Bỏ qua / giữ mục",
        "Bỏ qua mục đang chọn ở danh sách chương trình (bấm lần nữa để giữ lại); "
        "bỏ qua mục đang diễn ra thì chuyển sang mục kế tiếp.",
    ),
    "run.more": (
        "Thêm phút",
        "Tăng thời lượng của mục đang chọn ở danh sách chương trình thêm 1 phút.",
    ),
    "run.less": (
        "Bớt phút",
        "Giảm thời lượng của mục đang chọn ở danh sách chương trình đi 1 phút.",
    ),
    "run.start": ("Bắt đầu", "Bắt đầu buổi sinh hoạt: ghi giờ bắt đầu, vào mục đầu tiên."),
    "run.attendance": ("Điểm danh", "Mở màn hình điểm danh (ghi người đến muộn bất cứ lúc nào)."),
    "run.note": ("Ghi chép", "Về ô ghi chép ý kiến của mục đang diễn ra."),
    "run.kind": ("Loại ý kiến", "Đổi loại ghi chép: ý kiến, câu hỏi, trả lời, đề xuất, kết luận."),
    "run.agenda": ("Chương trình", "Về danh sách chương trình để chọn mục (Enter để chuyển đến)."),
    "run.notes": ("Danh sách ghi chép", "Về danh sách ghi chép của mục để sửa hoặc xóa."),
    "run.edit_note": ("Sửa ghi chép", "Sửa ghi chép đang chọn trong danh sách ghi chép."),
    "run.delete_note": ("Xóa ghi chép", "Xóa ghi chép đang chọn trong danh sách ghi chép."),
    "run.queue": (
        "Đăng ký phát biểu",
        "Thêm người đang nhập ở ô người phát biểu vào danh sách đăng ký phát biểu.",
    ),
    "run.vote": ("Biểu quyết", "Ghi kết quả biểu quyết (tán thành, không tán thành, ý kiến khác)."),
    "run.item_conclusion": ("Kết luận mục", "Ghi kết luận của chủ trì cho mục đang diễn ra."),
    "run.conclusion": ("Kết luận chung", "Ghi kết luận chung của chủ trì cho cả buổi."),
    "run.readback": ("Đọc biên bản", "Xem biên bản như khi xuất, để thư ký đọc lại trước chi bộ."),
    "run.report": (
        "Đánh giá, thu hoạch",
        "Ghi đánh giá của chủ trì (ưu điểm, hạn chế, đề xuất) và bài thu hoạch của từng người.",
    ),
    "run.export": ("Xuất", "Xuất biên bản (DOCX, Markdown) hoặc gói dữ liệu buổi sinh hoạt."),
    "run.reopen": (
        "Mở lại buổi",
        "Mở lại buổi đã kết thúc để sửa (phải nêu lý do; việc mở lại được ghi lại).",
    ),
    "run.leave": ("Về danh sách", "Đóng buổi sinh hoạt này (mọi thứ đã lưu) và về danh sách."),
    "run.delete_vote": (
        "Xóa biểu quyết vừa ghi",
        "Xóa biểu quyết cuối cùng của mục này (ghi lại bằng F6 nếu cần sửa).",
    ),
    "run.roles": (
        "Đổi chủ trì, thư ký, báo cáo viên",
        "Chọn lại chủ trì, thư ký, báo cáo viên, kể cả báo cáo viên cấp trên (trước khi thông qua).",
    ),
    "readback.roles": (
        "Đổi chủ trì, thư ký, báo cáo viên",
        "Chọn lại chủ trì, thư ký, báo cáo viên, kể cả báo cáo viên cấp trên (trước khi thông qua).",
    ),
    "attendance.roles": (
        "Đổi chủ trì, thư ký, báo cáo viên",
        "Chọn lại chủ trì, thư ký, báo cáo viên, kể cả báo cáo viên cấp trên (trước khi thông qua).",
    ),
    "readback.approve": (
        "Thông qua, kết thúc",
        "Biên bản đã được thông qua: ghi giờ kết thúc và khóa buổi sinh hoạt.",
    ),
    "readback.export": ("Xuất", "Xuất biên bản (DOCX, Markdown) hoặc gói dữ liệu buổi sinh hoạt."),
    "readback.report": (
        "Đánh giá, thu hoạch",
        "Ghi đánh giá của chủ trì và bài thu hoạch; làm được cả khi buổi đã kết thúc.",
    ),
    "readback.back": ("Quay lại", "Về màn hình điều hành."),
    "report.submitted": (
        "Đã nộp / chưa nộp",
        "Đánh dấu người đang chọn đã nộp bài thu hoạch (bấm lần nữa: chưa nộp, xóa xếp loại).",
    ),
    "report.grade": (
        "Xếp loại",
        "Đổi xếp loại bài thu hoạch của người đang chọn: Tốt, Khá, Đạt, Không đạt, chưa xếp loại.",
    ),
    "report.people": ("Danh sách thu hoạch", "Về danh sách người nộp bài thu hoạch."),
    "report.narrative": ("Ô đánh giá", "Về ô ưu điểm của phần đánh giá của chủ trì."),
    "report.save": ("Lưu", "Lưu ngay phần đánh giá đang gõ (chương trình cũng tự lưu khi gõ)."),
    "report.back": ("Quay lại", "Lưu phần đánh giá rồi về màn hình trước."),
    "run.times": (
        "Sửa giờ họp",
        "Sửa giờ bắt đầu, kết thúc của buổi họp và của từng mục (trước khi thông qua).",
    ),
    "run.afterwards": (
        "Nhập biên bản sau buổi họp",
        "Nhập biên bản sau buổi họp: giờ họp nhập tay, không lấy giờ của máy.",
    ),
    "readback.times": (
        "Sửa giờ họp",
        "Sửa giờ bắt đầu, kết thúc của buổi họp và của từng mục (trước khi thông qua).",
    ),
    "attendance.left": ("Về sớm", "Ghi giờ về sớm của người có mặt (bấm lại để sửa hoặc bỏ)."),
}

SCOPE_TITLES: dict[str, str] = {
    "app": "Mọi màn hình",
    "home": "Danh sách buổi sinh hoạt",
    "prepare": "Chuẩn bị buổi sinh hoạt",
    "attendance": "Điểm danh",
    "run": "Điều hành chương trình",
    "readback": "Đọc lại biên bản",
    "report": "Đánh giá và bài thu hoạch",
}

# --- Shared labels -----------------------------------------------------------------------------

SESSION_STATUS: dict[str, str] = {
    "planned": "Đã chuẩn bị",
    "running": "Đang diễn ra",
    "closed": "Đã kết thúc",
}
ATTENDANCE_STATUS: dict[str | None, str] = {
    "present": "Có mặt",
    "late": "Đến muộn",
    "absent-excused": "Vắng có lý do",
    "absent": "Vắng không lý do",
    "exempt-absent": "Miễn SH, vắng",
    None: "Chưa điểm danh",
}
# Footer labels that must be short for the keys to fit 80 columns (the palette and F1
# keep the full titles above).
FOOTER_ITEMS = "Mục"
FOOTER_SHORT: dict[str, str] = {
    "attendance.late": "Muộn",
    "attendance.excused": "Có lý do",
    "attendance.absent": "Vắng",
    "attendance.guest": "Khách",
    "attendance.back": "Xong",
    "run.times": "Giờ",
    # The run footer must keep F1, F3, F2 and F6 at 80 columns: one word each.
    "run.note": "Ghi",
    "run.vote": "Biểu quyết",
    "app.help": "Giúp",
    # Docked right on every screen: the shortest word leaves room for each screen's keys.
    "app.palette": "Lệnh",
    "run.afterwards": "Nhập sau",
    "readback.times": "Sửa giờ",
    # Read back at 80 columns: "Quay lại" was under the palette key.
    "readback.approve": "Thông qua",
    "readback.report": "Đánh giá",
    # Prepare at 80 columns: "^o Soạn gói" was under the palette key.
    "prepare.roster": "Danh sách",
    "prepare.back": "Về",
}
# The rehearsal's commands are worded beside its screen (facilitator.strings.rehearsal).
COMMANDS |= rehearsal_text.COMMANDS
SCOPE_TITLES |= rehearsal_text.SCOPE_TITLES
FOOTER_SHORT |= rehearsal_text.FOOTER_SHORT
# Drafting a pack from a plan is worded with the plan reader (facilitator.strings.drafting).
COMMANDS |= drafting_text.COMMANDS
FOOTER_SHORT |= drafting_text.FOOTER_SHORT
# The campaign screen's commands are worded beside it (facilitator.strings.campaign).
COMMANDS |= campaign_text.COMMANDS
SCOPE_TITLES |= campaign_text.SCOPE_TITLES
UNMARKED_EXEMPT = "Miễn SH"
UNMARKED_TEMP_OUT = "SH tạm thời nơi khác"
PERSON_CATEGORY: dict[str, str] = {
    "chinh-thuc": "Chính thức",
    "du-bi": "Dự bị",
    "quan-chung": "Quần chúng",
    "khach": "Khách mời",
}
NOTE_KIND: dict[str, str] = {
    "opinion": "Ý kiến",
    "question": "Câu hỏi",
    "answer": "Trả lời",
    "proposal": "Đề xuất",
    "conclusion": "Kết luận",
    "record": "Ghi nhận",
}
NOTE_KINDS_OFFERED = ("opinion", "question", "answer", "proposal", "conclusion")

CANCEL = "Hủy"
SAVE = "Lưu"
YES = "Có"
NO = "Không"
NOBODY = "(chưa chọn)"
UNKNOWN_SPEAKER = "(không rõ người nói)"
READ_ONLY = "Buổi sinh hoạt đã kết thúc, biên bản đã thông qua: chỉ xem. Muốn sửa, hãy mở lại buổi (Bảng lệnh → Mở lại buổi) và nêu lý do."
HELP_TITLE = "Phím tắt"
HELP_INTRO = "Mọi thao tác đều có trong bảng lệnh (ctrl+p). Bấm Esc hoặc F1 để đóng."
HELP_PALETTE_ONLY = "(bảng lệnh)"

# --- Home --------------------------------------------------------------------------------------

HOME_TITLE = "Các buổi sinh hoạt"
HOME_COLUMNS = ("Ngày", "Có mặt", "Trạng thái", "Đơn vị", "Tên buổi")
HOME_EMPTY = "Chưa có buổi sinh hoạt nào. Bấm n để chuẩn bị buổi mới."
# Textual's own words, said in Vietnamese (palette, system commands, ctrl+c).
PALETTE_SEARCH = "Tìm lệnh…"
PALETTE_NO_MATCHES = "Không có lệnh nào khớp"
THEME_SEARCH = "Tìm giao diện…"
SYS_THEME = "Đổi giao diện"
SYS_THEME_HELP = "Chọn bảng màu (được nhớ cho lần mở sau)"
SYS_MAXIMIZE = "Phóng to"
SYS_MAXIMIZE_HELP = "Phóng to ô đang chọn ra cả màn hình"
SYS_MINIMIZE = "Thu nhỏ"
SYS_MINIMIZE_HELP = "Đưa ô đang phóng to về kích thước cũ"
SYS_SCREENSHOT = "Chụp màn hình"
SYS_SCREENSHOT_HELP = "Lưu ảnh SVG của màn hình hiện tại vào thư mục Tải về"
QUIT_HINT_TITLE = "Muốn thoát?"
QUIT_HINT = "Bấm ctrl+q để thoát (ctrl+c chỉ sao chép chữ)."
QUIT_RUNNING = (
    "Buổi sinh hoạt đang diễn ra. Thoát bây giờ? Mọi ghi chép đã được lưu; mở lại để tiếp tục."
)


def quit_running_with_draft(text: str) -> str:
    """The quit question while a note is half-typed: it is not a saved note yet."""
    shown = text if len(text) <= 60 else text[:59].rstrip() + "…"
    return (
        "Buổi sinh hoạt đang diễn ra. Thoát bây giờ? Các ghi chép đã lưu vẫn còn đó; "
        f"ghi chép đang gõ dở «{shown}» chưa được lưu thành ghi chép: nó được giữ làm "
        "bản nháp và hiện lại trong ô ghi khi mở lại buổi."
    )


VOTE_SHOWN = "Biểu quyết «{question}» — {result}"
NO_VOTE_HERE = "Mục này chưa có biểu quyết nào."
VOTE_DELETE_CONFIRM = "Xóa biểu quyết «{question}»? (Ghi lại bằng F6 nếu cần sửa số liệu.)"
VOTE_DELETED = "Đã xóa biểu quyết."
PENDING_NOTE_KEPT = (
    "Ghi chép đang gõ chưa được lưu vì chưa rõ người phát biểu: nó vẫn nằm trong ô ghi, "
    "thuộc mục cũ. Chọn người phát biểu rồi Enter để lưu."
)
PREPARE_DISCARD = (
    "Bỏ buổi đang chuẩn bị? Những gì đã nhập (địa điểm, chủ trì, thư ký…) sẽ không được lưu."
)
ROLES_DROPPED = "Danh sách mới không còn người đã chọn cho: {fields}. Hãy chọn lại."
HOME_DATA_FOLDER = "Dữ liệu lưu ở: {path}"
HOME_HINT = "Enter: mở tiếp buổi đang chọn · n: buổi mới · ctrl+p: bảng lệnh · F1: trợ giúp"
HOME_SELECTED = "Mã buổi: {id} · {title}"
HOME_MORE = "Đang hiện {shown}/{total} buổi gần nhất. Bấm a để hiện tất cả."
HOME_PROBLEMS = "Có {count} tệp không đọc được (các buổi khác vẫn dùng bình thường):"
NO_SESSION_SELECTED = "Chưa chọn buổi sinh hoạt nào."

# --- Prepare -----------------------------------------------------------------------------------

PREPARE_TITLE = "Chuẩn bị buổi sinh hoạt"
FIELD_UNIT = "Đơn vị"
FIELD_PACK = "Gói nội dung"
FIELD_TITLE = "Tên buổi sinh hoạt"
FIELD_WHEN = "Thời gian (ngày/tháng/năm giờ:phút)"
FIELD_PLACE = "Địa điểm"
FIELD_CHAIR = "Chủ trì"
FIELD_SECRETARY = "Thư ký"
FIELD_PRESENTER = "Báo cáo viên"
FIELD_PRESENTER2 = "Báo cáo viên thứ hai (nếu có)"
FIELD_NUMBER = "Số biên bản (có thể để trống)"
WHEN_PLACEHOLDER = "dd/mm/yyyy hh:mm"
CHOOSE = "Chọn…"
NO_ROSTER = 'Chưa có danh sách đơn vị nào. Bấm ctrl+r để nhập danh sách từ tệp CSV hoặc Excel (hoặc trong cửa sổ dòng lệnh: facilitator roster import TỆP --unit "TÊN ĐƠN VỊ").'
NO_PACKS = "Thư mục {folder} chưa có gói nội dung nào dùng được."
PACK_UNAVAILABLE = "{name} — không dùng được: {problem}"
PACK_OPTION = "{title} ({minutes} phút)"
AGENDA_HEADING = "Chương trình (ctrl+↑/↓ đổi thứ tự · Space bỏ qua · +/- phút)"
AGENDA_COLUMNS = ("#", "Phút", "", "Nội dung")  # short columns first: seen at 80×24
AGENDA_SKIPPED = "bỏ qua"
AGENDA_TOTAL = "Tổng thời lượng: {minutes} phút ({items} mục)"
WHEN_INVALID = "Thời gian chưa đúng: hãy gõ theo mẫu 24/04/2024 08:00."
WHEN_EMPTY = "Hãy nhập ngày giờ sinh hoạt."
UNIT_REQUIRED = "Hãy chọn đơn vị."
PACK_REQUIRED = "Hãy chọn gói nội dung."
FORM_INCOMPLETE = "Thông tin chưa đủ: {problems}"
SESSION_CREATED = "Đã tạo buổi sinh hoạt «{title}»."

# --- Attendance ----------------------------------------------------------------------------------

ATTENDANCE_TITLE = "Điểm danh"
FILTER_PLACEHOLDER = "Gõ tên để tìm (không dấu cũng được) · 1 có mặt · 2 muộn · 3 vắng có lý do · 4 vắng · 5 miễn SH · 0 xóa"
ATTENDANCE_COLUMNS = ("Họ và tên", "Loại", "Chức vụ", "Điểm danh", "Ghi chú")
ARRIVED_AT = "đến lúc {time}"
ROW_DETAIL_JOIN = " · "  # the highlighted person's row, whole, under a cut table
NO_PERSON_SELECTED = "Chưa chọn người nào."
REASON_TITLE = "Lý do vắng của đồng chí {name}"
REASON_PLACEHOLDER = "Ví dụ: đi công tác, ốm…"
REASON_REQUIRED = "Hãy nhập lý do."
GUEST_TITLE = "Thêm người dự"
GUEST_NAME = "Họ và tên"
GUEST_CATEGORY = "Thành phần"
GUEST_POSITION = "Chức vụ, đơn vị"
GUEST_NAME_REQUIRED = "Hãy nhập họ và tên."
GUEST_ADDED = "Đã thêm {name} (có mặt)."


def counts_line(
    total: int, present: int, share: str, excused: int, unexcused: int, exempt: int, unmarked: int
) -> str:
    """Live attendance header, in the words of the minutes."""
    return (
        f"Tổng số: {total} · Có mặt: {present} ({share}) · Vắng có lý do: {excused} · "
        f"Vắng không lý do: {unexcused} · Miễn sinh hoạt, không dự: {exempt} · "
        f"Chưa điểm danh: {unmarked}"
    )


def others_line(guests: int, non_members: int) -> str:
    """Guests and non-members present (not counted among Party members)."""
    return f"Khách mời: {guests} · Quần chúng: {non_members}"


BELOW_QUORUM = "Cảnh báo: số có mặt chưa đủ hai phần ba số đảng viên phải dự."

ROSTER_IMPORT_TITLE = "Nhập danh sách đơn vị"
ROSTER_IMPORT_FILE = "Tệp danh sách (CSV hoặc Excel .xlsx)"
ROSTER_IMPORT_FILE_HINT = "ví dụ: ~/Tài liệu/danh-sach-chi-bo.xlsx"
ROSTER_IMPORT_UNIT = "Tên đơn vị"
ROSTER_IMPORT_UNIT_HINT = "ví dụ: Chi bộ Khối Dân vận"
ROSTER_IMPORT_PARENT = "Cấp trên trực tiếp"
ROSTER_IMPORT_PARENT_HINT = "ví dụ: Đảng bộ xã Di Linh"
ROSTER_IMPORT_ABBREV = "Ký hiệu (trong số văn bản)"
ROSTER_IMPORT_LOCALITY = "Địa danh (dòng ngày tháng)"
ROSTER_IMPORT_PROFILE = "Thể thức văn bản"
ROSTER_PROFILE_KEEP = "Giữ như đã lưu (đơn vị mới: tổ chức đảng)"
ROSTER_IMPORT_REQUIRED = "Cần có tệp danh sách và tên đơn vị."
ROSTER_IMPORTED = "Đã nhập {count} người vào danh sách «{unit}»."
UNIT_PROFILES = {
    "party": "Tổ chức đảng (HD 36)",
    "state": "Đoàn thể, cơ quan (NĐ 30)",
}
