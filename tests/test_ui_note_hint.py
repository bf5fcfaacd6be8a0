"""Why Enter saved no note (an ambiguous or unknown speaker) is said on the note box's own
line at 80x24, in view under the matches, and goes once the speaker is settled: a notice
at the top of the screen went unseen by a tester whose eyes were on the note box."""

from __future__ import annotations

import pytest
from builders import make_app_with_messages
from note_helpers import make_namesakes
from textual.errors import NoWidget
from textual.widgets import Input, Static

from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.speaker_picker import SpeakerMatches

SIZE = (80, 24)


@pytest.fixture
def namesakes(store, content_dir, frozen_clock) -> str:
    return make_namesakes(store, content_dir, frozen_clock)


def seen(screen, widget) -> bool:
    """The widget is what is drawn at each of its rows (on screen, not covered)."""
    region = widget.region
    if not region or not screen.region.contains_region(region):
        return False
    for y in range(region.y, region.bottom):
        try:
            shown, _ = screen.get_widget_at(region.x + 1, y)
        except NoWidget:
            return False
        if shown is not widget:
            return False
    return True


async def test_an_ambiguous_speaker_is_said_above_the_note_box(
    store, namesakes, content_dir, frozen_clock
):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"le van an", "tab", "tab", *"Bổ sung", "enter")
        await pilot.pause()
        screen = app.screen
        editor = screen.query_one(NoteEditor)
        hint = screen.query_one("#note-hint", Static)
        assert editor.hint.startswith("Có 3 người khớp «le van an»")
        assert seen(screen, hint)
        matches = screen.query_one(SpeakerMatches)
        assert seen(screen, matches) and matches.region.bottom <= hint.region.y
        assert hint.region.bottom <= screen.query_one("#note-row").region.y  # right above
        assert not messages  # said once, where the user looks
        assert store.load_session(namesakes).notes == ()
        await pilot.press("down", "enter")  # Lê Văn Ân
        await pilot.pause()
        assert editor.hint == "" and not hint.display
        assert screen.query_one("#note-text", Input).has_focus
        await pilot.press("enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Bổ sung", "p04")


async def test_an_unknown_speaker_is_said_and_typing_clears_it(
    store, namesakes, content_dir, frozen_clock
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"xyz", "enter")
        await pilot.pause()
        screen = app.screen
        editor = screen.query_one(NoteEditor)
        assert editor.hint.startswith("Không có ai tên «xyz»")
        assert seen(screen, screen.query_one("#note-hint"))
        await pilot.press("ctrl+u", *"Trần Thị Bình")  # the name corrected: nothing stale
        await pilot.pause()
        assert editor.hint == ""
        await pilot.press("enter", *"Đồng ý", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Đồng ý", "p02")
