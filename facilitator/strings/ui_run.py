"""Vietnamese wording of the console's run screen: the agenda and the item, notes and
the speaking queue, the timer, the vote, conclusion, approval and reopening dialogs,
read-back, and changing the agenda while the meeting runs.

Re-exported by :mod:`facilitator.strings.ui`, which the screens read.
"""

from __future__ import annotations

# --- Run ---------------------------------------------------------------------------------------

AGENDA_TITLE = "Chương trình"
PRESENTER_NOTES_TITLE = "Ghi chú riêng của báo cáo viên"
NOTES_TITLE = "Ghi chép của mục"
QUESTIONS_HEADING = "Câu hỏi thảo luận"
ITEM_CONCLUSION = "Kết luận của chủ trì"
NO_ITEM = "Chưa bắt đầu. Bấm F5 để bắt đầu buổi sinh hoạt, hoặc chọn một mục rồi Enter."
NO_AGENDA = "Chương trình trống."
SKIPPED_MARK = "(bỏ qua)"
SPEAKER_PLACEHOLDER = "Người phát biểu"
NOTE_READ_ONLY = "Đã thông qua, chỉ xem (mở lại để sửa)"  # fits the box at 80 columns
NOTE_PLACEHOLDER = "Ghi ý kiến rồi Enter để lưu"
NOTE_SAVED = "Đã lưu ghi chép {time} · {speaker}"
NOTE_EMPTY = "Ghi chép trống, chưa lưu."
NOTE_NO_ITEM = "Chưa có mục nào đang diễn ra để gắn ghi chép."
DRAFT_SAVED_ON_MOVE = "Đã lưu ghi chép đang gõ dở vào mục «{title}»."
DRAFT_RESTORED = "Đã khôi phục ghi chép đang gõ dở."
NO_NOTE_SELECTED = "Hãy chọn một ghi chép trong danh sách ghi chép (F3 rồi shift+tab)."
NOTE_DELETED = "Đã xóa ghi chép."
NOTE_EDITED = "Đã lưu ghi chép đã sửa."
CONFIRM_DELETE_NOTE = "Xóa ghi chép này?\n\n{text}"
EDIT_NOTE_TITLE = "Sửa ghi chép"
QUEUE_TITLE = "Đăng ký phát biểu"
AT_LAST_ITEM = "Đã ở mục cuối của chương trình."
AT_FIRST_ITEM = "Đã ở mục đầu của chương trình."
QUEUE_ADDED = "Đã thêm {name} vào danh sách đăng ký phát biểu."
QUEUE_NEED_NAME = (
    "Không xác định được người xin phát biểu: hãy gõ rõ hơn tên (không dấu cũng được)."
)
QUEUE_PLACEHOLDER = "Tên người xin phát biểu (không dấu cũng được)"
SESSION_STARTED = "Đã bắt đầu buổi sinh hoạt."
ALREADY_STARTED = "Buổi sinh hoạt đã bắt đầu."
NOT_STARTED = "Chưa bắt đầu · tổng thời lượng {minutes} phút"
PACING_ON_TIME = "đúng kế hoạch"
SESSION_LEFT = "Đã đóng buổi sinh hoạt; mọi thứ đã được lưu."


def timer_text(position: int, count: int, elapsed: str, budget: str) -> str:
    """The current item's timer: "Mục 3/13 · 07:32 / 10:00"."""
    return f"Mục {position}/{count} · {elapsed} / {budget}"


def pacing_text(expected_end: str, minutes: int) -> str:
    """Session pacing: expected end and how far ahead (minutes < 0) or behind."""
    if minutes > 0:
        state = f"chậm {minutes} phút"
    elif minutes < 0:
        state = f"sớm {-minutes} phút"
    else:
        state = PACING_ON_TIME
    return f"Dự kiến xong {expected_end}, {state}"


def started_earlier(day: str) -> str:
    """The meeting was started on an earlier day and is still open: an item's timer or an
    expected end counted across days would mean nothing."""
    return f"Bắt đầu {day}, chưa kết thúc · ctrl+f sửa giờ"  # fits 80 columns with attendance


def present_short(present: int, expected: int, share: str) -> str:
    """Compact attendance for the run screen."""
    return f"Có mặt {present}/{expected} ({share})"


# --- Dialogs -------------------------------------------------------------------------------------

VOTE_TITLE = "Biểu quyết"
VOTE_QUESTION = "Nội dung biểu quyết"
VOTE_FOR = "Tán thành"
VOTE_AGAINST = "Không tán thành"
VOTE_OTHER = "Ý kiến khác"
VOTE_PASSED = "Thông qua"
VOTE_FAILED = "Không thông qua"
VOTE_QUESTION_REQUIRED = "Hãy nhập nội dung biểu quyết."
VOTE_NUMBER_INVALID = "Số phiếu phải là số nguyên không âm."
VOTE_TOO_MANY = "Tổng số phiếu ({total}) lớn hơn số đảng viên có quyền biểu quyết ({base})."
VOTE_NO_COUNTS = "Chưa có phiếu nào: nhập số tán thành, không tán thành hoặc ý kiến khác."
VOTE_NOBODY_ENTITLED = "Không có đảng viên nào có quyền biểu quyết: biểu quyết không có kết quả."
VOTE_SAVED = "Đã ghi biểu quyết: {result}."


def vote_base_line(base: int) -> str:
    """The voting base and the rule, shown above the vote counts."""
    return (
        f"Số đảng viên có quyền biểu quyết: {base}. "
        f"Thông qua khi có trên một nửa ({base // 2 + 1} trở lên) tán thành."
    )


def vote_result_line(result: str, votes_for: int, base: int, share: str) -> str:
    """Live result under the counts: "Thông qua: 9/12 (75%)"."""
    return f"{result}: {votes_for}/{base} tán thành ({share})"


CONCLUSION_ITEM_TITLE = "Kết luận của chủ trì — {title}"
CONCLUSION_OVERALL_TITLE = "Kết luận chung của chủ trì"
CONCLUSION_HINT = "ctrl+s: lưu · Esc: hủy"
CONCLUSION_SAVED = "Đã lưu kết luận."
CONFIRM_TITLE = "Xác nhận"
APPROVE_TITLE = "Thông qua biên bản và kết thúc buổi sinh hoạt"
APPROVE_BODY = (
    "Sau khi thông qua, buổi sinh hoạt bị khóa (chỉ xem). Số đảng viên có quyền biểu quyết: {base}."
)
APPROVE_FOR = "Số tán thành thông qua biên bản"
APPROVE_FOR_REQUIRED = "Hãy nhập số đảng viên tán thành thông qua biên bản."
APPROVE_FROM_VOTE = "Theo biểu quyết đã ghi «{question}»: {for_}/{base} tán thành."
APPROVED = "Biên bản đã được thông qua; buổi sinh hoạt đã kết thúc."


def absent_speaker(name: str, status: str, count: int) -> str:
    """A speaker the attendance does not have present (the minutes would say both)."""
    return (
        f"{name} được ghi «{status}» nhưng có {count} ghi chép phát biểu: sửa điểm danh "
        "(F2, phím 2: đến muộn) hoặc người phát biểu trước khi thông qua."
    )


def absent_speaker_entry(name: str, status: str, count: int) -> str:
    """One person in :func:`absent_speakers`: "Lê Văn Ân (Vắng không lý do, 2 ghi chép)"."""
    return f"{name} ({status}, {count} ghi chép)"


def absent_speakers(entries: list[str], shown: int = 3) -> str:
    """Every speaker not marked present, in one line (the first few named)."""
    named = "; ".join(entries[:shown]) + (
        f" và {len(entries) - shown} người khác" if len(entries) > shown else ""
    )
    return (
        f"Có phát biểu nhưng không được ghi có mặt: {named}. Sửa điểm danh (F2, phím 2: "
        "đến muộn) hoặc người phát biểu trước khi thông qua."
    )


APPROVE_NO_CONCLUSION = (
    "Chưa có kết luận chung của chủ trì (Esc, rồi F8 ở màn hình điều hành để ghi): "
    "thông qua bây giờ thì biên bản chỉ còn dòng chấm để ghi tay."
)
REOPEN_TITLE = "Mở lại buổi sinh hoạt đã kết thúc"
REOPEN_BODY = "Việc mở lại được ghi vào hồ sơ buổi sinh hoạt. Hãy nêu lý do."
REOPEN_REASON = "Lý do mở lại"
REOPENED = "Đã mở lại buổi sinh hoạt (lý do đã được ghi lại)."
NOT_CLOSED = "Buổi sinh hoạt chưa kết thúc, không cần mở lại."

# --- Read back and export ------------------------------------------------------------------------

READBACK_TITLE = "Đọc lại biên bản"
READBACK_HINT = "ctrl+t: thông qua và kết thúc · F9: xuất · Esc: quay lại"
READBACK_NO_EXPORTER = "Chưa có bộ xuất biên bản trong bản cài đặt này; dưới đây là bản tóm tắt."
# The export dialog is worded in facilitator.strings.export_ui.

# --- Agenda changes while running ----------------------------------------------------------------

JUMP_PLACEHOLDER = "Gõ tên mục chương trình để chuyển đến…"
JUMP_HELP = "Mục {number} · {minutes} phút"
JUMP_HELP_SKIPPED = "Mục {number} · {minutes} phút · đang bỏ qua"
JUMP_HELP_CURRENT = "Mục {number} · {minutes} phút · đang diễn ra"
ITEM_SKIPPED = "Đã bỏ qua mục «{title}»."
ITEM_KEPT = "Đã giữ lại mục «{title}»."
NO_ITEM_SELECTED = "Chưa chọn mục nào trong danh sách chương trình (ctrl+l)."
LAST_ITEM_KEPT = "Không bỏ qua được: chương trình phải còn ít nhất một mục."
