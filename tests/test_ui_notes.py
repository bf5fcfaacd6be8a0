"""The note box records the right speaker (issue #9, findings 1, 5, 6 and 11).

A name typed exactly wins over a namesake listed first; a saved note's speaker can be
changed; a recovered draft is never wiped by focusing the box, and typing reaches the disk
within 0.3 s; a speaker marked absent is asked about (mark late, keep, or cancel); a speaker
chosen but unused does not follow into the next item. Checked on the stored session and
on the exported minutes.
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input

from facilitator.domain.models import Person, Roster, Unit
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.services.session import SessionService
from facilitator.strings import notes as note_text
from facilitator.strings import ui as text
from facilitator.ui import drafts as drafts_module
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.drafts import DRAFT_FILE, Draft, DraftFile
from facilitator.ui.screens.note_dialogs import AbsentSpeakerDialog, NoteDialog
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.note_editor import NoteEditor
from facilitator.ui.widgets.speaker_picker import SpeakerMatches, exact_person, resolve_speaker

SIZE = (100, 40)


@pytest.fixture
def namesakes(store, content_dir, frozen_clock) -> str:
    """A started session whose roster has Lê Văn An, Lê Văn Ân and Lê Văn Anh; everyone is
    present but Hòa (absent), Én (exempt, absent) and Giang (not marked)."""
    from facilitator.parsing import load_pack
    from facilitator.services.planning import SessionPlan, start_session

    roster = Roster(
        Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "party", "Di Linh"),
        (
            Person("p01", "Nguyễn Văn An", position="Bí thư chi bộ"),
            Person("p02", "Trần Thị Bình", position="Phó Bí thư"),
            Person("p03", "Lê Văn An", position="Chi ủy viên"),
            Person("p04", "Lê Văn Ân"),
            Person("p05", "Lê Văn Anh"),
            Person("p06", "Phạm Thị Hòa"),
            Person("p07", "Võ Thị Én", exempt=True),
            Person("p08", "Đỗ Văn Giang"),
        ),
    )
    store.save_roster(roster)
    plan = SessionPlan(
        "Sinh hoạt chuyên đề cây tre", frozen_clock(), place="Hội trường", chair="p01",
        secretary="p02", presenters=("p01",),
    )  # fmt: skip
    service = start_session(
        store, load_pack(content_dir / "cay-tre.md"), roster, plan, frozen_clock
    )
    for person in ("p01", "p02", "p03", "p04", "p05"):
        service.mark(person, "present")
    service.mark("p06", "absent")
    service.mark("p07", "exempt-absent")
    service.start()
    service.close()
    return service.session.id


def make_app(store, content_dir, clock, session_id) -> tuple[FacilitatorApp, list[str]]:
    app = FacilitatorApp(store, content_dir=content_dir, clock=clock, session_id=session_id)
    messages: list[str] = []
    app.notify = lambda message, **_: messages.append(str(message))  # type: ignore[method-assign]
    return app, messages


def minutes_line(store, session_id: str, note_text_: str) -> str:
    """The line of the exported minutes (Markdown) that carries a note."""
    minutes = render_minutes_md(build_minutes(store.load_session(session_id)))
    (line,) = [line for line in minutes.splitlines() if note_text_ in line]
    return line


# -- finding 1: the exact name typed wins ---------------------------------------------------
@pytest.mark.parametrize("typed", ["Lê Văn Ân", "lê văn ân", "Ân"])
async def test_exact_name_wins_over_the_namesake_listed_first(
    store, namesakes, content_dir, frozen_clock, typed
):
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, messages = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"le van an", "tab", "tab", *"Bổ sung", "enter")
        await pilot.pause()
        assert store.load_session(namesakes).notes == ()  # not saved under a guess
        assert any(m.startswith("Có 3 người khớp") for m in messages)
        screen = app.screen
        assert screen.query_one("#speaker", Input).has_focus
        matches = screen.query_one(SpeakerMatches)
        assert matches.display and matches.chosen == "p03"
        await pilot.press("down")  # Lê Văn Anh (roster order: An, Anh, Ân)
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"binh", "enter", *"Ghi nhận", "enter")
        await pilot.pause()
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        app.screen.query_one("#edit-speaker", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert note.speaker is None


# -- finding 5: a recovered draft is never wiped --------------------------------------------
@pytest.mark.parametrize("keys", [("f3",), ("ctrl+l", "f3"), ("ctrl+l", "f3", "f3")])
async def test_recovered_draft_is_not_replaced_by_the_next_key(
    store, namesakes, content_dir, frozen_clock, keys
):
    DraftFile(store.session_dir(namesakes)).save(
        Draft(text="Chi bộ cần", speaker="p02", speaker_text="Trần Thị Bình", item="khai-mac")
    )
    app, messages = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text.DRAFT_RESTORED in messages
        await pilot.press(*keys, *" thêm", "enter")
        await pilot.pause()
    (note,) = store.load_session(namesakes).notes
    assert (note.text, note.speaker) == ("Chi bộ cần thêm", "p02")
    assert "Chi bộ cần thêm" in minutes_line(store, namesakes, "Chi bộ cần thêm")


async def test_focusing_the_speaker_box_keeps_its_text(store, namesakes, content_dir, frozen_clock):
    DraftFile(store.session_dir(namesakes)).save(Draft(speaker_text="Trần Thị"))
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", "enter")  # no speaker
        for character in full:  # never a pause long enough for a debounce
            await pilot.press(character)
            await pilot.pause(0.05)
        saved = json.loads((store.session_dir(namesakes) / DRAFT_FILE).read_text("utf-8"))
        # Written while typing went on: at most the last 0.3 s (6 keys here, with slack).
        assert full.startswith(saved["text"]) and len(saved["text"]) >= len(full) - 10


# -- finding 6: a speaker who is not marked present is asked about --------------------------
async def test_absent_speaker_can_be_marked_late(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
    frozen_clock.advance(15 * 60)  # 07:45
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Phạm Thị Hòa", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AbsentSpeakerDialog)
        body = str(dialog.query_one("#absent-body").render())
        assert "Phạm Thị Hòa" in body and text.ATTENDANCE_STATUS["absent"] in body
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, messages = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Cancelled: nothing saved, the speaker box keeps the name to fix.
        await pilot.press("f3", *"Võ Thị Én", "tab", "tab", *"Ý kiến", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        await pilot.press("escape")
        await pilot.pause()
        editor = app.screen.query_one(NoteEditor)
        assert store.load_session(namesakes).notes == ()
        assert editor.speaker_id is None and editor.speaker_text == "Võ Thị Én"
        assert editor.text == "Ý kiến"
        # Kept as speaker: saved, attendance unchanged, and not asked again.
        await pilot.press("enter")  # in the speaker box
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        app.screen.query_one("#keep").press()
        await pilot.pause()
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


async def test_unmarked_speaker_is_asked_about_too(store, namesakes, content_dir, frozen_clock):
    app, messages = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"giang", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        await pilot.press("enter")
        await pilot.pause()
    assert store.load_session(namesakes).attendance_of("p08").status == "late"
    assert note_text.ABSENT_MARKED_LATE.format(name="Đỗ Văn Giang", time="07:30") in messages


async def test_the_list_shows_who_is_not_present(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
        assert f"({text.ATTENDANCE_STATUS['absent']})" in rows["p06"]
        assert f"({text.ATTENDANCE_STATUS['exempt-absent']})" in rows["p07"]


async def test_present_speaker_is_not_asked(store, namesakes, content_dir, frozen_clock):
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+j", "e")
        await pilot.pause()
        app.screen.query_one("#edit-speaker", Input).value = "Phạm Thị Hòa"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsentSpeakerDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    session = store.load_session(namesakes)
    assert session.notes[0].speaker == "p06"
    assert session.attendance_of("p06").status == "late"


# -- finding 11: the speaker does not follow into the next item; the highlight is visible ---
async def test_unused_speaker_does_not_carry_into_the_next_item(
    store, namesakes, content_dir, frozen_clock
):
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
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
    app, _ = make_app(store, content_dir, frozen_clock, namesakes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"le van")
        await pilot.pause()
        matches = app.screen.query_one(SpeakerMatches)
        style = matches.get_component_styles("option-list--option-highlighted")
        variables = app.get_css_variables()
        assert style.text_style.bold
        assert style.background.hex.upper() == variables["block-cursor-background"].upper()
