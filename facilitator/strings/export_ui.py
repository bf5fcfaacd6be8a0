"""The console's export dialog and its messages."""

from __future__ import annotations

EXPORT_TITLE = "Xuất"
EXPORT_FORMATS: dict[str, str] = {
    "docx": "Biên bản (Word .docx)",
    "md": "Biên bản (Markdown .md)",
    "bundle": "Gói dữ liệu buổi sinh hoạt (.json)",
    "script": "Kịch bản điều hành (Word .docx)",
    "script-md": "Kịch bản điều hành (Markdown .md)",
}
EXPORT_PATH = "Lưu vào tệp"
EXPORT_EXISTS = "Tệp {path} đã có. Ghi đè lên tệp này?"
EXPORT_RUNNING = "Đang xuất…"
EXPORT_CREATE_FOLDER = "Thư mục {folder} chưa có. Tạo thư mục này để lưu tệp?"
EXPORT_DONE = "Đã xuất: {path}"
EXPORT_FAILED = "Không xuất được: {error}"
EXPORT_UNAVAILABLE = "Bản cài đặt này chưa có chức năng xuất."
EXPORT_PATH_REQUIRED = "Hãy nhập đường dẫn tệp."
