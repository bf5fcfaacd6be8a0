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
