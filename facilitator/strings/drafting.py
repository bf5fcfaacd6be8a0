"""Wording of pack drafting (``facilitator content draft``, the Prepare screen's dialog)."""

from __future__ import annotations

from facilitator.domain.content import FramingLens

# -- reading the plan -------------------------------------------------------------------


def plan_unreadable(path: str) -> str:
    return f"Không đọc được kế hoạch {path}"


PLAN_KIND = "tệp kế hoạch (.txt, .md, .docx hoặc .pdf)"
UNKNOWN_ENCODING = (
    "không nhận ra bảng mã của tệp văn bản (chỉ đọc được UTF-8 và Windows-1258); "
    "hãy mở bằng Word và lưu lại dạng .docx hoặc «Văn bản thuần, UTF-8»"
)
DOCX_BROKEN = "tệp Word (.docx) bị hỏng hoặc không phải tệp Word thật"
OLD_WORD_FORMAT = (
    "định dạng Word cũ (.doc, .rtf, .odt) chưa đọc được; hãy mở bằng Word và "
    "«Lưu thành» .docx rồi soạn lại"
)
PDF_SUPPORT_MISSING = (
    "chưa cài phần đọc PDF; cài bằng lệnh: pip install 'facilitator[pdf]' "
    "(hoặc pipx inject facilitator pypdf), hoặc dùng bản .docx của kế hoạch"
)
PDF_ENCRYPTED = "tệp PDF có mật khẩu; hãy dùng bản không khóa hoặc bản .docx"
PDF_BROKEN = "tệp PDF bị hỏng hoặc không phải PDF thật"
PDF_NO_TEXT = (
    "tệp PDF không có lớp chữ (bản chụp, bản quét): ứng dụng không đọc được chữ trong ảnh. "
    "Hãy xin bản .docx hoặc PDF xuất từ Word, hoặc chép nội dung vào tệp .txt"
)


def unsupported_format(suffix: str) -> str:
    return f"không đọc được loại tệp «{suffix}»; chỉ đọc .txt, .md, .docx và .pdf có lớp chữ"


# -- framings a plan may name -----------------------------------------------------------
KNOWN_FRAMINGS: tuple[tuple[str, tuple[FramingLens, ...]], ...] = (
    (
        "gốc vững, thân chắc, cành uyển chuyển",
        (
            FramingLens(
                "goc",
                "Gốc vững",
                "Nguyên tắc chỉ đạo là phục vụ lợi ích quốc gia - dân tộc; giữ vững độc lập, "
                "tự chủ; dựa trên thực lực của chính mình làm nền tảng.",
            ),
            FramingLens(
                "than",
                "Thân chắc",
                "Sức mạnh từ khối đoàn kết, từ chính nghĩa, lẽ phải, cách ứng xử nhân văn, "
                "thủy chung và tôn trọng luật pháp.",
            ),
            FramingLens(
                "canh",
                "Cành uyển chuyển",
                "Phong cách, nghệ thuật ứng xử linh hoạt theo tinh thần “dĩ bất biến, ứng vạn "
                "biến”, nhất là trước tình huống khó khăn, phức tạp.",
            ),
        ),
    ),
)


# -- the standard items ------------------------------------------------------------------
OPENING_TITLE = "Khai mạc, tuyên bố lý do, giới thiệu đại biểu"
OPENING_POINTS = (
    "Tuyên bố lý do tổ chức buổi sinh hoạt theo kế hoạch của cấp trên.",
    "Giới thiệu đại biểu dự và đồng chí báo cáo viên.",
)
REGULAR_OPENING_TITLE = "Khai mạc, tuyên bố lý do"
REGULAR_OPENING_POINTS = ("Nêu lý do buổi sinh hoạt và giới thiệu đại biểu cấp trên dự (nếu có).",)
SECRETARY_TITLE = "Cử thư ký buổi sinh hoạt"
SECRETARY_POINTS = (
    "Chủ trì đề nghị một đồng chí làm thư ký, ghi biên bản buổi sinh hoạt.",
    "Hội nghị biểu quyết đồng ý bằng hình thức giơ tay.",
)
ATTENDANCE_TITLE = "Điểm danh, báo cáo số lượng"
ATTENDANCE_POINTS = ("Báo cáo tổng số, số có mặt, số vắng mặt và lý do vắng.",)
AGENDA_TITLE = "Thông qua chương trình"
AGENDA_POINTS = (
    "Giới thiệu tóm tắt các phần của buổi sinh hoạt và thời lượng dự kiến.",
    "Xin ý kiến hội nghị thống nhất chương trình.",
)
DISCUSSION_TITLE = "Thảo luận, liên hệ thực tiễn"
REGULAR_DISCUSSION_TITLE = "Thảo luận"
DISCUSSION_POINTS = (
    "Mỗi ý kiến phát biểu khoảng 3 đến 5 phút.",
    "Thư ký ghi tóm tắt ý kiến của từng đồng chí.",
)
STUDY_QUESTIONS = (
    "Qua nội dung được giới thiệu, đồng chí tâm đắc nhất điều gì? Vì sao?",
    "Liên hệ thực tiễn cơ quan, đơn vị, địa phương: chúng ta cần làm gì để thực hiện tốt "
    "nội dung đã học?",
    "Gặp thông tin sai trái, xuyên tạc về nội dung này trên mạng xã hội, mỗi đồng chí cần làm gì?",
)
REGULAR_QUESTIONS = (
    "Nhiệm vụ nào của tháng trước còn chậm, và chi bộ cần làm gì để khắc phục?",
    "Đảng viên có kiến nghị, đề xuất gì với chi ủy và cấp ủy cấp trên?",
)
QUESTIONS_NOTE = (
    "Các câu hỏi gợi ý do ứng dụng soạn sẵn: báo cáo viên sửa cho sát với nội dung và thực tế "
    "của đơn vị."
)
CONCLUSION_TITLE = "Kết luận, giao nhiệm vụ viết bài thu hoạch"
CONCLUSION_POINTS = (
    "Chủ trì tóm tắt các ý kiến thảo luận và kết luận nội dung buổi sinh hoạt.",
    "Giao mỗi đồng chí viết bài thu hoạch; nêu rõ thời hạn nộp.",
)
REGULAR_CONCLUSION_TITLE = "Kết luận"
REGULAR_CONCLUSION_POINTS = ("Chủ trì tổng hợp ý kiến, kết luận các nhiệm vụ tháng tới.",)
VOTE_TITLE = "Thông qua biên bản, biểu quyết"
VOTE_POINTS = (
    "Thư ký đọc lại biên bản buổi sinh hoạt.",
    "Hội nghị biểu quyết thông qua kết luận và biên bản.",
)
REGULAR_VOTE_TITLE = "Thông qua biên bản, biểu quyết nghị quyết"
REGULAR_VOTE_POINTS = (
    "Thư ký đọc lại biên bản trước khi kết thúc.",
    "Chi bộ biểu quyết thông qua nghị quyết tháng.",
)
CLOSING_TITLE = "Bế mạc"
CLOSING_POINTS = ("Cảm ơn đại biểu và các đồng chí đã tham dự.", "Tuyên bố bế mạc buổi sinh hoạt.")
REFLECTION_QUESTIONS = (
    "Qua đợt sinh hoạt, đồng chí nhận thức thêm những điều gì về nội dung đã học?",
    "Liên hệ bản thân và cơ quan, đơn vị, địa phương nơi đồng chí công tác, đồng chí sẽ làm gì "
    "để thực hiện tốt nội dung đã học?",
)
REGULAR_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Thông tin thời sự, văn bản mới",
        ("Phổ biến tóm tắt các văn bản mới của cấp ủy cấp trên.",),
    ),
    (
        "Đánh giá kết quả thực hiện nhiệm vụ trong tháng",
        ("Việc thực hiện nghị quyết chi bộ tháng trước: việc đã xong, việc đang làm.",),
    ),
    (
        "Phương hướng, nhiệm vụ tháng tới",
        ("Những việc trọng tâm, người phụ trách, thời hạn hoàn thành.",),
    ),
)
REGULAR_PARTS_NOTE = (
    "Kế hoạch không nêu các nội dung riêng: ứng dụng dùng các phần thường lệ của buổi sinh "
    "hoạt chi bộ; báo cáo viên sửa cho đúng tháng này."
)
NO_POINTS_NOTE = (
    "Kế hoạch chỉ nêu tên phần này, không nêu các ý: báo cáo viên cần chuẩn bị các ý chính "
    "(theo tài liệu sinh hoạt) trước buổi sinh hoạt."
)
NO_CONTENT_NOTE = (
    "Không tìm thấy phần «Nội dung» trong kế hoạch: báo cáo viên cần soạn các ý trình bày."
)
PURPOSE_NOTE = "Mục đích, yêu cầu của đợt sinh hoạt (theo kế hoạch), dùng khi tuyên bố lý do:"
GROUNDS_NOTE = "Căn cứ kế hoạch nêu:"


def opening_note(plan: str) -> str:
    return f"Đọc đúng số, ngày của {plan}; giới thiệu khách mời theo thứ bậc trước."


def review_note(label: str, plan: str) -> str:
    where = f"mục {label} của {plan}" if label else plan
    return (
        f"Các ý dưới đây lấy nguyên văn từ {where}: báo cáo viên xem lại, rút gọn và bổ sung "
        "ví dụ thực tế trước khi trình bày."
    )


def framing_note(label: str, meaning: str) -> str:
    said = f": {meaning}" if meaning else ""
    return (
        f"Phần này đọc theo khung «{label}»{said} Ứng dụng gán các khung theo thứ tự các phần; "
        "sửa framing=… trên dòng thuộc tính nếu cần."
    )


def framing_question(phrase: str) -> str:
    return (
        f"Hình tượng “{phrase}” gợi cho đồng chí suy nghĩ gì về cách làm việc của cán bộ, "
        "đảng viên ở cơ sở?"
    )


def deadline_note(wording: str) -> str:
    return f"Thời hạn theo kế hoạch: {wording}. Nhắc nộp bài thu hoạch đúng hạn để kịp báo cáo."


THIS_PLAN = "kế hoạch của cấp trên"


def plan_source(kind: str, number: str, day: str, issuer: str, subject: str) -> str:
    """ "Kế hoạch số 172-KH/HU ngày 24/4/2024 của Ban Thường vụ Huyện ủy Di Linh về …"."""
    parts = [kind or "Văn bản"]
    if number:
        parts.append(f"số {number}")
    if day:
        parts.append(f"ngày {day}")
    if issuer:
        parts.append(f"của {issuer}")
    if subject:
        parts.append(subject if subject.startswith(("về ", "V/v")) else f"về {subject}")
    return " ".join(parts)


def plan_reference(kind: str, number: str) -> str:
    """How notes name the plan: "Kế hoạch số 172-KH/HU"."""
    if number:
        return f"{kind or 'văn bản'} số {number}"
    return f"{kind.lower()} của cấp trên" if kind else THIS_PLAN


# -- what could not be placed -----------------------------------------------------------
LEFT_ORGANISATION = "phần tổ chức thực hiện: việc của các cơ quan, không phải nội dung buổi họp"
LEFT_ORGANISER = "thông tin cho người tổ chức (hình thức, đối tượng, địa điểm…), không trình bày"
LEFT_TIME = (
    "thời gian, địa điểm tổ chức: nhập khi chuẩn bị buổi sinh hoạt (không thấy thời hạn "
    "hoàn thành ở đây)"
)
LEFT_MATERIALS = "ghi chú ở phần tài liệu, không phải tên một tài liệu"
LEFT_CONTENT = "đoạn văn trong phần nội dung nằm ngoài các mục đã nhận ra"
LEFT_UNKNOWN = "không thuộc phần nào đã nhận ra"
LEFT_STANDARD = "đã có trong phần thủ tục chuẩn của chương trình (thảo luận, kết luận, biểu quyết…)"
FRAMING_UNMAPPED = (
    "khung «{phrase}» có {lenses} ý nhưng không có nhóm {lenses} phần tương ứng: chưa gán "
    "khung cho phần nào (thêm framing=… trên dòng thuộc tính của từng phần)"
)


# -- what was found (printed by the command, shown by the console) ------------------------
NOT_STATED = "không ghi"


def found_plan(kind: str, number: str, day: str, issuer: str) -> str:
    return (
        f"Văn bản: {kind or NOT_STATED}; số: {number or NOT_STATED}; ngày: {day or NOT_STATED}; "
        f"nơi ban hành: {issuer or NOT_STATED}"
    )


def found_title(title: str, kind_label: str) -> str:
    return f"Tiêu đề gói: {title} ({kind_label})"


def found_deadline(wording: str, day: str) -> str:
    return f"Thời hạn: {wording} → {day}" if wording else "Thời hạn: kế hoạch không nêu"


def found_materials(count: int) -> str:
    return f"Tài liệu sinh hoạt: {count}"


def found_parts(titles: list[str]) -> str:
    listed = "".join(f"\n  - {title}" for title in titles)
    return f"Các phần trình bày: {len(titles)}{listed}"


def found_framing(phrase: str, mapped: list[str]) -> str:
    if not phrase:
        return "Khung: kế hoạch không nêu"
    where = "; ".join(mapped) if mapped else "chưa gán cho phần nào"
    return f"Khung: “{phrase}” ({where})"


def found_budget(items: int, minutes: int) -> str:
    return f"Chương trình: {items} mục, tổng {minutes} phút"


def found_removed(lines: int) -> str:
    return f"Đã bỏ {lines} dòng tiêu đề, chữ ký, nơi nhận, dấu chữ ký số và số trang"


def unplaced_heading(count: int) -> str:
    if not count:
        return "Mọi nội dung của kế hoạch đã được đưa vào gói."
    return f"Không đưa vào gói ({count} đoạn):"


def unplaced_line(line: int, text: str, reason: str) -> str:
    return f"  dòng {line}: «{text}» ({reason})"


# -- the command ------------------------------------------------------------------------
DRAFT_HELP = (
    "Soạn gói nội dung từ kế hoạch của cấp trên (.txt, .md, .docx hoặc .pdf có lớp chữ). "
    "In những gì đã tìm thấy và những đoạn không đưa vào gói; gói soạn ra luôn qua được "
    "«content check». Tên tệp mặc định lấy từ tiêu đề của kế hoạch."
)
DRAFT_OUTPUT_HELP = "Tệp gói nội dung sẽ ghi (mặc định: <mã gói>.md trong thư mục hiện tại)."


def draft_written(path: str) -> str:
    return f"Đã soạn gói nội dung: {path}"


def draft_next(path: str) -> str:
    return (
        f"Mở tệp để xem lại các ý (phần «notes» ghi chỗ cần sửa), rồi kiểm tra: "
        f"facilitator content check {path}"
    )


# -- the console ------------------------------------------------------------------------
COMMANDS: dict[str, tuple[str, str]] = {
    "prepare.draft": (
        "Soạn gói từ kế hoạch",
        "Đọc kế hoạch của cấp trên (.txt, .md, .docx, .pdf) và soạn một gói nội dung mới vào "
        "thư mục gói riêng, rồi chọn gói đó.",
    ),
}
FOOTER_SHORT: dict[str, str] = {"prepare.draft": "Soạn gói"}
DIALOG_TITLE = "Soạn gói nội dung từ kế hoạch"
DIALOG_FILE = "Tệp kế hoạch (.txt, .md, .docx hoặc .pdf có lớp chữ)"
DIALOG_FILE_HINT = "ví dụ D:\\tai-lieu\\ke-hoach-172.docx"
DIALOG_OK = "Soạn"
FILE_REQUIRED = "Nhập đường dẫn tệp kế hoạch."
REPORT_TITLE = "Kết quả soạn gói"
REPORT_CLOSE = "Đóng"
DRAFTING = "Đang đọc kế hoạch…"


def dialog_folder(folder: str) -> str:
    return f"Gói soạn ra được lưu vào thư mục gói riêng: {folder}"


def file_missing(path: str) -> str:
    return f"Không thấy tệp {path}."


def replace_pack(path: str) -> str:
    return f"Đã có tệp {path} (có thể đã soạn trước đây). Ghi đè bằng bản mới?"


def pack_drafted(title: str, path: str) -> str:
    return f"Đã soạn và chọn gói «{title}» ({path})."


def folder_failed(folder: str, reason: str) -> str:
    return f"Không tạo được thư mục gói riêng {folder} ({reason})."
