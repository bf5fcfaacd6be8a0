"""Vietnamese wording of settings, data folders, the old-store notice and ``doctor``."""

from __future__ import annotations

from pathlib import Path

BAD_VALUE = "Tệp cấu hình có giá trị không hợp lệ."
NOT_UTF8 = "tệp không phải UTF-8"


def need_number(value: object) -> str:
    return f"cần một số không âm, không phải «{value}»"


def need_text(value: object) -> str:
    return f"cần một chuỗi chữ không rỗng, không phải «{value}»"


def need_signer(value: object) -> str:
    return f"cần «chair» (CHỦ TRÌ) hoặc «tm» (T/M CHI BỘ), không phải «{value}»"


def need_margins(value: object) -> str:
    return f"lề «{value}» phải có dạng trên/dưới/trái/phải (mm), ví dụ 20/20/30/15"


def unknown_key(known: list[str]) -> str:
    return "khóa không có trong cấu hình; các khóa dùng được: " + ", ".join(known)


def unreadable(path: Path, reason: str) -> str:
    return f"Không đọc được tệp cấu hình {path}: {reason}."


def bad_toml(detail: str) -> str:
    return f"không đúng cú pháp TOML ({detail})"


# --- config command ---------------------------------------------------------------------
CONFIG_HELP = (
    "Xem, sửa cấu hình của người dùng (config.toml): đơn vị mặc định, thể thức, giao diện…"
)
CONFIG_SHOW_HELP = "In các giá trị cấu hình đang dùng và nơi đặt tệp."
CONFIG_PATH_HELP = "In đường dẫn tệp cấu hình."
CONFIG_SET_HELP = "Đặt một giá trị, ví dụ: facilitator config set export.signer tm"
CONFIG_UNSET_HELP = "Bỏ một giá trị (quay về mặc định)."
CONFIG_FILE = "Tệp cấu hình: {path}"
CONFIG_MISSING = "(chưa có tệp: đang dùng giá trị mặc định)"
CONFIG_SAVED = "Đã lưu {key} vào {path}"
KEY_METAVAR = "KHÓA"
VALUE_METAVAR = "GIÁ_TRỊ"
NOT_SET = "(chưa đặt)"

# --- data location ------------------------------------------------------------------------
DATA_FOLDER = "Thư mục dữ liệu: {path}"
PACK_FOLDERS = "Thư mục gói nội dung: {paths}"


def legacy_found(old: Path, new: Path) -> str:
    return (
        f"Tìm thấy dữ liệu của phiên bản trước ở {old}. Dữ liệu nay được lưu ở {new}. "
        f"Chạy «facilitator data adopt» để chuyển sang (không xóa gì), "
        f"hoặc dùng «--data-dir {old}» để tiếp tục dùng thư mục cũ."
    )


DATA_HELP = "Thư mục dữ liệu: xem nơi lưu, chuyển dữ liệu của phiên bản trước sang."
DATA_PATH_HELP = "In đường dẫn thư mục dữ liệu đang dùng."
ADOPT_HELP = (
    "Chuyển các buổi sinh hoạt và danh sách từ thư mục dữ liệu cũ (mặc định ./sessions) "
    "sang thư mục dữ liệu đang dùng. Buổi đã có ở nơi mới được giữ nguyên; thư mục cũ được "
    "đổi tên thành «…-da-chuyen», không bị xóa."
)
ADOPT_NOT_STORE = (
    "{path} không phải thư mục dữ liệu của facilitator (không có buổi hay danh sách nào)."
)
ADOPT_SAME = "{path} đã là thư mục dữ liệu đang dùng."


def adopted(sessions: int, rosters: int, new: Path, kept_as: Path) -> str:
    return (
        f"Đã chuyển {sessions} buổi sinh hoạt và {rosters} danh sách đơn vị sang {new}. "
        f"Thư mục cũ được giữ lại với tên {kept_as}."
    )


def adopt_skipped(what: str, reason: str) -> str:
    return f"Giữ nguyên ở nơi mới: {what} ({reason})."


ADOPT_SKIP_EXISTS = "đã có ở nơi mới"
ADOPT_SKIP_UNREADABLE = "không đọc được ở thư mục cũ: {error}"
ADOPT_ROSTER_DIFFERS = "danh sách ở nơi mới khác danh sách cũ, giữ bản ở nơi mới"

# --- doctor -------------------------------------------------------------------------------
DOCTOR_HELP = "Kiểm tra cài đặt: phiên bản, thư mục dữ liệu và gói nội dung, terminal, kho dữ liệu."
DOCTOR_VERSIONS = "Phiên bản"
DOCTOR_FOLDERS = "Thư mục"
DOCTOR_TERMINAL = "Terminal"
DOCTOR_STORE = "Kho dữ liệu"
DOCTOR_DATA = "dữ liệu"
DOCTOR_PACKS_BUILTIN = "gói nội dung kèm theo"
DOCTOR_PACKS_USER = "gói nội dung của người dùng"
DOCTOR_CONFIG = "tệp cấu hình"
DOCTOR_LOGS = "nhật ký lỗi"
DOCTOR_MISSING = "(chưa có)"
DOCTOR_NOT_INSTALLED = "chưa cài"
DOCTOR_SIZE = "kích thước"
DOCTOR_ENCODING = "mã hóa đầu ra"
DOCTOR_IS_TTY = "là terminal"
DOCTOR_YES = "có"
DOCTOR_NO = "không"
DOCTOR_OK = "Mọi thứ đều ổn."


def doctor_packs(count: int, broken: int) -> str:
    return f"{count} gói dùng được" + (f", {broken} gói lỗi" if broken else "")


def doctor_sessions(count: int) -> str:
    return f"{count} buổi sinh hoạt đọc được"


def doctor_problems(count: int) -> str:
    return f"{count} vấn đề cần xem:"


def crash_logged(path: Path) -> str:
    return (
        f"facilitator gặp lỗi ngoài dự kiến và đã dừng. Dữ liệu đã lưu không bị ảnh hưởng. "
        f"Chi tiết lỗi được ghi ở {path} — hãy gửi tệp này cho người hỗ trợ."
    )
