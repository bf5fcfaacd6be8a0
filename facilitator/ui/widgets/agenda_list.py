"""The agenda beside the current item, each item tagged with its framing lens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.models import AgendaItem, Session
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import visible

LENS_COLOURS = ("$success", "$warning", "$accent", "$secondary", "$primary", "$error")
"""Theme variables (never hex) so every theme keeps the lenses apart."""


def lens_tag(session: Session, key: str | None) -> Content:
    """A coloured tag such as " Gốc vững ", or empty when the item has no framing."""
    keys = [k for k, _, _ in session.content.framing]
    label = session.content.lens_label(key)
    if not label or key not in keys:
        return Content("")
    colour = LENS_COLOURS[keys.index(key) % len(LENS_COLOURS)]
    return Content.styled(visible(f" {label} "), f"bold $background on {colour}")


def _typed_up_past(session: Session, number: int) -> bool:
    """Typed up afterwards, no clock stamps an item's end: the items before the one being
    typed up are the ones done."""
    if not session.typed_up_afterwards or session.progress.current is None:
        return False
    ids = [i.id for i in session.agenda]
    current = session.progress.current
    return current in ids and number - 1 < ids.index(current)


def item_prompt(session: Session, item: AgendaItem, number: int) -> Content:
    """One agenda line: state mark, number, title, budget, then the lens tag."""
    current = session.progress.current == item.id
    if current:
        mark = "▶"
    elif item.skipped:
        mark = "·"
    elif item.ended_at is not None or _typed_up_past(session, number):
        mark = "✓"
    else:
        mark = " "
    title = visible(f"{mark} {number}. {item.title} ({item.minutes}′)")
    if item.skipped:
        head = Content.styled(f"{title} {ui_text.SKIPPED_MARK}", "dim strike")
    else:
        head = Content.styled(title, "bold" if current else "")
    tag = lens_tag(session, item.framing)
    return Content.assemble(head, "\n   ", tag) if tag.plain else head


class AgendaList(OptionList):
    """Agenda items; Enter asks the screen to go to the highlighted one."""

    @dataclass
    class ItemChosen(Message):
        """The user chose an agenda item."""

        item_id: str

    def show(self, session: Session) -> None:
        """Rebuild from ``session``, keeping the highlight on the current item."""
        keep = self.highlighted
        options = [
            Option(item_prompt(session, item, number), id=item.id)
            for number, item in enumerate(session.agenda, 1)
        ]
        self.set_options(options)
        current = session.progress.current
        ids = [item.id for item in session.agenda]
        if current in ids and (keep is None or not self.has_focus):
            self.highlighted = ids.index(current)
        elif keep is not None and options:
            self.highlighted = min(keep, len(options) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Translate the selection into an intent the screen understands."""
        event.stop()
        if event.option_id:
            self.post_message(self.ItemChosen(event.option_id))
