"""Vietnamese wording of the console's assessment screen: the chair's narrative and the
written reflections (bài thu hoạch).

Re-exported by :mod:`facilitator.strings.ui`, which the screens read.
"""

from __future__ import annotations

# --- Narrative and reflections (đánh giá, bài thu hoạch) -----------------------------------------

REPORT_TITLE = "Đánh giá và bài thu hoạch"
REPORT_HINT = "Tự lưu · Tab: ô khác · Space: đã nộp/chưa nộp · g: xếp loại · Esc: quay lại"
NARRATIVE_HEADING = "Đánh giá của chủ trì"
NARRATIVE_STRENGTHS = "Ưu điểm"
NARRATIVE_WEAKNESSES = "Hạn chế, nguyên nhân"
NARRATIVE_PROPOSALS = "Đề xuất, kiến nghị"
NARRATIVE_SAVED = "Đã lưu phần đánh giá."
REFLECTIONS_HEADING = "Bài thu hoạch"
REFLECTION_COLUMNS = ("Họ và tên", "Bài thu hoạch", "Xếp loại")
REFLECTION_SUBMITTED = "Đã nộp"
REFLECTION_MISSING = "Chưa nộp"
REFLECTION_UNGRADED = "—"
GRADE_LABELS: dict[str, str] = {
    "tot": "Tốt",
    "kha": "Khá",
    "dat": "Đạt",
    "khong-dat": "Không đạt",
}


def reflections_line(submitted: int, total: int, grades: list[tuple[str, int]]) -> str:
    """Summary above the reflections table: "Đã nộp: 4/6 · Tốt: 2 · Khá: 1 …"."""
    parts = [f"Đã nộp: {submitted}/{total}", *(f"{label}: {count}" for label, count in grades)]
    return " · ".join(parts)
