"""The chair's conclusion at approval: said missing before the minutes are frozen, and
an approved record keeps only the dotted line to write it by hand, never an instruction."""

from __future__ import annotations

from builders import make_app_with_messages, make_session
from textual.widgets import Static

from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.services.session import SessionService
from facilitator.strings import minutes_text
from facilitator.strings import ui as text
from facilitator.ui.screens.dialogs import ApproveDialog

PROMPT = "Chủ trì bổ sung kết luận"


def test_a_draft_asks_for_the_conclusion_an_approved_record_leaves_dots_only() -> None:
    closed = make_session(conclusion="")
    assert closed.is_closed
    approved = render_minutes_md(build_minutes(closed))
    assert PROMPT not in approved
    assert minutes_text.FILL_DOTS * 6 in approved
    draft = render_minutes_md(build_minutes(closed.with_changes(status="running")))
    assert PROMPT in draft


def test_a_conclusion_written_is_in_the_minutes_and_no_blank() -> None:
    closed = make_session(conclusion="Chi bộ thống nhất triển khai học tập đến từng đảng viên.")
    approved = render_minutes_md(build_minutes(closed))
    assert "Chi bộ thống nhất triển khai học tập đến từng đảng viên." in approved
    assert PROMPT not in approved


async def _dialog_lines(store, session_id, content_dir, clock) -> list[str]:
    app, _ = make_app_with_messages(store, content_dir, clock, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ApproveDialog)
        lines = [str(w.render()) for w in app.screen.query(Static)]
        await pilot.press("escape")
        await pilot.pause()
    return lines


async def test_approving_without_a_conclusion_says_so_in_the_dialog(
    store, running, content_dir, frozen_clock
):
    lines = await _dialog_lines(store, running, content_dir, frozen_clock)
    assert any("Chưa có kết luận chung" in line for line in lines)
    assert store.load_session(running).status == "running"  # Esc froze nothing
    service = SessionService.open(store, running, frozen_clock)
    service.set_conclusion("Giao chi ủy theo dõi việc viết bài thu hoạch.")
    service.close()
    lines = await _dialog_lines(store, running, content_dir, frozen_clock)
    assert not any(text.APPROVE_NO_CONCLUSION[:20] in line for line in lines)
