"""The console's result report: the "Thông tin ký ban hành" dialog, the unit's details
and their messages (#10.6, 7)."""

from __future__ import annotations

from collections.abc import Sequence

# Commands of the report screen (merged into the one command table's wording).
COMMANDS: dict[str, tuple[str, str]] = {
    "report.sign": (
        "Xuất báo cáo kết quả",
        "Điền thông tin ký ban hành (số, người ký, nơi nhận, nhận xét) rồi xuất báo cáo kết "
        "quả của buổi này (Word, Markdown, Excel, CSV; PDF khi có LibreOffice).",
    ),
    "report.unit": (
        "Thông tin đơn vị",
        "Sửa cấp trên, địa danh, ký hiệu, cơ quan ban hành và nơi nhận của đơn vị (báo cáo "
        "sau dùng luôn).",
    ),
}

# --- Thông tin ký ban hành -----------------------------------------------------------------

SIGNING_TITLE = "Thông tin ký ban hành"
NUMBER_LABEL = "Số văn bản (đề xuất số tiếp theo; chữ «Số» tự thêm)"
SIGNER_NAME_LABEL = "Họ tên người ký"
SIGNER_POSITION_LABEL = "Chức vụ người ký"
SIGNER_POSITION_PLACEHOLDER = "để trống: {title}"
RECIPIENTS_LABEL = "Nơi nhận (mỗi dòng một nơi)"
NARRATIVE_LABELS: dict[str, str] = {
    "situation": "Đặc điểm tình hình: thuận lợi, khó khăn",
    "leadership": "Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện",
    "strengths": "Ưu điểm",
    "weaknesses": "Hạn chế, nguyên nhân",
    "proposals": "Đề xuất, kiến nghị",
}
EXPORT_BUTTON = "Xuất…"
UNIT_BUTTON = "Thông tin đơn vị…"
CLOSE_BUTTON = "Đóng"

UNIT_FIELD_WORDS = {
    "parent": "cấp trên trực tiếp",
    "locality": "địa danh ở dòng ngày tháng",
    "abbrev": "ký hiệu cơ quan ban hành",
}


def unit_gaps_warning(unit: str, gaps: Sequence[str], *, has_roster: bool, here: bool) -> str:
    """The unit lacks what the report's header needs: say so, and where to give it
    (``here``: in the unit's own dialog)."""
    missing = ", ".join(UNIT_FIELD_WORDS[g] for g in gaps)
    roster = "" if has_roster else "chưa có danh sách trong máy, "
    where = "Nhập vào đây để báo cáo có đủ." if here else f"Chọn «{UNIT_BUTTON}» để nhập."
    return f"Đơn vị «{unit}» {roster}chưa có {missing}: báo cáo sẽ để trống. {where}"


def blanks_confirm(blanks: Sequence[str]) -> str:
    listed = "\n".join(f"- {b}" for b in blanks)
    return f"Báo cáo còn để trống:\n{listed}\n\nVẫn xuất? (Chọn «Không» để quay lại điền.)"


def exported_with_blanks(path: str, blanks: Sequence[str]) -> str:
    return f"Đã xuất: {path}. Còn {len(blanks)} chỗ trống phải điền tay: {'; '.join(blanks)}."


REMEMBER_FAILED = "Không lưu được thông tin đã nhập: {error}"

# --- Thông tin đơn vị ----------------------------------------------------------------------

UNIT_TITLE = "Thông tin đơn vị: {unit}"
PARENT_LABEL = "Cấp trên trực tiếp (ví dụ: Đảng bộ xã Tân Thượng)"
LOCALITY_LABEL = "Địa danh ở dòng ngày tháng"
ABBREV_LABEL = "Ký hiệu (ví dụ: CB, ĐU)"
ISSUER_LABEL = "Cơ quan ban hành (để trống: theo tên đơn vị)"
UNIT_RECIPIENTS_LABEL = "Nơi nhận của báo cáo (mỗi dòng một nơi; để trống: theo cấp trên)"
UNIT_SAVED = "Đã lưu thông tin đơn vị «{unit}»."
