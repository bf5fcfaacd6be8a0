"""Vietnamese wording for campaigns (đợt), report bundles and the level above's report."""

from __future__ import annotations

# --- The report of the level above ---------------------------------------------------------


def missing_heading(count: int) -> str:
    return f"Đơn vị chưa báo cáo ({count} đơn vị)"


# --- Report bundles (facilitator.report/1) --------------------------------------------------

REPORT_KIND = "tệp báo cáo (.json)"
REPORT_ROOT_NOT_OBJECT = "tệp phải chứa một đối tượng JSON {…} mô tả một báo cáo"
BAD_DAY = "phải là ngày dạng YYYY-MM-DD, ví dụ 2024-05-20"
FIGURE_RULES = {
    "expected": "số phải tham gia phải bằng có mặt + vắng có lý do + vắng không lý do + chưa điểm danh",
    "total": "tổng số phải bằng chính thức + dự bị",
    "exempt": "số miễn sinh hoạt không được vượt tổng số",
    "makeup_sessions": "số buổi học bù không được vượt số buổi",
    "makeup": "số học bù không được vượt số vắng",
    "reflections": "số bài thu hoạch phải bằng tổng các loại xếp loại và chưa xếp loại",
    "below_quorum": "số buổi dưới 2/3 không được vượt số buổi",
}


def report_format(found: str) -> str:
    return (
        f"định dạng «{found}» không được hỗ trợ: chương trình này đọc báo cáo "
        "«facilitator.report/1» và buổi sinh hoạt «facilitator.session/1»"
    )


def total_disagrees(given: object, derived: int) -> str:
    return f"tổng cộng ghi {given} nhưng cộng các dòng được {derived}: tệp bị từ chối"


def grades_disagree(derived: str) -> str:
    return f"tổng xếp loại không khớp với cộng các dòng ({derived}): tệp bị từ chối"


def report_invalid(path: object) -> str:
    return f"Tệp báo cáo {path} không hợp lệ, chưa dùng được:"


ATTACH_HELP = (
    "Với --format bundle: gửi kèm các tệp buổi sinh hoạt (có họ tên, lý do vắng, ý kiến). "
    "Mặc định báo cáo chỉ có số liệu, không có dữ liệu cá nhân."
)


# --- Expected units ------------------------------------------------------------------------

KIND_LABELS = {
    "chi-bo": "Chi bộ",
    "dang-bo": "Đảng bộ",
    "hoi": "Hội",
    "doan": "Đoàn",
    "cong-doan": "Công đoàn",
    "khac": "Khác",
}


def units_no_header(path: object) -> str:
    return (
        f"{path}: không tìm thấy dòng tiêu đề có cột «Tên đơn vị». Các cột được nhận: "
        "Tên đơn vị (bắt buộc), Cấp trên, Viết tắt, Loại (chi bộ, đảng bộ, hội, đoàn, "
        "công đoàn, khác)."
    )


def bad_kind(found: str) -> str:
    return f"loại đơn vị «{found}» không rõ; chỉ nhận: chi bộ, đảng bộ, hội, đoàn, công đoàn, khác"


def unit_twice(name: str, first: str) -> str:
    return f"đơn vị «{name}» đã có ở {first}"


def units_invalid(path: object) -> str:
    return f"Danh sách đơn vị {path} có lỗi, chưa nhập gì:"


def units_empty(path: object) -> str:
    return f"{path}: không có đơn vị nào dưới dòng tiêu đề."


# --- Campaigns: storage and collection ------------------------------------------------------


def campaign_not_found(campaign_id: str, folder: object) -> str:
    return (
        f"Không có đợt «{campaign_id}» trong {folder}. Xem các đợt bằng: facilitator campaign list"
    )


def campaign_ambiguous(given: str, ids: list[str]) -> str:
    return f"«{given}» ứng với nhiều đợt: {', '.join(ids)}. Hãy gõ đủ mã đợt."


def campaign_what(campaign_id: str) -> str:
    return f"đợt «{campaign_id}»"


def campaign_corrupt(path: object) -> str:
    return f"Tệp đợt {path} bị hỏng hoặc không đúng định dạng; tệp được để nguyên."


def same_file_twice(first: object) -> str:
    return f"tệp này trùng mã với tệp {first} trong cùng lần nhận"


def repeat(unit: str, bundle_id: str) -> str:
    return (
        f"đơn vị «{unit}» đã gửi «{bundle_id}» trước đó; "
        "dùng --replace để nhận tệp mới thay cho tệp cũ"
    )


def mixed_kinds(unit: str) -> str:
    return (
        f"đơn vị «{unit}» gửi cả báo cáo và buổi sinh hoạt (hoặc hai báo cáo) trong cùng lần "
        "nhận: chỉ một báo cáo được tính, hoặc các buổi sinh hoạt"
    )


def unknown_unit(name: str) -> str:
    return (
        f"đơn vị «{name}» không có trong danh sách đơn vị của đợt: chưa nhận. "
        "Sửa tên trong danh sách (campaign units import) hoặc trong tệp rồi nhận lại."
    )


def ambiguous_unit(name: str, parents: list[str]) -> str:
    shown = "; ".join(p or "(không ghi cấp trên)" for p in parents)
    return (
        f"có nhiều đơn vị tên «{name}» (cấp trên: {shown}) mà tệp không ghi cấp trên khớp: "
        "chưa nhận. Ghi rõ cấp trên trong tệp hoặc trong danh sách đơn vị."
    )
