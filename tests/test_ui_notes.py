"""The note box records the right speaker (issue #9, findings 1 and 11).

A name typed exactly wins over a namesake listed first, an ambiguous one is picked from
the list, a saved note's speaker can be changed; a speaker chosen but unused does not
follow into the next item; the highlighted row stands out. Checked on the stored session
and on the exported minutes.
"""

from __future__ import annotations

import pytest
from builders import make_app_with_messages
from note_helpers import SIZE, make_namesakes, minutes_line
from textual.widgets import Input

from facilitator.domain.models import Person
from facilitator.ui.screens.note_dialogs import NoteDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.speaker_picker import SpeakerMatches, exact_person, resolve_speaker


@pytest.fixture
def namesakes(store, content_dir, frozen_clock) -> str:
    """A started session with Lê Văn An, Lê Văn Ân and Lê Văn Anh (see ``note_helpers``)."""
    return make_namesakes(store, content_dir, frozen_clock)


# -- finding 1: the exact name typed wins ---------------------------------------------------
@pytest.mark.parametrize("typed", ["Lê Văn Ân", "lê văn ân", "Ân"])
async def test_exact_name_wins_over_the_namesake_listed_first(
    store, namesakes, content_dir, frozen_clock, typed
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *typed)
        await pilot.pause()
        matches = app.screen.query_one(SpeakerMatches)
        assert matches.chosen == "p04"  # the one meant is listed first, highlighted
        await pilot.press("enter", *"Tán thành", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert note.speaker == "p04"
    line = minutes_line(store, namesakes, "Tán thành")
    assert "Lê Văn Ân" in line and "Lê Văn An:" not in line


async def test_exact_name_wins_when_the_speaker_box_is_left_with_tab(
    store, namesakes, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Lê Văn Ân", "tab", "tab", *"Nhất trí", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert note.speaker == "p04"
    assert "Lê Văn Ân" in minutes_line(store, namesakes, "Nhất trí")


async def test_an_ambiguous_name_is_picked_from_the_list(
    store, namesakes, content_dir, frozen_clock
):
    """ "le van an" is An or Ân: nothing is taken until the user picks."""
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"le van an", "tab", "tab", *"Bổ sung", "enter")
        await pilot.pause()
        assert store.load_session(namesakes).notes == ()  # not saved under a guess
        screen = app.screen
        assert screen.query_one(NoteEditor).hint.startswith("Có 3 người khớp")
        assert screen.query_one("#speaker", Input).has_focus
        matches = screen.query_one(SpeakerMatches)
        assert matches.display and matches.chosen == "p03"
        # Whole names first (An, Ân), then the one it only begins (Anh).
        assert [p.name for p in app.service.find_people("le van an")] == [
            "Lê Văn An", "Lê Văn Ân", "Lê Văn Anh",
        ]  # fmt: skip
        await pilot.press("down", "enter")  # Lê Văn Ân
        await pilot.pause()
        assert screen.query_one(NoteEditor).speaker_id == "p04"
        await pilot.press("enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Bổ sung", "p04")


def test_exact_person_rules() -> None:
    an, an2 = Person("1", "Lê Văn An"), Person("2", "Lê Văn Ân")
    an3 = Person("3", "Nguyễn Văn An")
    people = [an, an2, an3]
    assert exact_person(people, "  lê  văn ÂN ") is an2
    assert exact_person(people, "Le\u0302 Va\u0306n A\u0302n") is an2  # decomposed accents
    assert exact_person(people, "Ân") is an2  # the only given name Ân
    assert exact_person(people, "An") is None  # Lê Văn An or Nguyễn Văn An: ask
    assert exact_person(people, "le van an") is None
    assert resolve_speaker(people, people, "le van an") is None
    assert resolve_speaker(people, [an3], "nguyen") is an3  # the only match
    assert exact_person([an, Person("4", "Lê Văn An")], "Lê Văn An") is None  # true namesakes


async def test_a_saved_notes_speaker_can_be_changed(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Lê Văn An", "enter", *"Cần làm rõ", "enter")
        await pilot.pause()
        assert store.load_session(namesakes).notes[0].speaker == "p03"
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        speaker = dialog.query_one("#edit-speaker", Input)
        assert speaker.value == "Lê Văn An"
        speaker.value = ""
        speaker.focus()
        await pilot.press(*"Lê Văn Ân", "enter")  # to the text
        await pilot.pause()
        assert dialog.query_one("#edit-text", Input).has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Cần làm rõ", "p04")
    assert "Lê Văn Ân" in minutes_line(store, namesakes, "Cần làm rõ")


async def test_a_saved_notes_speaker_can_be_removed(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter", *"Ghi nhận", "enter")
        await pilot.pause()
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        app.screen.query_one("#edit-speaker", Input).value = ""
        await pilot.press("enter", "enter")  # settled, on to the text; Enter there saves
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert note.speaker is None


# -- finding 11: the speaker does not follow into the next item; the highlight is visible ---
async def test_unused_speaker_does_not_carry_into_the_next_item(
    store, namesakes, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter")  # chosen, then nothing said
        await pilot.pause()
        await pilot.press("ctrl+right")
        await pilot.pause()
        editor = app.screen.query_one(NoteEditor)
        assert editor.speaker_id is None and editor.speaker_text == ""
        await pilot.press("f3", "enter", *"Thư ký ghi", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.item, note.speaker) == ("cu-thu-ky", None)


async def test_highlighted_match_stands_out(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"le van")
        await pilot.pause()
        matches = app.screen.query_one(SpeakerMatches)
        style = matches.get_component_styles("option-list--option-highlighted")
        variables = app.get_css_variables()
        assert style.text_style.bold
        assert style.background.hex.upper() == variables["block-cursor-background"].upper()


async def test_moving_on_keeps_a_note_whose_speaker_is_not_settled(
    store, content_dir, frozen_clock
) -> None:
    """Typed "le van an" (An or Ân?) and a note, then ctrl+→: the note is not saved without
    its speaker; it stays in the box, under the item it was typed for."""
    from facilitator.ui.widgets.note_editor import NoteEditor

    session_id = make_namesakes(store, content_dir, frozen_clock)
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = store.load_session(session_id).progress.current
        editor = app.screen.query_one(NoteEditor)
        editor.load("Ý kiến còn dở", "opinion", None, "le van an")
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert store.load_session(session_id).notes == ()
        assert editor.text == "Ý kiến còn dở" and editor.speaker_text == "le van an"
        assert any("chưa rõ người phát biểu" in m for m in messages)
        assert app.screen._draft_item == first


# -- a saved note edited or deleted: the console says so only when it was -----------------
async def test_an_edited_note_is_confirmed_and_a_failed_delete_is_not_called_done(
    store, namesakes, content_dir, frozen_clock, monkeypatch
):
    from facilitator.domain.errors import StoreError
    from facilitator.services.session import SessionService
    from facilitator.strings import ui as ui_text
    from facilitator.ui.screens.dialogs import ConfirmDialog

    app, messages = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter", *"Ghi nhận", "enter")
        await pilot.pause()
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        text = app.screen.query_one("#edit-text", Input)
        text.value = "Ghi nhận ý kiến"
        text.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.query_one(NotesList).border_subtitle == ui_text.NOTE_EDITED

        def full_disk(self: SessionService, note_id: str) -> None:
            raise StoreError("Ổ đĩa đầy: chưa xóa được.")

        monkeypatch.setattr(SessionService, "delete_note", full_disk)
        await pilot.press("ctrl+j", "delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.dismiss(True)
        await pilot.pause()
        await pilot.pause()
        assert "Ổ đĩa đầy: chưa xóa được." in messages
        assert app.screen.query_one(NotesList).border_subtitle is None  # not "Đã xóa"
    assert [n.text for n in store.load_session(namesakes).notes] == ["Ghi nhận ý kiến"]
