"""Drafting whole plans: the parts found, the shape around them, budgets, and every draft loads."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from plan_docs import write_plan_docx

from facilitator.cli.main import main
from facilitator.domain.content import ContentPack, PlanRef
from facilitator.domain.errors import InputError
from facilitator.domain.vocab import ItemKind
from facilitator.drafting.budget import fit_budget
from facilitator.drafting.draft import draft_plan
from facilitator.drafting.model import Draft, DraftItem
from facilitator.drafting.pack_writer import write_draft
from facilitator.parsing.content_pack import load_pack
from facilitator.strings import drafting as drafting_text

PLANS = Path(__file__).parent / "fixtures" / "plans"
DISTRICT = PLANS / "ke-hoach-huyen-uy.txt"
LETTER = PLANS / "cong-van-hoi-ccb.txt"
MONTHLY = PLANS / "chi-bo-thang-6.md"
TODAY = date(2024, 5, 10)
FURNITURE = (
    "Nơi nhận",
    "T/M",
    "PHÓ BÍ THƯ",
    "Nguyễn Văn Hòa",
    "Lưu VPHU",
    "(b/c)",
    "CHỨNG THỰC",
    "đã ký lên văn bản",
    "hubaolam",
    "ĐẢNG CỘNG SẢN",
    "ĐẢNG BỘ TỈNH",
    "Kính gửi",
)


def loaded(draft: Draft, folder: Path) -> ContentPack:
    """Write the draft, load it back with the pack parser, and pass ``content check``."""
    path = write_draft(draft, folder / "goi.md")
    pack = load_pack(path)
    result = CliRunner().invoke(main, ["content", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert pack.total_minutes == draft.pack.total_minutes
    assert 90 <= pack.total_minutes <= 120
    return pack


def presentations(pack: ContentPack) -> list[str]:
    return [item.title for item in pack.items if item.kind == "presentation"]


def everything_shown(pack: ContentPack) -> str:
    return "\n".join(f"{i.title}\n{i.body_md}\n{i.presenter_notes}" for i in pack.items)


def test_district_plan_drafts_its_four_parts_with_framing(tmp_path: Path) -> None:
    draft = draft_plan(DISTRICT, TODAY)
    pack = loaded(draft, tmp_path)
    assert pack.kind == "chuyen-de"
    assert presentations(pack) == [
        "Phần thứ nhất: Vị trí, vai trò của công tác đối ngoại trong sự nghiệp đổi mới",
        "Phần thứ hai: Đối ngoại vì hòa bình, hợp tác và phát triển",
        "Phần thứ ba: Dấu ấn của ngoại giao Việt Nam",
        "Giá trị của tác phẩm",
    ]
    assert [i.kind for i in pack.items] == [
        *["procedure"] * 4,
        *["presentation"] * 4,
        "discussion",
        "conclusion",
        "vote",
        "conclusion",
    ]
    assert [i.framing for i in pack.items if i.kind == "presentation"] == [
        "goc",
        "than",
        "canh",
        None,
    ]
    assert [lens.label for lens in pack.framing] == ["Gốc vững", "Thân chắc", "Cành uyển chuyển"]
    first = pack.items[4]
    # The plan's points, joined back across the page width, with the "+" points under them.
    assert "- Nêu các bài học kinh nghiệm được đúc rút trong quá trình lãnh đạo công tác đối " in (
        first.body_md
    )
    assert "  - Bài học về giữ vững độc lập, tự chủ;" in first.body_md
    assert drafting_text.review_note("1.1", "Kế hoạch số 215-KH/HU") in first.presenter_notes
    assert "Gốc vững" in first.presenter_notes
    discussion = pack.items[8]
    assert discussion.questions[0] == drafting_text.framing_question(
        "gốc vững, thân chắc, cành uyển chuyển"
    )
    assert (
        drafting_text.deadline_note("Hoàn thành trong Quý II/2024") in pack.items[9].presenter_notes
    )
    assert pack.sources == (
        "Kế hoạch số 215-KH/HU ngày 6/5/2024 của Ban Thường vụ Huyện ủy Bảo Lâm về tổ chức đợt "
        "sinh hoạt chính trị, tư tưởng về nội dung tác phẩm “Xây dựng và phát triển nền đối "
        "ngoại, ngoại giao Việt Nam toàn diện, hiện đại, mang đậm bản sắc “cây tre Việt Nam”",
        "Tác phẩm “Xây dựng và phát triển nền đối ngoại, ngoại giao Việt Nam toàn diện, hiện đại, "
        "mang đậm bản sắc “cây tre Việt Nam” của đồng chí Tổng Bí thư Nguyễn Phú Trọng",
        "Tài liệu hỏi - đáp về tác phẩm do Ban Tuyên giáo Tỉnh ủy phát hành",
    )
    assert pack.plan == PlanRef("215-KH/HU", date(2024, 5, 6), "Ban Thường vụ Huyện ủy Bảo Lâm")
    assert pack.deadline == date(2024, 6, 30)
    assert pack.version == "2024.05.10"
    shown = everything_shown(pack)
    for furniture in FURNITURE:
        assert furniture not in shown
    assert "\n2\n" not in shown and "-----" not in shown


def test_district_plan_says_what_it_left_out(tmp_path: Path) -> None:
    draft = draft_plan(DISTRICT, TODAY)
    left = [(u.text, u.reason) for u in draft.unplaced]
    assert left == [
        (
            "1. Hình thức: Sinh hoạt chuyên đề tại chi bộ, lồng ghép trong sinh hoạt thường…",
            drafting_text.LEFT_ORGANISER,
        ),
        ("IV. TỔ CHỨC THỰC HIỆN", drafting_text.LEFT_ORGANISATION),
    ]
    assert drafting_text.found_deadline("Hoàn thành trong Quý II/2024", "30/6/2024") in draft.found


def test_letter_naming_three_parts_drafts_three_items_to_prepare(tmp_path: Path) -> None:
    pack = loaded(draft_plan(LETTER, TODAY), tmp_path)
    parts = [item for item in pack.items if item.kind == "presentation"]
    assert [p.title for p in parts] == [
        "Phần thứ nhất: Vai trò của công tác đối ngoại trong sự nghiệp xây dựng và bảo vệ Tổ quốc",
        "Phần thứ hai: Đối ngoại Việt Nam vì độc lập, tự chủ, hòa bình, hữu nghị",
        "Phần thứ ba: Dấu ấn đối ngoại, ngoại giao",
    ]
    for part in parts:
        assert part.body_md.strip() == ""
        assert part.presenter_notes.strip() == drafting_text.NO_POINTS_NOTE
    assert pack.deadline == date(2024, 8, 15)
    assert pack.plan == PlanRef("", None, "Hội CCB tỉnh")
    assert pack.sources[1:] == (
        "Tác phẩm “Xây dựng và phát triển nền đối ngoại, ngoại giao Việt Nam”",
        "Tài liệu thông tin nội bộ của Ban Tuyên giáo Tỉnh ủy",
    )
    assert not pack.framing
    for furniture in ("Kính gửi", "Thường trực tỉnh Hội", "Lưu: VT"):
        assert furniture not in everything_shown(pack)


def test_monthly_cell_meeting_plan_drafts_the_regular_shape(tmp_path: Path) -> None:
    pack = loaded(draft_plan(MONTHLY, TODAY), tmp_path)
    shipped = load_pack(Path(__file__).parents[1] / "content" / "thuong-ky.md")
    assert pack.kind == shipped.kind == "thuong-ky"
    assert presentations(pack) == [
        "Thông tin thời sự, phổ biến văn bản mới",
        "Đánh giá kết quả thực hiện nghị quyết tháng 5",
        "Phương hướng, nhiệm vụ tháng 6",
    ]
    assert [i.id for i in pack.items if i.kind != "presentation"] == [
        "khai-mac",
        "cu-thu-ky",
        "diem-danh",
        "thong-qua-chuong-trinh",
        "thao-luan",
        "ket-luan",
        "bieu-quyet",
        "be-mac",
    ]
    assert pack.items[-2].title == drafting_text.REGULAR_VOTE_TITLE
    assert pack.questions == ()  # no written reflection in a monthly meeting
    assert pack.plan == PlanRef("06-KH/CB", date(2024, 5, 28), "Chi bộ thôn 3")
    assert pack.deadline is None  # the meeting's own date is not a deadline
    assert "Trần Thị Lan" not in everything_shown(pack)


def test_docx_plan_with_tables_drafts_like_the_text(tmp_path: Path) -> None:
    path = write_plan_docx(tmp_path / "ke-hoach.docx")
    pack = loaded(draft_plan(path, TODAY), tmp_path)
    assert len(presentations(pack)) == 4
    assert pack.plan == PlanRef("215-KH/HU", date(2024, 5, 6), "Ban Thường vụ Huyện ủy Bảo Lâm")
    assert pack.deadline == date(2024, 6, 30)
    assert "Nơi nhận" not in everything_shown(pack)


def test_docx_word_bullets_are_read_as_points(tmp_path: Path) -> None:
    path = write_plan_docx(tmp_path / "ke-hoach.docx", bullets_as_numbering=True)
    pack = loaded(draft_plan(path, TODAY), tmp_path)
    second = next(i for i in pack.items if i.title.startswith("Phần thứ hai"))
    assert "- Phối hợp nhịp nhàng ba trụ cột" in second.body_md


def test_text_pdf_drafts_its_parts(tmp_path: Path) -> None:
    pack = loaded(draft_plan(PLANS / "ke-hoach-huyen-uy.pdf", TODAY), tmp_path)
    assert [t.split(":")[0] for t in presentations(pack)] == [
        "Phần thứ nhất",
        "Phần thứ hai",
        "Phần thứ ba",
        "Giá trị của tác phẩm",
    ]
    assert pack.plan == PlanRef("215-KH/HU", date(2024, 5, 6), "Ban Thường vụ Huyện ủy Bảo Lâm")
    assert [i.framing for i in pack.items if i.framing] == ["goc", "than", "canh"]


def test_pdf_without_text_is_refused_clearly(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "ban-quet.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError) as caught:
        draft_plan(path, TODAY)
    assert [p.message for p in caught.value.problems] == [drafting_text.PDF_NO_TEXT]
    assert caught.value.problems[0].where == str(path)


def test_pdf_without_pypdf_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pypdf", None)
    with pytest.raises(InputError) as caught:
        draft_plan(PLANS / "ke-hoach-huyen-uy.pdf", TODAY)
    assert [p.message for p in caught.value.problems] == [drafting_text.PDF_SUPPORT_MISSING]


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters precomposed, tone marks combining."""
    out = bytearray()
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        _cp1258,
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1258", "nfd"],
)
def test_text_encodings_draft_the_same_pack(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(encode(LETTER.read_text(encoding="utf-8")))
    assert draft_plan(path, TODAY).markdown == draft_plan(LETTER, TODAY).markdown


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0", drafting_text.OLD_WORD_FORMAT),
        ("ke-hoach.docx", b"not a zip", drafting_text.DOCX_BROKEN),
        ("ke-hoach.pdf", b"%PDF-1.4 broken", drafting_text.PDF_BROKEN),
        ("ke-hoach.jpg", b"\xff\xd8", drafting_text.unsupported_format(".jpg")),
        ("ke-hoach.txt", b"\x81\x8a\x8d\x8e\x8f" * 10, drafting_text.UNKNOWN_ENCODING),
    ],
)
def test_unreadable_plans_say_why(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        draft_plan(path, TODAY)
    assert [(p.where, p.message) for p in caught.value.problems] == [(str(path), message)]


def test_plan_text_that_looks_like_markdown_stays_text(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(
        "II. NỘI DUNG\n1. Phần # một {minutes=5}\n- > không phải câu hỏi\n- # không phải tiêu đề\n"
        "- 1. không phải danh sách\n- <b>thẻ</b> và *sao* và `mã`\n2. Phần hai\n- ý\n",
        encoding="utf-8",
    )
    pack = loaded(draft_plan(plan, TODAY), tmp_path)
    first = next(i for i in pack.items if i.kind == "presentation")
    assert first.title == "Phần # một {minutes=5}"
    assert first.questions == ()
    assert presentations(pack) == ["Phần # một {minutes=5}", "Phần hai"]


def test_plan_without_a_content_part_still_drafts_a_loadable_pack(tmp_path: Path) -> None:
    plan = tmp_path / "thong-bao.txt"
    plan.write_text("THÔNG BÁO\nvề lịch sinh hoạt\nCác chi bộ sinh hoạt đúng lịch.\n", "utf-8")
    draft = draft_plan(plan, TODAY)
    pack = loaded(draft, tmp_path)
    part = next(i for i in pack.items if i.kind == "presentation")
    assert part.title == "Lịch sinh hoạt"
    assert drafting_text.NO_CONTENT_NOTE in part.presenter_notes
    # Text before any numbered part is the plan's grounds: the opening's notes keep it.
    assert "Các chi bộ sinh hoạt đúng lịch." in pack.items[0].presenter_notes
    assert draft.unplaced == ()


def _part(weight: int) -> DraftItem:
    return DraftItem("p", "P", ItemKind.PRESENTATION, 0, fixed=False, weight=weight)


@pytest.mark.parametrize("parts", [1, 2, 3, 4, 7, 12, 20, 35, 60, 70])
def test_budgets_sum_to_90_to_120_minutes(parts: int) -> None:
    draft = draft_plan(DISTRICT, TODAY)
    standard = [item for item in draft.pack.items if item.fixed]
    agenda = fit_budget([*standard[:4], *(_part(1 + i % 5) for i in range(parts)), *standard[4:]])
    assert 90 <= sum(item.minutes for item in agenda) <= 120
    assert all(item.minutes >= 1 for item in agenda)
    weights = [item for item in agenda if not item.fixed]
    heavier = [p.minutes for p in weights if p.weight == 5]
    lighter = [p.minutes for p in weights if p.weight == 1]
    if heavier and lighter:
        assert min(heavier) >= max(lighter)


def test_unnumbered_capital_sections_letter_groups_and_standard_parts(tmp_path: Path) -> None:
    draft = draft_plan(PLANS / "chi-bo-thang-7-khong-so.txt", TODAY)
    pack = loaded(draft, tmp_path)
    assert pack.title == "Sinh hoạt chi bộ định kỳ tháng 7 năm 2024"  # from the capitals
    assert pack.kind == "thuong-ky"
    assert pack.plan == PlanRef("07-KH/CB", date(2024, 7, 2), "Chi bộ thôn 5")
    assert pack.deadline == date(2024, 7, 31)  # "đến hết tháng 7/2024"
    # "a) Kết quả", "b) Hạn chế" are groups of one part, not parts of their own.
    assert presentations(pack) == ["Đánh giá kết quả tháng 6", "Nhiệm vụ tháng 7"]
    first = next(i for i in pack.items if i.kind == "presentation")
    assert "### Kết quả đạt được" in first.body_md and "### Hạn chế" in first.body_md
    # The plan's own "Thảo luận" and vote are the standard items: not drafted twice.
    assert [i.title for i in pack.items].count("Thảo luận") == 1
    assert [(u.text, u.reason) for u in draft.unplaced] == [
        ("3. Thảo luận", drafting_text.LEFT_STANDARD),
        ("4. Biểu quyết nghị quyết tháng 7", drafting_text.LEFT_STANDARD),
    ]


def test_a_plan_kept_as_markdown_reads_as_its_words(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.md"
    plan.write_text(
        "# KẾ HOẠCH\n**Sinh hoạt chuyên đề quý III**\n\n## II. NỘI DUNG\n### 1. Phần một\n"
        "- ý **một**\n### 2. Phần hai\n* ý hai\n",
        encoding="utf-8",
    )
    pack = loaded(draft_plan(plan, TODAY), tmp_path)
    assert pack.title == "Sinh hoạt chuyên đề quý III"
    assert presentations(pack) == ["Phần một", "Phần hai"]
    assert [i.body_md.strip() for i in pack.items if i.kind == "presentation"] == [
        "- ý một",
        "- ý hai",
    ]


def test_without_a_content_heading_the_first_unnamed_part_with_sections_is_the_content(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(
        "KẾ HOẠCH\nhọc tập nghị quyết\n-----\nI. MỤC ĐÍCH, YÊU CẦU\n- Nắm vững.\n"
        "II. NHIỆM VỤ TRỌNG TÂM\n1. Quán triệt nghị quyết\n- Ý một.\n2. Liên hệ thực tiễn\n"
        "- Ý hai.\nIII. TỔ CHỨC THỰC HIỆN\n- Các chi bộ thực hiện.\n",
        encoding="utf-8",
    )
    pack = loaded(draft_plan(plan, TODAY), tmp_path)
    assert presentations(pack) == ["Quán triệt nghị quyết", "Liên hệ thực tiễn"]
