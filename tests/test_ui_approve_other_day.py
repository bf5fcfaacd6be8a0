"""Minutes approved on a later day than the meeting began: the end is asked for, not
stamped. Stamped, the minutes said "kết thúc lúc 07 giờ 10 phút, ngày 12 tháng 5" for a
meeting of 10 May, because that is when the secretary pressed approve."""

from __future__ import annotations

from builders import make_app_with_messages
from docx import Document as read_docx

from facilitator.export import export_minutes
from facilitator.strings import timing as timing_text
from facilitator.ui.screens.time_dialogs import TimesDialog
from facilitator.ui.screens.vote_dialogs import ApproveDialog

SIZE = (100, 40)


async def _wait_for(pilot, kind):  # type: ignore[no-untyped-def]
    for _ in range(40):
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"no {kind.__name__} (on {pilot.app.screen})")


async def test_approving_days_later_asks_for_the_real_end_and_the_minutes_say_it(
    store, running, content_dir, frozen_clock, tmp_path
):
    began = store.load_session(running).started_at
    frozen_clock.advance(2 * 24 * 3600 - 20 * 60)  # two days on, 20 minutes earlier in the day
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+t")
        dialog = await _wait_for(pilot, TimesDialog)
        assert timing_text.end_on_other_day(f"{began:%d/%m/%Y %H:%M}") in messages
        end = dialog.query_one("#times-end")
        assert end.value == ""  # nothing proposed: the clock's today would be wrong
        end.value = f"{began:%d/%m/%Y} 09:40"
        await pilot.click("#ok")
        approve = await _wait_for(pilot, ApproveDialog)
        approve.query_one("#approve-for").value = "5"  # all five present approve
        await pilot.click("#ok")
        await pilot.pause()
    session = store.load_session(running)
    assert session.status == "closed"
    assert (session.ended_at.date(), f"{session.ended_at:%H:%M}") == (began.date(), "09:40")  # type: ignore[union-attr]
    out = export_minutes(session, "docx", tmp_path / "bien-ban.docx", overwrite=True)
    text = "\n".join(p.text for p in read_docx(str(out)).paragraphs)
    assert "Cuộc họp kết thúc lúc 09 giờ 40 phút cùng ngày." in text
    assert f"ngày {began.day + 2:02d} tháng" not in text


async def test_approving_the_same_day_stamps_the_end_without_asking(
    store, running, content_dir, frozen_clock
):
    frozen_clock.advance(90 * 60)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await _wait_for(pilot, ApproveDialog)
