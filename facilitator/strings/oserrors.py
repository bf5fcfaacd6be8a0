"""Operating-system errors in Vietnamese (the system's own text is English)."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "ổ đĩa đã đầy",
    errno.EFBIG: "tệp vượt quá kích thước ổ đĩa cho phép",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOENT: "không tồn tại",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EISDIR: "đây là một thư mục",
    errno.EEXIST: "đã có tệp hoặc thư mục cùng tên",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "đường dẫn là liên kết tượng trưng (symlink) hoặc vòng liên kết",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.ETXTBSY: "tệp đang được chương trình khác dùng",
    errno.EMFILE: "đang mở quá nhiều tệp",
    errno.ENFILE: "đang mở quá nhiều tệp",
    errno.ENOMEM: "không đủ bộ nhớ",
    errno.EXDEV: "không chuyển được giữa hai ổ đĩa khác nhau",
    errno.ENXIO: "thiết bị không tồn tại hoặc chưa sẵn sàng",
    errno.ENODEV: "thiết bị không tồn tại hoặc chưa sẵn sàng",
    errno.EAGAIN: "tài nguyên tạm thời bận, hãy thử lại",
    errno.EINVAL: "tên hoặc thao tác không hợp lệ với hệ thống tệp này",
    errno.ESPIPE: "không phải tệp thường",
    errno.ETIMEDOUT: "hết thời gian chờ (ổ mạng?)",
}


def reason(error: OSError) -> str:
    """Why an operation failed, always in Vietnamese.

    The system's ``strerror`` is English (and ``str(error)`` repeats the path the message
    already names), so an uncommon error is named by its errno code instead, which a
    helper can still look up.
    """
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    code = errno.errorcode.get(error.errno) if isinstance(error.errno, int) else None
    return f"lỗi hệ thống {code}" if code else "lỗi hệ thống không rõ"
