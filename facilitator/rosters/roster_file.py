"""A roster file read with what the user should know about it: the people, and, when the
file was typed in an old font encoding (TCVN3, VNI), which one and a preview of the
converted names so a wrong conversion is caught before the roster is used."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.domain.models import Person
from facilitator.domain.vietnamese import clean_line
from facilitator.rosters.importer import people_from_sheet
from facilitator.rosters.legacy_text import LegacyEncoding
from facilitator.rosters.sheet import Sheet, read_sheet
from facilitator.strings import roster as roster_text

PREVIEW_NAMES = 5


@dataclass(frozen=True)
class RosterFile:
    """The people of a roster file and how its text was converted, if it was."""

    path: Path
    people: list[Person]
    encoding: LegacyEncoding | None = None
    converted_cells: int = 0
    preview: tuple[tuple[str, str], ...] = ()
    """The first converted names: (as typed in the old font, in Unicode)."""

    @property
    def notices(self) -> tuple[str, ...]:
        """Messages for the user (Vietnamese), empty when nothing was converted."""
        if self.encoding is None:
            return ()
        label = roster_text.LEGACY_ENCODING_LABELS[self.encoding]
        return (roster_text.legacy_converted(self.path, label, self.converted_cells, self.preview),)


def _typed_names(sheet: Sheet) -> dict[str, str]:
    """Converted cell text -> the cell as typed, for every cell the conversion changed."""
    rows = dict(sheet.rows)
    typed: dict[str, str] = {}
    for (row, column), original in sheet.originals.items():
        typed.setdefault(clean_line(str(rows[row][column])), clean_line(original))
    return typed


def _as_typed(person: Person, typed: dict[str, str]) -> str | None:
    for text, original in typed.items():
        if text == person.name or text.endswith(f" {person.name}"):
            return original  # the whole cell, with any "Đ/c" the import stripped
    parts = [p for p in (person.ho, person.dem, person.ten) if p]
    if parts and any(p in typed for p in parts):
        return " ".join(typed.get(p, p) for p in parts)
    return None


def _preview(sheet: Sheet, people: list[Person]) -> tuple[tuple[str, str], ...]:
    typed = _typed_names(sheet)
    pairs: list[tuple[str, str]] = []
    for person in people:
        original = _as_typed(person, typed)
        if original is not None and original != person.name:
            pairs.append((original, person.name))
            if len(pairs) == PREVIEW_NAMES:
                break
    return tuple(pairs)


def read_roster_file(path: Path | str) -> RosterFile:
    """People of a CSV/XLSX roster, converted from TCVN3/VNI when it was typed in them.

    Raises:
        InputError: naming the file, with every problem located by line or cell.
    """
    sheet = read_sheet(path)
    people = people_from_sheet(sheet)
    if sheet.legacy is None:
        return RosterFile(sheet.path, people)
    return RosterFile(
        sheet.path, people, sheet.legacy, len(sheet.originals), _preview(sheet, people)
    )
