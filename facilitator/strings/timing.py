"""Vietnamese wording of the meeting's times: start, end, item times, arrivals, departures.

Used by the time rules (``facilitator.domain.timing``), the service and the console's
time dialogs; the minutes' own wording stays in ``facilitator.export.wording.minutes``.
"""

from __future__ import annotations

# --- Entering a date and time ----------------------------------------------------------

MOMENT_FORMAT = "dd/mm/yyyy hh:mm"
CLOCK_FORMAT = "hh:mm"
BAD_MOMENT = "Nhập ngày giờ theo dạng dd/mm/yyyy hh:mm, ví dụ 03/05/2024 07:30."
BAD_CLOCK = "Nhập giờ theo dạng hh:mm, ví dụ 07:45."
NO_SUCH_DATE = "Ngày {value} không có trong lịch."
END_BEFORE_START = "Giờ kết thúc không được trước giờ bắt đầu."
ITEM_END_BEFORE_START = "Mục {number}: giờ kết thúc không được trước giờ bắt đầu của mục."
ITEM_BEFORE_MEETING = "Mục {number}: giờ bắt đầu không được trước giờ bắt đầu buổi họp."
ITEM_AFTER_MEETING = "Mục {number}: giờ kết thúc không được sau giờ kết thúc buổi họp."
ARRIVAL_BEFORE_START = "Giờ đến ({time}) không được trước giờ bắt đầu buổi họp ({start})."
ARRIVAL_AFTER_END = "Giờ đến ({time}) không được sau giờ kết thúc buổi họp ({end})."
ARRIVED_AFTER_END = (
    "Đồng chí {name} được ghi đến lúc {time}, sau giờ kết thúc buổi họp ({end}): biên bản "
    "sẽ ghi sai. Sửa giờ đến ở màn hình điểm danh (F2) hoặc giờ họp (ctrl+f) rồi thông qua."
)
LEFT_BEFORE_START = "Giờ về ({time}) không được trước giờ bắt đầu buổi họp ({start})."
LEFT_BEFORE_ARRIVAL = "Giờ về ({time}) không được trước giờ đến ({arrived})."
LEFT_AFTER_END = "Giờ về ({time}) không được sau giờ kết thúc buổi họp ({end})."
LEFT_NOT_PRESENT = "Chỉ ghi về sớm cho người có mặt (hoặc đến muộn)."
END_REQUIRED = (
    "Buổi họp nhập sau chưa có giờ kết thúc: nhập giờ kết thúc (Sửa giờ họp) trước khi thông qua."
)


def end_on_other_day(began: str) -> str:
    """Approving on a later day than the meeting began: its end is asked, not stamped."""
    return (
        f"Buổi họp bắt đầu lúc {began}, không phải hôm nay: nhập giờ kết thúc thật của "
        "cuộc họp để biên bản ghi đúng (không lấy giờ thông qua hôm nay)."
    )


# --- Bundle validation (same style as facilitator.strings.bundle) -----------------------

BUNDLE_LEFT_NOT_PRESENT = "chỉ người có mặt (present, late) mới có giờ về sớm (left_at)"
BUNDLE_LEFT_BEFORE_ARRIVAL = "giờ về sớm (left_at) trước giờ đến (arrived_at)"

# --- F5 on a day other than the planned one --------------------------------------------

START_TITLE = "Bắt đầu buổi sinh hoạt"
START_OTHER_DAY = (
    "Buổi sinh hoạt dự kiến lúc {planned}, nhưng đồng hồ máy đang là {now}.\n"
    "Nếu đang nhập biên bản sau buổi họp, hãy giữ giờ dự kiến: biên bản ghi đúng ngày họp "
    "và chương trình không lấy giờ của máy."
)
START_PLANNED = "Theo giờ dự kiến {planned}"
START_NOW = "Bắt đầu bây giờ ({now})"
STARTED_AS_PLANNED = "Đã bắt đầu theo giờ dự kiến {planned} (nhập biên bản sau buổi họp)."

# --- Correcting the meeting's times -------------------------------------------------------

TIMES_TITLE = "Sửa giờ họp"
TIMES_START = "Bắt đầu (dd/mm/yyyy hh:mm)"
TIMES_END = "Kết thúc (dd/mm/yyyy hh:mm; để trống nếu chưa kết thúc)"
TIMES_ITEMS = "Giờ từng mục (hh:mm; để trống nếu không ghi)"
TIMES_ITEM_START = "Bắt đầu"
TIMES_ITEM_END = "Kết thúc"


def item_box_problem(number: int, start: bool, problem: str) -> str:
    """A bad time in the list of items, located (the list scrolls past the screen)."""
    box = "giờ bắt đầu" if start else "giờ kết thúc"
    return f"Mục {number}, {box}: {problem}"


TIMES_SAVED = "Đã lưu giờ họp."
TIMES_AFTERWARDS_HINT = (
    "Đang nhập biên bản sau buổi họp: mọi giờ lấy theo giờ nhập ở đây, không lấy giờ của máy."
)

# --- Typing the minutes up afterwards -----------------------------------------------------

AFTERWARDS_TITLE = "Nhập biên bản sau buổi họp"
AFTERWARDS_ON = "Đang nhập biên bản sau buổi họp: giờ họp lấy theo giờ đã nhập."
AFTERWARDS_LABEL = "nhập sau buổi họp"

# --- Arrival and departure ----------------------------------------------------------------

ARRIVAL_TITLE = "Giờ đến của đồng chí {name}"
LEFT_TITLE = "Giờ về sớm của đồng chí {name}"
CLOCK_HINT = "hh:mm, ví dụ 07:45 (ngày {day})"
LEFT_AT = "về lúc {time}"
LEFT_CLEARED = "Đã bỏ ghi về sớm của đồng chí {name}."
LEFT_CLEAR = "Bỏ ghi về sớm"

# --- Commands (footer, palette) -----------------------------------------------------------
