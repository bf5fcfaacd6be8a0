"""Vietnamese messages of the local store."""

# No {error}: for a full disk it is "ổ đĩa đã đầy" again, which printed the reason twice.
DISK_FULL = "Không ghi được {path}: ổ đĩa đã đầy. Dữ liệu đã lưu trước đó vẫn còn nguyên."
NOT_WRITABLE = (
    "Không ghi được vào thư mục dữ liệu {path}: {error}. Hãy chọn thư mục khác bằng --data-dir."
)
WRITE_FAILED = "Không ghi được {path}: {error}. Dữ liệu đã lưu trước đó vẫn còn nguyên."
READ_FAILED = "Không đọc được {path}: {error}."
CORRUPT_ENCODING = "Tệp {path} bị hỏng: không phải UTF-8 (byte thứ {offset})."
# No {error}: the JSON decoder's reason is English ("Expecting value").
CORRUPT_JSON = "Tệp {path} bị hỏng ở dòng {line}, cột {column}: không phải JSON hợp lệ."
CORRUPT_SHAPE = "Tệp {path} bị hỏng: nội dung không đúng cấu trúc kho dữ liệu."
CORRUPT_RECORD = "Tệp {path} có dữ liệu không hợp lệ:"
CORRUPT_UNREADABLE = "Tệp {path} có dữ liệu không hợp lệ, không đọc được buổi sinh hoạt này."
LOCKED = "{what} đang được mở ở cửa sổ khác (khóa {path}). Hãy đóng cửa sổ đó rồi thử lại."
SESSION_WHAT = "Buổi sinh hoạt «{id}»"
ROSTERS_WHAT = "Danh sách đơn vị"
SESSION_NOT_FOUND = "Không tìm thấy buổi sinh hoạt «{id}» trong {folder}."
SESSION_EXISTS = "Buổi sinh hoạt «{id}» đã có trong kho. Dùng --replace để ghi đè."
UNIT_NOT_FOUND = 'Chưa có đơn vị «{name}». Hãy nhập danh sách bằng: facilitator roster import TỆP --unit "{name}".'
SESSION_CLOSED = "Buổi sinh hoạt đã kết thúc và biên bản đã thông qua: chỉ xem, không sửa. Mở lại nếu thật cần sửa."
WRITE_REFUSED = (
    "Không lưu thay đổi này: dữ liệu không hợp lệ (buổi sinh hoạt giữ nguyên như trước)."
)
AMBIGUOUS_ID = "Mã «{id}» ứng với nhiều buổi sinh hoạt: {ids}. Hãy gõ đủ mã hơn."
BAD_SESSION_ID = "Mã buổi sinh hoạt «{id}» không hợp lệ (chỉ gồm a-z, 0-9 và dấu -)."
NO_AGENDA = "Buổi sinh hoạt chưa có mục chương trình nào để ghi vào."


def lock_not_a_file(path: object) -> str:
    return (
        f"Khóa {path} không phải tệp khóa do chương trình tạo (là liên kết tượng trưng "
        "hoặc không phải tệp thường): kho dữ liệu có thể đã bị can thiệp nên chương trình "
        "không dùng. Hãy xoá mục đó rồi thử lại."
    )


def reserved_session_id(session_id: str) -> str:
    return (
        f"Mã buổi sinh hoạt «{session_id}» trùng tên thiết bị dành riêng của Windows "
        "(con, nul, aux, prn, com1–com9, lpt1–lpt9) nên không thể làm tên thư mục. "
        "Hãy đặt mã khác."
    )
