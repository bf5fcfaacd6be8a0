"""Read back: the minutes as they will be exported, then approve and close."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown, Static

from facilitator.domain.closing import absent_speakers
from facilitator.domain.models import Session
from facilitator.domain.records import Vote
from facilitator.domain.vietnamese import fold, format_percent
from facilitator.strings import ui as ui_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.plain import md_literal
from facilitator.ui.screens.dialogs import ApproveDialog
from facilitator.ui.screens.time_actions import TimedSessionScreen
from facilitator.ui.widgets.app_footer import AppFooter

MINUTES_WORDS = "bien ban"
"""A vote whose question (accents aside) names the minutes is the vote approving them."""


def summary_markdown(session: Session) -> str:
    """A plain outline used only when the exporters are not installed."""
    lines = [f"# {md_literal(session.title)}", f"*{ui_text.READBACK_NO_EXPORTER}*"]
    for number, item in enumerate((i for i in session.agenda if not i.skipped), 1):
        lines.append(f"## {number}. {md_literal(item.title)}")
        for note in session.notes_for(item.id):
            person = session.person(note.speaker)
            who = person.name if person else ui_text.UNKNOWN_SPEAKER
            lines.append(f"- {md_literal(who)}: {md_literal(note.text)}")
        if item.conclusion:
            lines.append(f"**{ui_text.ITEM_CONCLUSION}:** {md_literal(item.conclusion)}")
    for vote in session.votes:
        result = ui_text.VOTE_PASSED if vote.passed else ui_text.VOTE_FAILED
        share = format_percent(vote.for_, vote.base)
        lines.append(
            f"- {md_literal(vote.question)}: "
            f"{ui_text.vote_result_line(result, vote.for_, vote.base, share)}"
        )
    if session.conclusion:
        lines.append(f"**{ui_text.CONCLUSION_OVERALL_TITLE}:** {md_literal(session.conclusion)}")
    return "\n\n".join(lines)


def minutes_vote(session: Session) -> Vote | None:
    """The latest recorded vote on the minutes themselves ("Thông qua biên bản"), whose
    count the approval proposes; none when no vote is clearly about the minutes."""
    for vote in reversed(session.votes):
        if MINUTES_WORDS in fold(vote.question):
            return vote
    return None


def minutes_markdown(session: Session) -> str:
    """The exporters' Markdown when available (what will be printed), else an outline."""
    try:
        from facilitator.export.markdown import render_minutes_md
        from facilitator.export.minutes_model import build_minutes
    except ImportError:
        return summary_markdown(session)
    return render_minutes_md(build_minutes(session))


def approval_warnings(session: Session) -> tuple[str, ...]:
    """What the minutes about to be frozen lack or contradict (the record, not style)."""
    # One warning for every absent speaker together: the dialog's warnings scroll above
    # its pinned buttons, but one line per person would bury the other warnings.
    speakers = [
        ui_text.absent_speaker_entry(person.name, ui_text.ATTENDANCE_STATUS[status], count)
        for person, status, count in absent_speakers(session)
    ]
    warnings = [ui_text.absent_speakers(speakers)] if speakers else []
    if not session.conclusion.strip():
        warnings.append(ui_text.APPROVE_NO_CONCLUSION)
    return tuple(warnings)


class ReadbackScreen(TimedSessionScreen):
    """Full-screen reading view for the secretary."""

    SCOPE = "readback"
    BINDINGS = bindings_for("readback")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(ui_text.READBACK_HINT, classes="hint")
        with VerticalScroll(id="readback"):
            yield Markdown(id="minutes")
        yield AppFooter()

    def on_mount(self) -> None:
        self.sub_title = ui_text.READBACK_TITLE
        self.show_minutes()
        self.query_one("#readback", VerticalScroll).focus()

    def show_minutes(self) -> None:
        """Render the minutes from the current snapshot."""
        self.markdown = minutes_markdown(self.service.session)
        self.query_one("#minutes", Markdown).update(self.markdown)

    def session_saved(self, session: Session) -> None:
        """Corrected times, an approval: the minutes show them at once."""
        self.show_minutes()

    @work(exclusive=True, group="readback-dialog")
    async def action_approve(self) -> None:
        """Approve the minutes (confirm the count) and freeze the session."""
        if not self.writable() or not await self.ask_end_time():
            return
        session = self.service.session
        base = self.service.counts().voting_base
        vote = minutes_vote(session)
        if vote is not None and vote.for_ > base:  # taken when more could vote: not proposed
            vote = None
        dialog = ApproveDialog(base, vote, warnings=approval_warnings(session))
        votes_for = await self.app.push_screen_wait(dialog)
        if votes_for is None:
            return
        if self.attempt(lambda: self.service.approve_and_close(votes_for)) is not None:
            self.notify(ui_text.APPROVED)

    def action_report(self) -> None:
        """The chair's assessment and the reflections (closed sessions too)."""
        from facilitator.ui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.service))

    def action_back(self) -> None:
        """Back to the run screen."""
        self.dismiss(None)
