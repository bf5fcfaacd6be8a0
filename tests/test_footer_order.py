"""The footer's keys stay in their places when the focus moves: F1 first, then the
screen's keys as the command table lists them (prev before next)."""

from __future__ import annotations

from builders import make_app
from textual.widgets._footer import FooterKey

from facilitator.ui.screens.run import RunScreen

SIZE = (80, 24)


def footer_keys(app: object) -> list[str]:
    return [key.key for key in app.screen.query(FooterKey)]  # type: ignore[attr-defined]


async def test_the_run_footer_keeps_its_order_whatever_has_the_focus(
    store, running, content_dir, frozen_clock
):
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("f3")  # the speaker box, which binds ctrl+←/→ itself
        await pilot.pause()
        in_note_box = footer_keys(app)
        await pilot.press("ctrl+j")  # the notes list
        await pilot.pause()
        in_notes = footer_keys(app)
        await pilot.press("ctrl+l")  # the agenda
        await pilot.pause()
        in_agenda = footer_keys(app)
    assert in_note_box == in_notes == in_agenda
    assert in_note_box[:3] == ["f1", "ctrl+left", "ctrl+right"]
    assert in_note_box[-1] == "ctrl+p"  # the palette, at the right edge


async def test_home_names_the_key_that_opens_a_session_and_it_opens_it(
    store, session_id, content_dir, frozen_clock
):
    """The table's own Enter (hidden) hid "Mở buổi" from the footer of the first screen."""
    from facilitator.ui.screens.home import HomeScreen

    app = make_app(store, content_dir, frozen_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert footer_keys(app)[:2] == ["f1", "enter"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.service is not None and app.service.session.id == session_id  # type: ignore[attr-defined]
