"""Vietnamese wording of the audience (projector) window."""

from __future__ import annotations

APP_TITLE = "Màn hình trình chiếu"
WAITING = "Đang chờ người trình bày…"
WAITING_HINT = "Màn hình sẽ tự cập nhật khi người trình bày chuyển sang một mục của chương trình."
NOT_STARTED = "Buổi sinh hoạt sắp bắt đầu"
CLOSED = "Buổi sinh hoạt đã kết thúc"

# Served to browsers (audience --serve): plain text pages, and the presenter's terminal.
WEB_CODE_NEEDED = (
    "Cần mã truy cập: mở đường dẫn có ?code=… mà người trình bày đọc cho (in trên màn hình của họ)."
)
WEB_FULL = "Đã đủ {count} người đang xem; hãy thử lại sau."
WEB_CODE_SHOWN = "Mã truy cập cho máy khác trong phòng: {code} (đã có sẵn trong đường dẫn trên)."

KEY_QUIT = "Thoát"
KEY_AGENDA = "Chương trình"

AGENDA_HEADING = "Chương trình buổi sinh hoạt"
QUESTIONS_HEADING = "Câu hỏi thảo luận"
CURRENT_MARK = "▶"

ITEM_KIND_LABELS: dict[str, str] = {
    "procedure": "Thủ tục",
    "presentation": "Trình bày",
    "discussion": "Thảo luận",
    "vote": "Biểu quyết",
    "conclusion": "Kết luận",
}


def position(number: int, count: int) -> str:
    """Text such as "Mục 3/9": where the current item sits in the (non-skipped) agenda."""
    return f"Mục {number}/{count}"


def budget(minutes: int) -> str:
    """The item's planned duration."""
    return f"Dự kiến {minutes} phút"


def remaining(clock: str) -> str:
    """Time left within the budget, e.g. "còn 04:48"."""
    return f"còn {clock}"


def overtime(clock: str) -> str:
    """Time past the budget, e.g. "quá giờ 01:12"."""
    return f"quá giờ {clock}"


def agenda_line(number: int, title: str) -> str:
    """One line of the agenda outline."""
    return f"{number}. {title}"


def question_line(number: int, question: str) -> str:
    """One numbered discussion question."""
    return f"{number}. {question}"
