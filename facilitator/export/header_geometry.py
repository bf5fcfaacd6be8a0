"""Column widths, sizes and line breaks of the two-column header (#10.2).

The national title ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"), the
motto and the place-date line must each sit on one line: the right column is made as
wide as they need. Organisation names take the rest; a name too long for its column
breaks before its administrative level ("HỘI CỰU CHIẾN BINH / XÃ TÂN THƯỢNG"), as
real headers do, instead of wherever Word runs out of room ("… XÃ TÂN / THƯỢNG").

When the columns cannot both fit, sizes step down within what the reference allows
(NĐ 30: national title and names 12–13 pt; HD 36 keeps 14 pt names and 15 pt title).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from facilitator.export.document import DocHeader, Line
from facilitator.export.font_metrics import text_width_mm

CELL_PADDING_MM = 3.8  # Word's default left + right cell margins (0.19 cm each)
SLACK_MM = 2.0  # kerning and renderer rounding: never fit a line to the last tenth
DEFAULT_LEFT_SHARE = 0.42
MIN_LEFT_SHARE = 0.36
# Words that open the administrative part of a name: a break goes before them.
LEVEL_WORDS = (
    "THỊ TRẤN", "THỊ XÃ", "THÀNH PHỐ", "TỔ DÂN PHỐ", "KHU PHỐ", "XÃ", "PHƯỜNG", "HUYỆN",
    "QUẬN", "TỈNH", "THÔN", "ẤP", "BẢN", "BUÔN", "XÓM", "KHU",
)  # fmt: skip


@dataclass(frozen=True)
class HeaderLayout:
    """Widths of the two header columns and the lines as they are to be printed."""

    left_mm: float
    right_mm: float
    left: tuple[Line, ...]
    right: tuple[Line, ...]
    number_size: float | None
    """Size of the "Số …" line (the names' size under NĐ 30), None for the body size."""


def line_width(line: Line, body_size: float) -> float:
    """Printed width of the widest printed line of ``line`` (text may hold breaks)."""
    size = line.size or body_size
    return max(
        text_width_mm(part, size, bold=line.bold, italic=line.italic)
        for part in line.text.split("\n")
    )


def break_name(text: str, width_mm: float, size: float, *, bold: bool) -> tuple[str, bool]:
    """``text`` with "\\n" where it must break to fit ``width_mm``, and whether the break
    is a clean one (none, or a single one before an administrative level)."""

    def fits(part: str) -> bool:
        return text_width_mm(part, size, bold=bold) <= width_mm

    if fits(text):
        return text, True
    words = text.split(" ")
    candidates = []
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if tail.startswith(LEVEL_WORDS) and fits(head) and fits(tail):
            candidates.append((abs(len(head) - len(tail)), head, tail))
    if candidates:
        _, head, tail = min(candidates)
        return f"{head}\n{tail}", True
    return "\n".join(_greedy(words, fits)), False


def _greedy(words: list[str], fits: Callable[[str], bool]) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and not fits(trial):
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current]


def _shrunk(lines: tuple[Line, ...], size: float | None, body: float) -> tuple[Line, ...]:
    """``lines`` set in ``size`` (where they are not already smaller); the star keeps its."""
    if size is None:
        return lines
    return tuple(
        replace(line, size=min(line.size or body, size)) if line.text != "*" else line
        for line in lines
    )


def fit_header(
    header: DocHeader,
    total_mm: float,
    body_size: float,
    *,
    title_sizes: tuple[float | None, ...] = (None,),
    name_sizes: tuple[float | None, ...] = (None,),
) -> HeaderLayout:
    """The first layout, in the order of the size steps, where every name fits or breaks
    cleanly before its level; else the last (smallest) one, names word-wrapped."""
    layout: HeaderLayout | None = None
    for title_size in title_sizes:
        right = _shrunk(header.right, title_size, body_size) if title_size else header.right
        for name_size in name_sizes:
            left = _shrunk(header.left, name_size, body_size)
            layout, clean = _layout(header, left, right, total_mm, body_size, name_size)
            if clean:
                return layout
    assert layout is not None
    return layout


def _layout(
    header: DocHeader,
    left: tuple[Line, ...],
    right: tuple[Line, ...],
    total: float,
    body: float,
    name_size: float | None,
) -> tuple[HeaderLayout, bool]:
    date_line = Line(header.place_date, italic=True)
    right_need = max(line_width(x, body) for x in (*right, date_line)) + CELL_PADDING_MM
    right_need += SLACK_MM
    left_need = max(line_width(x, body) for x in left) + CELL_PADDING_MM + SLACK_MM
    left_mm = min(max(total * DEFAULT_LEFT_SHARE, left_need), total - right_need)
    left_mm = max(left_mm, total * MIN_LEFT_SHARE)
    room = left_mm - CELL_PADDING_MM - SLACK_MM
    broken = []
    clean = True
    for line in left:
        text, tidy = break_name(line.text, room, line.size or body, bold=line.bold)
        clean = clean and tidy
        broken.append(replace(line, text=text))
    layout = HeaderLayout(
        left_mm=left_mm,
        right_mm=total - left_mm,
        left=tuple(broken),
        right=right,
        number_size=name_size,
    )
    return layout, clean
