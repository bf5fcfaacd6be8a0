"""Vietnamese text of the note box: choosing the speaker, absent speakers, editing a note."""

from __future__ import annotations

# --- Choosing the speaker ------------------------------------------------------------------
SPEAKER_AMBIGUOUS = (
    "Có {count} người khớp «{typed}». Chọn bằng ↑/↓ rồi Enter, hoặc gõ đủ họ tên có dấu."
)
SPEAKER_UNKNOWN = "Không có ai tên «{typed}» trong danh sách. Sửa tên, xóa ô người phát biểu, hoặc thêm khách ở màn hình điểm danh (F2)."

# --- A speaker who is not marked present ---------------------------------------------------
ABSENT_TITLE = "Người phát biểu chưa có mặt"
ABSENT_BODY = "Đồng chí {name} đang được ghi «{status}» trong điểm danh."
ABSENT_QUESTION = "Đồng chí đã đến? Ghi đến muộn thì biên bản không ghi vừa vắng vừa phát biểu."
ABSENT_ARRIVED_AT = "Đến lúc (giờ:phút):"
ABSENT_TIME_REQUIRED = "Hãy gõ giờ đến, ví dụ 07:45."
ABSENT_MARK_LATE = "Ghi đến muộn"
ABSENT_KEEP = "Vẫn ghi phát biểu"
ABSENT_MARKED_LATE = "Đã ghi đồng chí {name} đến muộn lúc {time}."

# --- Editing a saved note ------------------------------------------------------------------
EDIT_SPEAKER = "Người phát biểu (để trống nếu không rõ)"
EDIT_KIND = "Loại"
EDIT_TEXT = "Nội dung"
EDIT_CANCELLED = "Đã hủy sửa ghi chép: ghi chép giữ nguyên như cũ."
