"""The Prepare screen's agenda table: reorder, skip and re-time the pack's items before
the session is created, titles fitted to the window."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable, Static

from facilitator.domain.models import AgendaItem
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain_text
from facilitator.ui.screens.draft_actions import DraftingScreen

AGENDA_TITLE_MIN = 16
"""The narrowest the title column gets, however narrow the window."""


class AgendaEditing(DraftingScreen):
    """The agenda being prepared (``#plan-agenda``, ``#agenda-total``) and its keys."""

    def __init__(self) -> None:
        super().__init__()
        self._agenda: list[AgendaItem] = []
        self._title_width: int | None = None
        """The agenda table's title column, fitted to the window (None: to its text)."""

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_agenda)

    def _short_columns(self) -> tuple[int, int, int]:
        """Widths of "#", the minutes and "bỏ qua": what their longest cell needs."""
        number, minutes, _, _ = ui_text.AGENDA_COLUMNS
        items = self._agenda
        return (
            max(len(number), len(str(len(items)))),
            max([len(minutes), *(len(str(i.minutes)) for i in items)]),
            len(ui_text.AGENDA_SKIPPED) if any(i.skipped for i in items) else 0,
        )

    def _fitted_title_width(self) -> int | None:
        """The title column's width: the rest of the table's width (None before layout)."""
        table = self.query_one("#plan-agenda", DataTable)
        width = table.scrollable_content_region.width
        if not width:
            return None
        padding = 2 * table.cell_padding * len(ui_text.AGENDA_COLUMNS)
        return max(AGENDA_TITLE_MIN, width - sum(self._short_columns()) - padding)

    def _fit_agenda(self) -> None:
        """At 80 columns a long title ends in "…" inside the table, never cut mid-word."""
        if self._fitted_title_width() != self._title_width and self._agenda:
            self._show_agenda(self._cursor() or 0)

    def _show_agenda(self, row: int) -> None:
        table = self.query_one("#plan-agenda", DataTable)
        table.clear(columns=True)
        self._title_width = self._fitted_title_width()
        widths = (*self._short_columns(), self._title_width)
        for label, width in zip(ui_text.AGENDA_COLUMNS, widths, strict=True):
            table.add_column(label, width=width)
        for number, item in enumerate(self._agenda, 1):
            skipped = ui_text.AGENDA_SKIPPED if item.skipped else ""
            title = plain_text(item.title)
            title.no_wrap, title.overflow = True, "ellipsis"
            table.add_row(str(number), str(item.minutes), skipped, title, key=item.id)
        if self._agenda:
            table.move_cursor(row=max(0, min(row, len(self._agenda) - 1)))
        kept = [i for i in self._agenda if not i.skipped]
        self.query_one("#agenda-total", Static).update(
            ui_text.AGENDA_TOTAL.format(minutes=sum(i.minutes for i in kept), items=len(kept))
        )

    def _cursor(self) -> int | None:
        table = self.query_one("#plan-agenda", DataTable)
        return table.cursor_row if self._agenda else None

    def action_move_item(self, delta: int) -> None:
        """Reorder: swap the highlighted item with its neighbour."""
        row = self._cursor()
        if row is None or not 0 <= row + delta < len(self._agenda):
            return
        items = self._agenda
        items[row], items[row + delta] = items[row + delta], items[row]
        self._show_agenda(row + delta)

    def action_toggle_skip(self) -> None:
        """Skip the highlighted item, or keep it again."""
        row = self._cursor()
        if row is not None:
            item = self._agenda[row]
            kept = [i for i in self._agenda if not i.skipped]
            if not item.skipped and kept == [item]:
                self.notify(ui_text.LAST_ITEM_KEPT, severity="warning")
                return
            self._agenda[row] = replace(item, skipped=not item.skipped)
            self._show_agenda(row)

    def action_change_minutes(self, delta: int) -> None:
        """Change the highlighted item's time budget (at least one minute)."""
        row = self._cursor()
        if row is not None:
            item = self._agenda[row]
            self._agenda[row] = replace(item, minutes=max(1, item.minutes + delta))
            self._show_agenda(row)
