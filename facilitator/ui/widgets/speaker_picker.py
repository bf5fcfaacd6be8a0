"""Matches for the speaker box: "nguyen van a" lists "Nguyễn Văn An" (accent-insensitive)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.models import Person
from facilitator.strings import ui as text
from facilitator.ui.plain import visible


def person_prompt(person: Person) -> Content:
    """Name, then category and position, dimmed."""
    detail = ", ".join(
        part for part in (text.PERSON_CATEGORY.get(person.category, ""), person.position) if part
    )
    return Content.assemble(visible(person.name), (visible(f"  {detail}") if detail else "", "dim"))


class SpeakerMatches(OptionList):
    """People matching what was typed; the first is picked unless another is highlighted."""

    def show(self, people: Sequence[Person]) -> None:
        """List ``people``, highlighting the first."""
        self.set_options([Option(person_prompt(p), id=p.id) for p in people])
        self.display = bool(people)
        if people:
            self.highlighted = 0

    @property
    def chosen(self) -> str | None:
        """Id of the highlighted person, if any."""
        if self.highlighted is None or not self.option_count or not self.display:
            return None
        return self.get_option_at_index(self.highlighted).id

    def move(self, delta: int) -> None:
        """Move the highlight without taking the focus from the speaker box."""
        if self.option_count:
            current = self.highlighted or 0
            self.highlighted = max(0, min(self.option_count - 1, current + delta))
