"""A Select of people whose type-to-search matches word prefixes without accents.

Textual's Select searches substrings with accents: "hung" picked "Hà Thị Nhung" and
"hùng" missed "Hùng" typed without its tone. Only the search rule differs here.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

# SelectOverlay and SelectCurrent are Select's own parts; only the overlay's search changes.
from textual.widgets._select import Select, SelectCurrent, SelectOverlay

from facilitator.domain.models import Person
from facilitator.domain.vietnamese import word_prefix_rank


def person_label(person: Person) -> str:
    """Name, then position: two "Nguyễn Văn An" are told apart by what they do."""
    return f"{person.name} — {person.position}" if person.position else person.name


class PersonOverlay(SelectOverlay):
    """The drop-down list, searched by :func:`word_prefix_rank`."""

    def _find_search_match(self, query: str) -> int | None:
        best: tuple[int, int] | None = None
        for index, option in enumerate(self._options):
            prompt = option.prompt
            label = prompt.plain if isinstance(prompt, Text) else str(prompt)
            rank = word_prefix_rank(label, query)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, index)
        return None if best is None else best[1]


class PersonSelect(Select[str]):
    """A person picker: accent-insensitive, word-prefix type-to-search."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield PersonOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
