"""Vietnamese help and messages of the top-level command line."""

MAIN_HELP = """facilitator — bàn điều khiển cho báo cáo viên và bí thư chi bộ.

Chạy không có lệnh con để mở giao diện điều hành buổi sinh hoạt (điểm danh, chương trình,
ghi ý kiến, biểu quyết, đọc lại và thông qua biên bản). Các lệnh con quản lý dữ liệu và
xuất văn bản. Mọi dữ liệu nằm trên máy này, trong thư mục dữ liệu của người dùng
(không phụ thuộc thư mục đang đứng):

{data_dir}"""
DATA_DIR_HELP = (
    "Thư mục dữ liệu (hoặc biến môi trường FACILITATOR_DATA_DIR, hoặc data_dir trong "
    "config.toml). Mặc định: {default}"
)
CONTENT_DIR_HELP = (
    "Thêm một thư mục gói nội dung Markdown (hoặc FACILITATOR_CONTENT_DIR), bên cạnh các gói "
    "kèm theo và thư mục gói của người dùng: {user}"
)
VERSION_MESSAGE = "facilitator %(version)s"
SESSION_OPT_HELP = "Mở thẳng buổi sinh hoạt có mã này."
AUDIENCE_HELP = "Màn hình cho người dự (máy chiếu): theo mục đang trình bày, chữ lớn, không có ghi chú riêng hay dữ liệu cá nhân. Chạy ở cửa sổ thứ hai."
EXPORT_HELP = "Xuất biên bản (docx, md), kịch bản điều hành của chủ trì và báo cáo viên (script: Word, script-md: Markdown) hoặc gói dữ liệu buổi sinh hoạt (bundle) của buổi MÃ_BUỔI."
REPORT_HELP = "Lập báo cáo kết quả của đơn vị từ các buổi đã lưu và các gói dữ liệu (bundle) của đơn vị cấp dưới."
FORMAT_HELP = "Định dạng tệp xuất."
OUTPUT_HELP = "Tệp kết quả (mặc định: tên an toàn trong thư mục hiện tại)."
OVERWRITE_HELP = "Cho phép ghi đè tệp đã có."
UNIT_HELP = "Tên đơn vị lập báo cáo (như đã nhập danh sách)."
CONTENT_ID_HELP = "Chỉ tính các buổi học gói nội dung có mã này (ví dụ cay-tre)."
FROM_HELP = "Từ ngày (dd/mm/yyyy)."
TO_HELP = "Đến ngày (dd/mm/yyyy)."
TITLE_HELP = "Trích yếu của báo cáo (mặc định theo nội dung sinh hoạt)."
BAD_DATE = "Ngày «{value}» không đúng dạng dd/mm/yyyy."
WROTE = "Đã ghi {path}"
SKIPPED = "Bỏ qua: {problem}"
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "[LỆNH] [THAM_SỐ]..."
SESSION_METAVAR = "MÃ_BUỔI"
GROUP_SUBCOMMAND_METAVAR = "LỆNH [THAM_SỐ]..."
SIGNER_HELP = "Khối ký bên phải: chair = CHỦ TRÌ; tm = T/M CHI BỘ, BÍ THƯ."
LINE_SPACING_HELP = (
    "Giãn dòng chính xác (pt), mặc định 18 (chưa kiểm chứng với HD 36); 0 = giãn dòng đơn."
)
MARGINS_HELP = "Lề trên/dưới/trái/phải (mm), mặc định 20/20/30/15."
BAD_MARGINS = "Lề «{value}» phải có dạng trên/dưới/trái/phải, ví dụ 20/20/30/15."
FILE_METAVAR = "TỆP"
CONTENT_FILE_HELP = "Gói nội dung ở đường dẫn bất kỳ, dùng để chuẩn bị buổi mới (có thể lặp lại)."
BUNDLES_METAVAR = "[GÓI_DỮ_LIỆU.json]..."
SERVE_HELP = "Mở màn hình người dự trong trình duyệt (cần gói tùy chọn textual-serve)."
HOST_HELP = "Địa chỉ lắng nghe của trình duyệt (0.0.0.0 để máy khác trong phòng cùng xem)."
SERVE_MISSING = (
    "Chưa cài gói textual-serve. Cài bằng: python -m pip install 'facilitator[web]' "
    "(hoặc pipx inject facilitator textual-serve)."
)
SERVE_CONSOLE_HELP = (
    "Mở bàn điều khiển trong trình duyệt của máy này (cho máy Windows 10 mà cửa sổ dòng lệnh "
    "hiển thị kém). Chỉ nghe ở 127.0.0.1; cần gói tùy chọn textual-serve."
)
SERVING_CONSOLE = "Bàn điều khiển đang mở tại {url} (Ctrl+C để dừng)."
CONSOLE_WEB_TITLE = "facilitator — bàn điều khiển"
SERVING = "Màn hình người dự đang mở tại {url} (Ctrl+C để dừng)."
AUDIENCE_WEB_TITLE = "facilitator — màn hình người dự"
HOST_METAVAR = "ĐỊA_CHỈ"
PORT_METAVAR = "CỔNG"
PORT_HELP = "Cổng của trình duyệt."

# -- report --unit: the unit as stored, found without accents or case ---------------------
UNIT_MATCHED = "Đơn vị: dùng «{name}» (khớp với «{given}»)."
UNIT_AMBIGUOUS = "«{given}» khớp với nhiều đơn vị; ghi đúng tên một đơn vị:\n{names}"
UNIT_UNKNOWN = (
    "Không có đơn vị «{given}» trong dữ liệu (không có danh sách đảng viên hay buổi sinh "
    "hoạt nào của đơn vị này). Các đơn vị đã lưu: {names}."
)
UNIT_NONE_STORED = "chưa có"


def repeated_units(units: list[str]) -> str:
    return (
        "Cảnh báo: " + "; ".join(units) + " đã gửi cả báo cáo và các buổi sinh hoạt (hoặc hai "
        "báo cáo): mỗi đơn vị chỉ tính một lần, theo tệp đọc trước. Bỏ tệp thừa rồi lập lại "
        "báo cáo nếu đó không phải tệp muốn tính."
    )
