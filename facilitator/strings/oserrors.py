"""Operating-system errors in Vietnamese (the system's own text is English)."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "ổ đĩa đã đầy",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOENT: "không tồn tại",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EISDIR: "đây là một thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
}


def reason(error: OSError) -> str:
    """Why an operation failed, in Vietnamese when the error is a common one."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return error.strerror or str(error)
