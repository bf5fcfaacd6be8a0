"""Vietnamese wording for content packs: parse problems and the ``content check`` command."""

from __future__ import annotations

from collections.abc import Iterable

ITEM_KIND_LABELS: dict[str, str] = {
    "procedure": "thủ tục",
    "presentation": "trình bày",
    "discussion": "thảo luận",
    "vote": "biểu quyết",
    "conclusion": "kết luận",
}

PACK_KIND_LABELS: dict[str, str] = {
    "chuyen-de": "sinh hoạt chuyên đề",
    "thuong-ky": "sinh hoạt thường kỳ",
    "hoi-nghi": "hội nghị",
}


def _quoted_list(values: Iterable[str]) -> str:
    return ", ".join(f'"{value}"' for value in values)


# --- Reading the file -------------------------------------------------------------------

FILE_NOT_FOUND = "không tìm thấy tệp"
FILE_IS_DIRECTORY = "đây là một thư mục, không phải tệp gói nội dung"
FILE_NOT_REGULAR = (
    "đây không phải tệp thường (mà là thiết bị, đường ống hoặc ổ cắm), không phải tệp gói nội dung"
)
FOLDER_NOT_FOUND = "không tìm thấy thư mục gói nội dung"


def file_unreadable(reason: str) -> str:
    return f"không đọc được tệp ({reason})"


def file_too_large(limit_mb: int) -> str:
    return f"tệp quá lớn: gói nội dung không được vượt quá {limit_mb} MB"


def not_utf8(offset: int) -> str:
    return (
        f"tệp không được lưu bằng bảng mã UTF-8 (byte lỗi ở vị trí {offset}); "
        "hãy mở tệp và lưu lại với bảng mã UTF-8"
    )


def pack_invalid(path: str, count: int) -> str:
    return f"Gói nội dung {path} có {count} lỗi"


# --- Front matter -------------------------------------------------------------------------

MISSING_FRONT_MATTER = (
    "thiếu phần khai báo ở đầu tệp: tệp phải bắt đầu bằng dòng '---', "
    "tiếp theo là id, title, kind, version, sources, rồi đóng lại bằng dòng '---'"
)
UNCLOSED_FRONT_MATTER = "phần khai báo ở đầu tệp chưa được đóng lại bằng một dòng '---'"
FRONT_MATTER_NOT_MAPPING = "phần khai báo ở đầu tệp phải gồm các dòng dạng 'tên: giá trị'"


YAML_TOO_DEEP = "các ngoặc lồng nhau quá sâu"
YAML_OTHER = "không đọc được; hãy kiểm tra thụt lề, dấu «:» và các dấu nháy"
# PyYAML explains in English; its problem texts start with these (most specific first).
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "dấu «:» đứng sai chỗ; giá trị có dấu «:» cần đặt trong ngoặc kép",
    ),
    ("could not find expected ':'", "thiếu dấu «:» sau tên trường"),
    ("found character '\\t'", "có ký tự tab; YAML chỉ thụt lề bằng dấu cách"),
    ("found a tab character", "có ký tự tab; YAML chỉ thụt lề bằng dấu cách"),
    (
        "found character",
        "có ký tự không được đứng đầu một giá trị; hãy đặt giá trị trong ngoặc kép",
    ),
    (
        "found unexpected end of stream",
        "phần khai báo kết thúc giữa chừng, có thể thiếu dấu nháy hoặc ngoặc đóng",
    ),
    ("found unknown escape character", "chuỗi trong ngoặc kép có ký tự thoát «\\» không hợp lệ"),
    ("found undefined alias", "dùng bí danh «*…» chưa được khai báo"),
    ("found duplicate anchor", "nhãn «&…» được khai báo hai lần"),
    ("expected ',' or ']'", "thiếu dấu «,» hoặc ngoặc đóng «]»"),
    ("expected ',' or '}'", "thiếu dấu «,» hoặc ngoặc đóng «}»"),
    ("did not find expected key", "thụt lề không đều hoặc thiếu tên trường"),
    ("did not find expected '-'", "thụt lề của danh sách «- …» không đều"),
    ("expected <block end>", "thụt lề không đều"),
    ("expected a single document", "chỉ được có một phần khai báo (một dòng «---» thừa?)"),
    ("found unhashable key", "tên trường không được là danh sách hay nhóm"),
    ("unacceptable character", "có ký tự đặc biệt không được phép"),
)


def yaml_invalid(detail: str) -> str:
    return f"phần khai báo ở đầu tệp viết sai cú pháp YAML ({detail})"


def field_missing(field: str) -> str:
    return f'thiếu trường bắt buộc "{field}" trong phần khai báo ở đầu tệp'


def field_not_text(field: str) -> str:
    return f'trường "{field}" phải là một dòng chữ'


def unknown_field(field: str, allowed: Iterable[str]) -> str:
    return f'trường "{field}" không được hỗ trợ; chỉ dùng: {_quoted_list(allowed)}'


def bad_pack_id(value: str) -> str:
    return (
        f'mã gói "{value}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch '
        'ngang (ví dụ "cay-tre")'
    )


def bad_pack_kind(value: str) -> str:
    choices = "; ".join(f'"{key}" ({label})' for key, label in PACK_KIND_LABELS.items())
    return f'loại gói "{value}" không hợp lệ; chọn một trong: {choices}'


SOURCES_NOT_LIST = 'trường "sources" phải là danh sách tài liệu, mỗi dòng bắt đầu bằng "- "'
SOURCES_EMPTY = 'trường "sources" phải có ít nhất một tài liệu sinh hoạt'


def list_entry_not_text(field: str, index: int) -> str:
    return f'mục thứ {index} của "{field}" phải là một dòng chữ'


QUESTIONS_NOT_LIST = 'trường "questions" phải là danh sách câu hỏi, mỗi dòng bắt đầu bằng "- "'
FRAMING_NOT_MAPPING = (
    'trường "framing" phải gồm các dòng dạng "khóa: {label: Tên hiển thị, meaning: Ý nghĩa}"'
)


def bad_framing_key(key: str) -> str:
    return (
        f'khóa khung "{key}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang'
    )


def framing_entry_not_mapping(key: str) -> str:
    return f'khung "{key}" phải có dạng {{label: Tên hiển thị, meaning: Ý nghĩa}}'


def framing_label_missing(key: str) -> str:
    return f'khung "{key}" thiếu "label" (tên hiển thị)'


def framing_field_not_text(key: str, field: str) -> str:
    return f'"{field}" của khung "{key}" phải là một dòng chữ'


PLAN_NOT_MAPPING = 'trường "plan" phải gồm các dòng "number: …", "date: …", "issuer: …"'


def plan_field_unknown(field: str) -> str:
    return f'trường "plan" có mục "{field}" không được hỗ trợ; chỉ dùng "number", "date", "issuer"'


def plan_field_not_text(field: str) -> str:
    return f'mục "{field}" của trường "plan" phải là một dòng chữ'


def bad_iso_date(field: str, value: str) -> str:
    return f'"{field}" phải là một ngày viết dạng năm-tháng-ngày (ví dụ 2024-06-30), không phải "{value}"'


def framing_field_unknown(key: str, field: str) -> str:
    return f'khung "{key}" có trường "{field}" không được hỗ trợ; chỉ dùng "label" và "meaning"'


# --- Body -----------------------------------------------------------------------------------

NO_ITEMS = "gói chưa có mục nào: mỗi mục của chương trình bắt đầu bằng một dòng '## Tiêu đề'"
EMPTY_ITEM_TITLE = "tiêu đề mục đang để trống"
EXTRA_TITLE = "chỉ được có một tiêu đề '# ' và phải đặt trước mục '## ' đầu tiên"
CONTENT_BEFORE_FIRST_ITEM = (
    "nội dung này nằm trước mục '## ' đầu tiên nên sẽ không được hiển thị; "
    "hãy chuyển vào một mục hoặc xóa đi"
)
SETEXT_HEADING = (
    "dòng '---' (hoặc '===') ngay dưới một dòng chữ biến dòng đó thành tiêu đề; "
    "hãy dùng '## ' để mở mục mới, hoặc thêm một dòng trống trước '---'"
)
ATTRS_NOT_ON_ITEM = (
    "dòng thuộc tính {…} chỉ được đặt ngay trên một tiêu đề mục '## '; "
    "ở đây nó gắn vào một khối nội dung khác"
)
ATTRS_DANGLING = "dòng thuộc tính {…} không đứng trên tiêu đề mục '## ' nào"
ATTRS_IN_PARAGRAPH = (
    "dòng thuộc tính {…} dính liền vào đoạn văn phía trên nên không có tác dụng; "
    "hãy để một dòng trống trước nó"
)


def attrs_malformed(line: str) -> str:
    shown = line if len(line) <= 80 else line[:79] + "…"
    return (
        f"dòng «{shown}» trông như dòng thuộc tính nhưng viết sai nên bị coi là nội dung; "
        "viết đúng dạng {minutes=15 kind=discussion framing=… id=…}: đóng bằng '}', "
        "các cặp cách nhau bằng dấu cách (không dùng dấu phẩy), không có dấu cách quanh "
        "'=', số phút là số nguyên"
    )


def unknown_attribute(name: str, allowed: Iterable[str]) -> str:
    return f'thuộc tính "{name}" không được hỗ trợ; chỉ dùng: {_quoted_list(allowed)}'


def bad_minutes(value: str) -> str:
    return f'thời lượng "minutes={value}" phải là số phút nguyên dương (ví dụ minutes=15)'


def minutes_too_large(value: int, limit: int) -> str:
    return f"thời lượng {value} phút quá dài cho một mục (tối đa {limit} phút)"


def unknown_item_kind(value: str) -> str:
    choices = "; ".join(f'"{key}" ({label})' for key, label in ITEM_KIND_LABELS.items())
    return f'loại mục "{value}" không hợp lệ; chọn một trong: {choices}'


def undeclared_framing(key: str, declared: Iterable[str]) -> str:
    keys = list(declared)
    hint = f"các khung đã khai báo: {_quoted_list(keys)}" if keys else "gói chưa khai báo khung nào"
    return f'khung "{key}" chưa được khai báo trong trường "framing" ở đầu tệp ({hint})'


def bad_item_id(value: str) -> str:
    return f'mã mục "{value}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang'


def duplicate_item_id(item_id: str, first_line: int) -> str:
    return (
        f'mã mục "{item_id}" bị trùng với mục ở dòng {first_line}; '
        "hãy đổi tiêu đề hoặc đặt id riêng, ví dụ {id=ten-khac}"
    )


# --- `facilitator content check` ------------------------------------------------------------

CHECK_HELP = "Kiểm tra các tệp gói nội dung và in tóm tắt."
GROUP_HELP = "Làm việc với gói nội dung (tài liệu cho buổi sinh hoạt)."
LABEL_ID = "Mã gói"
LABEL_TITLE = "Tiêu đề"
LABEL_KIND = "Loại"
LABEL_VERSION = "Phiên bản"
LABEL_ITEMS = "Số mục"
LABEL_FRAMING = "Khung sử dụng"
LABEL_TOTAL = "Tổng thời lượng"
LABEL_DISCUSSION = "Câu hỏi thảo luận"
LABEL_REFLECTION = "Câu hỏi thu hoạch"
LABEL_SOURCES = "Tài liệu sinh hoạt"
NO_FRAMING = "không có"


def check_ok(path: str) -> str:
    return f"{path}: hợp lệ"


def check_failed(path: str, count: int) -> str:
    return f"{path}: có {count} lỗi"


def minutes_text(minutes: int) -> str:
    return f"{minutes} phút"


def kind_counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{ITEM_KIND_LABELS.get(kind, kind)}: {n}" for kind, n in counts.items())


def check_skipped(path: str) -> str:
    return f"{path}: bỏ qua (tệp hướng dẫn, không phải gói nội dung)"


def check_totals(ok: int, failed: int) -> str:
    return f"Đã kiểm tra {ok + failed} tệp: {ok} hợp lệ, {failed} có lỗi."


def unclosed_fence(markup: str, name: str) -> str:
    block = f"khối {markup}{name}" if name else f"khối {markup}"
    return (
        f"{block} mở ở dòng này nhưng không có dòng {markup} đóng lại, nên mọi thứ phía sau "
        f"(kể cả các mục '## ' tiếp theo) bị nuốt vào khối. Hãy thêm một dòng {markup} "
        "ở cuối khối."
    )
