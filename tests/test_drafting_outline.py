"""The plan parser: Vietnamese administrative numbering, wrapped lines, the section tree."""

from __future__ import annotations

import pytest

from facilitator.drafting.outline import (
    Marker,
    Node,
    Section,
    blocks_from_lines,
    build_outline,
    classify,
    section_of,
    split_label,
)


@pytest.mark.parametrize(
    ("line", "marker", "label", "text"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", Marker.ROMAN, "I", "MỤC ĐÍCH, YÊU CẦU"),
        ("IV. TỔ CHỨC THỰC HIỆN", Marker.ROMAN, "IV", "TỔ CHỨC THỰC HIỆN"),
        ("A. NỘI DUNG", Marker.CAPITAL, "A", "NỘI DUNG"),
        ("1. Mục đích", Marker.DECIMAL, "1", "Mục đích"),
        ("2) Yêu cầu", Marker.DECIMAL, "2", "Yêu cầu"),
        ("1.1. Phần thứ nhất: Vai trò", Marker.DECIMAL, "1.1", "Phần thứ nhất: Vai trò"),
        ("1.2.3 Nhiệm vụ", Marker.DECIMAL, "1.2.3", "Nhiệm vụ"),
        ("a) Kết quả", Marker.LETTER, "a", "Kết quả"),
        ("đ. Hạn chế", Marker.LETTER, "đ", "Hạn chế"),
        ("(2) Toàn văn phát biểu", Marker.PAREN, "2", "Toàn văn phát biểu"),
        ("- Khẳng định", Marker.BULLET, "-", "Khẳng định"),
        ("– Gạch ngang dài", Marker.BULLET, "-", "Gạch ngang dài"),
        ("+ Bài học", Marker.BULLET, "+", "Bài học"),
        ("* Truy cập", Marker.BULLET, "*", "Truy cập"),
        ("• Chấm tròn", Marker.BULLET, "•", "Chấm tròn"),
        ("Phần thứ hai: Đối ngoại", Marker.PART, "Phần thứ hai", "Phần thứ hai: Đối ngoại"),
        ("Chuyên đề 2. Học tập", Marker.PART, "Chuyên đề 2", "Chuyên đề 2. Học tập"),
        ("05 bài học kinh nghiệm", Marker.PLAIN, "", "05 bài học kinh nghiệm"),
        ("2045.", Marker.PLAIN, "", "2045."),
        ("31/7/2024 là hạn", Marker.PLAIN, "", "31/7/2024 là hạn"),
        ("Phần lớn đảng viên", Marker.PLAIN, "", "Phần lớn đảng viên"),
        ("V/v triển khai", Marker.PLAIN, "", "V/v triển khai"),
    ],
)
def test_numbering_is_recognised(line: str, marker: Marker, label: str, text: str) -> None:
    block = classify(line)
    assert (block.marker, block.label, block.text) == (marker, label, text)


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), 1))


WRAPPED = """1.1. Phần thứ nhất: Vai trò quan trọng và đóng góp to lớn của công tác đối

ngoại trong sự nghiệp xây dựng và bảo vệ Tổ quốc

- Khẳng định bước phát triển về tư duy lý luận của Đảng về đối ngoại, nhấn mạnh

05 bài học kinh nghiệm quý báu được đúc rút từ thực tiễn, trật tự chính trị

- kinh tế quốc tế và thành tựu trong gần 40 năm đổi mới của đất nước ta hiện nay.

- Khẳng định đối ngoại là sự nghiệp của toàn Đảng, toàn dân và cả hệ thống chính

trị.

2. Đối tượng

Cấp ủy, tổ chức đảng, người đứng đầu cấp ủy, chính quyền các cấp trong huyện nhà.

III. HÌNH THỨC, ĐỐI TƯỢNG, THỜI GIAN TỔ CHỨC SINH HOẠT

CHÍNH TRỊ, TƯ TƯỞNG
"""


def test_lines_broken_at_the_page_width_are_joined_back() -> None:
    blocks = blocks_from_lines(_lines(WRAPPED), wrapped=True)
    assert [b.numbered for b in blocks] == [
        "1.1. Phần thứ nhất: Vai trò quan trọng và đóng góp to lớn của công tác đối ngoại "
        "trong sự nghiệp xây dựng và bảo vệ Tổ quốc",
        "- Khẳng định bước phát triển về tư duy lý luận của Đảng về đối ngoại, nhấn mạnh 05 bài "
        "học kinh nghiệm quý báu được đúc rút từ thực tiễn, trật tự chính trị - kinh tế quốc tế "
        "và thành tựu trong gần 40 năm đổi mới của đất nước ta hiện nay.",
        "- Khẳng định đối ngoại là sự nghiệp của toàn Đảng, toàn dân và cả hệ thống chính trị.",
        "2. Đối tượng",
        "Cấp ủy, tổ chức đảng, người đứng đầu cấp ủy, chính quyền các cấp trong huyện nhà.",
        "III. HÌNH THỨC, ĐỐI TƯỢNG, THỜI GIAN TỔ CHỨC SINH HOẠT CHÍNH TRỊ, TƯ TƯỞNG",
    ]
    assert [b.line for b in blocks] == [1, 5, 11, 15, 17, 19]


def test_whole_paragraphs_are_never_joined() -> None:
    lines = _lines("1. Hình thức\nngắn gọn, dễ hiểu\nPhần thứ nhất: Vai trò")
    blocks = blocks_from_lines(lines, wrapped=False)
    assert [b.text for b in blocks] == ["Hình thức", "ngắn gọn, dễ hiểu", "Phần thứ nhất: Vai trò"]


PLAN = """I. MỤC ĐÍCH
- Nhận thức sâu sắc
II. NỘI DUNG SINH HOẠT
1. Những nội dung cốt lõi
1.1. Phần thứ nhất
- Ý một
+ Ý nhỏ
- Ý hai
1.2. Phần thứ hai
a) Nhóm a
- Ý của nhóm a
2. Giá trị của tác phẩm
- Giá trị
III. TỔ CHỨC THỰC HIỆN
Đoạn văn"""


def _shape(nodes: list[Node]) -> list[object]:
    return [
        (n.block.numbered, _shape(n.children)) if n.children else n.block.numbered for n in nodes
    ]


def test_numbering_styles_nest_in_the_order_the_author_used() -> None:
    roots = build_outline(blocks_from_lines(_lines(PLAN), wrapped=False))
    assert _shape(roots) == [
        ("I. MỤC ĐÍCH", ["- Nhận thức sâu sắc"]),
        (
            "II. NỘI DUNG SINH HOẠT",
            [
                (
                    "1. Những nội dung cốt lõi",
                    [
                        ("1.1. Phần thứ nhất", [("- Ý một", ["+ Ý nhỏ"]), "- Ý hai"]),
                        ("1.2. Phần thứ hai", [("a. Nhóm a", ["- Ý của nhóm a"])]),
                    ],
                ),
                ("2. Giá trị của tác phẩm", ["- Giá trị"]),
            ],
        ),
        ("III. TỔ CHỨC THỰC HIỆN", ["Đoạn văn"]),
    ]


@pytest.mark.parametrize(
    ("title", "section"),
    [
        ("MỤC ĐÍCH, YÊU CẦU", Section.PURPOSE),
        ("Yêu cầu", Section.REQUIREMENTS),
        ("NỘI DUNG SINH HOẠT", Section.CONTENT),
        ("Nội dung cốt lõi của tác phẩm", Section.CONTENT),
        ("HÌNH THỨC, ĐỐI TƯỢNG, THỜI GIAN", Section.FORM),
        ("Đối tượng", Section.AUDIENCE),
        ("Thời gian: Hoàn thành trong Quý II/2024.", Section.TIME),
        ("Thời gian tổ chức: Việc thực hiện", Section.TIME),
        ("Tài liệu sinh hoạt", Section.MATERIALS),
        ("TỔ CHỨC THỰC HIỆN", Section.ORGANISATION),
        ("Kinh phí", Section.FUNDING),
        ("Những nội dung cốt lõi của tác phẩm", None),
        ("Nội bộ đoàn kết", None),
        ("Phần thứ nhất: Vai trò", None),
    ],
)
def test_standard_section_names(title: str, section: Section | None) -> None:
    assert section_of(title) is section


def test_label_before_a_colon() -> None:
    assert split_label("Thời gian: Hoàn thành trong Quý II/2024.") == (
        "Thời gian",
        "Hoàn thành trong Quý II/2024.",
    )
    assert split_label("Truy cập http://a.vn/x: tải") == ("", "Truy cập http://a.vn/x: tải")
    assert split_label("Không có dấu hai chấm") == ("", "Không có dấu hai chấm")
