"""What export says when a document cannot be written (files, formats, PDF conversion)."""

from __future__ import annotations

from collections.abc import Sequence


def file_exists(path: str) -> str:
    return f"Tệp {path} đã tồn tại; chọn tên khác hoặc cho phép ghi đè."


def write_failed(path: str, reason: str) -> str:
    return f"Không ghi được tệp {path}: {reason}."


DISK_FULL = "ổ đĩa đã đầy"
PERMISSION_DENIED = "không có quyền ghi vào thư mục này"
FILE_IN_USE = (
    "tệp đang được mở trong một chương trình khác (Word, Excel…); hãy đóng tệp đó rồi xuất lại, "
    "hoặc chọn tên khác"
)


def target_is_folder(path: str) -> str:
    return f"{path} là một thư mục; hãy chọn một tên tệp."


def target_not_regular(path: str) -> str:
    return f"{path} không phải tệp thông thường (thiết bị, đường ống…); hãy chọn một tệp khác."


def target_in_data_folder(path: str, folder: str) -> str:
    return (
        f"Không ghi {path}: đây là thư mục dữ liệu của facilitator ({folder}); ghi vào đó có thể "
        "làm hỏng buổi sinh hoạt đã lưu. Hãy chọn thư mục khác, ví dụ Tài liệu hoặc Desktop."
    )


FOLDER_MISSING = "thư mục không tồn tại"


def unknown_format(fmt: str, known: Sequence[str]) -> str:
    return f'Định dạng "{fmt}" không được hỗ trợ; chọn một trong: {", ".join(known)}.'


def bad_extension(ext: str) -> str:
    return f'Phần mở rộng tệp "{ext}" không hợp lệ.'


PDF_NO_CONVERTER = (
    "Không tạo được PDF: máy này chưa có LibreOffice (soffice). Hãy cài LibreOffice "
    "(miễn phí, libreoffice.org) rồi xuất lại, hoặc xuất DOCX, mở bằng Word và chọn "
    "Lưu thành PDF (Save as PDF)."
)


def pdf_timeout(seconds: int) -> str:
    return (
        f"Không tạo được PDF: LibreOffice chưa chuyển xong sau {seconds} giây. Hãy đóng các "
        "cửa sổ LibreOffice đang mở rồi thử lại, hoặc xuất DOCX và lưu thành PDF bằng Word."
    )


def pdf_failed(program: str, code: int | None) -> str:
    reason = f"dừng với mã lỗi {code}" if code is not None else "không chạy được"
    return (
        f"Không tạo được PDF: LibreOffice ({program}) {reason} mà không tạo ra tệp PDF. "
        "Hãy xuất DOCX rồi mở bằng LibreOffice hoặc Word để lưu thành PDF."
    )


LINE_SPACING_UNVERIFIED = (
    "Lưu ý: giãn dòng mặc định (đúng 18 pt) chưa được đối chiếu với văn bản gốc "
    "Hướng dẫn 36-HD/VPTW; có thể đổi bằng tùy chọn --line-spacing (0 = giãn dòng đơn)."
)
