"""The real plans in ../shared/seeds (read when present, never copied here) draft their parts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitator.domain.content import ContentPack, PackItem, PlanRef
from facilitator.drafting.draft import draft_plan
from facilitator.drafting.pack_writer import write_draft
from facilitator.parsing.content_pack import load_pack
from facilitator.strings import drafting as drafting_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
PLANS = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def _seed(words: str) -> Path:
    found = [p for p in PLANS if words in p.read_text(encoding="utf-8")]
    if not found:
        pytest.skip(f"no seed plan with {words!r} in {SEEDS}")
    return found[0]


def _drafted(words: str, folder: Path) -> tuple[ContentPack, list[PackItem]]:
    """The seed's draft as loaded back from its file, and its presentation items."""
    draft = draft_plan(_seed(words), date(2024, 5, 2))
    pack = load_pack(write_draft(draft, folder / "goi.md"))
    return pack, [item for item in pack.items if item.kind == "presentation"]


def test_district_plan_172_kh_hu(tmp_path: Path) -> None:
    pack, parts = _drafted("172-KH/HU", tmp_path)
    assert [p.title.split(":")[0] for p in parts] == [
        "Phần thứ nhất",
        "Phần thứ hai",
        "Phần thứ ba",
        "Giá trị của tác phẩm",
    ]
    assert [p.framing for p in parts] == ["goc", "than", "canh", None]
    assert all(
        drafting_text.review_note(n, "Kế hoạch số 172-KH/HU") in p.presenter_notes
        for n, p in zip(("1.1", "1.2", "1.3", "2"), parts, strict=True)
    )
    assert pack.plan == PlanRef("172-KH/HU", date(2024, 4, 24), "Ban Thường vụ Huyện ủy Di Linh")
    assert pack.deadline == date(2024, 6, 30)
    assert pack.sources[0].startswith(
        "Kế hoạch số 172-KH/HU ngày 24/4/2024 của Ban Thường vụ Huyện ủy Di Linh về triển khai"
    )
    assert len(pack.sources) == 4  # the plan and the three materials it lists
    assert 90 <= pack.total_minutes <= 120
    shown = "\n".join(f"{i.title}\n{i.body_md}\n{i.presenter_notes}" for i in pack.items)
    for furniture in ("K’ Broi", "Nơi nhận", "T/M BAN THƯỜNG VỤ", "CHỨNG THỰC", "Lưu VPHU"):
        assert furniture not in shown


def test_hoi_ccb_letter(tmp_path: Path) -> None:
    pack, parts = _drafted("Hội CCB tỉnh đề nghị", tmp_path)
    assert [p.title.split(":")[0] for p in parts] == [
        "Phần thứ nhất",
        "Phần thứ hai",
        "Phần thứ ba",
    ]
    assert all(p.presenter_notes.strip() == drafting_text.NO_POINTS_NOTE for p in parts)
    assert pack.deadline == date(2024, 7, 31)
    assert len(pack.sources) == 4
    assert "Kính gửi" not in "\n".join(i.presenter_notes + i.body_md for i in pack.items)
