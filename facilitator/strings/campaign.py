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
        "chưa nhận. Chạy lại lệnh trong cửa sổ dòng lệnh để chọn, hoặc chỉ rõ "
        "--assign TỆP=CẤP_TRÊN, hoặc ghi rõ cấp trên trong tệp."
    )


def no_such_parent(parent: str) -> str:
    return (
        f"đã chọn cấp trên «{parent}» nhưng không đơn vị nào cùng tên trong danh sách "
        "có cấp trên này."
    )


ASSIGN_HELP = (
    "Với tệp mà tên đơn vị trùng nhau trong danh sách: cấp trên của đơn vị tệp này "
    "thuộc về, dạng TỆP=CẤP_TRÊN (có thể lặp lại)."
)
ASSIGN_METAVAR = "TỆP=CẤP_TRÊN"
ASK_SKIP = "Bỏ qua, chưa nhận tệp này"
ASK_PROMPT = "Chọn số"


def assign_bad(value: str) -> str:
    return f"«{value}» không đúng dạng TỆP=CẤP_TRÊN."


def ask_which_unit(path: str, name: str) -> str:
    return f"Tệp {path}: đơn vị «{name}» là đơn vị nào?"


def ask_choice(number: int, name: str, parent: str) -> str:
    return f"  {number}. {name} (cấp trên: {parent or 'không ghi'})"


# --- Status and reminders -------------------------------------------------------------------

STATE_LABELS = {
    "received": "Đã nhận",
    "late": "Nhận muộn",
    "missing": "Chưa nhận",
    "overdue": "Quá hạn",
}
NO_DEADLINE = "chưa có hạn"
REMINDER_TITLE = "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO"
REMINDER_HEADER = ("TT", "Đơn vị", "Cấp trên")
STATUS_COLUMNS = (
    "TT",
    "Đơn vị",
    "Cấp trên",
    "Tình trạng",
    "Số buổi",
    "Tham gia",
    "Tỷ lệ",
    "Thu hoạch",
    "Ngày báo cáo",
    "Dưới 2/3",
)
BELOW_MARK = "x"


def reminder_intro(title: str, number: str, deadline: str, count: int) -> str:
    plan = f" (Kế hoạch số {number})" if number else ""
    return f"Đợt «{title}»{plan}, hạn báo cáo: {deadline}. Còn {count} đơn vị chưa gửi báo cáo."


def days_left_line(days: int | None, deadline: str) -> str:
    if days is None:
        return "Đợt chưa có hạn báo cáo."
    if days > 0:
        return f"Hạn báo cáo {deadline}: còn {days} ngày."
    if days == 0:
        return f"Hạn báo cáo {deadline}: hôm nay là ngày cuối."
    return f"Hạn báo cáo {deadline}: đã quá hạn {-days} ngày."


def status_summary(received: int, total: int, missing: int, late: int) -> str:
    return f"Đã nhận {received}/{total} đơn vị; chưa nhận {missing}; muộn hoặc quá hạn {late}."


NOTHING_TO_SHOW = "Không có đơn vị nào."


def status_title(title: str, campaign_id: str) -> str:
    return f"Đợt «{title}» ({campaign_id})"


# --- The command line ------------------------------------------------------------------------

CAMPAIGN_HELP = (
    "Theo dõi một đợt: kế hoạch, danh sách đơn vị phải báo cáo, nhận tệp từ cấp dưới, "
    "xem đơn vị nào đã/chưa báo cáo, gửi nhắc và lập báo cáo của cấp mình."
)
CREATE_HELP = (
    "Tạo đợt mới. Kế hoạch (số, ngày, cơ quan ban hành, hạn báo cáo) lấy từ gói nội dung "
    "(--pack) hoặc gõ bằng các tùy chọn."
)
TITLE_METAVAR = "TÊN_ĐỢT"
TITLE_NEEDED = "Cần tên đợt (hoặc --pack để lấy tên từ gói nội dung)."
LEVEL_UNIT_HELP = "Đơn vị tổng hợp báo cáo của đợt (cấp mình), ví dụ «Đảng bộ xã Di Linh»."
PACK_HELP = (
    "Gói nội dung của đợt (tệp .md hoặc mã gói): lấy tên, kế hoạch và hạn báo cáo từ phần đầu gói."
)
NUMBER_HELP = "Số và ký hiệu kế hoạch, ví dụ 172-KH/HU."
DATE_HELP = "Ngày ban hành kế hoạch (dd/mm/yyyy)."
ISSUER_HELP = "Cơ quan ban hành kế hoạch."
DEADLINE_HELP = "Hạn báo cáo (dd/mm/yyyy); báo cáo ngày hạn vẫn là đúng hạn."
LIST_HELP = "Liệt kê các đợt đã tạo."
NO_CAMPAIGNS = "Chưa có đợt nào. Tạo bằng: facilitator campaign create TÊN_ĐỢT --unit ĐƠN_VỊ"
UNITS_HELP = "Danh sách đơn vị phải báo cáo của đợt."
UNITS_IMPORT_HELP = (
    "Nhập danh sách đơn vị từ tệp CSV hoặc XLSX (cột: Tên đơn vị, Cấp trên, Viết tắt, Loại); "
    "thay cho danh sách cũ."
)
CAMPAIGN_METAVAR = "MÃ_ĐỢT"
PATHS_METAVAR = "THƯ_MỤC|TỆP…"
COLLECT_HELP = (
    "Nhận các tệp báo cáo và tệp buổi sinh hoạt (một thư mục, kể cả thư mục trên USB, "
    "hoặc nhiều tệp) và ghép với đơn vị trong danh sách; có tệp lỗi thì không nhận tệp nào."
)
COLLECT_REPLACE_HELP = "Nhận tệp mới thay cho tệp đơn vị đã gửi trước đó."
COLLECT_PROGRESS = "Đang đọc và kiểm tra"
STATUS_HELP = (
    "Tình hình đợt: từng đơn vị đã nhận hay chưa, muộn, số buổi, tỷ lệ tham gia, "
    "bài thu hoạch, dưới 2/3; số ngày còn lại."
)
MISSING_HELP = "Chỉ các đơn vị chưa báo cáo."
LATE_HELP = "Chỉ các đơn vị báo cáo muộn hoặc đã quá hạn."
JSON_HELP = "In dạng JSON (cho chương trình khác)."
REMINDERS_HELP = (
    "Ghi danh sách đơn vị chưa báo cáo (kèm cấp trên) để gửi nhắc: .csv cho Excel, "
    "tên khác ghi Markdown."
)
REPORT_HELP = (
    "Lập báo cáo của cấp mình từ mọi tệp đã nhận của đợt (kèm danh sách đơn vị chưa báo cáo); "
    "--format bundle ghi tệp báo cáo để gửi cấp trên."
)


def created(campaign_id: str, title: str) -> str:
    return f"Đã tạo đợt «{title}», mã {campaign_id}."


def list_line(campaign_id: str, title: str, received: int, total: int) -> str:
    return f"{campaign_id}  {title}  (đã nhận {received}/{total} đơn vị)"


def units_imported(count: int) -> str:
    return f"Đã nhập {count} đơn vị phải báo cáo."


def collected_one(unit: str, bundle_id: str, kind: str) -> str:
    what = "báo cáo" if kind == "report" else "buổi sinh hoạt"
    return f"Đã nhận {what} {bundle_id} của {unit}"


def collected_total(added: int, replaced: int, left_out: int) -> str:
    parts = [f"Đã nhận {added} tệp"]
    if replaced:
        parts.append(f"thay {replaced} tệp cũ")
    if left_out:
        parts.append(f"{left_out} tệp chưa nhận vì không rõ đơn vị")
    return ", ".join(parts) + "."


def reminders_count(count: int) -> str:
    return f"{count} đơn vị chưa báo cáo."


# --- The console's tracking screen -----------------------------------------------------------

SCREEN_TITLE = "Theo dõi đợt: đơn vị đã và chưa báo cáo"
SCREEN_EMPTY = (
    "Chưa có đợt nào. Tạo đợt và nhận tệp ở dòng lệnh: facilitator campaign create …, "
    "facilitator campaign units import …, facilitator campaign collect …"
)
FILTER_LABELS = {
    "all": "tất cả đơn vị",
    "missing": "đơn vị chưa báo cáo",
    "late": "đơn vị muộn hoặc quá hạn",
}


def filter_line(label: str, shown: int, total: int) -> str:
    return f"Đang hiện {label}: {shown}/{total} (m chưa báo cáo · l muộn · a tất cả)"


def campaign_of(index: int, count: int) -> str:
    return f"Đợt {index}/{count} (n: đợt tiếp theo)"


# Palette, footer and F1 wording of the tracking screen (merged into strings.ui.COMMANDS).
COMMANDS: dict[str, tuple[str, str]] = {
    "home.campaign": (
        "Theo dõi đợt",
        "Xem đơn vị nào đã hoặc chưa báo cáo trong đợt, muộn hay đúng hạn, còn bao nhiêu ngày.",
    ),
    "campaign.missing": ("Chưa báo cáo", "Chỉ hiện các đơn vị chưa gửi báo cáo."),
    "campaign.late": ("Muộn", "Chỉ hiện các đơn vị báo cáo muộn hoặc đã quá hạn."),
    "campaign.all": ("Tất cả", "Hiện mọi đơn vị phải báo cáo của đợt."),
    "campaign.next": ("Đợt khác", "Chuyển sang đợt tiếp theo (khi có nhiều đợt)."),
    "campaign.refresh": ("Làm mới", "Đọc lại đợt (sau khi nhận thêm tệp ở dòng lệnh)."),
    "campaign.back": ("Quay lại", "Trở về danh sách buổi sinh hoạt."),
}
SCOPE_TITLES = {"campaign": "Theo dõi đợt"}

MISSING_SHEET_NAME = "Chưa báo cáo"
MISSING_HEADER = ("TT", "Đơn vị chưa báo cáo")
