"""The attendance filter's precomputed keys and its cheaper redraws (issue 13) give the
results the plain code gave: ranks, rows shown, the cursor, the filter box's scrolling."""

from __future__ import annotations

import itertools

import pytest
from builders import make_app
from textual.app import App, ComposeResult

from facilitator.domain.people_search import NameKey, TypedQuery
from facilitator.domain.vietnamese import word_prefix_rank
from facilitator.ui.widgets.name_filter import NameFilter
from facilitator.ui.widgets.roster_table import RosterTable

NAMES = [
    "Nguyễn Văn An", "Lê Văn Ân", "Lê Văn An", "Trần Thị Hoa", "Hoàng Thị Lan",
    "Phạm Văn Hùng", "Hà Thị Nhung", "Đinh Hữu Đức", "Nguyễn  Thị   Bích", "Y Moan Niê",
    "Trần [Văn] (Út)", "ĐẶNG VĂN ĐÔNG", "", "  ", "Ngô Thị Ngọc Ánh",
]  # fmt: skip
QUERIES = [
    "", " ", "an", "ân", "Ân", "lê văn ân", "le van an", "hoa", "hung", "nhung", "duc",
    "đức", "nguyen thi", "nguyễn  thị  bích", "van", "v an", "moan", "ut", "[văn]",
    "dang van dong", "ĐẶNG", "ngoc anh", "x", "an ", "Lê Văn Ân",
]  # fmt: skip


@pytest.mark.parametrize(("name", "query"), list(itertools.product(NAMES, QUERIES)))
def test_precomputed_rank_equals_word_prefix_rank(name: str, query: str) -> None:
    assert TypedQuery.of(query).rank(NameKey.of(name)) == word_prefix_rank(name, query)


class _Box(App[None]):
    def compose(self) -> ComposeResult:
        yield NameFilter(placeholder="Gõ tên để lọc, một phím cho mỗi trạng thái điểm danh")


async def test_name_filter_still_scrolls_to_the_cursor_past_its_width() -> None:
    app = _Box()
    async with app.run_test(size=(30, 5)) as pilot:
        box = app.query_one(NameFilter)
        await pilot.press(*"nguyen van an nguyen thi binh tran")
        await pilot.pause()
        assert box.value == "nguyen van an nguyen thi binh tran"
        assert box.virtual_size.width == len(box.value) + 1
        assert box.scroll_x > 0  # the end of the text, where the cursor is, is shown
        assert box.scroll_x + box.scrollable_content_region.width >= len(box.value)
        for _ in range(len(box.value)):
            await pilot.press("backspace")
        await pilot.pause()
        assert box.value == "" and box.scroll_x == 0
        assert box.virtual_size.width == len(box.placeholder)


async def test_filtering_back_and_forth_draws_the_rows_the_roster_holds(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RosterTable)
        everyone = table.keys()

        def drawn() -> list[str]:
            return [table.render_line(y).text for y in range(1, table.row_count + 1)]

        first = drawn()
        for key, typed in (("n", "n"), ("g", "ng"), ("backspace", "n"), ("backspace", "")):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.query_one(NameFilter).value == typed
        assert table.keys() == everyone
        assert drawn() == first  # the same lines, from the cache or drawn anew
        await pilot.press(*"cuong")
        await pilot.pause()
        assert [table.get_row_at(i)[0] for i in range(table.row_count)] == ["Lê Văn Cường"]
        await pilot.press("1")  # marked: its drawn line must show the new status
        await pilot.pause()
        marked = [line for line in drawn() if "Lê Văn Cường" in line]
        assert len(marked) == 1 and "Có mặt" in marked[0]
