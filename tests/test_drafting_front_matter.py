"""The pack fields a draft fills from its plan: ``plan`` (number, date, issuer) and ``deadline``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitator.domain.content import PlanRef
from facilitator.domain.errors import InputError
from facilitator.parsing.content_pack import parse_pack

REGULAR = (Path(__file__).parents[1] / "content" / "thuong-ky.md").read_text(encoding="utf-8")


def _with(fields: str) -> str:
    return REGULAR.replace("kind: thuong-ky\n", f"kind: thuong-ky\n{fields}", 1)


def test_plan_and_deadline_are_read_as_data() -> None:
    pack = parse_pack(
        _with(
            "plan:\n  number: 172-KH/HU\n  date: 2024-04-24\n"
            "  issuer: Ban Thường vụ Huyện ủy Di Linh\ndeadline: 2024-06-30\n"
        )
    )
    assert pack.plan == PlanRef("172-KH/HU", date(2024, 4, 24), "Ban Thường vụ Huyện ủy Di Linh")
    assert pack.deadline == date(2024, 6, 30)


def test_packs_without_them_have_none() -> None:
    pack = parse_pack(REGULAR)
    assert pack.plan is None and pack.deadline is None


@pytest.mark.parametrize(
    ("fields", "where", "words"),
    [
        ("deadline: 2024-13-01\n", ":5", "2024-13-01"),
        ("deadline: Quý II/2024\n", ":5", "Quý II/2024"),
        ("plan: 172-KH/HU\n", ":5", '"plan" phải gồm'),
        ("plan:\n  so: 1\n", ":6", '"so" không được hỗ trợ'),
        ("plan:\n  date: 24/4/2024\n", ":6", "24/4/2024"),
    ],
)
def test_bad_values_are_located(fields: str, where: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_pack(_with(fields), "goi.md")
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1
    assert problems[0].startswith(f"goi.md{where}:") and words in problems[0]
