"""Chair, secretary and presenters can be changed before approval, an outside presenter
entered by name and position, and the minutes say who they are."""

from __future__ import annotations

import pytest
from builders import make_app
from textual.widgets import Input, Select, Static

from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.services.session import SessionService
from facilitator.strings.roles import CHANGED_CHAIR
from facilitator.strings.ui import NOBODY
from facilitator.ui.screens.roles_dialog import RolesDialog
from facilitator.ui.screens.run import RunScreen

SIZE = (100, 40)


@pytest.fixture
def running(store, session_id, frozen_clock) -> str:
    service = SessionService.open(store, session_id, frozen_clock)
    for person in ("p01", "p02", "p03", "p05"):
        service.mark(person, "present")
    service.start()
    service.close()
    return session_id


async def test_roles_changed_from_the_palette_reach_the_store_and_the_minutes(
    store, running, content_dir, frozen_clock
) -> None:
    app = make_app(store, content_dir, frozen_clock, running)
    messages: list[str] = []
    app.notify = lambda message, **_: messages.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Đổi chủ trì, thư ký, báo cáo viên" in titles
        await app.screen.run_action("edit_roles")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RolesDialog)
        assert dialog.query_one("#roles-chair", Select).value == "p01"  # today's choice shown
        dialog.query_one("#roles-chair", Select).value = "p03"
        dialog.query_one("#roles-outside-name", Input).value = "Hoàng Minh Tuấn"
        dialog.query_one("#roles-outside-position", Input).value = "Báo cáo viên Huyện ủy"
        dialog.query_one("#roles-outside-position", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    assert CHANGED_CHAIR.format(old="Nguyễn Văn An", new="Lê Văn Cường") in messages
    session = store.load_session(running)
    guest = next(p for p in session.people if p.name == "Hoàng Minh Tuấn")
    assert session.roles.chair == "p03" and session.roles.secretary == "p02"
    assert session.roles.presenters == ("p01", guest.id)
    assert guest.position == "Báo cáo viên Huyện ủy" and guest.category == "khach"
    text = render_minutes_md(build_minutes(session))
    assert "Chủ trì: đồng chí Lê Văn Cường" in text
    assert "Hoàng Minh Tuấn" in text


async def test_roles_cannot_change_once_approved(store, running, content_dir, frozen_clock):
    service = SessionService.open(store, running, frozen_clock)
    service.approve_and_close(3)
    service.close()
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.screen.run_action("edit_roles")
        await pilot.pause()
        assert not isinstance(app.screen, RolesDialog)
    assert store.load_session(running).roles.chair == "p01"


async def test_roles_dialog_shows_the_roles_already_chosen(
    store, running, content_dir, frozen_clock
) -> None:
    """Each picker shows today's choice (not "(chưa chọn)"), the first one has the focus,
    and the outside-presenter hint wraps instead of being cut at 120 columns."""
    service = SessionService.open(store, running, frozen_clock)
    service.set_roles("p01", "p02", ("p03", "p05"))
    service.close()
    app = make_app(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.run_action("edit_roles")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RolesDialog)
        shown = {
            field: str(dialog.query_one(f"#{field} #label", Static).render())
            for field in ("roles-chair", "roles-secretary", "roles-presenter", "roles-presenter2")
        }
        assert shown["roles-chair"].startswith("Nguyễn Văn An")
        assert shown["roles-secretary"].startswith("Trần Thị Bình")
        assert shown["roles-presenter"].startswith("Lê Văn Cường")
        assert NOBODY not in shown.values()
        chair = dialog.query_one("#roles-chair", Select)
        for _ in range(40):  # focus is given after the dialog's first refresh: wait for it
            if chair.has_focus:
                break
            await pilot.pause(0.05)
        assert chair.has_focus
        hint = dialog.query_one(".hint", Static)
        box = dialog.query_one("#dialog")
        assert hint.size.width <= box.content_size.width and hint.size.height >= 2
    session = store.load_session(running)
    assert session.roles.chair == "p01" and session.roles.presenters == ("p03", "p05")
