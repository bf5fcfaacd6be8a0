"""Range checks for the page layout a user may set (``--margins``, ``--line-spacing``).

One rule for the command line and config.toml: ``float()`` happily reads "nan", "inf"
and "-5", and any of them reaching the DOCX writer crashed the export with a traceback.
"""

from __future__ import annotations

import math

from facilitator.strings import layout as layout_text

MAX_MARGIN_MM = 100.0
"""A4 is 210 mm wide: beyond 100 mm a side there is no page left to write on."""
MAX_LINE_SPACING_PT = 72.0
"""Body text is 14 pt; 72 pt (five lines' worth) is far past any real document."""


class LayoutValueError(ValueError):
    """A layout value out of range; ``str()`` is the Vietnamese message."""


def parse_margins(value: str) -> tuple[float, float, float, float]:
    """``"20/20/30/15"`` (top/bottom/left/right, mm; "," as decimal mark too) as numbers.

    Raises:
        LayoutValueError: not four numbers, or one of them not finite or out of range.
    """
    parts = value.split("/")
    try:
        numbers = tuple(float(p.strip().replace(",", ".")) for p in parts)
    except ValueError:
        raise LayoutValueError(layout_text.margins_format(value)) from None
    if len(numbers) != 4:
        raise LayoutValueError(layout_text.margins_format(value))
    if not all(math.isfinite(n) and 0 <= n <= MAX_MARGIN_MM for n in numbers):
        raise LayoutValueError(layout_text.margins_range(value, MAX_MARGIN_MM))
    top, bottom, left, right = numbers
    return top, bottom, left, right


def check_line_spacing(value: object) -> float:
    """``value`` as line spacing in points (0 = single spacing).

    Raises:
        LayoutValueError: not a number, not finite, negative or too large.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LayoutValueError(layout_text.line_spacing_range(value, MAX_LINE_SPACING_PT))
    if not math.isfinite(value) or not 0 <= value <= MAX_LINE_SPACING_PT:
        raise LayoutValueError(layout_text.line_spacing_range(value, MAX_LINE_SPACING_PT))
    return float(value)
