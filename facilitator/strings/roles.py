"""Vietnamese wording of the roles dialog (chủ trì, thư ký, báo cáo viên)."""

TITLE = "Chủ trì, thư ký, báo cáo viên"
LABELS = ("Chủ trì", "Thư ký", "Báo cáo viên", "Báo cáo viên thứ hai (nếu có)")
OUTSIDE_HINT = (
    "Báo cáo viên không có trong danh sách (ví dụ báo cáo viên của cấp trên): nhập họ tên "
    "và chức vụ; người này được thêm vào thành phần dự với tư cách khách mời và trình bày."
)
OUTSIDE_NAME = "Họ và tên báo cáo viên cấp trên"
OUTSIDE_POSITION = "Chức vụ, đơn vị"
OUTSIDE_NAME_REQUIRED = "Hãy nhập họ và tên của báo cáo viên."
SAVED = "Đã lưu chủ trì, thư ký và báo cáo viên."
CHANGED_CHAIR = "Chủ trì đổi từ {old} thành {new}."
