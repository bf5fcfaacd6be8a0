"""Home: the recent sessions; Enter resumes one, n prepares a new one."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from facilitator.domain.errors import FacilitatorError
from facilitator.storage.store import SessionSummary
from facilitator.strings import ui as ui_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.plain import PlainScreen, plain, plain_text
from facilitator.ui.widgets.app_footer import AppFooter

TITLE_MIN = 12
"""Narrowest title column: below it the table scrolls sideways rather than cut more."""


def summary_row(summary: SessionSummary) -> tuple[str, str, str, str, str]:
    """One table row: date, present/total, status, unit, title (narrow columns first)."""
    date, _, clock = summary.date.partition("T")
    year, month, day = [*date.split("-"), "", "", ""][:3]
    return (
        f"{day}/{month}/{year} {clock[:5]}".strip(),
        f"{summary.present}/{summary.expected}",
        ui_text.SESSION_STATUS.get(summary.status, summary.status),
        summary.unit,
        summary.title,
    )


class HomeScreen(PlainScreen):
    """The session list (the app's first screen)."""

    SCOPE = "home"
    BINDINGS = bindings_for("home")
    RECENT = 30
    """Rows shown at first: a DataTable's first layout costs ~0.3 ms a row, and the
    sessions a presenter resumes are the recent ones."""

    def __init__(self) -> None:
        super().__init__()
        self._show_all = False
        self._titles: dict[str, str] = {}
        self._rows: list[tuple[str, tuple[str, str, str, str, str]]] = []
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(ui_text.HOME_TITLE, classes="screen-title")
        yield Static("", id="home-problems", classes="warning-box")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(ui_text.HOME_EMPTY, id="home-empty", classes="hint")
        yield Static("", id="home-more", classes="hint")
        yield Static("", id="home-selected", classes="hint")
        yield Static(ui_text.HOME_HINT, classes="hint")
        yield Static(
            plain_text(ui_text.HOME_DATA_FOLDER.format(path=self.facilitator.data_dir_label)),
            id="home-data",
            classes="hint",
        )
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*ui_text.HOME_COLUMNS)

    def on_screen_resume(self) -> None:
        # Sent when the screen is first shown and on every return to it. The list is
        # filled right after that frame, so the window appears at once even with
        # hundreds of stored sessions.
        self.call_after_refresh(self.action_refresh)

    def action_show_all(self) -> None:
        """Show every stored session, not only the recent ones."""
        self._show_all = True
        self.action_refresh()

    def action_refresh(self) -> None:
        """Re-read the session list; unreadable files are listed, not fatal."""
        table = self.query_one(DataTable)
        problems_box = self.query_one("#home-problems", Static)
        try:
            listing = self.facilitator.workspace.list_sessions()
        except FacilitatorError as err:
            problems_box.update(plain(err))
            problems_box.display = True
            return
        shown = listing.sessions if self._show_all else listing.sessions[: self.RECENT]
        self._titles = {summary.id: summary.title for summary in shown}
        self._rows = [(summary.id, summary_row(summary)) for summary in shown]
        self._fill(table)
        self._show_selected()
        more = self.query_one("#home-more", Static)
        more.update(ui_text.HOME_MORE.format(shown=len(shown), total=len(listing.sessions)))
        more.display = len(shown) < len(listing.sessions)
        problems = [str(p) for p in listing.problems]
        problems_box.update(
            plain("\n".join([ui_text.HOME_PROBLEMS.format(count=len(problems)), *problems]))
        )
        problems_box.display = bool(problems)
        self.query_one("#home-empty", Static).display = not listing.sessions
        table.focus()

    def _fill(self, table: DataTable[object]) -> None:
        """The rows, each title cut to the room the other columns leave, with "…" (the
        whole title is on the line under the table): at 80 columns the table otherwise
        ran past the edge, cut mid-word, with a sideways scrollbar."""
        cursor = table.cursor_row
        table.clear()
        room = self._title_room(table)
        for session_id, row in self._rows:
            *cells, title = map(plain_text, row)
            title.truncate(room, overflow="ellipsis")
            table.add_row(*cells, title, key=session_id)
        if self._rows:
            table.move_cursor(row=min(cursor, len(self._rows) - 1))
        self._filled_width = table.size.width

    def _title_room(self, table: DataTable[object]) -> int:
        padding = 2 * table.cell_padding
        columns = list(zip(*(row for _, row in self._rows), strict=True)) or [()] * 5
        others = sum(
            max((cell_len(cell) for cell in (label, *cells)), default=0) + padding
            for label, cells in zip(ui_text.HOME_COLUMNS[:-1], columns[:-1], strict=True)
        )
        return max(table.scrollable_content_region.width - others - padding, TITLE_MIN)

    def on_resize(self, event: events.Resize) -> None:
        table = self.query_one(DataTable)
        if self._rows and table.size.width != self._filled_width:
            self._fill(table)

    def selected_session(self) -> str | None:
        """Id of the highlighted session."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_selected()

    def _show_selected(self) -> None:
        """The highlighted session's id (for the CLI: export, --session) and whole title,
        which the table cuts at 80 columns."""
        session_id = self.selected_session()
        line = self.query_one("#home-selected", Static)
        line.display = session_id is not None
        if session_id is not None:
            title = self._titles.get(session_id, "")
            line.update(plain_text(ui_text.HOME_SELECTED.format(id=session_id, title=title)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_session()

    def action_open_session(self) -> None:
        """Resume the highlighted session (a locked one is reported, not opened)."""
        session_id = self.selected_session()
        if session_id is None:
            self.notify(ui_text.NO_SESSION_SELECTED, severity="warning")
            return
        self.facilitator.open_session(session_id)

    def action_report(self) -> None:
        """Open the highlighted session on its assessment and reflections."""
        session_id = self.selected_session()
        if session_id is None:
            self.notify(ui_text.NO_SESSION_SELECTED, severity="warning")
            return
        self.facilitator.open_report(session_id)

    def action_rehearse(self) -> None:
        """Rehearse the highlighted session: only one prepared and not yet started."""
        from facilitator.strings import rehearsal as rehearsal_text
        from facilitator.ui.screens.rehearsal import RehearsalScreen

        session_id = self.selected_session()
        if session_id is None:
            self.notify(ui_text.NO_SESSION_SELECTED, severity="warning")
            return
        app = self.facilitator
        try:
            service = app.workspace.open_session(session_id)
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=10)
            return
        if service.session.status != "planned":
            service.close()
            self.notify(rehearsal_text.NOT_PLANNED, severity="warning", timeout=8)
            return
        app.push_screen(RehearsalScreen(service))

    def action_campaigns(self) -> None:
        """Track the campaigns: who has reported, who has not, days left."""
        from facilitator.ui.screens.campaign import CampaignScreen

        self.app.push_screen(CampaignScreen())

    def action_new_session(self) -> None:
        """Go to the Prepare form."""
        from facilitator.ui.screens.prepare import PrepareScreen

        self.app.push_screen(PrepareScreen())
