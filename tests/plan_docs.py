"""Build a Word plan for the drafting tests: letterhead and signature in tables, as offices do."""

from __future__ import annotations

from pathlib import Path

from docx import Document

LETTERHEAD = (
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("HUYỆN ỦY BẢO LÂM", ""),
    ("*", "Bảo Lâm, ngày 06 tháng 5 năm 2024"),
    ("Số 215-KH/HU", ""),
)
BODY = (
    "KẾ HOẠCH",
    "tổ chức đợt sinh hoạt chính trị, tư tưởng về nội dung tác phẩm “Xây dựng và phát triển "
    "nền đối ngoại, ngoại giao Việt Nam toàn diện, hiện đại, mang đậm bản sắc “cây tre Việt Nam”",
    "-----",
    "Thực hiện Kế hoạch số 69-KH/BTGTU, ngày 16/4/2024 của Ban Tuyên giáo Tỉnh ủy; Ban Thường vụ "
    "Huyện ủy xây dựng kế hoạch triển khai trên địa bàn huyện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "- Giúp cán bộ, đảng viên hiểu rõ những nội dung cơ bản của tác phẩm.",
    "II. NỘI DUNG SINH HOẠT",
    "1. Nội dung chủ yếu của tác phẩm",
    "1.1. Phần thứ nhất: Vị trí, vai trò của công tác đối ngoại trong sự nghiệp đổi mới",
    "- Làm rõ bản sắc ngoại giao “cây tre Việt Nam”: gốc vững, thân chắc, cành uyển chuyển, "
    "thể hiện cốt cách và bản lĩnh của dân tộc, với những bài học kinh nghiệm quý được đúc rút "
    "trong quá trình lãnh đạo công tác đối ngoại của Đảng qua gần 40 năm đổi mới.",
    "1.2. Phần thứ hai: Đối ngoại vì hòa bình, hợp tác và phát triển",
    "- Phối hợp nhịp nhàng ba trụ cột: đối ngoại Đảng, ngoại giao Nhà nước và đối ngoại Nhân dân.",
    "1.3. Phần thứ ba: Dấu ấn của ngoại giao Việt Nam",
    "- Bạn bè quốc tế đánh giá cao thành tựu đối ngoại của Việt Nam.",
    "2. Giá trị của tác phẩm",
    "- Góp phần bảo vệ nền tảng tư tưởng của Đảng.",
    "III. THỜI GIAN, TÀI LIỆU",
    "1. Thời gian: Hoàn thành trước ngày 30/6/2024.",
    "2. Tài liệu sinh hoạt",
    "- Tài liệu hỏi - đáp về tác phẩm do Ban Tuyên giáo Tỉnh ủy phát hành.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Các tổ chức cơ sở đảng xây dựng kế hoạch và tổ chức thực hiện.",
)
SIGNATURE = (
    ("Nơi nhận:", "T/M BAN THƯỜNG VỤ"),
    ("- Ban Tuyên giáo Tỉnh ủy (b/c),", "PHÓ BÍ THƯ"),
    ("- Lưu VPHU.", "Nguyễn Văn Hòa"),
)


def _table(document: object, rows: tuple[tuple[str, str], ...]) -> None:
    table = document.add_table(rows=len(rows), cols=2)  # type: ignore[attr-defined]
    for row, (left, right) in zip(table.rows, rows, strict=True):
        row.cells[0].text = left
        row.cells[1].text = right


def write_plan_docx(path: Path, *, bullets_as_numbering: bool = False) -> Path:
    """The district plan as .docx; ``bullets_as_numbering`` makes "- " points Word bullets."""
    document = Document()
    _table(document, LETTERHEAD)
    for text in BODY:
        if bullets_as_numbering and text.startswith("- "):
            document.add_paragraph(text[2:], style="List Bullet")
        else:
            document.add_paragraph(text)
    _table(document, SIGNATURE)
    document.save(str(path))
    return path
