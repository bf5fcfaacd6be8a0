"""Vietnamese messages about page layout values (margins, line spacing)."""

from __future__ import annotations


def _number(limit: float) -> str:
    return f"{limit:g}".replace(".", ",")


def margins_format(value: object) -> str:
    return f"Lề «{value}» phải có dạng trên/dưới/trái/phải (mm), ví dụ 20/20/30/15."


def margins_range(value: object, limit: float) -> str:
    return (
        f"Lề «{value}» không hợp lệ: mỗi lề phải là một số từ 0 đến {_number(limit)} mm, "
        "ví dụ 20/20/30/15."
    )


def line_spacing_range(value: object, limit: float) -> str:
    return (
        f"Giãn dòng «{value}» không hợp lệ: cần một số từ 0 đến {_number(limit)} pt "
        "(0 là giãn dòng đơn)."
    )
