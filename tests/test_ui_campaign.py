"""The campaign tracking screen: reached from home, lists every expected unit with its
status, filters missing and late ones, counts the days left, switches campaigns."""

from __future__ import annotations

from datetime import date, timedelta

from builders import make_app
from textual.widgets import DataTable, Static

from facilitator.campaign.model import Campaign, ExpectedUnit, Plan, Receipt, ReceiptKind
from facilitator.campaign.storage import CampaignStore
from facilitator.ui.screens.campaign import CampaignScreen
from facilitator.ui.screens.home import HomeScreen

SIZE = (110, 36)
TODAY = date(2024, 5, 10)  # the frozen clock's day


def units(screen: CampaignScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def states(screen: CampaignScreen) -> dict[str, str]:
    table = screen.query_one(DataTable)
    return {
        str(table.get_row_at(i)[1]): str(table.get_row_at(i)[3]) for i in range(table.row_count)
    }


def save_campaigns(store) -> None:
    names = ("Chi bộ Thôn 1", "Chi bộ Thôn 2", "Chi bộ Trường học")
    expected = tuple(ExpectedUnit(n, "Đảng bộ xã Di Linh") for n in names)
    on_time = Receipt("a.json", ReceiptKind.SESSION, "a", names[0], TODAY, TODAY, 1, 20, 19, 5)
    late = Receipt(
        "b.json", ReceiptKind.REPORT, "b", names[2], TODAY + timedelta(days=6), TODAY, 2, 30, 15, 3
    )
    campaigns = CampaignStore(store.root)
    campaigns.save(
        Campaign(
            "dot-1",
            "Học tập chuyên đề",
            "Đảng bộ xã Di Linh",
            Plan(deadline=TODAY + timedelta(days=5)),
            units=expected,
            receipts=(on_time, late),
        )
    )
    campaigns.save(
        Campaign(
            "dot-2",
            "Đợt cũ",
            "Đảng bộ xã Di Linh",
            Plan(deadline=TODAY - timedelta(days=2)),
            units=expected[:1],
        )
    )


async def test_tracking_screen_lists_filters_and_counts_days(store, content_dir, frozen_clock):
    save_campaigns(store)
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CampaignScreen)
        assert states(screen) == {
            "Chi bộ Thôn 1": "Đã nhận",
            "Chi bộ Thôn 2": "Chưa nhận",
            "Chi bộ Trường học": "Nhận muộn",
        }
        heading = str(screen.query_one("#campaign-heading", Static).render())
        assert "còn 5 ngày" in heading and "Đã nhận 2/3 đơn vị" in heading
        row = screen.query_one(DataTable).get_row_at(2)
        assert [str(c) for c in row[4:8]] == ["2", "15/30", "50%", "3"]
        assert str(row[9]) == "x"  # below two-thirds

        await pilot.press("m")
        await pilot.pause()
        assert units(screen) == ["Chi bộ Thôn 2"]
        await pilot.press("l")
        await pilot.pause()
        assert units(screen) == ["Chi bộ Trường học"]
        await pilot.press("a")
        await pilot.pause()
        assert len(units(screen)) == 3

        await pilot.press("n")  # the other campaign: its deadline has passed
        await pilot.pause()
        heading = str(screen.query_one("#campaign-heading", Static).render())
        assert "đã quá hạn 2 ngày" in heading
        assert states(screen) == {"Chi bộ Thôn 1": "Quá hạn"}

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_without_campaigns_the_screen_says_how_to_start(store, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(CampaignScreen())
        await pilot.pause()
        empty = app.screen.query_one("#campaign-empty", Static)
        assert empty.display and "facilitator campaign create" in str(empty.render())
        assert not app.screen.query_one(DataTable).display
