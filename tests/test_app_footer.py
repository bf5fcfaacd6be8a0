"""The footer is rebuilt only when the keys it shows change: Textual rebuilt it on every
focus move (after each saved note the focus returns to the speaker box), ~40 ms of
mounting and restyling for the same keys (issue 13)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button

from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.text_boxes import Input


class Extra(Input):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f6", "noop", "Thêm phím")]

    def action_noop(self) -> None:
        return None


class Screenful(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f2", "noop", "Điểm danh")]

    def compose(self) -> ComposeResult:
        yield Input(id="one")
        yield Input(id="two")
        yield Extra(id="extra")
        yield Button("Nút", id="button")
        yield AppFooter()

    def action_noop(self) -> None:
        return None


def keys(app: App[None]) -> list[object]:
    return list(app.query_one(AppFooter).query("FooterKey"))


def labels(app: App[None]) -> list[str]:
    return [" ".join(str(key.render()).split()) for key in keys(app)]


async def test_a_focus_move_with_the_same_keys_keeps_the_footer() -> None:
    app = Screenful()
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = keys(app)
        assert any("Điểm danh" in label for label in labels(app))
        app.query_one("#two").focus()
        await pilot.pause()
        await pilot.pause()
        assert keys(app) == shown
        assert all(a is b for a, b in zip(keys(app), shown, strict=True))


async def test_a_focus_move_that_changes_the_keys_rebuilds_the_footer() -> None:
    app = Screenful()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not any("Thêm phím" in label for label in labels(app))
        app.query_one("#extra").focus()
        await pilot.pause()
        await pilot.pause()
        assert any("Thêm phím" in label for label in labels(app))
        app.query_one("#one").focus()
        await pilot.pause()
        await pilot.pause()
        assert not any("Thêm phím" in label for label in labels(app))
