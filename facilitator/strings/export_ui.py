"""The console's export dialog and its messages."""

from __future__ import annotations

EXPORT_TITLE = "Xuất"
REPORT_EXPORT_TITLE = "Xuất báo cáo kết quả"
# By format id (facilitator.export.formats): every format has its label here.
FORMAT_LABELS: dict[str, str] = {
    "minutes-docx": "Biên bản (Word .docx)",
    "minutes-md": "Biên bản (Markdown .md)",
    "minutes-pdf": "Biên bản (PDF, qua LibreOffice)",
    "bundle": "Gói dữ liệu buổi sinh hoạt (.json)",
    "script-docx": "Kịch bản điều hành (Word .docx)",
    "script-md": "Kịch bản điều hành (Markdown .md)",
    "report-docx": "Báo cáo kết quả (Word .docx)",
    "report-md": "Báo cáo kết quả (Markdown .md)",
    "report-pdf": "Báo cáo kết quả (PDF, qua LibreOffice)",
    "report-csv": "Bảng số liệu báo cáo (.csv)",
    "report-xlsx": "Bảng số liệu báo cáo (Excel .xlsx)",
    "report-bundle": "Gói số liệu báo cáo gửi cấp trên (.json)",
}
EXPORT_PATH = "Lưu vào tệp"
EXPORT_EXISTS = "Tệp {path} đã có. Ghi đè lên tệp này?"
EXPORT_RUNNING = "Đang xuất…"
EXPORT_CREATE_FOLDER = "Thư mục {folder} chưa có. Tạo thư mục này để lưu tệp?"
EXPORT_DONE = "Đã xuất: {path}"
EXPORT_FAILED = "Không xuất được: {error}"
EXPORT_UNAVAILABLE = "Bản cài đặt này chưa có chức năng xuất."
EXPORT_PATH_REQUIRED = "Hãy nhập đường dẫn tệp."
