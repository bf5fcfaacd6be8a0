"""Vietnamese wording for roster import (CSV/XLSX) and roster display."""

from __future__ import annotations

CATEGORY_LABELS: dict[str, str] = {
    "chinh-thuc": "Chính thức",
    "du-bi": "Dự bị",
    "quan-chung": "Quần chúng",
    "khach": "Khách",
}
TEMPORARY_LABELS: dict[str, str] = {"den": "SHTT đến", "di": "SHTT đi"}
EXEMPT_MARK = "x"

SAVE_AS_UTF8 = (
    "Trong Excel chọn Tệp → Lưu thành → «CSV UTF-8 (phân tách bằng dấu phẩy)» "
    "(Lưu bằng UTF-8), hoặc gửi thẳng tệp .xlsx."
)

# --- Reading the file -------------------------------------------------------------------


def roster_invalid(path: object) -> str:
    return f"Danh sách {path} có lỗi, chưa lưu gì:"


def file_empty(path: object) -> str:
    return f"Tệp {path} trống: không có dòng nào."


def old_xls(path: object) -> str:
    return (
        f"Tệp {path} là định dạng Excel cũ (.xls). "
        "Hãy mở bằng Excel và lưu thành .xlsx hoặc «CSV UTF-8»."
    )


def bad_xlsx(path: object, reason: str) -> str:
    return f"Tệp {path} không phải tệp Excel .xlsx đọc được ({reason})."


NOT_A_ZIP = "tệp không phải kho nén .xlsx hợp lệ"
DAMAGED_ZIP = "một phần của tệp bị hỏng"
UNREADABLE_WORKBOOK = "nội dung bảng tính bị hỏng hoặc không đúng định dạng Excel"


def xlsx_unpacked_too_large(path: object, limit_mb: int) -> str:
    return (
        f"Tệp {path} khi giải nén lớn hơn {limit_mb} MB, quá lớn với một danh sách "
        "(có thể tệp bị hỏng hoặc bị làm giả). Hãy mở bằng Excel, chỉ giữ trang danh sách "
        "rồi lưu lại, hoặc lưu thành «CSV UTF-8»."
    )


def xlsx_too_big_sheet(path: object, ref: str, max_rows: int, max_columns: int) -> str:
    return (
        f"Trang tính đầu tiên của tệp {path} khai báo vùng dữ liệu {ref}, vượt giới hạn "
        f"{max_rows} dòng và {max_columns} cột của một danh sách. Hãy xoá các dòng và cột "
        "thừa phía dưới, bên phải bảng danh sách rồi lưu lại."
    )


def no_sheet(path: object) -> str:
    return f"Tệp {path} không có trang tính nào."


def not_utf8(line: int, offset: int) -> str:
    return (
        f"tệp không phải UTF-8 (dòng {line}, byte thứ {offset}). "
        f"Hãy lưu lại bằng UTF-8: {SAVE_AS_UTF8}"
    )


def bad_utf16(offset: int) -> str:
    return f"tệp UTF-16 bị hỏng (byte thứ {offset}). Hãy lưu lại bằng UTF-8: {SAVE_AS_UTF8}"


def legacy_encoding(line: int, offset: int) -> str:
    return (
        f"tệp có vẻ được gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI (phông .VnTime, VNI-Times…) "
        f"(dòng {line}, byte thứ {offset}) nhưng quá ít tên đọc được chắc chắn để tự chuyển. "
        "Hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: từ TCVN3 hoặc VNI sang Unicode), "
        f"rồi lưu bằng UTF-8: {SAVE_AS_UTF8}"
    )


LEGACY_ENCODING_LABELS: dict[str, str] = {
    "tcvn3": "TCVN3 (ABC, phông .VnTime/.VnTimeH)",
    "vni": "VNI (phông VNI-Times)",
}


def legacy_converted(
    path: object, label: str, cells: int, preview: tuple[tuple[str, str], ...]
) -> str:
    lines = [
        f"Tệp {path} được gõ bằng bảng mã cũ {label}: đã tự chuyển {cells} ô sang Unicode. "
        "Hãy xem lại các tên dưới đây; nếu sai, chuyển tệp bằng Unikey rồi nhập lại."
    ]
    lines += [f"  {typed} → {converted}" for typed, converted in preview]
    return "\n".join(lines)


def csv_error(error: Exception) -> str:
    # Python's csv module explains in English; say the two real causes in Vietnamese.
    text = str(error)
    if "field larger than field limit" in text:
        reason = "một ô dài quá mức cho phép (có thể thiếu dấu nháy kép đóng)"
    elif "NUL" in text:
        reason = "dòng chứa ký tự NUL: tệp có vẻ không phải văn bản"
    else:
        reason = "dấu nháy kép đặt sai chỗ"
    return f"dòng CSV không đọc được ({reason})"


def too_many_rows(limit: int) -> str:
    return f"danh sách quá dài: tối đa {limit} dòng"


# --- Header -----------------------------------------------------------------------------

NO_NAME_COLUMN = (
    "không tìm thấy cột họ tên. Dòng tiêu đề cần có cột «Họ và tên» "
    "(hoặc ba cột «Họ», «Đệm», «Tên»); các cột khác được nhận: «Loại» (chính thức/dự bị/"
    "quần chúng/khách), «Chức vụ», «Miễn sinh hoạt», «Sinh hoạt tạm thời»."
)


def duplicate_column(header: str, first: str) -> str:
    return f"cột «{header}» lặp lại (đã có ở {first})"


NO_PEOPLE = "danh sách không có người nào (chỉ có dòng tiêu đề)"

# --- Rows -------------------------------------------------------------------------------

EMPTY_NAME = "dòng có dữ liệu nhưng thiếu họ và tên"
MISSING_GIVEN_NAME = "thiếu tên (cột «Tên» trống)"
NAME_TOO_LONG = "họ và tên quá dài (tối đa 200 ký tự)"


FORMULA_WITHOUT_VALUE = (
    "ô này chứa công thức chưa được tính (chương trình không tự tính công thức). "
    "Hãy mở tệp bằng Excel rồi lưu lại, hoặc thay công thức bằng giá trị."
)


def unknown_category(value: str) -> str:
    return (
        f"loại «{value}» không nhận ra; chỉ nhận: chính thức (CT), dự bị (DB), "
        "quần chúng (QC), khách"
    )


def unknown_exempt(value: str) -> str:
    return f"giá trị miễn sinh hoạt «{value}» không nhận ra; dùng x, có, 1 hoặc để trống"


def unknown_temporary(value: str) -> str:
    return f"giá trị sinh hoạt tạm thời «{value}» không nhận ra; dùng «đến», «đi» hoặc để trống"


def parts_mismatch(full: str, joined: str) -> str:
    return f"họ và tên «{full}» không khớp với các cột họ, đệm, tên («{joined}»)"


def duplicate_name(name: str, first: str, second: str) -> str:
    return (
        f"«{name}» có hai lần ({first} và {second}); điểm danh cần phân biệt từng người. "
        "Hãy thêm dấu phân biệt vào tên, ví dụ «Nguyễn Văn An (B)», hoặc xoá dòng thừa."
    )


def more_problems(count: int) -> str:
    return f"… và {count} lỗi khác"


# --- Import into the store --------------------------------------------------------------

EMPTY_UNIT = "Tên đơn vị không được để trống."


def bad_profile(value: str) -> str:
    return f"Kiểu đơn vị «{value}» không hợp lệ; chỉ nhận party (Đảng) hoặc state (Nhà nước)."


ROSTER_KIND = "tệp danh sách (.csv hoặc .xlsx)"
