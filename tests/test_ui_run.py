"""Run screen: notes (speaker, item, drafts), votes, conclusions, timers that survive a
restart, read back, approval, read-only closed sessions and recorded reopening."""

from __future__ import annotations

import json

import pytest
from builders import make_app_with_messages
from textual.widgets import Input, Markdown

from facilitator.strings import ui as ui_text
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.drafts import DRAFT_FILE
from facilitator.ui.screens import run as run_module
from facilitator.ui.screens.dialogs import ApproveDialog, ReasonDialog, TextDialog, VoteDialog
from facilitator.ui.screens.readback import ReadbackScreen
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.agenda_list import AgendaList, item_prompt
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.pacing_line import PacingLine

SIZE = (100, 40)


async def test_note_with_accent_insensitive_speaker_is_attached_to_the_item(
    store, running, content_dir, frozen_clock
):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("ctrl+right", "ctrl+right")  # third item: diem-danh
        frozen_clock.advance(65)
        await pilot.press("f3", *"nguyen van a", "enter")
        await pilot.press("f4")  # kind: câu hỏi
        await pilot.press(*"Rõ số có mặt?", "enter")
        await pilot.pause()
        # Said on the notes' own border, with the speaker it was written under.
        notes = app.screen.query_one(NotesList)
        assert notes.border_subtitle == "Đã lưu ghi chép 07:31 · Nguyễn Văn An"
        assert not messages  # no toast over the notes
        editor = app.screen.query_one(NoteEditor)
        assert editor.text == "" and editor.speaker_text == ""
    (note,) = store.load_session(running).notes
    assert note.speaker == "p01"
    assert note.item == "diem-danh"
    assert note.kind == "question"
    assert note.text == "Rõ số có mặt?"
    assert note.at == frozen_clock()


async def test_notes_can_be_edited_and_deleted(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter", *"Một", "enter")
        await pilot.press("enter", *"Hai", "enter")  # no speaker this time
        await pilot.pause()
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        await pilot.press("tab", "tab")  # speaker, kind, then the text
        box = app.screen.query_one("#edit-text", Input)
        assert box.has_focus
        box.value = "Hai (đã sửa)"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("up", "delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    notes = store.load_session(running).notes
    assert [n.text for n in notes] == ["Hai (đã sửa)"]


async def test_draft_survives_a_restart_and_is_saved_on_item_change(
    store, running, content_dir, frozen_clock, monkeypatch
):
    monkeypatch.setattr(run_module, "DRAFT_DELAY", 0.01)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"cuong", "enter", *"Chi bộ cần")
        await pilot.pause(0.1)
        draft = json.loads((store.session_dir(running) / DRAFT_FILE).read_text("utf-8"))
        assert draft["text"] == "Chi bộ cần" and draft["item"] == "khai-mac"
        await pilot.press(*" thêm")  # typed, then the window dies before the debounce
    # The app was torn down mid-typing: nothing typed is lost.
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = app.screen.query_one(NoteEditor)
        assert editor.text == "Chi bộ cần thêm"
        assert editor.speaker_id == "p03"
        assert ui_text.DRAFT_RESTORED in messages
        await pilot.press("ctrl+right")  # moving on saves it to the item it was typed under
        await pilot.pause()
        assert editor.text == ""
    session = store.load_session(running)
    (note,) = session.notes
    assert (note.text, note.item, note.speaker) == ("Chi bộ cần thêm", "khai-mac", "p03")
    assert session.progress.current == "cu-thu-ky"
    assert not (store.session_dir(running) / DRAFT_FILE).exists()


async def test_timer_resumes_after_the_app_is_torn_down(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frozen_clock.advance(200)
        await pilot.press("ctrl+right")  # khai-mac: 200 s banked
        frozen_clock.advance(100)  # 100 s into cu-thu-ky, then the laptop dies
    frozen_clock.advance(20)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        service = app.service
        assert service.session.progress.current == "cu-thu-ky"
        assert service.elapsed("cu-thu-ky") == 120
        assert service.elapsed("khai-mac") == 200
        line = str(app.screen.query_one(PacingLine).render())
        assert "Mục 2/13 · 02:00 / 02:00" in line
        assert app.screen.query_one(PacingLine).has_class("-near")
        frozen_clock.advance(5)
        app.screen.tick()
        assert app.screen.query_one(PacingLine).has_class("-over")
        assert "02:05 / 02:00" in str(app.screen.query_one(PacingLine).render())


async def test_vote_shows_base_and_result_and_is_stored(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        # 5 official members, Én is exempt but present (counted), Dung is probationary.
        assert "có quyền biểu quyết: 5" in str(dialog.query_one("#vote-base").render())
        dialog.query_one("#vote-question", Input).value = "Thông qua chương trình"
        dialog.query_one("#vote-for", Input).value = "3"
        await pilot.pause()
        assert str(dialog.query_one("#vote-result").render()).startswith(ui_text.VOTE_PASSED)
        dialog.query_one("#vote-for", Input).value = "2"
        dialog.query_one("#vote-against", Input).value = "3"
        await pilot.pause()
        assert str(dialog.query_one("#vote-result").render()).startswith(ui_text.VOTE_FAILED)
        dialog.query_one("#vote-for", Input).value = "4"
        dialog.query_one("#vote-against", Input).value = "1"
        dialog.query_one("#vote-for", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    (vote,) = store.load_session(running).votes
    assert (vote.question, vote.for_, vote.against, vote.base) == (
        "Thông qua chương trình", 4, 1, 5,
    )  # fmt: skip
    assert vote.item == "khai-mac" and vote.passed


async def test_item_and_overall_conclusions(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"Cử đ/c Bình.", "ctrl+s")
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press(*"Tốt.", "ctrl+s")
        await pilot.pause()
    session = store.load_session(running)
    assert session.item("khai-mac").conclusion == "Cử đ/c Bình."
    assert session.conclusion == "Tốt."


async def test_readback_approve_makes_session_read_only_until_reopened(
    store, running, content_dir, frozen_clock
):
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"an", "enter", *"Nhất trí", "enter")
        frozen_clock.advance(300)
        await pilot.press("ctrl+b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadbackScreen)
        assert "Nhất trí" in screen.markdown
        assert screen.query_one("#minutes", Markdown)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ApproveDialog)
        await pilot.press("5", "enter")  # nothing proposed: no vote on the minutes
        await pilot.pause()
        assert app.service.session.is_closed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        messages.clear()
        # Every editing action is refused with the Vietnamese read-only message.
        await pilot.press("ctrl+right")
        await pilot.press("f3", "enter", *"Sửa", "enter")
        await pilot.press("f6", "f7")
        await pilot.pause()
        assert messages.count(ui_text.READ_ONLY) == 4
        assert isinstance(app.screen, RunScreen)
        closed = store.load_session(running)
        assert closed.status == "closed" and closed.approved.for_ == 5
        assert closed.progress.current == "khai-mac"
        assert [n.text for n in closed.notes] == ["Nhất trí"]
        assert closed.item("khai-mac").spent_seconds == 300
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"Bổ sung", "enter")
        await pilot.pause()
        assert ui_text.REOPENED in messages
    reopened = store.load_session(running)
    assert reopened.status == "running"
    assert [(e.kind, e.detail) for e in reopened.events] == [
        ("closed", ""), ("reopened", "Bổ sung"),
    ]  # fmt: skip


def exporting_app(store, running, content_dir, clock, folder) -> tuple[FacilitatorApp, list[str]]:
    return make_app_with_messages(store, content_dir, clock, running, export_dir=folder)


async def export_markdown_twice(app: FacilitatorApp, path) -> None:
    """F9 → Markdown → ``path``, twice; the second time the file exists and "no" is answered."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for attempt in range(2):
            await pilot.press("f9")
            await pilot.pause()
            await pilot.press("down")  # Markdown
            app.screen.query_one("#export-path", Input).value = str(path)
            app.screen.query_one("#export-path", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            if attempt:  # asked first, and "no" keeps the existing file
                await pilot.press("escape")
                await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()


async def test_export_writes_markdown_without_overwriting(
    store, running, content_dir, frozen_clock, tmp_path
):
    pytest.importorskip("facilitator.export.markdown")
    app, messages = exporting_app(store, running, content_dir, frozen_clock, tmp_path)
    target = tmp_path / "bien-ban.md"
    await export_markdown_twice(app, target)
    assert target.exists() and "BIÊN BẢN" in target.read_text("utf-8")
    assert sum(m.startswith("Đã xuất") for m in messages) == 1


def test_agenda_items_carry_their_lens_tag(store, running):
    session = store.load_session(running)
    tagged = next(i for i in session.agenda if i.framing == "goc")
    prompt = item_prompt(session, tagged, 6)
    assert "Gốc vững" in prompt.plain
    plain = next(i for i in session.agenda if i.framing is None)
    assert "Gốc" not in item_prompt(session, plain, 1).plain
    assert AgendaList  # the widget renders these prompts


async def test_half_typed_note_is_in_the_minutes_read_back(
    store, running, content_dir, frozen_clock
):
    """Going to read back (and then approving) never leaves a typed note out of the minutes."""
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter", *"Bổ sung kế hoạch")
        await pilot.press("ctrl+b")
        await pilot.pause()
    (note,) = store.load_session(running).notes
    assert (note.text, note.speaker) == ("Bổ sung kế hoạch", "p02")


async def test_export_into_a_folder_asks_only_about_the_file_it_writes(
    store, running, content_dir, frozen_clock, tmp_path
):
    folder = tmp_path / "xuat"
    folder.mkdir()
    app, messages = exporting_app(store, running, content_dir, frozen_clock, folder)
    await export_markdown_twice(app, folder)
    written = list(folder.iterdir())
    assert len(written) == 1 and written[0].suffix == ".md"
    assert sum(m.startswith("Đã xuất") for m in messages) == 1


async def test_speaking_queue_mid_note_asks_for_the_name(store, running, content_dir, frozen_clock):
    """Queueing someone while a note is typed leaves the note and its speaker alone."""
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter", *"Ý kiến dở")  # a note half typed
        await pilot.press("ctrl+y")  # someone asks to speak
        await pilot.pause()
        await pilot.press(*"cuong", "enter")
        await pilot.pause()
        screen = app.screen
        editor = screen.query_one(NoteEditor)
        assert editor.text == "Ý kiến dở" and editor.speaker_id == "p02"
        assert screen.queue == ["p03"]
        await pilot.press("ctrl+y", *"nguyen", "enter")  # the only Nguyễn on the roster
        await pilot.pause()
        assert screen.queue == ["p03", "p01"]


def test_the_queue_and_the_note_box_resolve_names_alike() -> None:
    """One rule (resolve_speaker over find_people): exact accents win, else ask."""
    from facilitator.domain.models import Person
    from facilitator.domain.people_search import find_people
    from facilitator.ui.widgets.speaker_picker import resolve_speaker

    an, anh, an2 = Person("1", "Lê Văn An"), Person("2", "Lê Văn Anh"), Person("3", "Lê Văn Ân")
    hung, hung2 = Person("4", "Trần Văn Hùng"), Person("5", "Trần Văn Hưng")

    def pick(people: list[Person], typed: str) -> Person | None:
        return resolve_speaker(people, find_people(people, typed, None), typed)

    assert pick([an, anh, an2], "Lê Văn Ân") is an2
    assert pick([an, anh, an2], "le van an") is None  # An or Ân: ask again
    assert pick([hung, hung2], "Trần Văn Hưng") is hung2
    assert pick([anh], "anh") is anh


def test_people_are_found_by_word_beginnings_whole_words_and_accents_first() -> None:
    from facilitator.domain.models import Person
    from facilitator.domain.people_search import find_people

    people = [
        Person("1", "Hoàng Thị Lan"), Person("2", "Trần Thị Hoa"), Person("3", "Nguyễn Văn Bình"),
        Person("4", "Lê Văn An"), Person("5", "Lê Văn Ân"), Person("6", "Mai Văn Đức"),
    ]  # fmt: skip
    assert [p.name for p in find_people(people, "hoa")] == ["Trần Thị Hoa", "Hoàng Thị Lan"]
    assert [p.name for p in find_people(people, "Ân")] == ["Lê Văn Ân", "Lê Văn An"]
    assert "Nguyễn Văn Bình" not in [p.name for p in find_people(people, "an")]


async def test_export_offers_to_create_a_missing_folder_and_remembers_it(
    store, running, content_dir, frozen_clock, tmp_path
):
    app, _ = exporting_app(store, running, content_dir, frozen_clock, tmp_path)
    missing = tmp_path / "tai-lieu" / "bien-ban"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("down")  # Markdown
        app.screen.query_one("#export-path", Input).value = str(missing / "bb.md")
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert any("chưa có" in str(s._message) for s in app.screen_stack if hasattr(s, "_message"))
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (missing / "bb.md").exists()
        await pilot.press("f9")
        await pilot.pause()
        shown = app.screen.query_one("#export-path", Input).value
        assert shown.startswith(str(missing))  # the dialog opens where the last export went


async def test_ctrl_twins_that_edit_text_edit_text_in_a_text_box(
    store, running, content_dir, frozen_clock
):
    """ctrl+u clears the speaker box (Textual's editing key) instead of opening the vote
    dialog, whose Enter then saved a vote named after the speaker; outside a text box
    ctrl+u is still F6's twin, and F6 works everywhere."""
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Phạm")
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.query_one("#speaker", Input).value == ""
        await pilot.press("ctrl+l", "ctrl+u")  # the agenda has the focus: the vote dialog
        await pilot.pause()
        assert isinstance(app.screen, VoteDialog)
        await pilot.press("escape")
        await pilot.press("f3", "f6")
        await pilot.pause()
        assert isinstance(app.screen, VoteDialog)
    assert store.load_session(running).votes == ()
