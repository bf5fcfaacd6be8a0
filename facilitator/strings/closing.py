"""What the console says when the minutes' approval count cannot be taken."""

from __future__ import annotations


def approve_too_many(votes_for: int, base: int) -> str:
    return f"Số tán thành ({votes_for}) lớn hơn số có quyền biểu quyết ({base})."


def approve_minority(votes_for: int, base: int) -> str:
    return (
        f"{votes_for}/{base} tán thành là chưa quá một nửa: biên bản chưa được thông qua. "
        "Sửa biên bản theo ý kiến tại buổi họp rồi biểu quyết lại, hoặc bấm Hủy (Esc)."
    )
