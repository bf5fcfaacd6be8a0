"""A read-only table of plain rows drawn line by line: the attendance roster.

Why not ``DataTable``: it keeps per-row state and measures every cell of every row it
is given, so narrowing a 500-person roster to the matches of one typed letter and back
cost ~100 ms a key (issue 13). Here the rows are plain strings held once; filtering
only changes the list of keys shown, a mark replaces one row, and only the lines on
screen are drawn (Textual's line API, as Toolong draws its logs). Column widths come
from every row, shown or not, so columns do not jump while the user types. Cells are
drawn as segments, never parsed as markup: a name like "[bold]Dung" shows literally.

On a narrow terminal (80 columns) the columns a screen names give way, in its order,
so the last one (the attendance "Ghi chú") is still on screen: a cut value ends in "…"
and the screen shows the highlighted row whole elsewhere (:attr:`RosterTable.cut`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from facilitator.ui.plain import visible

Cells = tuple[str, ...]
PADDING = 1  # blank cells each side of a value, as DataTable pads them
ELLIPSIS = "…"
NARROWEST_SHOWN = 4  # a column that may vanish does so rather than show "P…"


def _clean(cells: Cells) -> Cells:
    """No control character or escape sequence reaches the terminal (hand-edited files)."""
    return tuple(map(visible, cells))


class RosterTable(ScrollView, can_focus=True):
    """Columns with a fixed header line, a row cursor, zebra stripes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "roster-table--header",
        "roster-table--cursor",
        "roster-table--even-row",
    }

    DEFAULT_CSS = """
    RosterTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .roster-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .roster-table--even-row {
            background: $surface-lighten-1 50%;
        }
        /* The filter box keeps the focus, so the cursor is drawn as if focused:
           it must be seen on a projector from the back of the room. */
        & > .roster-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:dark > .roster-table--even-row {
            background: $surface-darken-1 40%;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Clicked(Message):
        """A row was clicked (the cursor is already on it)."""

        def __init__(self, table: RosterTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RosterTable:
            return self.table

    class Highlighted(Message):
        """The cursor row changed, or what is cut of it (the table was resized)."""

        def __init__(self, table: RosterTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RosterTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._columns: Cells = ()
        self._data: dict[str, Cells] = {}
        self._shown: list[str] = []
        self._row_of: dict[str, int] = {}
        self._widths: list[int] = []
        self._give_way: tuple[tuple[int, int], ...] = ()
        self._fitted: tuple[tuple[int, int, tuple[int, ...]], list[int]] | None = None
        # Drawn lines, by (row key, zebra stripe, cursor), for the widths in _fitted:
        # narrowing the roster to one letter and back redraws the same rows at new
        # places, and Textual's styles are worked out through every ancestor each time.
        self._strips: dict[tuple[str, bool, bool, int, int], Strip] = {}
        self._styles: dict[tuple[str, ...], Style] = {}

    # -- data -------------------------------------------------------------------------------
    def set_columns(self, *labels: str, give_way: Sequence[tuple[int, int]] = ()) -> None:
        """The header line. ``give_way`` lists (column, narrowest width) in the order the
        columns narrow when the rows are wider than the table; a narrowest width of 0
        lets the column vanish."""
        self._columns = labels
        self._give_way = tuple(give_way)
        self._widths = [cell_len(label) for label in labels]
        self._resize()

    def load(self, rows: Iterable[tuple[str, Cells]], *, keep: str | None = None) -> None:
        """Every row (key, cells) in display order; all of them shown."""
        self._data = {key: _clean(cells) for key, cells in rows}
        self._widths = [cell_len(label) for label in self._columns]
        for cells in self._data.values():
            self._widen(cells)
        self.show_only(None, keep=keep)

    def show_only(self, keys: Sequence[str] | None, *, keep: str | None = None) -> None:
        """Show these rows (``None``: all), the cursor on ``keep`` when it is among them."""
        shown = list(self._data) if keys is None else [k for k in keys if k in self._data]
        if shown != self._shown:
            self._shown = shown
            self._row_of = {key: row for row, key in enumerate(shown)}
            self._resize()
            self.refresh()
        self.cursor_row = self._row_of.get(keep, 0) if keep is not None else 0

    def update_row(self, key: str, cells: Cells) -> None:
        """Replace one row's cells; only its line is redrawn."""
        if key not in self._data:
            return
        self._data[key] = cells = _clean(cells)
        self._strips = {memo: strip for memo, strip in self._strips.items() if memo[0] != key}
        if self._widen(cells):
            self._resize()
            self.refresh()
        elif (row := self._row_of.get(key)) is not None:
            self._refresh_row(row)

    @property
    def row_count(self) -> int:
        return len(self._shown)

    def get_row_at(self, row: int) -> Cells:
        return self._data[self._shown[row]]

    def key_at(self, row: int) -> str:
        return self._shown[row]

    @property
    def cursor_key(self) -> str | None:
        """Key of the highlighted row, ``None`` when nothing is shown."""
        return self._shown[self.cursor_row] if self._shown else None

    def keys(self) -> list[str]:
        """Keys of the rows shown, top to bottom."""
        return list(self._shown)

    @property
    def cut(self) -> bool:
        """Some column is narrower than its widest value (or hidden) at this width."""
        return self._shown_widths() != self._widths

    def _shown_widths(self) -> list[int]:
        """Each column's width at the table's width (0: hidden), the columns of
        ``give_way`` narrowed in turn. The vertical scrollbar's room is always kept, so
        a filter that hides it does not widen the columns while the user types."""
        room = self.size.width - self.styles.scrollbar_size_vertical
        key = (room, self.styles.scrollbar_size_vertical, tuple(self._widths))
        if self._fitted is not None and self._fitted[0] == key:
            return self._fitted[1]
        widths = list(self._widths)
        excess = sum(widths) + 2 * PADDING * len(widths) - room
        for column, narrowest in self._give_way:
            if excess <= 0 or room <= 0:
                break
            target = max(narrowest, widths[column] - excess)
            if narrowest == 0 and target < NARROWEST_SHOWN:
                excess -= widths[column] + 2 * PADDING
                widths[column] = 0
            elif target < widths[column]:
                excess -= widths[column] - target
                widths[column] = target
        self._fitted = (key, widths)
        self._strips.clear()
        return widths

    # -- cursor -----------------------------------------------------------------------------
    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._shown) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.cursor_key))

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)  # less the header
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        line = event.y
        if line < 1:
            return
        row = round(self.scroll_y) + line - 1
        if 0 <= row < len(self._shown):
            self.cursor_row = row
            self.post_message(self.Clicked(self, self._shown[row]))

    def on_resize(self, event: events.Resize) -> None:
        self._resize()
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.cursor_key))  # what is cut changed

    # -- drawing ----------------------------------------------------------------------------
    def _widen(self, cells: Cells) -> bool:
        grew = False
        for index, value in enumerate(cells[: len(self._widths)]):
            if (width := cell_len(value)) > self._widths[index]:
                self._widths[index] = width
                grew = True
        return grew

    def _resize(self) -> None:
        width = sum(w + 2 * PADDING for w in self._shown_widths() if w)
        size = Size(width, len(self._shown) + 1)
        if size == self.virtual_size:
            return
        scroll_update = getattr(self, "_scroll_update", None)
        height = self.styles.height
        if scroll_update is None or height is None or height.is_auto:
            self.virtual_size = size  # the table's own height follows its rows
            return
        # Assigning virtual_size lays the whole screen out again (~15 ms a key at
        # 120x40); the height is fixed by CSS here, so only the scrollbars need to know.
        self.set_reactive(ScrollView.virtual_size, size)
        scroll_update(size)
        self.refresh()

    def _refresh_row(self, row: int) -> None:
        line = row - round(self.scroll_y) + 1
        if 1 <= line < self.size.height:
            self.refresh(Region(0, line, self.size.width, 1))

    def _line(self, cells: Cells, style: Style, widths: list[int]) -> list[Segment]:
        pad = " " * PADDING
        segments = []
        for index, width in enumerate(widths):
            if not width:
                continue
            value = cells[index] if index < len(cells) else ""
            if cell_len(value) > width:
                value = set_cell_size(value, width - 1) + ELLIPSIS
            segments.append(Segment(f"{pad}{set_cell_size(value, width)}{pad}", style))
        return segments

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def _style(self, *parts: str) -> Style:
        """The table's style with these components' (header, stripe, cursor) added."""
        style = self._styles.get(parts)
        if style is None:
            style = self.rich_style
            for part in parts:
                style += self.get_component_rich_style(part)
            self._styles[parts] = style
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x = round(self.scroll_x)
        width = self.size.width
        widths = self._shown_widths()  # first: new widths clear the drawn lines
        if y == 0:
            style = self._style("roster-table--header")
            strip = Strip(self._line(self._columns, style, widths))
            return strip.crop_extend(scroll_x, scroll_x + width, style)
        row = round(self.scroll_y) + y - 1
        if row >= len(self._shown):
            return Strip.blank(width, self._style())
        key = self._shown[row]
        stripe, cursor = bool(row % 2), row == self.cursor_row
        memo = (key, stripe, cursor, scroll_x, width)
        cached = self._strips.get(memo)
        if cached is None:
            parts = ("roster-table--even-row",) if stripe else ()
            style = self._style(*parts, *(("roster-table--cursor",) if cursor else ()))
            strip = Strip(self._line(self._data[key], style, widths))
            strip = strip.crop_extend(scroll_x, scroll_x + width, style)
            self._strips[memo] = cached = strip
        return cached
