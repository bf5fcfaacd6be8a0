"""The chair's conclusion at approval: said missing before the minutes are frozen, and
an approved record keeps only the dotted line to write it by hand, never an instruction."""

from __future__ import annotations

from dataclasses import replace

from builders import make_app_with_messages, make_session, open_approval
from textual.widgets import Static

from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.export.wording import minutes as minutes_wording
from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text

PROMPT = "Chủ trì bổ sung kết luận"


def test_a_draft_asks_for_the_conclusion_an_approved_record_leaves_dots_only() -> None:
    closed = make_session(conclusion="")
    assert closed.is_closed
    approved = render_minutes_md(build_minutes(closed))
    assert PROMPT not in approved
    assert minutes_wording.FILL_DOTS * 6 in approved
    draft = render_minutes_md(build_minutes(closed.with_changes(status="running")))
    assert PROMPT in draft


def test_a_conclusion_written_is_in_the_minutes_and_no_blank() -> None:
    closed = make_session(conclusion="Chi bộ thống nhất triển khai học tập đến từng đảng viên.")
    approved = render_minutes_md(build_minutes(closed))
    assert "Chi bộ thống nhất triển khai học tập đến từng đảng viên." in approved
    assert PROMPT not in approved


async def _dialog_lines(store, session_id, content_dir, clock) -> list[str]:
    app, _ = make_app_with_messages(store, content_dir, clock, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_approval(pilot)
        await pilot.pause()
        for button in ("#ok", "#cancel"):  # however many warnings, the buttons stay in view
            assert dialog.region.contains_region(dialog.query_one(button).region), button
        lines = [str(w.render()) for w in dialog.query(Static)]
        await pilot.press("escape")
        await pilot.pause()
    return lines


async def test_approving_without_a_conclusion_says_so_in_the_dialog(
    store, running, content_dir, frozen_clock
):
    lines = await _dialog_lines(store, running, content_dir, frozen_clock)
    assert any("Chưa có kết luận chung" in line for line in lines)
    assert store.load_session(running).status == "running"  # Esc froze nothing
    service = SessionService.open(store, running, frozen_clock)
    service.set_conclusion("Giao chi ủy theo dõi việc viết bài thu hoạch.")
    service.close()
    lines = await _dialog_lines(store, running, content_dir, frozen_clock)
    assert not any(ui_text.APPROVE_NO_CONCLUSION[:20] in line for line in lines)


def test_a_speaker_marked_absent_is_found_before_approval() -> None:
    from facilitator.domain.closing import absent_speakers
    from facilitator.ui.screens.readback import approval_warnings

    session = make_session(conclusion="Kết luận.")
    assert absent_speakers(session) == ()
    assert approval_warnings(session) == ()
    speaker = next(n.speaker for n in session.notes if n.speaker)
    record = session.attendance_of(speaker)
    assert record is not None
    marked_absent = session.with_changes(
        attendance=tuple(
            replace(a, status="absent") if a.person == speaker else a for a in session.attendance
        )
    )
    ((person, status, count),) = absent_speakers(marked_absent)
    assert person.id == speaker and status == "absent"
    assert count == sum(n.speaker == speaker for n in session.notes)
    (warning,) = approval_warnings(marked_absent)
    assert f"{person.name} (Vắng không lý do, {count} ghi chép)" in warning


async def test_the_approval_dialog_names_an_absent_speaker(
    store, running, content_dir, frozen_clock
):
    service = SessionService.open(store, running, frozen_clock)
    service.add_note("Tôi xin góp ý.", "opinion", "p04")  # Dung: not marked present
    service.set_conclusion("Giao chi ủy theo dõi.")
    name = service.session.person("p04").name
    service.close()
    lines = await _dialog_lines(store, running, content_dir, frozen_clock)
    assert any(name in line and "Chưa điểm danh" in line for line in lines)


async def test_many_absent_speakers_are_one_line_and_the_buttons_stay_in_view(
    store, running, content_dir, frozen_clock
):
    service = SessionService.open(store, running, frozen_clock)
    people = [p.id for p in service.session.people]
    for person in people:
        service.add_note(f"Ý kiến của {person}.", "opinion", person)
    for person in people:
        service.mark(person, "absent")
    service.close()
    lines = await _dialog_lines(store, running, content_dir, frozen_clock)
    (warning,) = [line for line in lines if "Có phát biểu nhưng không được ghi có mặt" in line]
    if len(people) > 3:
        assert f"và {len(people) - 3} người khác" in warning
