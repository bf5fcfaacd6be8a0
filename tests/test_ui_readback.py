"""Read back shows the minutes whole: long headings wrap, never cut at the edge."""

from __future__ import annotations

from dataclasses import replace

from note_helpers import make_app
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownHeader

from facilitator.services.session import SessionService
from facilitator.ui.screens.readback import ReadbackScreen

LONG = (
    "Thảo luận, liên hệ trách nhiệm của cán bộ, đảng viên trong việc thực hiện nhiệm vụ "
    "chính trị của chi bộ gắn với sự nghiệp xây dựng và bảo vệ Tổ quốc"
)


async def test_readback_wraps_long_item_headings(store, running, content_dir, frozen_clock):
    service = SessionService.open(store, running, frozen_clock)
    agenda = service.session.agenda
    service.set_agenda((replace(agenda[0], title=LONG), *agenda[1:]))
    service.close()
    app, _ = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadbackScreen)
        minutes = screen.query_one("#minutes", Markdown)
        headers = list(minutes.query(MarkdownHeader))
        assert headers
        for header in headers:
            assert header.size.width <= minutes.content_size.width
        (long_one,) = [h for h in headers if "bảo vệ Tổ quốc" in h.source]
        assert long_one.size.height >= 2  # wrapped, the end of the title kept
        shown = "".join(strip.text for strip in long_one.render_lines(long_one.region.reset_offset))
        assert "bảo vệ Tổ quốc" in " ".join(shown.split())
