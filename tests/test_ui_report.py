"""The chair's assessment and the reflections (bài thu hoạch): reachable from the run
screen, read back and home, keyboard-driven, saved at once, closed sessions included."""

from __future__ import annotations

import pytest
from builders import make_app
from textual.widgets import DataTable, Static, TextArea

from facilitator.domain.models import Narrative
from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.screens.readback import ReadbackScreen
from facilitator.ui.screens.report import SAVE_DELAY, ReportScreen, next_grade
from facilitator.ui.screens.run import RunScreen

SIZE = (100, 40)


def names(screen: ReportScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


@pytest.fixture
def closed(running, store, frozen_clock) -> str:
    service = SessionService.open(store, running, frozen_clock)
    service.approve_and_close()
    service.close()
    return running


def test_grades_cycle_through_every_grade_then_none() -> None:
    seen = [None]
    for _ in range(5):
        seen.append(next_grade(seen[-1]))
    assert seen == [None, "tot", "kha", "dat", "khong-dat", None]


async def test_narrative_typed_from_the_run_screen_is_saved(
    store, running, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        assert screen.query_one("#strengths", TextArea).has_focus
        await pilot.press(*"Chu đáo.")
        await pilot.pause(SAVE_DELAY + 0.3)  # saved while typing, not only on leaving
        assert store.load_session(running).narrative.strengths == "Chu đáo."
        await pilot.press("tab", *"Ít ý kiến.", "tab", *"Họp thêm.")
        await pilot.press("escape")  # leaving saves at once
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    assert store.load_session(running).narrative == Narrative("Chu đáo.", "Ít ý kiến.", "Họp thêm.")


async def test_quitting_right_after_typing_keeps_the_narrative(
    store, running, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Đoàn kết", "ctrl+q")  # before the typing pause is over
        await pilot.pause()
    assert store.load_session(running).narrative.strengths == "Đoàn kết"


async def test_reflections_are_marked_with_keys(store, running, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        assert names(screen) == [
            "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
            "Phạm Thị Dung", "Đinh Hữu Đức", "Võ Thị Én",
        ]  # fmt: skip
        await pilot.press("ctrl+j", "space")  # An submitted, not graded yet
        await pilot.press("down", "g", "g")  # Bình: Tốt, then Khá (grading marks submitted)
        await pilot.press("down", "g", "space")  # Cường: Tốt, then withdrawn (grade dropped)
        await pilot.press("down", "g", "g", "g", "g")  # Dung: Không đạt
        await pilot.pause()
        reflections = {r.person: r for r in store.load_session(running).reflections}
        assert (reflections["p01"].submitted, reflections["p01"].grade) == (True, None)
        assert (reflections["p02"].submitted, reflections["p02"].grade) == (True, "kha")
        assert (reflections["p03"].submitted, reflections["p03"].grade) == (False, None)
        assert (reflections["p04"].submitted, reflections["p04"].grade) == (True, "khong-dat")
        assert "p05" not in reflections
        table = screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(1)][1:] == [ui_text.REFLECTION_SUBMITTED, "Khá"]
        summary = str(screen.query_one("#reflections-summary", Static).render())
        # As the report counts them: reflections of the 5 members present (Dung was absent).
        assert summary == "Đã nộp: 2/5 · Tốt: 0 · Khá: 1 · Đạt: 0 · Không đạt: 0"


async def test_closed_session_from_home_still_takes_the_report(
    store, closed, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await pilot.press(*"Nghiêm túc.", "ctrl+s")
        await pilot.press("ctrl+j", "down", "g")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)  # the session stays open behind it
    session = store.load_session(closed)
    assert session.is_closed
    assert session.narrative.strengths == "Nghiêm túc."
    assert [(r.person, r.submitted, r.grade) for r in session.reflections] == [("p02", True, "tot")]


async def test_read_back_reaches_the_report(store, closed, content_dir, frozen_clock):
    app = make_app(store, content_dir, frozen_clock, closed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("ctrl+j", "space")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
    assert store.load_session(closed).reflections[0].submitted
