"""Rehearsal (tập dượt): the agenda walked with the timer leaves the minutes untouched; the
rehearsed minutes become budgets only when the user says yes."""

from __future__ import annotations

import pytest
from builders import make_app_with_messages
from textual.widgets import DataTable

from facilitator.domain.errors import InputError
from facilitator.domain.rehearsal import Rehearsal, rehearsed_minutes
from facilitator.services.rehearsal import write_budgets
from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.rehearsal import RehearsalScreen
from tests.conftest import FrozenClock

SIZE = (80, 24)


def _app(store, content_dir, clock) -> tuple[FacilitatorApp, list[str]]:
    return make_app_with_messages(store, content_dir, clock)


async def _rehearse(pilot, clock: FrozenClock, seconds: list[float]) -> None:
    """From the home list: t, then F5 and one item per entry of ``seconds``."""
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RehearsalScreen)
    await pilot.press("f5")
    for index, spent in enumerate(seconds):
        clock.advance(spent)
        if index < len(seconds) - 1:
            await pilot.press("ctrl+right")
        await pilot.pause()


def test_rounding_is_whole_minutes_half_up_and_at_least_one() -> None:
    assert [rehearsed_minutes(s) for s in (1, 29, 89, 90, 150, 600)] == [1, 1, 1, 2, 3, 10]


def test_rehearsal_banks_time_per_item_and_pauses(store, session_id, frozen_clock) -> None:
    session = store.load_session(session_id)
    start = frozen_clock()
    r = Rehearsal.of(session).toggle(start)  # starts on the first item
    r = r.step(1, start.replace(minute=37))  # 7 minutes on item 1
    r = r.toggle(start.replace(minute=40))  # 3 on item 2, then paused
    late = start.replace(minute=59)
    assert [row.rehearsed for row in r.rows(late)][:3] == [420.0, 180.0, 0.0]
    assert r.new_budgets(late) == {"khai-mac": 7, "cu-thu-ky": 3}
    assert r.totals(late) == (110 * 60.0, 600.0)


async def test_rehearsal_records_nothing_and_writes_budgets_on_yes(
    store, session_id, content_dir, frozen_clock
) -> None:
    before = store.load_session(session_id)
    app, messages = _app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _rehearse(pilot, frozen_clock, [7 * 60 + 40, 50, 3 * 60])
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell_at((0, 2))) == "07:40"
        assert str(table.get_cell_at((0, 3))) == "+02:40"  # planned 5 minutes
        assert str(table.get_cell_at((1, 3))) == "-01:10"
        # Nothing reached the store while rehearsing.
        assert store.load_session(session_id).to_dict() == before.to_dict()
        await pilot.press("f7")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    after = store.load_session(session_id)
    minutes = {item.id: item.minutes for item in after.agenda}
    assert (minutes["khai-mac"], minutes["cu-thu-ky"], minutes["diem-danh"]) == (8, 1, 3)
    # Only the budgets changed: no notes, attendance, votes, start, times or progress.
    assert after.notes == () and after.attendance == () and after.votes == ()
    assert after.status == "planned" and after.started_at == before.started_at
    assert after.progress == before.progress and after.ended_at is None
    assert all(i.started_at is None and i.spent_seconds == 0 for i in after.agenda)
    changed = {k for k in before.to_dict() if before.to_dict()[k] != after.to_dict()[k]}
    assert changed == {"agenda"}
    assert any("Đã ghi thời lượng mới cho 2 mục" in m for m in messages)
    SessionService.open(store, session_id, frozen_clock).close()  # the lock was released


async def test_declining_the_write_changes_nothing(
    store, session_id, content_dir, frozen_clock
) -> None:
    before = store.load_session(session_id).to_dict()
    app, messages = _app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _rehearse(pilot, frozen_clock, [600, 600])
        await pilot.press("ctrl+w")  # the ctrl twin of F7
        await pilot.pause()
        await pilot.press("escape")  # "no"
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        await pilot.press("ctrl+o")  # the twin of Esc: back to the list
        await pilot.pause()
    assert store.load_session(session_id).to_dict() == before
    assert any("Không ghi" in m for m in messages)


async def test_a_started_session_is_not_rehearsed(store, running, content_dir, frozen_clock):
    app, messages = _app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, RehearsalScreen)
    assert any("Chỉ tập dượt được buổi đã chuẩn bị" in m for m in messages)


def test_write_budgets_refuses_a_started_session(store, running, frozen_clock) -> None:
    service = SessionService.open(store, running, frozen_clock)
    try:
        with pytest.raises(InputError):
            write_budgets(service, {"khai-mac": 4})
    finally:
        service.close()
    assert store.load_session(running).item("khai-mac").minutes == 5


async def test_rehearsal_footer_shows_the_keys_at_80_columns(
    store, session_id, content_dir, frozen_clock
) -> None:
    app, _ = _app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        footer = " ".join(str(w.render()) for w in app.screen.query("FooterKey") if w.region.width)
        for shown in ("F1", "F5", "^s", "F7", "^w", "Esc", "^o"):
            assert shown in footer, footer
        keys = {str(w.render()).strip(): w.region for w in app.screen.query("FooterKey")}
        help_key = next(r for k, r in keys.items() if k.startswith("F1"))
        palette = next(r for k, r in keys.items() if k.startswith("^p"))
        assert help_key.right <= palette.x <= 80 - palette.width  # F1 whole, not under ^p


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_home_answers_after_leaving_a_rehearsal(
    store, session_id, content_dir, frozen_clock, size
) -> None:
    """The tester saw the app freeze after t then Esc: the home list must still answer."""
    from textual.command import CommandPalette

    from facilitator.ui.screens.home import HomeScreen

    app, _ = _app(store, content_dir, frozen_clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RehearsalScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)  # the session opened
        assert app.screen.service.session.id == session_id
