"""Who is meant by a typed speaker name, and the dropdown of matches under the speaker box.

"nguyen van a" lists "Nguyễn Văn An" (accent-insensitive), but a name typed exactly, with
its accents, is never taken for a namesake: with "Lê Văn An" and "Lê Văn Ân" on the
roster, "Lê Văn Ân" (or "Ân" alone) means Ân, and "le van an" asks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.models import Person
from facilitator.domain.vietnamese import fold, nfc
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import visible


def _exact_key(name: str) -> str:
    """Accents kept, case and spacing not (NFC, so a decomposed "Ân" equals a composed one)."""
    return " ".join(nfc(name).casefold().split())


def exact_person(people: Sequence[Person], typed: str) -> Person | None:
    """The one person whose full name, or else given name, is exactly ``typed`` with its
    accents; ``None`` when nobody or more than one (true namesakes) is."""
    key = _exact_key(typed)
    if not key:
        return None
    full = [p for p in people if _exact_key(p.name) == key]
    if full:
        return full[0] if len(full) == 1 else None
    given = [p for p in people if " " not in key and _exact_key(p.ten) == key]
    return given[0] if len(given) == 1 else None


def resolve_speaker(
    people: Sequence[Person], matches: Sequence[Person], typed: str
) -> Person | None:
    """The person ``typed`` means without asking: an exact name (see :func:`exact_person`),
    else the only full name equal to it without accents, else the only match; ``None`` when
    the user has to pick (``people`` is everyone, ``matches`` what the search found)."""
    person = exact_person(people, typed)
    if person is not None:
        return person
    folded = [p for p in people if fold(p.name) == fold(typed)]
    if len(folded) == 1:
        return folded[0]
    return matches[0] if len(matches) == 1 else None


def person_prompt(person: Person, absence: str = "") -> Content:
    """Name, then category and position, dimmed (they tell namesakes apart), then the
    attendance of someone not present, so an absent speaker is seen before being chosen."""
    detail = ", ".join(
        part for part in (ui_text.PERSON_CATEGORY.get(person.category, ""), person.position) if part
    )
    return Content.assemble(
        visible(person.name),
        (visible(f"  {detail}") if detail else "", "dim"),
        (f"  ({absence})" if absence else "", "italic"),
    )


class SpeakerMatches(OptionList):
    """People matching what was typed, the one meant (if known) first and highlighted.

    It never takes the focus: the speaker box keeps it and up/down move the highlight. The
    highlight is only a choice once the user moved it (or was told to pick): until then
    Enter goes by the name typed, so a namesake listed first is never taken by accident.
    """

    can_focus = False

    def show(
        self,
        people: Sequence[Person],
        meant: Person | None = None,
        absences: Mapping[str, str] | None = None,
    ) -> None:
        """List ``people`` (``meant`` first), highlighting the first; ``absences`` labels
        those not present ("Vắng không lý do", "Chưa điểm danh")."""
        if meant is not None:
            people = [meant, *(p for p in people if p.id != meant.id)]
        labels = absences or {}
        self.set_options([Option(person_prompt(p, labels.get(p.id, "")), id=p.id) for p in people])
        self.display = bool(people)
        self.moved = False
        if people:
            self.highlighted = 0

    moved: bool = False
    """The highlighted row is the user's choice (moved with up/down, or asked to pick)."""

    @property
    def chosen(self) -> str | None:
        """Id of the highlighted person, if the list is showing."""
        if self.highlighted is None or not self.option_count or not self.display:
            return None
        return self.get_option_at_index(self.highlighted).id

    @property
    def picked(self) -> str | None:
        """Id of the highlighted person when it is the user's choice."""
        return self.chosen if self.moved else None

    def move(self, delta: int) -> None:
        """Move the highlight without taking the focus from the speaker box."""
        if self.option_count and self.display:
            current = self.highlighted or 0
            self.highlighted = max(0, min(self.option_count - 1, current + delta))
            self.moved = True
