"""Screens follow the session service: a saved change redraws the screen that shows it,
a screen under another one catches up when shown again, and leaving stops following."""

from __future__ import annotations

from builders import make_app_with_messages

from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.notes_list import NotesList

SIZE = (100, 40)


def _note_texts(screen: RunScreen) -> list[str]:
    notes = screen.query_one(NotesList)
    return [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]


async def test_a_change_saved_through_the_service_shows_without_a_manual_refresh(
    store, running, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen) and app.service is not None
        app.service.add_note("Ý kiến gửi thẳng qua dịch vụ", "opinion", "p01")
        await pilot.pause()
        assert any("Ý kiến gửi thẳng qua dịch vụ" in t for t in _note_texts(screen))
        current = app.service.session.progress.current
        app.service.step(1)
        await pilot.pause()
        assert app.service.session.progress.current != current
        assert screen.query_one("#agenda").highlighted == [
            i.id for i in app.service.session.agenda
        ].index(app.service.session.progress.current)
        # The new item has no notes yet: the list shows that item's notes, not the old one's.
        assert _note_texts(screen) == []


async def test_a_screen_underneath_redraws_once_when_shown_again(
    store, running, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        run = app.screen
        assert isinstance(run, RunScreen) and app.service is not None
        redraws: list[str] = []
        original = run.refresh_view

        def counted() -> None:
            redraws.append(app.service.session.progress.current or "")
            original()

        run.refresh_view = counted  # type: ignore[method-assign]
        await pilot.press("f2")  # attendance, over the run screen
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        people = [p.id for p in app.service.session.people][:3]
        for person in people:
            app.service.mark(person, "present")
        app.service.add_note("Ghi khi đang điểm danh", "opinion", None)
        await pilot.pause()
        assert redraws == []  # nobody sees the run screen: no redraw per mark
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is run
        assert len(redraws) == 1
        assert any("Ghi khi đang điểm danh" in t for t in _note_texts(run))


async def test_leaving_the_session_stops_following_it(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        service = app.service
        assert service is not None and service._listeners
        await pilot.press("f2")
        await pilot.pause()
        assert len(service._listeners) == 2  # the run screen and attendance
        await pilot.press("escape")
        await pilot.pause()
        assert len(service._listeners) == 1
        app.screen.action_leave()  # type: ignore[attr-defined]
        await pilot.pause()
        assert service._listeners == []


async def test_an_item_conclusion_shows_at_the_top_of_the_item_pane_once_saved(
    store, running, content_dir, frozen_clock
):
    from textual.widgets import Markdown

    from facilitator.strings import ui as ui_text

    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen) and app.service is not None
        item = app.service.session.progress.current
        assert item is not None
        app.service.update_item(item, conclusion="Thống nhất giữ vững nguyên tắc.")
        await pilot.pause()
        body = screen.query_one("#item-body", Markdown).source
        lines = [line for line in body.splitlines() if line.strip()]
        assert lines[0].startswith("## ")
        assert ui_text.ITEM_CONCLUSION in lines[1] or ui_text.ITEM_CONCLUSION in lines[2]
        assert "Thống nhất giữ vững nguyên tắc." in body


async def test_marking_absent_someone_who_spoke_is_said_at_once(
    store, running, content_dir, frozen_clock
):
    from facilitator.strings import ui as ui_text

    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.service is not None
        app.service.add_note("Tôi đề nghị bổ sung.", "opinion", "p01")
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        await pilot.press(*"nguyen van an")
        await pilot.pause()
        assert screen.current_person() == "p01"
        await pilot.press("4")  # absent without reason
        await pilot.pause()
    assert store.load_session(running).attendance_of("p01").status == "absent"
    name = store.load_session(running).person("p01").name
    expected = ui_text.absent_speaker(name, ui_text.ATTENDANCE_STATUS["absent"], 1)
    assert expected in messages


def test_typed_up_afterwards_the_items_before_the_current_one_are_ticked() -> None:
    from dataclasses import replace

    from builders import make_session

    from facilitator.ui.widgets.agenda_list import item_prompt

    base = make_session()
    agenda = tuple(replace(i, ended_at=None, started_at=None, skipped=False) for i in base.agenda)
    current = agenda[2].id
    session = base.with_changes(
        agenda=agenda,
        mode="afterwards",
        status="running",
        progress=replace(base.progress, current=current, entered_at=None),
    )
    marks = [item_prompt(session, i, n).plain[0] for n, i in enumerate(agenda, 1)]
    assert marks[:3] == ["✓", "✓", "▶"]
    assert set(marks[3:]) == {" "}
    live = session.with_changes(mode="live")
    assert [item_prompt(live, i, n).plain[0] for n, i in enumerate(agenda, 1)][:2] == [" ", " "]
