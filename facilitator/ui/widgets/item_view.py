"""The current agenda item: talking points, discussion questions, presenter-only notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from facilitator.domain.models import AgendaItem, Session
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import md_literal


def item_markdown(session: Session, item: AgendaItem | None) -> str:
    """Markdown for the item pane (audience-safe parts only)."""
    if item is None:
        return ui_text.NO_ITEM if session.agenda else ui_text.NO_AGENDA
    parts = [f"## {md_literal(item.title)}"]
    label = session.content.lens_label(item.framing)
    if label:
        meaning = next((m for k, _, m in session.content.framing if k == item.framing), "")
        parts.append(f"*{md_literal(label)}*" + (f" — {md_literal(meaning)}" if meaning else ""))
    if item.conclusion:
        # Under the title, not after the talking points: seen as soon as F7 saves it,
        # without scrolling the pane (80×24 shows only its first lines).
        parts.append(f"**{ui_text.ITEM_CONCLUSION}:** {md_literal(item.conclusion)}")
    if item.body.strip():
        parts.append(item.body.strip())
    if item.questions:
        parts.append(f"**{ui_text.QUESTIONS_HEADING}**")
        parts.append("\n".join(f"- {q}" for q in item.questions))
    return "\n\n".join(parts)


class ItemView(VerticalScroll):
    """Scrollable Markdown view of one item; presenter notes sit in their own panel."""

    def compose(self) -> ComposeResult:
        yield Markdown(id="item-body")
        notes = Markdown(id="presenter-notes")
        notes.border_title = ui_text.PRESENTER_NOTES_TITLE
        yield notes

    def show(self, session: Session, item: AgendaItem | None) -> None:
        """Display ``item`` (or the not-started hint)."""
        self.query_one("#item-body", Markdown).update(item_markdown(session, item))
        notes = self.query_one("#presenter-notes", Markdown)
        presenter_notes = item.presenter_notes.strip() if item else ""
        notes.display = bool(presenter_notes)
        notes.update(presenter_notes)
