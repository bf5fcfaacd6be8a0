"""Read back shows the minutes whole (long headings wrap, never cut at the edge), and\napproving them proposes the count of the vote on the minutes, never the whole base."""

from __future__ import annotations

from dataclasses import replace

from builders import make_app_with_messages
from textual.widgets import Input, Markdown
from textual.widgets._markdown import MarkdownHeader

from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.screens.dialogs import ApproveDialog
from facilitator.ui.screens.readback import ReadbackScreen

LONG = (
    "Thảo luận, liên hệ trách nhiệm của cán bộ, đảng viên trong việc thực hiện nhiệm vụ "
    "chính trị của chi bộ gắn với sự nghiệp xây dựng và bảo vệ Tổ quốc"
)


async def test_readback_wraps_long_item_headings(store, running, content_dir, frozen_clock):
    service = SessionService.open(store, running, frozen_clock)
    agenda = service.session.agenda
    service.set_agenda((replace(agenda[0], title=LONG), *agenda[1:]))
    service.add_note("Nhất trí.", "opinion", "p01")  # the item under way is headed
    service.close()
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
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


async def test_approval_proposes_the_vote_on_the_minutes_never_the_whole_base(
    store, running, content_dir, frozen_clock
):
    """The tester's vote said 4 of 5 approved the minutes; the dialog proposed all 5."""
    service = SessionService.open(store, running, frozen_clock)
    service.record_vote("Tán thành nghị quyết chuyên đề", 5)
    service.record_vote("Thông qua biên bản buổi sinh hoạt", 4, 1)
    service.close()
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ApproveDialog)
        assert app.screen.query_one("#approve-for", Input).value == "4"
        await pilot.press("enter")
        await pilot.pause()
    approved = store.load_session(running).approved
    assert approved is not None and approved.for_ == 4


async def test_approval_without_a_vote_on_the_minutes_asks_for_the_count(
    store, running, content_dir, frozen_clock
):
    service = SessionService.open(store, running, frozen_clock)
    service.record_vote("Tán thành nghị quyết chuyên đề", 5)  # not about the minutes
    service.close()
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ApproveDialog)
        assert dialog.query_one("#approve-for", Input).value == ""
        await pilot.press("enter")  # nothing typed: refused, the dialog stays
        await pilot.pause()
        assert app.screen is dialog
        assert ui_text.APPROVE_FOR_REQUIRED in str(dialog.query_one(".dialog-error").render())
        assert not store.load_session(running).is_closed
        await pilot.press("3", "enter")
        await pilot.pause()
    approved = store.load_session(running).approved
    assert approved is not None and approved.for_ == 3
