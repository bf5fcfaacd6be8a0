"""The approval dialog at 80x24: however many warnings, the count and the buttons stay on
the screen, the warnings scroll (by keyboard too), and Enter still approves."""

from __future__ import annotations

from builders import make_app_with_messages, open_approval
from textual.containers import VerticalScroll
from textual.errors import NoWidget
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from facilitator.domain.records import Vote
from facilitator.services.session import SessionService
from facilitator.ui.screens.dialogs import ApproveDialog

LONG_QUESTION = (
    "Thông qua biên bản buổi sinh hoạt chuyên đề về ngoại giao cây tre Việt Nam và kế "
    "hoạch hành động của chi bộ trong thời gian tới, giao chi ủy theo dõi, đôn đốc việc "
    "thực hiện đến từng đảng viên, báo cáo kết quả với Đảng ủy xã trước cuối quý"
)


def on_screen(dialog: ApproveDialog, widget: Widget) -> bool:
    """The widget is what the user sees at its own centre (not cut off, not covered)."""
    try:
        shown, _ = dialog.get_widget_at(*widget.region.center)
    except NoWidget:
        return False
    return shown is widget or widget in shown.ancestors


async def test_the_real_warnings_leave_the_buttons_on_screen(
    store, running, content_dir, frozen_clock
):
    """Speakers with long names marked absent, no conclusion, a long question: the old
    dialog put its buttons below the window."""
    service = SessionService.open(store, running, frozen_clock)
    for name in (
        "Nguyễn Thị Hoàng Phương Thảo",
        "Trần Lê Quang Minh Khôi",
        "Công Tằng Tôn Nữ Thị Minh Nguyệt",
    ):
        person = service.add_person(name, "chinh-thuc", "Chi ủy viên", present=False)
        service.add_note(f"Ý kiến của đồng chí {name}.", "opinion", person.id)
    service.add_note("Ý kiến của đồng chí Dung.", "opinion", "p04")
    majority = service.counts().voting_base // 2 + 1  # the minutes need more than half
    service.record_vote(LONG_QUESTION, majority)
    service.close()
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_approval(pilot)
        await pilot.pause()
        assert len(dialog.query(".warning-box")) == 2
        count = dialog.query_one("#approve-for", Input)
        assert count.has_focus and count.value == str(majority)
        for widget in (count, dialog.query_one("#ok"), dialog.query_one("#cancel")):
            assert on_screen(dialog, widget), widget
        await pilot.press("enter")
        await pilot.pause()
    approved = store.load_session(running).approved
    assert approved is not None and approved.for_ == majority


async def test_many_warnings_scroll_and_the_buttons_stay(store, running, content_dir, frozen_clock):
    warnings = tuple(
        f"Cảnh báo số {n}: biên bản còn thiếu một nội dung phải bổ sung trước khi thông qua, "
        "sửa ở màn hình điều hành rồi mở lại hộp này."
        for n in range(1, 7)
    )
    vote = Vote("mo-dau", LONG_QUESTION, 4, 0, 0, 5)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        results: list[int | None] = []
        app.push_screen(ApproveDialog(5, vote, warnings=warnings), results.append)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ApproveDialog)
        for button in dialog.query(Button):
            assert on_screen(dialog, button), button.id
        boxes = list(dialog.query(".warning-box").results(Static))
        assert len(boxes) == 6
        assert not on_screen(dialog, boxes[-1])  # too many for the window: they scroll
        # Keyboard only: Tab leaves the count for Lưu, Hủy, then the text, which scrolls.
        await pilot.press("tab", "tab", "tab")
        scroll = dialog.query_one("#dialog", VerticalScroll)
        assert scroll.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert on_screen(dialog, boxes[-1])
        for button in dialog.query(Button):
            assert on_screen(dialog, button), button.id
        await pilot.press("tab")  # back to the count: typing and Enter approve
        assert dialog.query_one("#approve-for", Input).has_focus
        await pilot.press("backspace", "5", "enter")
        await pilot.pause()
    assert results == [5]
