"""A recovered draft is never wiped by focusing the note box, and typing reaches the disk
within 0.3 s (issue #9, finding 5)."""

from __future__ import annotations

import json

import pytest
from builders import make_app_with_messages
from note_helpers import SIZE, make_namesakes, minutes_line

from facilitator.strings import ui as ui_text
from facilitator.ui import drafts as drafts_module
from facilitator.ui.drafts import DRAFT_FILE, Draft, DraftFile


@pytest.fixture
def namesakes(store, content_dir, frozen_clock) -> str:
    """A started session with Lê Văn An, Lê Văn Ân and Lê Văn Anh (see ``note_helpers``)."""
    return make_namesakes(store, content_dir, frozen_clock)


# -- finding 5: a recovered draft is never wiped --------------------------------------------
@pytest.mark.parametrize("keys", [("f3",), ("ctrl+l", "f3"), ("ctrl+l", "f3", "f3")])
async def test_recovered_draft_is_not_replaced_by_the_next_key(
    store, namesakes, content_dir, frozen_clock, keys
):
    DraftFile(store.session_dir(namesakes)).save(
        Draft(text="Chi bộ cần", speaker="p02", speaker_text="Trần Thị Bình", item="khai-mac")
    )
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert ui_text.DRAFT_RESTORED in messages
        await pilot.press(*keys, *" thêm", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Chi bộ cần thêm", "p02")
    assert "Chi bộ cần thêm" in minutes_line(store, namesakes, "Chi bộ cần thêm")


async def test_focusing_the_speaker_box_keeps_its_text(store, namesakes, content_dir, frozen_clock):
    DraftFile(store.session_dir(namesakes)).save(Draft(speaker_text="Trần Thị"))
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "f3", *" Bình", "enter", *"Đồng ý", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Đồng ý", "p02")


async def test_steady_typing_reaches_the_draft_within_0_3_seconds(
    store, namesakes, content_dir, frozen_clock
):
    assert drafts_module.DRAFT_DELAY <= 0.3
    full = "Chi bộ cần tăng cường kiểm tra"
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", "enter")  # no speaker
        for character in full:  # never a pause long enough for a debounce
            await pilot.press(character)
            await pilot.pause(0.05)
        saved = json.loads((store.session_dir(namesakes) / DRAFT_FILE).read_text("utf-8"))
        # Written while typing went on: at most the last 0.3 s (6 keys here, with slack).
        assert full.startswith(saved["text"]) and len(saved["text"]) >= len(full) - 10


def test_a_hand_edited_draft_reads_what_it_can_and_never_crashes(tmp_path) -> None:
    import json

    from facilitator.ui.drafts import DRAFT_FILE, Draft, DraftFile

    path = tmp_path / DRAFT_FILE
    path.write_text(
        json.dumps(
            {
                "text": "Ý kie\u0302\u0301n đang gõ\u200b",  # decomposed, a zero-width space
                "kind": "không-có-loại-này",
                "speaker": 7,
                "queue": ["p01", 3, "p02"],
                "thêm": True,
            }
        ),
        encoding="utf-8",
    )
    draft = DraftFile(tmp_path).load()
    assert draft.text == "Ý kiến đang gõ"
    assert draft.kind == "opinion" and draft.speaker is None
    assert draft.queue == ("p01", "p02")
    for broken in ("[1, 2]", "{not json", '"chuỗi"'):
        path.write_text(broken, encoding="utf-8")
        assert DraftFile(tmp_path).load() == Draft()
    saved = Draft(text="Còn dở", queue=("p03",))
    DraftFile(tmp_path).save(saved)
    assert DraftFile(tmp_path).load() == saved
