"""Keys that arrive in a burst (a fast typist on a busy old laptop, a remote terminal)
edit the text in the order they were typed: backspace, arrows and home/end never land
after the letters typed behind them (textual#6605), in every text box of the console."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from builders import make_app_with_messages
from note_helpers import SIZE, make_namesakes
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input as TextualInput

from facilitator.ui.keygate import KeyGate
from facilitator.ui.widgets.text_boxes import Input, TextArea

ROOT = Path(__file__).resolve().parents[1]


def burst(app: App[object], keys: Iterable[str]) -> None:
    """Queue keys as a terminal delivers a burst: no pause for the app between them."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        name = "space" if key == " " else key
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        driver.send_message(event)


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="line")
        yield TextArea(id="area")
        yield TextualInput(id="plain")


async def _settle(pilot: object) -> None:
    for _ in range(10):
        await pilot.pause(0.02)  # type: ignore[attr-defined]


async def test_a_burst_edits_a_line_in_the_order_typed() -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        await pilot.press(*"abc")
        burst(app, ["backspace"] * 3 + [*"xyz", "left", "left", "Q", "end", "home", "R"])
        await _settle(pilot)
        assert app.query_one("#line", Input).value == "RxQyz"


async def test_a_burst_edits_an_area_in_the_order_typed() -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        app.query_one("#area", TextArea).focus()
        await pilot.pause()
        burst(app, [*"abc", "backspace", "backspace", *"yz", "left", "Q"])
        await _settle(pilot)
        assert app.query_one("#area", TextArea).text == "ayQz"


async def test_textuals_own_input_still_reorders_the_burst() -> None:
    """Why this module exists: when this fails, Textual fixed it (textual#6631) and the
    workaround in facilitator/ui/widgets/text_boxes.py can go."""
    app = Boxes()
    async with app.run_test() as pilot:
        app.query_one("#plain", TextualInput).focus()
        await pilot.press(*"abc")
        burst(app, ["backspace"] * 3 + [*"xyz"])
        await _settle(pilot)
        assert app.query_one("#plain", TextualInput).value != "xyz"


async def test_a_note_typed_in_a_burst_is_saved_as_typed(store, content_dir, frozen_clock):
    session_id = make_namesakes(store, content_dir, frozen_clock)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3", *"Lê Văn Ân", "enter")  # the speaker, then the text box
        await pilot.pause()
        burst(app, [*"Nhất trì", "backspace", *"í với tờ trìn", "left", "end", "h", "enter"])
        await _settle(pilot)
    (note,) = store.load_session(session_id).notes
    assert (note.text, note.speaker) == ("Nhất trí với tờ trình", "p04")


def test_every_text_box_of_the_console_comes_from_text_boxes() -> None:
    """An Input or TextArea imported from Textual itself would bring the bug back."""
    offenders = []
    for path in (ROOT / "facilitator" / "ui").rglob("*.py"):
        if path.name == "text_boxes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "textual.widgets"
            ):
                names = {alias.name for alias in node.names}
                if names & {"Input", "TextArea"}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


# -- the key gate: a key's effects come before the next key -----------------------------


async def test_a_name_then_a_digit_in_a_burst_marks_that_person(store, content_dir, frozen_clock):
    session_id = make_namesakes(store, content_dir, frozen_clock)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")  # attendance, the name filter first
        await pilot.pause()
        burst(app, [*"giang", "1"])
        await _settle(pilot)
    session = store.load_session(session_id)
    assert session.attendance_of("p08") is not None  # Đỗ Văn Giang, unmarked before
    assert session.attendance_of("p08").status == "present"  # type: ignore[union-attr]
    assert session.attendance_of("p01").status == "present"  # type: ignore[union-attr]


async def test_two_notes_typed_in_a_burst_are_two_notes(store, content_dir, frozen_clock):
    session_id = make_namesakes(store, content_dir, frozen_clock)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#note-text").focus()
        await pilot.pause()
        # After a save the box offers the speaker again: Enter on no name goes to the text.
        burst(app, [*"Một ý", "enter", "enter", *"Ý thứ hai", "enter"])
        await _settle(pilot)
    assert [n.text for n in store.load_session(session_id).notes] == ["Một ý", "Ý thứ hai"]


async def test_a_tab_in_a_burst_moves_on_before_the_next_letters(store, content_dir, frozen_clock):
    make_namesakes(store, content_dir, frozen_clock)
    app, _ = make_app_with_messages(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")  # prepare
        await pilot.pause()
        when = app.screen.query_one("#when", Input)
        when.value = ""
        when.focus()
        await pilot.pause()
        burst(app, [*"01/12/2026 14:00", "tab", *"Hội trường"])
        await _settle(pilot)
        assert when.value == "01/12/2026 14:00"
        assert app.focused is not when and getattr(app.focused, "value", None) == "Hội trường"


# -- a letter repaints its box, not the screen's layout ----------------------------------


class Narrow(App[None]):
    CSS = "#line { width: 12; height: 1; } #grow { width: auto; }"

    def compose(self) -> ComposeResult:
        yield Input(id="line", compact=True)
        yield Input(id="grow", compact=True)


async def test_a_letter_in_a_fixed_box_lays_nothing_out_and_still_scrolls() -> None:
    app = Narrow()
    async with app.run_test() as pilot:
        line = app.query_one("#line", Input)
        line.focus()
        await pilot.pause()
        layouts = []
        real = app.screen._refresh_layout
        app.screen._refresh_layout = lambda *a, **k: (layouts.append(1), real(*a, **k))[1]  # type: ignore[method-assign]
        await pilot.press(*"Nguyễn Văn Anh phát biểu")
        await pilot.pause()
        assert layouts == []
        assert line.value == "Nguyễn Văn Anh phát biểu"
        assert line.virtual_size.width == len(line.value) + 1
        assert line.scroll_x > 0  # the cursor at the end is in view
        assert "biểu" in str(app.screen.get_widget_at(*line.region.offset)[0].render_line(0))


async def test_a_box_sized_by_its_text_still_grows() -> None:
    app = Narrow()
    async with app.run_test() as pilot:
        grow = app.query_one("#grow", Input)
        grow.focus()
        await pilot.pause()
        before = grow.region.width
        await pilot.press(*"một hai ba bốn năm")
        await pilot.pause()
        assert grow.region.width > before


class Gated(App[None]):
    """A bare app with the console's key gate."""

    def __init__(self) -> None:
        super().__init__()
        self._gate = KeyGate(self)

    def compose(self) -> ComposeResult:
        yield Input(id="line")

    async def on_event(self, event: events.Event) -> None:
        key = isinstance(event, events.Key) and not event.is_forwarded
        if key and not self._gate.admit(event):  # type: ignore[arg-type]
            return
        await super().on_event(event)


async def test_work_left_on_a_screen_below_a_dialog_does_not_hold_the_dialogs_keys() -> None:
    """A screen under a dialog gets no refresh, so after-refresh work left on it waits (a
    dismissed dialog's binding refresh): the gate held every key of the export dialog
    0.3 s for it. Three downs in a burst move three rows at once."""
    from textual.screen import ModalScreen
    from textual.widgets import OptionList

    class Choice(ModalScreen[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*"abcde", id="choice")

    app = Gated()
    async with app.run_test() as pilot:
        below = app.screen
        await app.push_screen(Choice())
        await pilot.pause()
        below._callbacks.append((lambda: None, below))  # waits for below's next refresh
        choice = app.screen.query_one("#choice", OptionList)
        assert choice.highlighted == 0
        burst(app, ["down"] * 3)
        for _ in range(5):
            await pilot.pause(0.02)
        assert choice.highlighted == 3
