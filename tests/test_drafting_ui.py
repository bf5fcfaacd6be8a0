"""Prepare: draft a pack from a plan file, see what was left out, and prepare a session from it."""

from __future__ import annotations

from pathlib import Path

from builders import make_app_with_messages
from textual.widgets import Input, Select, Static

from facilitator.config.locations import user_packs_dir
from facilitator.domain.models import Roster
from facilitator.parsing.content_pack import load_pack
from facilitator.storage.store import Store
from facilitator.strings import drafting as drafting_text
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.draft_dialog import DraftDialog, DraftReportDialog
from facilitator.ui.screens.prepare import PrepareScreen

SIZE = (100, 40)
PLAN = Path(__file__).parent / "fixtures" / "plans" / "ke-hoach-huyen-uy.txt"
DRAFTED = "dot-sinh-hoat-chinh-tri-tu-tuong-ve-noi-dung-tac.md"


async def _until(pilot, test) -> None:  # type: ignore[no-untyped-def]
    for _ in range(100):
        await pilot.pause(0.02)
        if test():
            return
    raise AssertionError("the console never got there")


async def _draft(pilot, app: FacilitatorApp, plan: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+o")
    await _until(pilot, lambda: isinstance(app.screen, DraftDialog))
    app.screen.query_one("#plan-file", Input).value = str(plan)
    await pilot.press("enter")


async def test_prepare_drafts_a_pack_selects_it_and_a_session_uses_it(
    store: Store, roster: Roster, content_dir: Path, frozen_clock
) -> None:
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        prepare = app.screen
        assert isinstance(prepare, PrepareScreen)
        await pilot.press("ctrl+o")
        await _until(pilot, lambda: isinstance(app.screen, DraftDialog))
        dialog = app.screen
        dialog.query_one("#plan-file", Input).value = str(PLAN.with_name("khong-co.txt"))
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one(".dialog-error").render())
        assert error == drafting_text.file_missing(str(PLAN.with_name("khong-co.txt")))
        dialog.query_one("#plan-file", Input).value = f'"{PLAN}"'  # pasted with quotes
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, DraftReportDialog))
        report = str(app.screen.query_one("#draft-report", Static).render())
        assert "Các phần trình bày: 4" in report
        assert drafting_text.unplaced_heading(2) in report and "IV. TỔ CHỨC THỰC HIỆN" in report
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is prepare
        target = user_packs_dir() / DRAFTED
        drafted = load_pack(target)
        assert prepare.pack is not None and prepare.pack.id == drafted.id
        assert prepare.query_one("#title", Input).value == drafted.title
        assert [i.id for i in prepare._agenda] == [i.id for i in drafted.items]
        assert drafting_text.pack_drafted(drafted.title, str(target)) in messages
        prepare.query_one("#when", Input).value = "20/05/2024 14:00"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = store.session_ids()
    session = store.load_session(saved)
    assert session.content.id == drafted.id
    assert [item.title for item in session.agenda][4:7] == [
        "Phần thứ nhất: Vị trí, vai trò của công tác đối ngoại trong sự nghiệp đổi mới",
        "Phần thứ hai: Đối ngoại vì hòa bình, hợp tác và phát triển",
        "Phần thứ ba: Dấu ấn của ngoại giao Việt Nam",
    ]
    assert 90 <= sum(item.minutes for item in session.agenda) <= 120


async def test_drafting_the_same_plan_again_asks_before_replacing(
    store: Store, roster: Roster, content_dir: Path, frozen_clock
) -> None:
    target = user_packs_dir() / DRAFTED
    target.parent.mkdir(parents=True)
    target.write_text("bản cũ", encoding="utf-8")
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await _draft(pilot, app, PLAN)
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # no: the old file stays
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "bản cũ"
        await _draft(pilot, app, PLAN)
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await _until(pilot, lambda: isinstance(app.screen, DraftReportDialog))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.query_one("#pack", Select).value is not Select.BLANK
    assert load_pack(target).kind == "chuyen-de"


async def test_an_unreadable_plan_is_reported_and_nothing_is_written(
    store: Store, roster: Roster, content_dir: Path, frozen_clock, tmp_path: Path
) -> None:
    scan = tmp_path / "ban-chup.pdf"
    scan.write_bytes(b"%PDF-1.4 not really")
    app, messages = make_app_with_messages(store, content_dir, frozen_clock, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await _draft(pilot, app, scan)
        await _until(pilot, lambda: any(drafting_text.PDF_BROKEN in m for m in messages))
        assert isinstance(app.screen, PrepareScreen)
    assert not user_packs_dir().exists() or not list(user_packs_dir().iterdir())
