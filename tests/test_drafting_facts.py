"""Furniture removal and the plan's facts: number, date, issuer, deadline, materials."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.drafting.facts import clean_material, find_deadline, read_facts
from facilitator.drafting.furniture import split_plan
from facilitator.drafting.names import organisation_case
from facilitator.drafting.outline import blocks_from_lines, build_outline

HEADER = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
HUYỆN ỦY BẢO LÂM
*
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lâm, ngày 06 tháng 5 năm 2024
Số 215-KH/HU
KẾ HOẠCH
tổ chức đợt sinh hoạt chính trị về tác phẩm
“Cây tre Việt Nam”
-----
Thực hiện Kế hoạch số 69-KH/BTGTU của Ban Tuyên giáo Tỉnh ủy.
II. NỘI DUNG
1. Phần một
- Ý chính
- 2 -
Trang 3
III. THỜI GIAN: Hoàn thành trong Quý II/2024.
IV. TÀI LIỆU SINH HOẠT
- Tác phẩm “Cây tre Việt Nam” (đường link: https://example.vn/sach);
- Tài liệu hỏi - đáp của Ban Tuyên giáo.
* Truy cập https://example.vn để tải tài liệu.
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (b/c),
- Lưu VPHU.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Hòa
CỤC CHỨNG THỰC SỐ VÀ BẢO MẬT THÔNG TIN - ĐT: 0243.7738668
2024-05-06T09:12:40+0700
TỈNH UỶ LÂM ĐỒNG
HUYỆN ỦY BẢO LÂM<hubaolam@lamdong.gov.vn> đã ký lên văn bản này!"""


def _split(text: str = HEADER):  # type: ignore[no-untyped-def]
    return split_plan(list(enumerate(text.split("\n"), 1)))


def test_letterhead_subject_and_signature_are_kept_apart_from_the_body() -> None:
    split = _split()
    body = [text for _, text in split.body]
    assert body[0].startswith("Thực hiện Kế hoạch số 69")
    assert body[-1] == "* Truy cập https://example.vn để tải tài liệu."
    assert split.doc_type == "KẾ HOẠCH"
    assert [t for _, t in split.subject] == [
        "tổ chức đợt sinh hoạt chính trị về tác phẩm",
        "“Cây tre Việt Nam”",
    ]
    assert [t for _, t in split.header][-1] == "Số 215-KH/HU"
    tail = [t for _, t in split.tail]
    assert tail[0] == "Nơi nhận:" and "T/M BAN THƯỜNG VỤ" in tail and "Nguyễn Văn Hòa" in tail
    everything = "\n".join(body + tail)
    # Page numbers, rules and the digital-signature stamp are gone wherever they stood.
    for gone in ("- 2 -", "Trang 3", "CHỨNG THỰC SỐ", "2024-05-06T09", "đã ký lên văn bản"):
        assert gone not in everything
    assert "TỈNH UỶ LÂM ĐỒNG" not in everything
    assert split.removed == 8  # "*", "-----", "- 2 -", "Trang 3" and the four stamp lines


def test_a_letter_has_its_subject_line_and_addressees_taken_off() -> None:
    text = "V/v tổ chức nghiên cứu tác phẩm\n\nKính gửi: Hội CCB các huyện.\n- Hội CCB thị xã\n"
    text += "Thực hiện Kế hoạch số 77-KH/TU. Hội CCB tỉnh đề nghị như sau:\n1. Nội dung"
    split = _split(text)
    assert split.doc_type == "V/v"
    assert [t for _, t in split.subject] == ["tổ chức nghiên cứu tác phẩm"]
    assert [t for _, t in split.addressees] == ["Kính gửi: Hội CCB các huyện.", "- Hội CCB thị xã"]
    assert next(t for _, t in split.body).startswith("Thực hiện")


def test_facts_of_a_district_plan() -> None:
    split = _split()
    blocks = blocks_from_lines(split.body, wrapped=False)
    facts = read_facts(split, build_outline(blocks), [b.text for b in blocks])
    assert facts.kind == "Kế hoạch"
    assert facts.number == "215-KH/HU"
    assert facts.day == date(2024, 5, 6)
    assert facts.place == "Bảo Lâm"
    assert facts.issuer == "Ban Thường vụ Huyện ủy Bảo Lâm"
    assert facts.subject == "tổ chức đợt sinh hoạt chính trị về tác phẩm “Cây tre Việt Nam”"
    assert facts.deadline == date(2024, 6, 30)
    assert facts.deadline_text == "Hoàn thành trong Quý II/2024"
    assert facts.materials == (
        "Tác phẩm “Cây tre Việt Nam”",
        "Tài liệu hỏi - đáp của Ban Tuyên giáo",
    )


def test_without_letterhead_the_issuer_comes_from_the_opening_sentence() -> None:
    text = "V/v nghiên cứu\nThực hiện Kế hoạch số 77-KH/TU. Hội CCB tỉnh đề nghị các huyện:\n"
    split = _split(text)
    blocks = blocks_from_lines(split.body, wrapped=False)
    facts = read_facts(split, build_outline(blocks), [b.text for b in blocks])
    assert (facts.kind, facts.number, facts.day, facts.issuer) == (
        "Công văn",
        "",
        None,
        "Hội CCB tỉnh",
    )


@pytest.mark.parametrize(
    ("text", "day", "wording"),
    [
        (
            "3. Thời gian: Hoàn thành trong Quý II/2024.",
            date(2024, 6, 30),
            "Hoàn thành trong Quý II/2024",
        ),
        (
            "Hoàn thành trong quý IV năm 2024",
            date(2024, 12, 31),
            "Hoàn thành trong quý IV năm 2024",
        ),
        ("Thời gian: quý 1/2025", date(2025, 3, 31), "quý 1/2025"),
        ("Hoàn thành trước ngày 31/7/2024.", date(2024, 7, 31), "Hoàn thành trước ngày 31/7/2024"),
        (
            "báo cáo chậm nhất ngày 15 tháng 8 năm 2024; hoàn thành",
            date(2024, 8, 15),
            "chậm nhất ngày 15 tháng 8 năm 2024",
        ),
        (
            "Thời gian: hoàn thành trong tháng 2/2024",
            date(2024, 2, 29),
            "hoàn thành trong tháng 2/2024",
        ),
        ("Thời gian: 19 giờ 30, ngày 05/6/2024.", None, ""),
        ("Hoàn thành trước ngày 31/02/2024", None, ""),
        ("Trước ngày 31/7/2024 đoàn đến thăm", date(2024, 7, 31), "Trước ngày 31/7/2024"),
    ],
)
def test_deadline_wording_becomes_a_date(text: str, day: date | None, wording: str) -> None:
    assert find_deadline([text]) == (day, wording)


def test_material_lines_lose_links_and_trailing_punctuation() -> None:
    assert clean_material("Tác phẩm “A” (đường link: https://x.vn/a b);") == "Tác phẩm “A”"
    assert (
        clean_material("Toàn văn phát biểu (bản in) https://y.vn.") == "Toàn văn phát biểu (bản in)"
    )


@pytest.mark.parametrize(
    ("caps", "cased"),
    [
        ("HUYỆN ỦY DI LINH", "Huyện ủy Di Linh"),
        ("HUYỆN UỶ DI LINH", "Huyện ủy Di Linh"),
        ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
        ("ĐẢNG BỘ XÃ GIA HIỆP", "Đảng bộ xã Gia Hiệp"),
        ("CHI BỘ THÔN 3", "Chi bộ thôn 3"),
        ("HỘI CCB TỈNH", "Hội CCB tỉnh"),
        ("Hội CCB tỉnh", "Hội CCB tỉnh"),
    ],
)
def test_organisation_names_get_their_official_casing(caps: str, cased: str) -> None:
    assert organisation_case(caps) == cased


def test_number_and_date_on_one_line_of_a_pdf_letterhead() -> None:
    text = "HUYỆN ỦY DI LINH ĐẢNG CỘNG SẢN VIỆT NAM\nSố 172-KH/HU Di Linh, ngày 24/4/2024\n"
    text += "KẾ HOẠCH\nvề học tập\n-----\nThực hiện Kế hoạch số 69.\n"
    split = _split(text)
    blocks = blocks_from_lines(split.body, wrapped=False)
    facts = read_facts(split, build_outline(blocks), [b.text for b in blocks])
    assert (facts.number, facts.day, facts.place, facts.issuer) == (
        "172-KH/HU",
        date(2024, 4, 24),
        "Di Linh",
        "Huyện ủy Di Linh",
    )
