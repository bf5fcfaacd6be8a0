"""The result report from the console (#10.6, 7): the "Thông tin ký ban hành" dialog is
filled, the blanks are listed, the report is exported and read back with python-docx;
what was typed survives closing, failing and reopening; unit details are saved on the unit."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import make_app_with_messages
from docx import Document
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from facilitator.domain.models import Narrative, Person, Roster, Unit
from facilitator.services.reporting import ReportingService
from facilitator.services.session import SessionService
from facilitator.storage.report_files import DETAILS_FILE
from facilitator.strings import report_ui as report_ui_text
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.export_dialog import ExportDialog
from facilitator.ui.screens.report import ReportScreen
from facilitator.ui.screens.report_dialogs import SigningDialog, UnitDialog

SIZE = (100, 40)
ALL_PARTS = {
    "situation": "Chi bộ ổn định, đảng viên đoàn kết.",
    "leadership": "Chi ủy phân công báo cáo viên từ đầu tháng.",
    "strengths": "Chuẩn bị chu đáo.",
    "weaknesses": "Còn ít ý kiến.",
    "proposals": "Đề nghị cấp tài liệu sớm.",
}


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], limit: int = 60) -> None:
    for _ in range(limit):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never came")


async def open_signing(app: FacilitatorApp, pilot: Pilot[None]) -> SigningDialog:
    """Run screen → report screen (ctrl+n) → the signing dialog (ctrl+r)."""
    await pilot.pause()
    if not isinstance(app.screen, ReportScreen):
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: isinstance(app.screen, SigningDialog))
    assert isinstance(app.screen, SigningDialog)
    return app.screen


def fill(dialog: SigningDialog, parts: dict[str, str], recipients: str = "") -> None:
    for key, value in parts.items():
        dialog.query_one(f"#sign-{key}", TextArea).load_text(value)
    if recipients:
        dialog.query_one("#sign-recipients", TextArea).load_text(recipients)


async def choose_file(app: FacilitatorApp, pilot: Pilot[None], path: Path, down: int = 0) -> None:
    """In the export dialog: the format ``down`` rows below the first, then ``path``."""
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
    for _ in range(down):
        await pilot.press("down")
    app.screen.query_one("#export-path", Input).value = str(path)
    app.screen.query_one("#export-path", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def docx_text(path: Path) -> str:
    doc = Document(io.BytesIO(path.read_bytes()))
    cells = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


async def test_filled_dialog_exports_a_signable_docx(
    store, running, content_dir, frozen_clock, tmp_path
):
    app, messages = make_app_with_messages(
        store, content_dir, frozen_clock, running, export_dir=tmp_path
    )
    target = tmp_path / "bao-cao.docx"
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_signing(app, pilot)
        assert dialog.query_one("#sign-number", Input).value == "01-BC/CB"  # proposed
        dialog.query_one("#sign-number", Input).value = ""
        dialog.query_one("#sign-number", Input).focus()
        await pilot.press(*"7")
        dialog.query_one("#sign-name", Input).value = "Trần Thị Bình"
        dialog.query_one("#sign-position", Input).value = "Phó Bí thư"
        fill(dialog, ALL_PARTS, "Ban Thường vụ Huyện ủy (b/c)\nBan Tuyên giáo Huyện ủy\nLưu VP")
        await pilot.press("ctrl+s")
        # Nothing is blank: no question, straight to the format and the file.
        await choose_file(app, pilot, target)
        assert isinstance(app.screen, ReportScreen)
        # The three parts the screen edits show what the dialog saved.
        assert app.screen.query_one("#strengths", TextArea).text == "Chuẩn bị chu đáo."
    assert any(m == f"Đã xuất: {target}" for m in messages), messages
    text = docx_text(target)
    assert "Số 07-BC/CB" in text
    assert "Trần Thị Bình" in text and "PHÓ BÍ THƯ" in text
    assert "- Ban Thường vụ Huyện ủy (b/c)," in text and "- Ban Tuyên giáo Huyện ủy," in text
    assert "- Lưu VP." in text
    for part in ALL_PARTS.values():
        assert part in text
    assert "[Đơn vị bổ sung" not in text
    session = store.load_session(running)
    assert session.narrative == Narrative(
        ALL_PARTS["strengths"], ALL_PARTS["weaknesses"], ALL_PARTS["proposals"]
    )
    saved = json.loads((store.session_dir(running) / DETAILS_FILE).read_text("utf-8"))
    assert saved["number"] == "7" and saved["narrative"]["situation"] == ALL_PARTS["situation"]


async def test_blanks_are_listed_first_and_reported_after(
    store, running, content_dir, frozen_clock, tmp_path
):
    app, messages = make_app_with_messages(
        store, content_dir, frozen_clock, running, export_dir=tmp_path
    )
    target = tmp_path / "bao-cao.md"
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_signing(app, pilot)
        fill(dialog, {"strengths": "Chu đáo."})
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = str(app.screen.query_one("#confirm-message", Static).render())
        assert "phần thuận lợi, khó khăn" in question and "phần hạn chế, nguyên nhân" in question
        assert "--narrative" not in question  # the console names fields, not options
        await pilot.press("escape")  # "no": back to the dialog, nothing lost
        await wait_for(pilot, lambda: isinstance(app.screen, SigningDialog))
        assert app.screen.query_one("#sign-strengths", TextArea).text == "Chu đáo."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await choose_file(app, pilot, target, down=1)  # Markdown
    markdown = target.read_text("utf-8")
    assert "Chu đáo." in markdown and "Đơn vị bổ sung" in markdown
    (done,) = [m for m in messages if m.startswith("Đã xuất")]
    assert "Còn 4 chỗ trống" in done and "phần đề xuất" in done, done


async def test_typed_details_survive_closing_failing_and_reopening(
    store, running, content_dir, frozen_clock, tmp_path
):
    app, messages = make_app_with_messages(
        store, content_dir, frozen_clock, running, export_dir=tmp_path
    )
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_signing(app, pilot)
        dialog.query_one("#sign-number", Input).value = "12"
        dialog.query_one("#sign-name", Input).focus()
        dialog.query_one("#sign-name", Input).value = ""
        await pilot.press(*"Lê Văn Cường")
        fill(dialog, {"situation": "Thời tiết mưa bão.", "weaknesses": "Đến muộn."})
        await pilot.press("escape")  # closed without exporting
        await pilot.pause()
        dialog = await open_signing(app, pilot)
        assert dialog.query_one("#sign-number", Input).value == "12"
        assert dialog.query_one("#sign-name", Input).value == "Lê Văn Cường"
        assert dialog.query_one("#sign-situation", TextArea).text == "Thời tiết mưa bão."
        # An export that fails (the folder is a file) loses nothing either.
        blocker = tmp_path / "la-tep"
        blocker.write_text("x")
        fill(dialog, ALL_PARTS | {"weaknesses": "Đến muộn."})
        await pilot.press("ctrl+s")
        await choose_file(app, pilot, blocker / "bc.docx")
        assert any(m.startswith("Không xuất được") for m in messages), messages
    assert store.load_session(running).narrative.weaknesses == "Đến muộn."
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:  # a new window, the same session
        dialog = await open_signing(app, pilot)
        assert dialog.query_one("#sign-number", Input).value == "12"
        assert dialog.query_one("#sign-name", Input).value == "Lê Văn Cường"
        assert dialog.query_one("#sign-leadership", TextArea).text == ALL_PARTS["leadership"]
        assert dialog.query_one("#sign-weaknesses", TextArea).text == "Đến muộn."


async def test_the_next_number_is_proposed_after_one_is_issued(
    store, running, content_dir, frozen_clock, tmp_path
):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_signing(app, pilot)
        dialog.query_one("#sign-number", Input).value = "Số: 4-BC/CB"
        fill(dialog, ALL_PARTS)
        await pilot.press("ctrl+s")
        await choose_file(app, pilot, tmp_path / "bc.docx")
        assert "Số 04-BC/CB" in docx_text(tmp_path / "bc.docx")  # normalised as --number is
        dialog = await open_signing(app, pilot)
        assert dialog.query_one("#sign-number", Input).value == "Số: 4-BC/CB"  # its own
    (store.session_dir(running) / DETAILS_FILE).unlink()
    service = SessionService.open(store, running, frozen_clock)
    try:
        assert ReportingService(service).form().number == "05-BC/CB"
    finally:
        service.close()


@pytest.fixture
def bare_unit_session(store, content_dir, frozen_clock) -> str:
    """A session of a unit whose roster knows no superior body, place or symbol."""
    from facilitator.parsing import load_pack
    from facilitator.services.planning import SessionPlan, start_session

    people = (
        Person("t1", "Hà Văn Một", position="Bí thư chi bộ"),
        Person("t2", "Lò Thị Hai"),
        Person("t3", "Vàng A Ba"),
    )
    roster = Roster(Unit("Chi bộ thôn 9"), people)
    store.save_roster(roster)
    plan = SessionPlan(
        "Sinh hoạt thôn 9", frozen_clock(), place="Nhà văn hóa", chair="t1", secretary="t2",
        presenters=("t1",),
    )  # fmt: skip
    service = start_session(
        store, load_pack(content_dir / "cay-tre.md"), roster, plan, frozen_clock
    )
    for person in ("t1", "t2", "t3"):
        service.mark(person, "present")
    service.start()
    service.close()
    return service.session.id


async def test_missing_unit_details_are_warned_and_saved_on_the_unit(
    store, bare_unit_session, content_dir, frozen_clock, tmp_path
):
    app, messages = make_app_with_messages(
        store, content_dir, frozen_clock, bare_unit_session, export_dir=tmp_path
    )
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_signing(app, pilot)
        warning = str(dialog.query_one("#signing-warning", Static).render())
        assert "Chi bộ thôn 9" in warning and "cấp trên trực tiếp" in warning
        assert dialog.query_one("#sign-number", Input).value == "01-BC"  # no symbol yet
        await pilot.click("#sign-unit")
        await wait_for(pilot, lambda: isinstance(app.screen, UnitDialog))
        unit_dialog = app.screen
        unit_dialog.query_one("#unit-parent", Input).value = "Đảng bộ xã Tân Thượng"
        unit_dialog.query_one("#unit-locality", Input).value = "Tân Thượng"
        unit_dialog.query_one("#unit-abbrev", Input).value = "CB"
        recipients = unit_dialog.query_one("#unit-recipients", TextArea)
        recipients.load_text("Đảng ủy xã Tân Thượng (b/c)\nĐảng viên chi bộ")
        await pilot.click("#ok")
        await wait_for(pilot, lambda: isinstance(app.screen, SigningDialog))
        dialog = app.screen
        assert not dialog.query("#signing-warning")  # nothing missing any more
        assert dialog.query_one("#sign-number", Input).value == "01-BC/CB"
        shown = dialog.query_one("#sign-recipients", TextArea).text.splitlines()
        assert shown == ["Đảng ủy xã Tân Thượng (b/c)", "Đảng viên chi bộ", "Lưu chi bộ"]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await choose_file(app, pilot, tmp_path / "thon9.md", down=1)
    assert report_ui_text.UNIT_SAVED.format(unit="Chi bộ thôn 9") in messages
    unit = store.roster("Chi bộ thôn 9").unit
    assert (unit.parent, unit.locality, unit.abbrev) == (
        "Đảng bộ xã Tân Thượng",
        "Tân Thượng",
        "CB",
    )
    assert unit.extra["recipients"] == ["Đảng ủy xã Tân Thượng (b/c)", "Đảng viên chi bộ"]
    assert len(store.roster("Chi bộ thôn 9").people) == 3  # the people stay
    markdown = (tmp_path / "thon9.md").read_text("utf-8")
    assert "ĐẢNG BỘ XÃ TÂN THƯỢNG" in markdown and "Tân Thượng, ngày" in markdown
    assert "Số 01-BC/CB" in markdown and "Đảng viên chi bộ," in markdown


async def test_report_formats_listed_in_the_dialog_come_from_the_registry(
    store, running, content_dir, frozen_clock, tmp_path, monkeypatch
):
    from facilitator.export import pdf
    from facilitator.export.formats import Document, formats_for
    from facilitator.strings import export_ui as export_ui_text

    monkeypatch.setattr(pdf, "find_soffice", lambda environ=None: None)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_signing(app, pilot)
        fill(dialog, ALL_PARTS)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        listed = app.screen.query_one("#export-format", OptionList)
        ids = [listed.get_option_at_index(i).id for i in range(listed.option_count)]
        expected = [f.id for f in formats_for(Document.REPORT) if not f.converted]
        assert ids == expected and "report-pdf" not in ids  # no LibreOffice: no PDF
        labels = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert labels == [export_ui_text.FORMAT_LABELS[i] for i in expected]
        path = app.screen.query_one("#export-path", Input)
        assert path.value == str(tmp_path / f"{running}-bao-cao.docx")
        await pilot.press("down", "down", "down")  # the file name follows the format
        assert path.value == str(tmp_path / f"{running}-bao-cao.xlsx")


async def test_both_dialogs_fit_80x24_with_their_buttons_in_view(
    store, bare_unit_session, content_dir, frozen_clock, tmp_path
):
    app, _ = make_app_with_messages(
        store, content_dir, frozen_clock, bare_unit_session, export_dir=tmp_path
    )
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_signing(app, pilot)
        screen = dialog.region
        for button in ("#sign-export", "#sign-unit", "#sign-close"):
            assert screen.contains_region(dialog.query_one(button).region), button
        warning = dialog.query_one("#signing-warning", Static)
        expected = str(warning.render())
        assert warning.size.height * warning.size.width >= len(expected)  # wrapped, not cut
        last = dialog.query_one("#sign-proposals", TextArea)
        last.focus()  # the form scrolls to its last box, the buttons stay
        form = dialog.query_one("#signing-form")
        # The scroll lands a frame or two later under load: wait for it, do not guess.
        await wait_for(pilot, lambda: form.region.contains_region(last.region))
        assert screen.contains_region(dialog.query_one("#sign-export").region)
        await pilot.click("#sign-unit")
        await wait_for(pilot, lambda: isinstance(app.screen, UnitDialog))
        unit_dialog = app.screen
        for button in ("#ok", "#cancel"):
            assert unit_dialog.region.contains_region(unit_dialog.query_one(button).region)
        for label in unit_dialog.query("#unit-form Label"):
            assert label.size.width * label.size.height >= len(str(label.render()))
