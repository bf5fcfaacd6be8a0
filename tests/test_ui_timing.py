"""The meeting's date and times, latecomers and early leavers: what the cấp ủy checks first.

Each test drives the console with Pilot, then checks the stored session (reloaded from the
store) and the exported minutes (Markdown text, and the DOCX read back with python-docx).
"""

from __future__ import annotations

import io
from datetime import datetime

import docx
import pytest
from builders import make_app
from conftest import ICT, FrozenClock
from textual.widgets import Button, Input, Label

from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.parsing import load_pack
from facilitator.services.planning import SessionPlan, start_session
from facilitator.strings import timing as timing_text
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.dialogs import ApproveDialog
from facilitator.ui.screens.readback import ReadbackScreen
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.screens.time_dialogs import ClockDialog, StartDialog, TimesDialog

SIZE = (100, 40)
PLANNED = datetime(2024, 5, 3, 7, 30, tzinfo=ICT)


def minutes_texts(session) -> tuple[str, str]:
    """The exported minutes as Markdown and as the text of the DOCX."""
    minutes = build_minutes(session)
    document = docx.Document(io.BytesIO(render_minutes_docx(minutes)))
    words = [p.text for p in document.paragraphs]
    words += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return render_minutes_md(minutes), "\n".join(words)


@pytest.fixture
def past_session(store, roster, content_dir) -> str:
    """A session planned for 03/05/2024 07:30, stored and unlocked."""
    pack = load_pack(content_dir / "cay-tre.md")
    plan = SessionPlan(
        "Sinh hoạt chuyên đề cây tre", PLANNED, place="Hội trường", chair="p01",
        secretary="p02", presenters=("p01",),
    )  # fmt: skip
    service = start_session(store, pack, roster, plan, FrozenClock(PLANNED))
    service.close()
    return service.session.id


async def typed(pilot, box: Input, value: str) -> None:
    """Replace what a box holds by typing, as a user would."""
    box.focus()
    box.cursor_position = len(box.value)
    await pilot.press("ctrl+u", *value)
    await pilot.pause()


async def test_f5_on_another_day_keeps_the_planned_date_and_the_clock_stays_out(
    store, past_session, content_dir
):
    clock = FrozenClock(datetime(2026, 12, 1, 20, 15, tzinfo=ICT))  # typed up much later
    app = make_app(store, content_dir, clock, past_session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "1", "escape")  # An, Bình, Cường present
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, StartDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "planned"
        await pilot.press("enter")  # the default: the planned date and time
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        clock.advance(3600)
        await pilot.press("ctrl+right", "ctrl+right")  # stepping stamps no laptop time
        await pilot.press("f3", "enter", *"Ghi chép từ sổ", "enter")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        await pilot.press("ctrl+t")  # approve: the end is asked for, never stamped
        await pilot.pause()
        assert isinstance(app.screen, TimesDialog)
        await typed(pilot, app.screen.query_one("#times-end", Input), "03/05/2024 09:45")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3", "enter")  # approve: the count typed (no vote proposes one)
        await pilot.pause()
    session = store.load_session(past_session)
    assert session.status == "closed" and session.typed_up_afterwards
    assert session.started_at == PLANNED
    assert session.ended_at == datetime(2024, 5, 3, 9, 45, tzinfo=ICT)
    stamps = [i.started_at for i in session.agenda] + [i.ended_at for i in session.agenda]
    stamps += [n.at for n in session.notes]
    assert session.notes and all(s is None or s.year == 2024 for s in stamps)
    for text in minutes_texts(session):
        assert "bắt đầu lúc 07 giờ 30 phút, ngày 03 tháng 5 năm 2024" in text
        assert "ngày 03 tháng 5 năm 2024" in text  # the place-date line too
        assert "kết thúc lúc 09 giờ 45 phút cùng ngày" in text
        assert "2026" not in text and "20 giờ 15" not in text


async def test_f5_on_another_day_can_start_now(store, past_session, content_dir):
    clock = FrozenClock(datetime(2024, 5, 4, 14, 0, tzinfo=ICT))  # held a day late, live
    app = make_app(store, content_dir, clock, past_session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape", "f5")
        await pilot.pause()
        await pilot.click("#now")
        await pilot.pause()
    session = store.load_session(past_session)
    assert session.started_at == clock() and not session.typed_up_afterwards


async def test_latecomer_and_early_leaver_are_named_with_their_times(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"an", "1", *"binh", "1")
        await pilot.press(*"cuong", "2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ClockDialog)
        box = dialog.query_one("#clock", Input)
        assert box.value == "07:30"  # before F5, on the day: the start, never earlier
        await typed(pilot, box, "07:15")  # before the start: refused as typed
        assert dialog.query_one("#ok", Button).disabled
        assert "trước giờ bắt đầu" in str(dialog.query_one(".dialog-error", Label).render())
        await typed(pilot, box, "07:45")
        assert not dialog.query_one("#ok", Button).disabled
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("escape", "f5")  # starts 07:30, on the planned day
        frozen_clock.advance(2 * 3600)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"binh", "6")  # về sớm: now (09:30) proposed
        await pilot.pause()
        assert isinstance(app.screen, ClockDialog)
        assert app.screen.query_one("#clock", Input).value == "09:30"
        await typed(pilot, app.screen.query_one("#clock", Input), "09:10")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
    session = store.load_session(session_id)
    late, left = session.attendance_of("p03"), session.attendance_of("p02")
    assert late.status == "late" and late.arrived_at == datetime(2024, 5, 10, 7, 45, tzinfo=ICT)
    assert left.status == "present" and left.left_at == datetime(2024, 5, 10, 9, 10, tzinfo=ICT)
    for text in minutes_texts(session):
        assert (
            "trong đó đến muộn 1 đồng chí (đồng chí Lê Văn Cường, đến lúc 07 giờ 45 phút); "
            "về sớm 1 đồng chí (đồng chí Trần Thị Bình, về lúc 09 giờ 10 phút)."
        ) in text


async def test_late_marked_before_the_start_is_moved_to_the_start(
    store, session_id, content_dir, frozen_clock
):
    frozen_clock.advance(-600)  # 07:20, before the planned 07:30
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"cuong", "2", "enter")
        await pilot.pause()
        frozen_clock.advance(30 * 60)  # F5 at 07:50
        await pilot.press("escape", "f5")
        await pilot.pause()
    session = store.load_session(session_id)
    assert session.started_at == datetime(2024, 5, 10, 7, 50, tzinfo=ICT)
    assert session.attendance_of("p03").arrived_at == session.started_at


async def test_times_corrected_from_the_run_screen_and_read_back(
    store, session_id, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "escape", "f5")
        await pilot.pause()
        palette = [c.title for c in app.get_system_commands(app.screen)]
        assert "Sửa giờ họp" in palette and "Nhập biên bản sau buổi họp" in palette
        assert "ctrl+f" in {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        await pilot.press("ctrl+f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TimesDialog)
        await typed(pilot, dialog.query_one("#times-start", Input), "10/05/2024 08:00")
        await typed(pilot, dialog.query_one("#times-end", Input), "10/05/2024 07:55")
        assert dialog.query_one("#ok", Button).disabled  # the end is before the start
        await typed(pilot, dialog.query_one("#times-end", Input), "10/05/2024 10:05")
        await typed(pilot, dialog.query_one("#item-start-1", Input), "08:00")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("ctrl+b", "ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, TimesDialog)
        await typed(pilot, app.screen.query_one("#times-end", Input), "10/05/2024 10:20")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        assert "kết thúc lúc 10 giờ 20 phút cùng ngày" in app.screen.markdown
    session = store.load_session(session_id)
    assert session.started_at == datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    assert session.ended_at == datetime(2024, 5, 10, 10, 20, tzinfo=ICT)
    assert session.agenda[0].started_at == datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    for text in minutes_texts(session):
        assert "bắt đầu lúc 08 giờ 00 phút, ngày 10 tháng 5 năm 2024" in text


async def _until(pilot, condition, tries: int = 60) -> None:
    """Pause until ``condition`` holds (screens open from workers, later under load)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"still waiting on {pilot.app.screen!r}")


async def test_typing_the_minutes_up_afterwards_from_the_palette(
    store, session_id, content_dir, frozen_clock
):
    frozen_clock.advance(7 * 3600)  # 14:30 the same day, from the paper notes
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "escape")
        await pilot.pause()
        await app.screen.run_action("type_up_afterwards")
        await _until(pilot, lambda: isinstance(app.screen, TimesDialog))
        await pilot.pause()  # mounted: it gives its first box the focus, then we type
        dialog = app.screen
        assert isinstance(dialog, TimesDialog)
        assert (
            dialog.query_one("#dialog").border_title == timing_text.AFTERWARDS_TITLE
        )  # not "Sửa giờ"
        await typed(pilot, dialog.query_one("#times-end", Input), "10/05/2024 09:40")
        await pilot.press("enter")
        await _until(pilot, lambda: not isinstance(app.screen, TimesDialog))
        await pilot.press("ctrl+right")
        frozen_clock.advance(600)
        await pilot.press("ctrl+b")
        await _until(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("ctrl+t")
        await _until(pilot, lambda: isinstance(app.screen, ApproveDialog))  # from a worker
        assert isinstance(app.screen, ApproveDialog)
        await pilot.press("3", "enter")  # the approving count, typed: 3 of 4, a majority
        await _until(pilot, lambda: store.load_session(session_id).status == "closed")
    session = store.load_session(session_id)
    assert session.status == "closed" and session.typed_up_afterwards
    assert session.started_at == datetime(2024, 5, 10, 7, 30, tzinfo=ICT)
    assert session.ended_at == datetime(2024, 5, 10, 9, 40, tzinfo=ICT)
    assert all(i.started_at is None for i in session.agenda)
    for text in minutes_texts(session):
        assert "kết thúc lúc 09 giờ 40 phút cùng ngày" in text
        assert "14 giờ" not in text


async def test_at_80x24_every_item_time_can_be_reached_and_a_bad_one_is_located(
    store, session_id, content_dir, frozen_clock
):
    frozen_clock.advance(7 * 3600)
    app = make_app(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.screen.run_action("type_up_afterwards")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TimesDialog)
        last = max(
            int(box.id.rsplit("-", 1)[1])
            for box in dialog.query("Input")
            if box.id and box.id.startswith("item-start-")
        )
        await pilot.press("tab")  # the end box
        while app.focused is not None and app.focused.id != f"item-start-{last}":
            await pilot.press("tab")
        await pilot.pause()
        focused = app.focused
        assert focused is not None and focused.id == f"item-start-{last}"
        # The focused box is on screen (the list scrolls with the dialog, not clipped).
        assert dialog.screen.region.contains_region(focused.region) and focused.region.height
        await pilot.press("ctrl+u", *"9x:00")
        await pilot.pause()
        problem = str(dialog.query_one(".dialog-error", Label).render())
        assert f"Mục {last}, giờ bắt đầu" in problem
        await pilot.press("ctrl+u", *"09:20", "tab", *"09:30")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TimesDialog)
    session = store.load_session(session_id)
    item = session.agenda[last - 1]  # the dialog numbers items as the agenda does
    assert item.started_at is not None and item.ended_at is not None
    assert (item.started_at.hour, item.started_at.minute) == (9, 20)
    assert (item.ended_at.hour, item.ended_at.minute) == (9, 30)


async def test_ctrl_s_saves_the_times_dialog_like_enter(store, running, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.screen.run_action("edit_times")
        await _until(pilot, lambda: isinstance(app.screen, TimesDialog))
        await pilot.pause()
        dialog = app.screen
        await typed(pilot, dialog.query_one("#times-end", Input), "10/05/2024 09:40")
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: not isinstance(app.screen, TimesDialog))
    ended = store.load_session(running).ended_at
    assert ended == datetime(2024, 5, 10, 9, 40, tzinfo=ICT)
