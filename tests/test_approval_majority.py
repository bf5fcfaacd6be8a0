"""The minutes are approved by more than half of the members entitled to vote: a minority
or an impossible count is refused, in the domain and in the dialog, with what to do."""

from __future__ import annotations

import pytest
from builders import make_app_with_messages, open_approval

from facilitator.domain.closing import check_approval
from facilitator.domain.errors import InputError
from facilitator.services.session import SessionService
from facilitator.strings import closing as closing_text
from facilitator.ui.widgets.text_boxes import Input


def test_a_majority_approves_a_minority_or_too_many_cannot() -> None:
    check_approval(4, 7)
    check_approval(7, 7)
    check_approval(0, 0)  # nobody entitled: the minutes say so, no result to refuse
    with pytest.raises(InputError, match="chưa quá một nửa"):
        check_approval(3, 7)
    with pytest.raises(InputError, match="chưa quá một nửa"):
        check_approval(2, 4)  # exactly half is not more than half
    with pytest.raises(InputError, match=r"\(8\) lớn hơn"):
        check_approval(8, 7)


def test_the_service_refuses_a_minority_and_keeps_the_session_open(
    store, running, frozen_clock
) -> None:
    service = SessionService.open(store, running, frozen_clock)
    base = service.counts().voting_base
    with pytest.raises(InputError):
        service.approve_and_close(base // 2)
    service.close()
    stored = store.load_session(running)
    assert stored.approved is None and not stored.is_closed


async def test_the_dialog_says_why_and_approves_only_a_majority(
    store, running, content_dir, frozen_clock
) -> None:
    base = SessionService.open(store, running, frozen_clock)
    voting = base.counts().voting_base
    base.close()
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_approval(pilot)
        box = dialog.query_one("#approve-for", Input)
        for count, wording in (
            (voting // 2, closing_text.approve_minority(voting // 2, voting)),
            (voting + 1, closing_text.approve_too_many(voting + 1, voting)),
        ):
            box.value = str(count)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog
            assert str(dialog.query_one(".dialog-error").render()) == wording
        box.value = str(voting)
        await pilot.press("enter")
        await pilot.pause()
    stored = store.load_session(running)
    assert stored.approved is not None and stored.approved.for_ == voting
