"""The audience (projector) window: follows the presenter's current agenda item.

Run as ``facilitator audience`` in a second terminal. It never opens the store: it
polls the small ``live.json`` that the presenter's window publishes
(:mod:`facilitator.services.live`), re-reads it only when its stat signature changes,
and rebuilds the view from a whitelist of fields. So nothing the presenter keeps
private reaches the screen even if the file ever carried more. A missing or damaged
file shows a waiting message and polling goes on: the presenter may restart at will.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Footer, Markdown, Static

from facilitator.domain.codec import map_texts, read_lenient
from facilitator.domain.errors import StoreError
from facilitator.domain.vietnamese import clean_line, clean_text
from facilitator.services.clock import Clock, local_now
from facilitator.services.live import LIVE_FILE, AgendaEntry, LiveItem, LiveView, read_live
from facilitator.strings import audience as audience_text

MAX_POLL_SECONDS = 0.5
"""Never poll slower than this: the view must follow the presenter within a second."""

_FENCE_OPEN = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")

Signature = tuple[int, int, int]


# -- what may be shown ---------------------------------------------------------------


def without_presenter_notes(markdown: str) -> str:
    """Drop ```` ```notes ```` fences: the pack's presenter-only syntax never reaches a screen.

    The parser already cuts them from item bodies; this is a second line of defence.
    """
    kept: list[str] = []
    fence: str | None = None
    hiding = False
    for line in markdown.split("\n"):
        if fence is None:
            match = _FENCE_OPEN.match(line)
            if match:
                fence = match.group(1)
                hiding = match.group(2).split()[:1] == ["notes"]
        elif re.fullmatch(rf"\s*{re.escape(fence[0])}{{{len(fence)},}}\s*", line):
            fence = None
            if hiding:
                hiding = False
                continue
        if not hiding:
            kept.append(line)
    return "\n".join(kept)


def _cleaned(name: str, value: str) -> str:
    if name == "body":
        return without_presenter_notes(clean_text(value))
    return clean_line(value)


def parse_live(data: object) -> LiveView | None:
    """The whitelisted fields of a ``live.json`` payload, cleaned (``None`` if unusable).

    The file's own declaration reads it: a value of the wrong type reads as its default.
    """
    if not isinstance(data, Mapping):
        return None
    view = map_texts(read_lenient(LiveView, data), _cleaned)
    if view.item is None:
        return view
    questions = tuple(q for q in view.item.questions if q)
    return replace(view, item=replace(view.item, questions=questions))


def load_live(root: Path) -> LiveView | None:
    """The published state under ``root`` (raises :class:`StoreError` when unreadable)."""
    try:
        return parse_live(read_live(root))
    except (OSError, ValueError, RecursionError) as exc:  # read races, absurd nesting
        raise StoreError(str(exc)) from exc


def live_signature(path: Path) -> Signature | None:
    """What changes whenever the file is replaced; ``None`` when it cannot be seen."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def format_timer(seconds: float) -> str:
    """``MM:SS``, or ``H:MM:SS`` past an hour."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


# -- widgets -------------------------------------------------------------------------


class AgendaOutline(Static):
    """The agenda as numbered lines; the current item stands out, past ones fade."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"agenda--current", "agenda--done"}

    def show(self, agenda: tuple[AgendaEntry, ...], current: str | None) -> None:
        """Render ``agenda`` with ``current`` highlighted."""
        index = next((n for n, e in enumerate(agenda) if e.id == current), -1)
        lines: list[Content] = [Content.styled(audience_text.AGENDA_HEADING, "bold"), Content("")]
        for number, entry in enumerate(agenda, 1):
            label = audience_text.agenda_line(number, entry.title)
            if entry.framing_label:
                label = f"{label} · {entry.framing_label}"
            if number - 1 == index:
                lines.append(
                    Content.styled(f"{audience_text.CURRENT_MARK} {label}", ".agenda--current")
                )
            elif number - 1 < index:
                lines.append(Content.styled(f"  {label}", ".agenda--done"))
            else:
                lines.append(Content(f"  {label}"))
        self.update(Content("\n").join(lines))


# -- the app -------------------------------------------------------------------------


class AudienceApp(App[None]):
    """Shows the presenter's current item in large, clean text for the room."""

    CSS_PATH = "audience.tcss"
    TITLE = audience_text.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", audience_text.KEY_QUIT, priority=True),
        Binding("ctrl+q", "quit", audience_text.KEY_QUIT, show=False, priority=True),
        Binding("f", "toggle_agenda", audience_text.KEY_AGENDA),
    ]

    def __init__(
        self, root: Path, *, clock: Clock = local_now, poll_seconds: float = MAX_POLL_SECONDS
    ) -> None:
        super().__init__()
        self.root = Path(root)
        self.clock = clock
        self.poll_seconds = min(max(poll_seconds, 0.05), MAX_POLL_SECONDS)
        self._signature: Signature | None = None
        self._view: LiveView | None = None
        self._shown = False
        self._shown_body: str | None = None

    @property
    def view(self) -> LiveView | None:
        """What is on screen now (``None`` while waiting)."""
        return self._view

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with VerticalScroll(id="stage"):
                yield Static(id="session-line", markup=False)
                with Horizontal(id="tags"):
                    yield Static(id="position", classes="tag", markup=False)
                    yield Static(id="lens", classes="tag", markup=False)
                    yield Static(id="kind", classes="tag", markup=False)
                yield Static(id="item-title", markup=False)
                with Horizontal(id="timer-row"):
                    yield Digits("00:00", id="elapsed")
                    with Vertical(id="timer-side"):
                        yield Static(id="budget", markup=False)
                        yield Static(id="left", markup=False)
                yield Markdown(id="talking-points", open_links=False)
                with Vertical(id="questions"):
                    yield Static(
                        audience_text.QUESTIONS_HEADING, id="questions-heading", markup=False
                    )
                    yield Static(id="questions-list", markup=False)
            with VerticalScroll(id="agenda"):
                yield AgendaOutline(id="agenda-outline", markup=False)
        with Vertical(id="waiting"):
            yield Static(id="waiting-title", markup=False)
            yield Static(audience_text.WAITING, id="waiting-message", markup=False)
            yield Static(audience_text.WAITING_HINT, id="waiting-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agenda").display = False
        self.poll()
        self.set_interval(self.poll_seconds, self.poll)
        self.set_interval(1.0, self.tick)

    # -- following the presenter -----------------------------------------------------
    def poll(self) -> None:
        """Re-read ``live.json`` if it was replaced, created or removed since last time."""
        signature = live_signature(self.root / LIVE_FILE)
        if self._shown and signature is not None and signature == self._signature:
            return
        view: LiveView | None = None
        if signature is not None:
            try:
                view = load_live(self.root)
            except StoreError:
                signature = None  # briefly unreadable: wait, and read again next time
        self._signature = signature
        self.show(view)

    def show(self, view: LiveView | None) -> None:
        """Put ``view`` on screen (``None``: the waiting message)."""
        if self._shown and view == self._view:
            return
        self._view, self._shown = view, True
        item = view.item if view is not None else None
        waiting = item is None or (view is not None and view.status == "closed")
        self.query_one("#body").display = not waiting
        self.query_one("#waiting").display = waiting
        if view is None or item is None or waiting:
            self._show_waiting(view)
        else:
            self._show_item(view, item)
        self.tick()

    def _show_waiting(self, view: LiveView | None) -> None:
        title = view.title if view is not None else ""
        message = audience_text.WAITING
        if view is not None and view.status == "closed":
            message = audience_text.CLOSED
        elif view is not None and view.status == "planned":
            message = audience_text.NOT_STARTED
        self.query_one("#waiting-title", Static).update(Content(title))
        self.query_one("#waiting-title").display = bool(title)
        self.query_one("#waiting-message", Static).update(Content(message))
        self.query_one("#waiting-hint").display = message == audience_text.WAITING

    def _show_item(self, view: LiveView, item: LiveItem) -> None:
        parts = [p for p in (view.title, view.unit) if p]
        self.query_one("#session-line", Static).update(Content(" · ".join(parts)))
        tags = {
            "#position": audience_text.position(item.position, item.count) if item.count else "",
            "#lens": item.framing_label,
            "#kind": audience_text.ITEM_KIND_LABELS.get(item.kind, ""),
        }
        for selector, label in tags.items():
            tag = self.query_one(selector, Static)
            tag.update(Content(label))
            tag.display = bool(label)
        self.query_one("#item-title", Static).update(Content(item.title))
        self.query_one("#budget", Static).update(Content(audience_text.budget(item.minutes)))
        if item.body != self._shown_body:
            self._shown_body = item.body
            self.query_one("#talking-points", Markdown).update(item.body)
            self.query_one("#stage", VerticalScroll).scroll_home(animate=False)
        self.query_one("#talking-points").display = bool(item.body.strip())
        questions = "\n".join(
            audience_text.question_line(n, q) for n, q in enumerate(item.questions, 1)
        )
        self.query_one("#questions-list", Static).update(Content(questions))
        self.query_one("#questions").display = bool(item.questions)
        self.query_one(AgendaOutline).show(view.agenda, item.id)

    def tick(self) -> None:
        """Refresh the timer: elapsed time against the item's budget."""
        item = self._view.item if self._view is not None else None
        if item is None:
            return
        now = self.clock()
        stale = item.visit_is_stale(now)
        digits = self.query_one("#elapsed", Digits)
        digits.display = not stale  # the budget stays; no timer of thousands of hours
        if stale:
            self.query_one("#left", Static).update("")
            return
        elapsed = item.elapsed(now)
        budget = item.minutes * 60
        over = budget > 0 and elapsed > budget
        digits.update(format_timer(elapsed))
        digits.set_class(over, "-over")
        left = self.query_one("#left", Static)
        if budget <= 0:
            left.update("")
        elif over:
            left.update(Content(audience_text.overtime(format_timer(elapsed - budget))))
        else:
            left.update(Content(audience_text.remaining(format_timer(math.ceil(budget - elapsed)))))
        left.set_class(over, "-over")

    # -- actions -------------------------------------------------------------------
    def action_toggle_agenda(self) -> None:
        """Show or hide the agenda outline beside the item."""
        outline = self.query_one("#agenda")
        outline.display = not outline.display


def run_audience(root: Path) -> None:
    """Open the projector window on the data folder ``root`` (blocks until closed)."""
    AudienceApp(root).run()
