"""User and file text is shown literally: markup in names, titles, notes, reasons, file
names and packs never renders as styles, never crashes the app and never runs an action."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from builders import make_app
from textual.content import Content
from textual.widgets import DataTable, Input, Markdown, Select

from facilitator.domain.models import Person, Roster, Unit
from facilitator.parsing import load_pack
from facilitator.services.planning import SessionPlan, start_session
from facilitator.services.session import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.commands import system_commands
from facilitator.ui.plain import markup_escape, md_literal, plain, plain_text, visible
from facilitator.ui.screens.attendance import AttendanceScreen
from facilitator.ui.screens.dialogs import GuestDialog, ReasonDialog
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.prepare import PrepareScreen
from facilitator.ui.screens.readback import ReadbackScreen, summary_markdown
from facilitator.ui.screens.report import ReportScreen
from facilitator.ui.screens.run import RunScreen
from facilitator.ui.widgets.item_view import item_markdown
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.roster_table import RosterTable

SIZE = (130, 45)
CLICK = "[@click=app.quit]Cường[/]"
UNIT = "Chi bộ [/] [bold]Thử"
TITLE = "Họp [/] chi bộ [link=x]"
PACK_TITLE = "[bold]Gói [/] thử"
ITEM_TITLE = "Mở đầu [/] [@click=app.quit]"
NOTE = "[bold]Ý kiến [/] [link=https://x]bấm [@click=app.quit]đây"
REASON = "[/] ốm [bold]nặng"
GUEST = "[/]"

PACK = f"""---
id: goi-thu
title: "{PACK_TITLE}"
kind: chuyen-de
version: "1"
sources:
  - "[link=x]Nguồn"
---

{{minutes=5 kind=procedure id=mo-dau}}
## {ITEM_TITLE}

- Nội dung mở đầu.

{{minutes=10 id=thao-luan}}
## Thảo luận [bold]x

> Câu hỏi [/] thảo luận?
"""


def screen_lines(app: FacilitatorApp) -> list[str]:
    """The visible text of the screen, one string per row (from the SVG screenshot)."""
    svg = app.export_screenshot()
    rows: dict[int, list[str]] = {}
    for line, body in re.findall(
        r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', svg
    ):
        rows.setdefault(int(line), []).append(html.unescape(body).replace("\xa0", " "))
    return ["".join(rows[k]) for k in sorted(rows)]


def on_screen(app: FacilitatorApp, *needles: str) -> bool:
    """Every needle appears on some row (one screenshot for all of them)."""
    lines = screen_lines(app)
    missing = [n for n in needles if not any(n in line for line in lines)]
    if missing:
        Path("/tmp/screen.txt").write_text("\n".join(lines))
    assert not missing, missing
    return True


@pytest.fixture
def hostile_content(tmp_path: Path) -> Path:
    """A pack whose titles are full of markup, and an unreadable pack with markup in its name."""
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "goi-thu.md").write_text(PACK, encoding="utf-8")
    (folder / "[bold]hỏng[@click=app.quit].md").write_text(
        "---\nid: [/]\n---\n## [bold]x\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def hostile_roster(store) -> Roster:
    roster = Roster(
        Unit(UNIT, "Đảng bộ [b]xã", "CB", "party", "Di Linh"),
        (
            Person("p01", "Nguyễn [Văn] An", position="[link=x]Bí thư"),
            Person("p02", "Trần [/] Bình"),
            Person("p03", CLICK),
            Person("p04", "Phạm [bold]Dung", category="du-bi"),
            Person("p05", "Đinh \x1b[31mĐức"),
        ),
    )
    store.save_roster(roster)
    return roster


@pytest.fixture
def hostile_session(store, hostile_roster, hostile_content, frozen_clock) -> str:
    pack = load_pack(hostile_content / "goi-thu.md")
    plan = SessionPlan(TITLE, frozen_clock(), place="[/]", chair="p01", secretary="p02")
    service = start_session(store, pack, hostile_roster, plan, frozen_clock)
    service.close()
    return service.session.id


# -- the helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["[/]", "[bold]x", "[link=x]y", CLICK, "a \\[b] c", "a\\\\[b]", "x [/] y [b]", "[/b"]
)
def test_helpers_keep_text_literal(value: str) -> None:
    assert plain(value).plain == value and plain(value).spans == []
    assert plain_text(value).plain == value and not plain_text(value).spans
    assert Content.from_markup(markup_escape(value)).plain == value


def test_helpers_drop_terminal_escapes() -> None:
    assert "\x1b" not in visible("Đinh \x1b[31mĐức\x07")
    assert plain("Đinh \x1b[31mĐức").plain == "Đinh Đức"
    assert plain_text("a\x1b[0mb").plain == "ab"


def test_md_literal_escapes_markdown() -> None:
    assert md_literal("*đậm* [x](y) # h") == r"\*đậm\* \[x\](y) # h"
    assert md_literal("# tiêu đề") == r"\# tiêu đề"
    assert md_literal("1. một") == r"1\. một"


def test_palette_help_keeps_its_key() -> None:
    class Target:
        def run_action(self, action: str) -> None: ...

    helps = [Content.from_markup(c.help or "").plain for c in system_commands("app", Target())]  # type: ignore[arg-type]
    assert any(h.endswith("[F1 / ctrl+k]") for h in helps)


def test_markdown_views_escape_user_text(store, hostile_session, frozen_clock) -> None:
    service = SessionService.open(store, hostile_session, frozen_clock)
    try:
        service.start()
        service.add_note("*quan trọng* [x](y)", "opinion", "p01")
        service.update_item("mo-dau", conclusion="# không phải tiêu đề")
        session = service.session
    finally:
        service.close()
    item = session.agenda[0]
    assert r"## Mở đầu \[/\] \[@click=app.quit\]" in item_markdown(session, item)
    assert r"\# không phải tiêu đề" in item_markdown(session, item)
    assert r"\*quan trọng\* \[x\](y)" in summary_markdown(session)


# -- the screens --------------------------------------------------------------------------


async def test_home_and_prepare_show_hostile_text_literally(
    store, hostile_session, hostile_content, frozen_clock
) -> None:
    app = make_app(store, hostile_content, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert on_screen(app, TITLE, UNIT)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen)
        assert screen.query_one("#unit", Select).value == 0
        assert isinstance(screen.query_one("#pack", Select).value, int)  # the only usable pack
        await pilot.pause()
        assert on_screen(app, UNIT, PACK_TITLE, "[bold]hỏng[@click=app.quit].md")
        agenda = screen.query_one("#plan-agenda", DataTable)
        assert str(agenda.get_row_at(0)[3]) == ITEM_TITLE  # #, minutes, skipped, title
        agenda.focus()
        await pilot.pause()
        assert on_screen(app, ITEM_TITLE)
        assert screen.query_one("#title", Input).value == PACK_TITLE
        # People's names in the role pickers are literal too.
        chair = screen.query_one("#chair", Select)
        chair.value = "p03"
        await pilot.pause()
        assert on_screen(app, CLICK)
        assert app.is_running


async def test_walk_through_a_session_full_of_markup(
    store, hostile_session, hostile_content, frozen_clock
) -> None:
    app = make_app(store, hostile_content, frozen_clock, hostile_session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        names = ("Nguyễn [Văn] An", "Trần [/] Bình", CLICK, "Phạm [bold]Dung", "Đinh Đức")
        assert on_screen(app, *names, "[link=x]Bí thư")
        assert not any("\x1b" in line for line in screen_lines(app))
        # Clicking the "[@click=app.quit]" name selects the row; it runs nothing.
        table = app.screen.query_one(RosterTable)
        row = [str(table.get_row_at(i)[0]) for i in range(table.row_count)].index(CLICK)
        await pilot.click(RosterTable, offset=(4, row + 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, AttendanceScreen)
        # Marks, a reason full of markup and a guest named "[/]".
        await pilot.press("ctrl+f", *"an", "1", *"binh", "1", *"cuong", "1", *"dung", "3")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert on_screen(app, "Lý do vắng của đồng chí Phạm [bold]Dung")
        app.screen.query_one("#reason", Input).value = REASON
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GuestDialog)
        await pilot.press(*GUEST, "enter")
        await pilot.pause()
        assert on_screen(app, REASON, "Đã thêm [/] (có mặt).")  # the toast, literally
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert on_screen(app, TITLE)
        await pilot.press("f5")
        await pilot.pause()
        assert on_screen(app, ITEM_TITLE)
        # A note full of markup, spoken by "Trần [/] Bình".
        await pilot.press("f3", *"tran", "enter")
        app.screen.query_one("#note-text", Input).value = NOTE
        await pilot.press("enter")
        await pilot.pause()
        notes = app.screen.query_one(NotesList)
        assert notes.option_count == 1
        app.clear_notifications()  # the toasts would cover the end of the note
        await pilot.pause()
        assert on_screen(app, f"Trần [/] Bình: {NOTE}")
        await pilot.click(NotesList, offset=(30, 1))
        await pilot.pause()
        assert app.is_running
        # The speaking queue and the vote question.
        await pilot.press("f3", *"nguyen", "ctrl+y")
        await pilot.pause()
        assert on_screen(app, "Nguyễn [Văn] An")
        await pilot.press("f6")
        await pilot.pause()
        question = app.screen.query_one("#vote-question", Input)
        question.value = "[/] Thông qua [bold]?"
        await pilot.press("tab", *"3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        # Read back: the Markdown shows every piece of user text literally.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        minutes_view = app.screen.query_one("#minutes", Markdown)
        assert minutes_view.source == app.screen.markdown
        await pilot.pause()
        assert on_screen(app, "Trần [/] Bình", "[/] ốm [bold]nặng")
        # The assessment accepts markup-like text and stores it unchanged.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press(*"[/] tốt [bold]")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        assert app.is_running
    session = store.load_session(hostile_session)
    assert session.notes[0].text == NOTE
    assert session.attendance_of("p04").reason == REASON  # type: ignore[union-attr]
    assert any(p.name == GUEST for p in session.people)
    assert session.votes[0].question == "[/] Thông qua [bold]?"
    assert session.narrative.strengths == "[/] tốt [bold]"
