"""A speaker not marked present is asked about: mark late (at a time typed), keep, or
cancel; the list shows who is not present (issue #9, finding 6)."""

from __future__ import annotations

import pytest
from builders import make_app_with_messages
from note_helpers import SIZE, make_namesakes, minutes_line
from textual.widgets import Input

from facilitator.export.minutes_model import build_minutes
from facilitator.services.session import SessionService
from facilitator.strings import notes as notes_text
from facilitator.strings import ui as ui_text
from facilitator.ui.screens.note_dialogs import AbsentSpeakerDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.speaker_picker import SpeakerMatches


@pytest.fixture
def namesakes(store, content_dir, frozen_clock) -> str:
    """A started session with Lê Văn An, Lê Văn Ân and Lê Văn Anh (see ``note_helpers``)."""
    return make_namesakes(store, content_dir, frozen_clock)


# -- finding 6: a speaker who is not marked present is asked about --------------------------
async def test_absent_speaker_can_be_marked_late(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    frozen_clock.advance(15 * 60)  # 07:45
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Phạm Thị Hòa", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AbsentSpeakerDialog)
        body = str(dialog.query_one("#absent-body").render())
        assert "Phạm Thị Hòa" in body and ui_text.ATTENDANCE_STATUS["absent"] in body
        await pilot.press("enter")  # "mark late" has the focus
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press(*"Xin nhận khuyết điểm", "enter")
        await pilot.pause()
    session = store.load_session(namesakes)
    (note,) = session.notes
    assert note.speaker == "p06"
    record = session.attendance_of("p06")
    assert record.status == "late" and record.arrived_at == frozen_clock()
    minutes = build_minutes(session)
    assert minutes.counts.present == 6
    assert "Phạm Thị Hòa" in minutes_line(store, namesakes, "Xin nhận khuyết điểm")


async def test_absent_speakers_arrival_time_can_be_typed(
    store, namesakes, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    frozen_clock.advance(30 * 60)  # 08:00, but Hòa came in at 07:40
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"hoa", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AbsentSpeakerDialog)
        arrived = dialog.query_one("#arrived", Input)
        assert arrived.value == "08:00"
        arrived.value = "07:00"  # before the start: refused, the dialog stays
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "07:30" in str(dialog.query_one(".dialog-error").render())
        arrived.value = "7h40"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    record = store.load_session(namesakes).attendance_of("p06")
    assert record.status == "late" and f"{record.arrived_at:%H:%M}" == "07:40"


async def test_absent_speaker_can_be_kept_or_cancelled(store, namesakes, content_dir, frozen_clock):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Cancelled: nothing saved, the speaker box is cleared, the note text stays.
        await pilot.press("f3", *"Võ Thị Én", "tab", "tab", *"Ý kiến", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        await pilot.press("escape")
        await pilot.pause()
        editor = app.screen.query_one(NoteEditor)
        assert store.load_session(namesakes).notes == ()
        assert editor.speaker_id is None and editor.speaker_text == ""
        assert editor.text == "Ý kiến"
        assert app.screen.query_one("#speaker", Input).has_focus
        # Kept as speaker: saved, attendance unchanged, and not asked again.
        await pilot.press(*"Võ Thị Én", "enter")  # in the speaker box
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        app.screen.query_one("#keep").press()
        for _ in range(10):  # the dialog closes, then the worker moves the focus
            await pilot.pause()
            if app.screen.query_one("#note-text", Input).has_focus:
                break
        assert app.screen.query_one("#note-text", Input).has_focus
        await pilot.press("enter")  # the note typed before
        await pilot.pause()
        await pilot.press(*"Võ Thị Én", "enter", *"Lần hai", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    session = store.load_session(namesakes)
    assert [(n.text, n.speaker) for n in session.notes] == [("Ý kiến", "p07"), ("Lần hai", "p07")]
    assert session.attendance_of("p07").status == "exempt-absent"
    assert not any(m.startswith("Đã ghi đồng chí") for m in messages)


async def test_after_a_cancelled_question_the_next_speaker_works(
    store, namesakes, content_dir, frozen_clock
):
    """The tester's flow: the refused name is not left for the next one to be appended
    to, and the next note is saved with its speaker (not typed into the speaker box)."""
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Phạm Thị Hòa", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        app.screen.query_one("#cancel").press()
        await pilot.pause()
        await pilot.press("f3", *"Trần Thị Bình", "enter", *"Đồng ý", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.query_one(NoteEditor).speaker_text == ""
    session = store.load_session(namesakes)
    assert [(n.text, n.speaker) for n in session.notes] == [("Đồng ý", "p02")]
    assert session.attendance_of("p06").status == "absent"
    assert not any("Không có ai" in m for m in messages)


async def test_unmarked_speaker_is_asked_about_too(store, namesakes, content_dir, frozen_clock):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"giang", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        await pilot.press("enter")
        await pilot.pause()
    assert store.load_session(namesakes).attendance_of("p08").status == "late"
    assert notes_text.ABSENT_MARKED_LATE.format(name="Đỗ Văn Giang", time="07:30") in messages


async def test_the_list_shows_who_is_not_present(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"thi")  # Bình (present), Hòa (absent), Én (exempt, absent)
        await pilot.pause()
        matches = app.screen.query_one(SpeakerMatches)
        rows = {
            matches.get_option_at_index(i).id: str(matches.get_option_at_index(i).prompt)
            for i in range(matches.option_count)
        }
        assert "(" not in rows["p02"]
        assert f"({ui_text.ATTENDANCE_STATUS['absent']})" in rows["p06"]
        assert f"({ui_text.ATTENDANCE_STATUS['exempt-absent']})" in rows["p07"]


async def test_present_speaker_is_not_asked(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)


async def test_changing_a_notes_speaker_to_an_absent_one_asks(
    store, namesakes, content_dir, frozen_clock
):
    service = SessionService.open(store, namesakes, frozen_clock)
    service.add_note("Góp ý", speaker="p02")
    service.close()
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        app.screen.query_one("#edit-speaker", Input).value = "Phạm Thị Hòa"
        await pilot.press("enter", "enter")  # settled, on to the text; Enter there saves
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    session = store.load_session(namesakes)
    assert session.notes[0].speaker == "p06"
    assert session.attendance_of("p06").status == "late"
