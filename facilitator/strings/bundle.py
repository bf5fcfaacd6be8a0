"""Vietnamese wording for session bundles: validation problems, reading, writing, importing."""

from __future__ import annotations

from collections.abc import Iterable

# --- Validation: shapes and types ------------------------------------------------------

ROOT_NOT_OBJECT = "tệp phải chứa một đối tượng JSON {…} mô tả một buổi sinh hoạt"
NOT_OBJECT = "phải là một đối tượng JSON {…}"
NOT_LIST = "phải là một danh sách […]"
MISSING = "thiếu trường bắt buộc"
NOT_STRING = "phải là chuỗi văn bản"
NOT_STRING_OR_NULL = "phải là chuỗi văn bản hoặc null"
EMPTY = "không được để trống"
NOT_BOOL = "phải là true hoặc false"
NOT_INT = "phải là số nguyên (không phải true/false hay số thập phân)"
NOT_POSITIVE = "phải là số nguyên dương"
NEGATIVE = "không được là số âm"
NOT_NUMBER = "phải là một số hữu hạn"
BAD_TIME = "phải là thời điểm ISO 8601, ví dụ 2024-05-10T07:30:00+07:00"
TIME_NO_OFFSET = "thời điểm phải có múi giờ, ví dụ 2024-05-10T07:30:00+07:00"
BAD_SESSION_ID = (
    "mã buổi sinh hoạt chỉ gồm chữ thường a-z, chữ số 0-9 và dấu -, "
    "không bắt đầu bằng dấu - và dài tối đa 120 ký tự"
)
NAME_PARTS = "phải là danh sách đúng 3 chuỗi [họ, tên đệm, tên]"
FRAMING_ENTRY = "phải là danh sách đúng 3 chuỗi [mã, nhãn, ý nghĩa]"
LATE_NEEDS_ARRIVAL = "người đến muộn (late) phải có giờ đến (arrived_at)"

FORMAT_MISSING = (
    "thiếu trường format: đây không phải tệp buổi sinh hoạt (cần «facilitator.session/1»)"
)


def format_version(found: str) -> str:
    return (
        f"phiên bản định dạng «{found}» không được hỗ trợ: chương trình này chỉ đọc "
        "«facilitator.session/1». Hãy cập nhật chương trình hoặc xuất lại tệp bằng phiên bản phù hợp."
    )


def format_other(found: str) -> str:
    return f"{found} không phải định dạng tệp buổi sinh hoạt (cần «facilitator.session/1»)"


def not_one_of(shown: str, allowed: Iterable[str | None]) -> str:
    values = ", ".join("null" if v is None else v for v in allowed)
    return f"giá trị {shown} không hợp lệ; chỉ nhận: {values}"


def unknown_person(person_id: str) -> str:
    return f"không có người mang mã «{person_id}» trong danh sách people"


def unknown_item(item_id: str) -> str:
    return f"không có mục chương trình mang mã «{item_id}» trong agenda"


def duplicate_id(value: str, first: str) -> str:
    return f"mã «{value}» bị trùng (đã dùng ở {first})"


def duplicate_record(person_id: str, first: str) -> str:
    return f"người «{person_id}» đã có bản ghi ở {first}; mỗi người chỉ được một bản ghi"


def votes_exceed(total: int, base: int) -> str:
    return (
        f"tổng số biểu quyết (tán thành + không tán thành + ý kiến khác = {total}) "
        f"vượt quá số người có quyền biểu quyết ({base})"
    )


def vote_base_disagrees(given: int, derived: int) -> str:
    return (
        f"số người có quyền biểu quyết ghi trong tệp ({given}) không khớp với danh sách và "
        f"điểm danh ({derived} đảng viên chính thức có quyền biểu quyết); số này luôn được "
        "tính từ điểm danh, không nhập tay"
    )


def time_other_day(day: str, meeting_day: str) -> str:
    return f"thời điểm ngày {day} không thuộc ngày họp ({meeting_day})"


def approvals_exceed(votes_for: int, base: int) -> str:
    return f"số tán thành ({votes_for}) vượt quá số người có quyền biểu quyết ({base})"


def more_problems(count: int) -> str:
    return f"… và {count} lỗi khác"


def more_problems_stopped(count: int) -> str:
    return f"… và hơn {count} lỗi khác (đã ngừng kiểm tra)"


# --- Reading and writing bundle files ---------------------------------------------------


def bundle_invalid(path: object) -> str:
    return f"Tệp buổi sinh hoạt {path} không hợp lệ, chưa nhập gì:"


def file_empty(path: object) -> str:
    return f"Tệp {path} trống."


def not_utf8(path: object, line: int, offset: int) -> str:
    return (
        f"Tệp {path} không phải UTF-8 (dòng {line}, byte thứ {offset}). "
        "Tệp buổi sinh hoạt phải được lưu bằng UTF-8."
    )


def bad_json(path: object, line: int, column: int, error: str) -> str:
    return f"Tệp {path} không phải JSON hợp lệ (dòng {line}, cột {column}): {error}."


def bad_json_value(path: object, value: str) -> str:
    return f"Tệp {path} không phải JSON hợp lệ: giá trị không được phép ({value})."


def too_deep(path: object) -> str:
    return f"Tệp {path} lồng quá nhiều tầng, không đọc được."


def session_unreadable(path: object, detail: str) -> str:
    return f"Tệp {path} không dựng lại được buổi sinh hoạt ({detail})."


def output_exists(path: object) -> str:
    return f"Tệp {path} đã tồn tại. Chọn tên khác hoặc cho phép ghi đè."


def output_folder_missing(folder: object) -> str:
    return f"Thư mục {folder} không tồn tại."


# --- Importing several bundles ----------------------------------------------------------


def import_failed(bad_files: int, total_files: int) -> str:
    return (
        f"Không nhập tệp nào: {bad_files}/{total_files} tệp có lỗi. "
        "Sửa các lỗi dưới đây rồi nhập lại."
    )


def session_exists(session_id: str) -> str:
    return f"buổi sinh hoạt «{session_id}» đã có trong kho; dùng --replace để ghi đè"


def same_id_twice(session_id: str, other: object) -> str:
    return f"buổi sinh hoạt «{session_id}» trùng mã với tệp {other}"


NO_FILES = "Chưa chọn tệp nào để nhập."


BUNDLE_KIND = "tệp buổi sinh hoạt (.json)"


def changed_while_importing(found: str, checked: str) -> str:
    return (
        f"tệp đã thay đổi trong khi nhập: mã buổi nay là «{found}», lúc kiểm tra là "
        f"«{checked}»; hãy nhập lại"
    )
