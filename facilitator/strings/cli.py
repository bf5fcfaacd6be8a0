"""Vietnamese labels and help of the data commands: ``roster``, ``import``, ``sessions``."""

from __future__ import annotations

# --- Errors shared by every command -----------------------------------------------------


def os_error(path: object, reason: str) -> str:
    return f"Lỗi khi truy cập {path}: {reason}."


def os_error_no_path(reason: str) -> str:
    return f"Lỗi hệ thống tệp: {reason}."


# --- roster -----------------------------------------------------------------------------

ROSTER_HELP = "Danh sách đảng viên, người tham dự của từng đơn vị."
ROSTER_IMPORT_HELP = (
    "Nhập danh sách của một đơn vị từ tệp CSV (UTF-8) hoặc Excel .xlsx. Dòng tiêu đề cần cột "
    "«Họ và tên»; có thể thêm «Loại», «Chức vụ», «Miễn sinh hoạt», «Sinh hoạt tạm thời». "
    "Người đã có trong danh sách cũ giữ nguyên mã."
)
ROSTER_SHOW_HELP = "Xem danh sách của một đơn vị theo thứ tự tên (tên, họ, đệm)."
UNIT_HELP = "Tên đơn vị, ví dụ «Chi bộ Khối Dân vận»."
PARENT_HELP = "Cấp trên trực tiếp, ví dụ «Đảng bộ xã Di Linh»."
ABBREV_HELP = "Ký hiệu đơn vị trong số văn bản, ví dụ «CB» trong «Số 05-BB/CB»."
PROFILE_HELP = "Thể thức văn bản: party (Đảng, HD 36) hoặc state (Nhà nước, NĐ 30)."
LOCALITY_HELP = "Địa danh ghi ở dòng ngày tháng, ví dụ «Di Linh»."
FILE_METAVAR = "TỆP"
UNIT_METAVAR = "TÊN"


def roster_imported(count: int, unit: str, kept: int) -> str:
    return (
        f"Đã nhập {count} người vào danh sách «{unit}» "
        f"({kept} người giữ mã cũ, {count - kept} người mới)."
    )


def roster_title(unit: str, count: int) -> str:
    return f"Danh sách {unit} ({count} người)"


COL_NUMBER = "STT"
COL_NAME = "Họ và tên"
COL_CATEGORY = "Loại"
COL_POSITION = "Chức vụ"
COL_EXEMPT = "Miễn SH"
ROSTER_EMPTY = "Danh sách chưa có ai."

# --- import -----------------------------------------------------------------------------

IMPORT_HELP = (
    "Nhập các tệp buổi sinh hoạt (.json, định dạng facilitator.session/1) vào kho; "
    "một thư mục (kể cả thư mục trên USB) là mọi tệp .json trong đó và các thư mục con. "
    "Kiểm tra hết mọi tệp trước; chỉ cần một tệp lỗi thì không nhập tệp nào."
)
REPLACE_HELP = "Ghi đè buổi sinh hoạt đã có cùng mã."


def empty_folder(folder: str) -> str:
    return f"Thư mục {folder} không có tệp .json nào để nhập."


def imported_one(session_id: str, title: str, replaced: bool) -> str:
    verb = "Đã ghi đè" if replaced else "Đã nhập"
    return f"{verb} «{session_id}»: {title}"


def imported_total(count: int) -> str:
    return f"Đã nhập {count} buổi sinh hoạt."


# --- sessions ---------------------------------------------------------------------------

IMPORT_PROGRESS = "Đang đọc và kiểm tra các gói dữ liệu"
SESSIONS_JSON_HELP = (
    "In dạng JSON (đủ mã buổi, số liệu, các tệp không đọc được) cho các công cụ khác."
)
SESSIONS_HELP = (
    "Liệt kê các buổi sinh hoạt đã lưu, mới nhất trước (mặc định {recent} buổi gần nhất)."
)
SESSIONS_ALL_HELP = "Liệt kê tất cả các buổi, không chỉ các buổi gần nhất."
SESSIONS_MORE = "… và {count} buổi cũ hơn; dùng --all để xem tất cả."
SESSIONS_TITLE = "Các buổi sinh hoạt"
NO_SESSIONS = "Chưa có buổi sinh hoạt nào trong {folder}."
COL_DATE = "Ngày"
COL_UNIT = "Đơn vị"
COL_TITLE = "Tiêu đề"
COL_STATUS = "Trạng thái"
COL_PRESENT = "Có mặt/Phải dự"
COL_ID = "Mã"
STATUS_LABELS: dict[str, str] = {
    "planned": "Chưa bắt đầu",
    "running": "Đang diễn ra",
    "closed": "Đã kết thúc",
}


def unreadable_sessions(count: int) -> str:
    return f"Không đọc được {count} buổi sinh hoạt:"


def output_exists(path: str) -> str:
    """The CLI's wording: it names the option that allows overwriting."""
    return f"Tệp {path} đã tồn tại; chọn tên khác (-o) hoặc thêm --overwrite để ghi đè."
