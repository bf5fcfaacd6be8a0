"""The prepare screen at 80x24: a long agenda title ends in "…" inside the table (never cut
mid-word with a sideways scroll bar), the whole title is stored; the chair's list, opened,
stays above the footer."""

from __future__ import annotations

import pytest
from builders import UNIT, core_people, make_app_with_messages
from textual.widgets import DataTable, Select
from textual.widgets._select import SelectOverlay

from facilitator.domain.models import Roster
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.widgets.app_footer import AppFooter

SIZE = (80, 24)


@pytest.fixture
def big_roster(store) -> Roster:
    """Ten people: the chair's list is as tall as Textual lets it be (12 rows)."""
    saved = Roster(UNIT, tuple(core_people()))
    store.save_roster(saved)
    return saved


async def _prepare(app, pilot) -> PrepareScreen:
    await pilot.press("n")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PrepareScreen)
    packs = [e.pack.id if e.pack else None for e in screen._packs]
    screen.query_one("#pack", Select).value = packs.index("cay-tre")
    await pilot.pause()
    await pilot.pause()
    return screen


def _row_text(table: DataTable, row: int) -> str:
    strip = table.render_line(row + table.header_height - int(table.scroll_y))
    return strip.text


async def test_long_agenda_titles_end_in_an_ellipsis_and_are_stored_whole(
    store, roster, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _prepare(app, pilot)
        table = screen.query_one("#plan-agenda", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways
        assert not table.show_horizontal_scrollbar
        titles = [item.title for item in screen._agenda]
        long_rows = [n for n, title in enumerate(titles) if len(title) > 60]
        assert long_rows
        for row in long_rows:
            shown = _row_text(table, row).rstrip()
            assert shown.endswith("…"), shown
            assert shown[:-1].split()[-1] in titles[row]  # the start of the title, as typed
        short = titles.index(min(titles, key=len))
        assert "…" not in _row_text(table, short)
        narrow = _row_text(table, long_rows[0]).rstrip()
        await pilot.resize_terminal(120, 40)  # a wider window shows more of each title
        await pilot.pause()
        await pilot.pause()
        wider = _row_text(table, long_rows[0]).rstrip()
        assert len(wider) > len(narrow) and wider.startswith(narrow[:-1])
        assert table.virtual_size.width <= table.scrollable_content_region.width
        screen.query_one("#chair", Select).value = "p01"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = store.session_ids()
    assert [i.title for i in store.load_session(saved).agenda] == titles


async def test_the_opened_chair_list_stays_above_the_footer(
    store, big_roster, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _prepare(app, pilot)
        chair = screen.query_one("#chair", Select)
        chair.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        overlay = chair.query_one(SelectOverlay)
        assert chair.expanded and overlay.display
        footer = screen.query_one(AppFooter)
        assert overlay.region.bottom <= footer.region.y, (overlay.region, footer.region)
        shown, _ = screen.get_widget_at(footer.region.x + 2, footer.region.y)
        assert shown is footer or footer in shown.ancestors  # the footer is not covered
        await pilot.press("down", "enter")  # the first person
        await pilot.pause()
        assert not chair.expanded
        chosen = chair.value
        assert isinstance(chosen, str)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = store.session_ids()
    assert store.load_session(saved).roles.chair == chosen
