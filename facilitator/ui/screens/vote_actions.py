"""The votes of the current item, on the run screen: recorded (F6), shown, and deleted
when recorded by mistake (record it again with F6 to correct it)."""

from __future__ import annotations

from textual import work
from textual.widgets import Static

from facilitator.domain.models import AgendaItem, Session
from facilitator.domain.vietnamese import format_percent
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.base import SessionScreen


def votes_text(session: Session, item: AgendaItem | None) -> str:
    """ "Biểu quyết: Thông qua chương trình — Thông qua: 6/7 tán thành (85,71%)"; "" if none."""
    if item is None:
        return ""
    lines = []
    for vote in session.votes:
        if vote.item != item.id:
            continue
        result = ui_text.VOTE_PASSED if vote.passed else ui_text.VOTE_FAILED
        share = format_percent(vote.for_, vote.base)
        line = ui_text.vote_result_line(result, vote.for_, vote.base, share)
        lines.append(ui_text.VOTE_SHOWN.format(question=vote.question, result=line))
    return "\n".join(lines)


class VoteActions(SessionScreen):
    """Mixed into the run screen: the votes line, recording a vote (F6) and deleting the
    item's last vote."""

    def show_votes(self, item: AgendaItem | None) -> None:
        line = self.query_one("#votes", Static)
        shown = votes_text(self.service.session, item)
        line.update(plain(shown))
        line.display = bool(shown)

    @work(exclusive=True, group="run-dialog")
    async def action_vote(self) -> None:
        """Record a vote against the current voting base."""
        from facilitator.ui.screens.vote_dialogs import VoteDialog

        if not self.writable():
            return
        session = self.service.session
        item = session.item(session.progress.current)
        base = self.service.counts().voting_base
        result = await self.app.push_screen_wait(VoteDialog(base, item.title if item else ""))
        if result is None:
            return
        vote = self.attempt(
            lambda: self.service.record_vote(
                result.question, result.for_, result.against, result.other
            )
        )
        if vote is not None:
            outcome = ui_text.VOTE_PASSED if vote.passed else ui_text.VOTE_FAILED
            self.notify(ui_text.VOTE_SAVED.format(result=outcome))

    @work(exclusive=True, group="vote-delete")
    async def action_delete_vote(self) -> None:
        """Delete the current item's last vote, after confirming."""
        from facilitator.ui.screens.dialogs import ConfirmDialog

        if not self.writable():
            return
        session = self.service.session
        current = session.progress.current
        indexes = [i for i, v in enumerate(session.votes) if v.item == current]
        if not indexes:
            self.notify(ui_text.NO_VOTE_HERE, severity="warning")
            return
        vote = session.votes[indexes[-1]]
        message = ui_text.VOTE_DELETE_CONFIRM.format(question=vote.question)
        if not await self.app.push_screen_wait(ConfirmDialog(message)):
            return
        if self.attempt(lambda: self.service.delete_vote(indexes[-1])) is not None:
            self.notify(ui_text.VOTE_DELETED)
