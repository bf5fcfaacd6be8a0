"""The vote dialogs: a show-of-hands vote (biểu quyết) on the run screen, and approving
the minutes on the read-back screen. Impossible counts are refused as they are typed."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from facilitator.domain.closing import check_approval
from facilitator.domain.errors import InputError
from facilitator.domain.records import Vote
from facilitator.domain.vietnamese import format_percent
from facilitator.domain.votes import VoteOutcome, outcome
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain
from facilitator.ui.screens.dialog_base import _Dialog
from facilitator.ui.widgets.text_boxes import Input


@dataclass(frozen=True)
class VoteInput:
    """Counts typed for one vote."""

    question: str
    for_: int
    against: int
    other: int


class VoteDialog(_Dialog[VoteInput]):
    """Question and counts; the base and the pass/fail result are shown live."""

    def __init__(self, base: int, question: str = "") -> None:
        super().__init__()
        self._base = base
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = ui_text.VOTE_TITLE
            yield Static(ui_text.vote_base_line(self._base), id="vote-base")
            yield Label(ui_text.VOTE_QUESTION)
            yield Input(self._question, id="vote-question")
            with Horizontal(id="vote-counts"):
                for key, label in (
                    ("for", ui_text.VOTE_FOR),
                    ("against", ui_text.VOTE_AGAINST),
                    ("other", ui_text.VOTE_OTHER),
                ):
                    with Vertical():
                        yield Label(label)
                        yield Input("0", id=f"vote-{key}", type="integer")
            yield Static("", id="vote-result")
            yield Label("", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        self._refresh_result()

    def _count(self, key: str) -> int | None:
        raw = self.query_one(f"#vote-{key}", Input).value.strip() or "0"
        try:
            value = int(raw)
        except ValueError:
            return None
        return value if value >= 0 else None

    def _problem(self) -> str:
        """Why the counts typed so far cannot be a vote ("" when they can)."""
        counts = [self._count(k) for k in ("for", "against", "other")]
        if any(c is None for c in counts):
            return ui_text.VOTE_NUMBER_INVALID
        total = sum(c or 0 for c in counts)
        if total > self._base:
            return ui_text.VOTE_TOO_MANY.format(total=total, base=self._base)
        if total == 0 and self._base > 0:  # one Enter saved a 0/0/0 vote
            return ui_text.VOTE_NO_COUNTS
        return ""

    @on(Input.Changed)
    def _refresh_result(self) -> None:
        # An impossible count is refused as it is typed: no "20/18 (111,11%)" result line.
        problem = self._problem()
        self.error("" if problem == ui_text.VOTE_NO_COUNTS else problem)  # not yet typed: no error
        self.query_one("#ok", Button).disabled = bool(problem)
        widget = self.query_one("#vote-result", Static)
        widget.display = not problem
        if problem:
            return
        votes_for = self._count("for") or 0
        result = outcome(votes_for, self._base)
        passed = result is VoteOutcome.PASSED
        if result is VoteOutcome.NOBODY_ENTITLED:
            widget.update(ui_text.VOTE_NOBODY_ENTITLED)
        else:
            label = ui_text.VOTE_PASSED if passed else ui_text.VOTE_FAILED
            share = format_percent(votes_for, self._base)
            widget.update(ui_text.vote_result_line(label, votes_for, self._base, share))
        widget.set_class(passed, "-passed")
        widget.set_class(result is VoteOutcome.FAILED, "-failed")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        question = self.query_one("#vote-question", Input).value.strip()
        counts = [self._count(k) for k in ("for", "against", "other")]
        if not question:
            self.error(ui_text.VOTE_QUESTION_REQUIRED)
            return
        if any(c is None for c in counts):
            self.error(ui_text.VOTE_NUMBER_INVALID)
            return
        votes_for, against, other = (c or 0 for c in counts)
        if problem := self._problem():
            self.error(problem)
            return
        self.dismiss(VoteInput(question, votes_for, against, other))


class ApproveDialog(_Dialog[int]):
    """Approve the minutes: how many of the voting base approved them."""

    def __init__(
        self, base: int, vote: Vote | None = None, *, warnings: tuple[str, ...] = ()
    ) -> None:
        """``vote``: the vote on the minutes already recorded, whose count is proposed;
        without one the box is empty (the whole base was proposed silently once).
        ``warnings``: what the minutes still lack or contradict, said before freezing."""
        super().__init__()
        self._base = base
        self._vote = vote
        self._warnings = warnings

    def compose(self) -> ComposeResult:
        vote = self._vote
        # The text (what freezing means, the warnings) scrolls; the count and the buttons
        # are docked below it: with several warnings at 80x24 they were below the window.
        with VerticalScroll(id="dialog", classes="approve") as box:
            box.border_title = ui_text.APPROVE_TITLE
            yield Static(ui_text.APPROVE_BODY.format(base=self._base))
            for warning in self._warnings:
                yield Static(plain(warning), classes="warning-box")
            with Vertical(classes="dialog-footer"):
                if vote is not None:
                    line = ui_text.APPROVE_FROM_VOTE.format(
                        question=vote.question, for_=vote.for_, base=vote.base
                    )
                    yield Static(plain(line), classes="dialog-hint")
                yield Label(ui_text.APPROVE_FOR)
                proposed = str(vote.for_) if vote is not None else ""
                yield Input(proposed, id="approve-for", type="integer")
                yield Label("", classes="dialog-error")
                yield from self.buttons()

    def on_mount(self) -> None:
        # The count, not the scrolling text: typing goes straight into the box.
        self.query_one("#approve-for", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        raw = self.query_one("#approve-for", Input).value.strip()
        if not raw:
            self.error(ui_text.APPROVE_FOR_REQUIRED)
            return
        if not raw.isdigit():
            self.error(ui_text.VOTE_NUMBER_INVALID)
            return
        try:
            check_approval(int(raw), self._base)
        except InputError as err:
            self.error(str(err))
            return
        self.dismiss(int(raw))
