"""Vietnamese wording of the rehearsal (tập dượt) screen and its commands."""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    "home.rehearse": (
        "Tập dượt",
        "Tập dượt buổi đã chuẩn bị (chưa bắt đầu): đi theo chương trình với đồng hồ, "
        "không ghi gì vào biên bản.",
    ),
    "rehearsal.toggle": (
        "Chạy / tạm dừng",
        "Bắt đầu tập dượt ở mục đầu tiên, tạm dừng hoặc chạy tiếp đồng hồ.",
    ),
    "rehearsal.prev": ("Mục trước", "Quay lại mục trước (đồng hồ của mục đó chạy tiếp)."),
    "rehearsal.next": ("Mục sau", "Chuyển sang mục kế tiếp của chương trình."),
    "rehearsal.write": (
        "Ghi thời lượng",
        "Lấy số phút đã tập dượt làm thời lượng của các mục (hỏi trước khi ghi).",
    ),
    "rehearsal.back": ("Kết thúc tập dượt", "Về danh sách buổi; buổi tập dượt không ghi gì."),
}
SCOPE_TITLES = {"rehearsal": "Tập dượt"}
FOOTER_SHORT = {
    "rehearsal.toggle": "Chạy",
    "rehearsal.write": "Ghi phút",
    "rehearsal.back": "Xong",
    "home.rehearse": "Tập dượt",
}

TITLE = "Tập dượt"
BANNER = "TẬP DƯỢT — không ghi vào biên bản, không điểm danh, không biểu quyết"
COLUMNS = ("#", "Dự kiến", "Tập", "Chênh", "Nội dung")
NOT_STARTED = "Chưa chạy · bấm F5 (ctrl+s) để bắt đầu ở mục đầu tiên"
PAUSED = "tạm dừng"
NOT_PLANNED = (
    "Chỉ tập dượt được buổi đã chuẩn bị mà chưa bắt đầu: buổi này đã diễn ra, chương trình "
    "của nó là biên bản."
)
BAD_BUDGET = "Thời lượng phải là số phút nguyên, ít nhất 1 phút."
NOTHING_TO_WRITE = "Chưa có mục nào tập dượt khác thời lượng dự kiến: không có gì để ghi."
NO_AGENDA = "Chương trình không có mục nào để tập dượt."


def totals(planned: str, rehearsed: str) -> str:
    return f"Tổng: dự kiến {planned} · tập dượt {rehearsed}"


def status(position: int, count: int, elapsed: str, budget: str, paused: bool) -> str:
    state = f" · {PAUSED}" if paused else ""
    return f"Mục {position}/{count} · {elapsed} / {budget}{state}"


def difference(seconds: float, shown: str) -> str:
    """ "+02:10" over the budget, "-00:45" under it."""
    return f"+{shown}" if seconds > 0 else (f"-{shown}" if seconds < 0 else shown)


def confirm_write(changes: list[tuple[str, int, int]]) -> str:
    """The question before writing, listing each item's old and new budget."""
    lines = [f"- {title}: {old} → {new} phút" for title, old, new in changes]
    return "Ghi số phút đã tập dượt làm thời lượng của buổi sinh hoạt?\n\n" + "\n".join(lines)


def written(count: int) -> str:
    return f"Đã ghi thời lượng mới cho {count} mục."


DECLINED = "Không ghi: thời lượng của buổi giữ nguyên."
LEFT = "Đã kết thúc tập dượt; buổi sinh hoạt không có gì thay đổi ngoài thời lượng đã ghi."
