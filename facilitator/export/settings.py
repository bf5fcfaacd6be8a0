"""Layout settings of exported documents (vietnamese-formats.md §1.3, §1.11, §7).

Defaults follow the secondary HD 36 rule set: A4, margins 20/20/30/15 mm, Times New Roman
14 pt, 6 pt after each paragraph, first-line indent 10 mm. Everything is configurable
because several of these values are only [S]/[U] in the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SignerStyle = Literal["chair", "tm"]

# (grade key, label) in display order; a tuple keeps the settings hashable.
DEFAULT_GRADE_LABELS: tuple[tuple[str, str], ...] = (
    ("tot", "Tốt"),
    ("kha", "Khá"),
    ("dat", "Đạt"),
    ("khong-dat", "Không đạt"),
)


@dataclass(frozen=True)
class DocSettings:
    """How a document is laid out and signed; frozen so one instance can be shared."""

    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    font: str = "Times New Roman"
    body_size_pt: float = 14
    title_size_pt: float = 15  # ĐẢNG CỘNG SẢN VIỆT NAM, BIÊN BẢN, BÁO CÁO (§1.11 rows 1, 5a)
    small_size_pt: float = 12  # recipient lines, statistics table (§1.11 row 9b)
    # UNVERIFIED [U]: "exactly 18 pt" comes from one secondary source only; NĐ 30 allows
    # single to 1.5 lines. Set ``line_spacing_pt=None`` to keep Word's single spacing.
    line_spacing_pt: float | None = 18
    space_after_pt: float = 6
    first_line_indent_mm: float = 10
    signer: SignerStyle = "chair"
    """Right signature block: "chair" -> CHỦ TRÌ; "tm" -> T/M CHI BỘ + BÍ THƯ."""
    signer_body: str | None = None
    """Body signed for after T/M (default "CHI BỘ" for Party units, the unit name otherwise)."""
    signer_title: str | None = None
    """Post under the T/M line (default "BÍ THƯ" for Party units, the chair's post otherwise)."""
    grade_labels: tuple[tuple[str, str], ...] = DEFAULT_GRADE_LABELS

    def grade_label(self, grade: str) -> str:
        """Display label of a grade key ("tot" -> "Tốt")."""
        return dict(self.grade_labels).get(grade, grade)
