"""Vietnamese wording of ``facilitator kit``."""

from __future__ import annotations

from pathlib import Path

KIT_HELP = "Bộ cài đặt không cần mạng (cho máy ở cơ sở): đóng gói ứng dụng và mọi gói phụ thuộc."
BUILD_HELP = (
    "Tạo bộ cài vào THƯ_MỤC (cần mạng): tệp wheel của facilitator, các gói phụ thuộc cho "
    "Windows và Linux, install.bat/install.sh và facilitator.bat. Chép THƯ_MỤC vào USB."
)
WHEEL_HELP = (
    "Tệp wheel của facilitator (mặc định: dựng từ mã nguồn nếu đang chạy từ bản sao dự án)."
)
PLATFORM_HELP = "Hệ điều hành cần đóng gói (có thể lặp lại; mặc định windows và linux)."
FOLDER_METAVAR = "THƯ_MỤC"
NEED_WHEEL = (
    "Không tìm thấy mã nguồn để dựng tệp wheel: hãy chỉ ra tệp bằng --wheel "
    "facilitator-<phiên bản>-py3-none-any.whl."
)


def wheel_failed(root: Path) -> str:
    return f"Không dựng được tệp wheel từ {root} (xem thông báo của pip ở trên)."


def not_empty(folder: Path) -> str:
    return f"Thư mục {folder} đã có nội dung: hãy chọn một thư mục mới hoặc rỗng."


def download_failed(what: str) -> str:
    return f"Không tải được các gói phụ thuộc ({what}): máy cần có mạng tới PyPI."


def built(folder: Path) -> str:
    return f"Đã tạo bộ cài ở {folder}. Chép cả thư mục vào USB; trên máy cần cài, chạy install.bat (Windows) hoặc install.sh (Linux)."
