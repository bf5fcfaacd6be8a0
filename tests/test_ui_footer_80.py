"""At 80×24 every footer key is shown whole, none under the palette key at the right
(issue #9 §8: everything the secretary needs is visible at 80×24)."""

from __future__ import annotations

from builders import make_app
from textual.widgets import Footer

from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.prepare import PrepareScreen

SIZE = (80, 24)


def footer_keys(app: FacilitatorApp) -> dict[str, tuple[int, int]]:
    """Each footer key's text and its (start, end) columns."""
    footer = app.screen.query_one(Footer)
    return {
        " ".join(str(key.render()).split()): (key.region.x, key.region.right)
        for key in footer.query("FooterKey")
    }


def assert_whole(app: FacilitatorApp, expected: tuple[str, ...]) -> None:
    keys = footer_keys(app)
    palette = next(span for label, span in keys.items() if label.startswith("^p"))
    for label in expected:
        span = keys.get(label)
        assert span is not None, (label, keys)
        assert span[1] <= palette[0] and span[0] < span[1], (label, keys)


async def test_prepare_footer_fits_80_columns(store, roster, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert_whole(
            app, ("F1 ^k Giúp", "^s Lưu, điểm danh", "esc Về", "^r Danh sách", "^o Soạn gói")
        )


async def test_run_and_attendance_footers_fit_80_columns(
    store, session_id, content_dir, frozen_clock
):
    from facilitator.ui.screens.attendance import AttendanceScreen
    from facilitator.ui.screens.run import RunScreen

    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert_whole(
            app,
            ("F1 ^k Giúp", "1 Có mặt", "2 Muộn", "3 Có lý do", "4 Vắng", "^g Khách",
             "6 Về sớm", "esc Xong"),
        )  # fmt: skip
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert_whole(
            app,
            ("F1 ^k Giúp", "F2 ^d Điểm danh", "F3 ^e Ghi", "F6 ^u Biểu quyết", "^f Giờ"),
        )


async def test_at_80x24_the_notes_panel_gets_the_room(store, session_id, content_dir, frozen_clock):
    from facilitator.ui.screens.run import RunScreen

    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.has_class("-short")
        notes = app.screen.query_one("#notes")
        assert notes.content_region.height >= 6  # was 3 lines under the talking points
