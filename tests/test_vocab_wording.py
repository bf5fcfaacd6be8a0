"""Every member of every vocabulary has its wording wherever that vocabulary is shown.

Adding a member to an enum in ``facilitator.domain.vocab`` (an attendance state, a note
kind, a grade) fails here until each label table below says it in Vietnamese: the one
list of places a new value must be worded.
"""

from __future__ import annotations

from enum import StrEnum

import pytest

from facilitator.domain import vocab
from facilitator.strings import audience as audience_text
from facilitator.strings import cli as cli_text
from facilitator.strings import content as content_text
from facilitator.strings import roster as roster_text
from facilitator.strings import ui as ui_text
from facilitator.strings import ui_report as ui_report_text

TABLES: list[tuple[type[StrEnum], dict[str | None, str], str]] = [
    (vocab.AttendanceStatus, ui_text.ATTENDANCE_STATUS, "strings/ui.py ATTENDANCE_STATUS"),
    (vocab.SessionStatus, ui_text.SESSION_STATUS, "strings/ui.py SESSION_STATUS"),
    (vocab.SessionStatus, cli_text.STATUS_LABELS, "strings/cli.py STATUS_LABELS"),
    (vocab.NoteKind, ui_text.NOTE_KIND, "strings/ui.py NOTE_KIND"),
    (vocab.PersonCategory, ui_text.PERSON_CATEGORY, "strings/ui.py PERSON_CATEGORY"),
    (vocab.PersonCategory, roster_text.CATEGORY_LABELS, "strings/roster.py CATEGORY_LABELS"),
    (vocab.Temporary, roster_text.TEMPORARY_LABELS, "strings/roster.py TEMPORARY_LABELS"),
    (vocab.ItemKind, content_text.ITEM_KIND_LABELS, "strings/content.py ITEM_KIND_LABELS"),
    (vocab.ItemKind, audience_text.ITEM_KIND_LABELS, "strings/audience.py ITEM_KIND_LABELS"),
    (vocab.Grade, ui_report_text.GRADE_LABELS, "strings/ui_report.py GRADE_LABELS"),
]


@pytest.mark.parametrize(("enum", "labels", "where"), TABLES, ids=[t[2] for t in TABLES])
def test_every_member_is_worded(
    enum: type[StrEnum], labels: dict[str | None, str], where: str
) -> None:
    missing = [m.value for m in enum if m not in labels]
    assert missing == [], f"{where} lacks {missing}"
    extra = [k for k in labels if k is not None and k not in set(enum)]
    assert extra == [], f"{where} words values the format does not have: {extra}"
    for member in enum:
        label = labels[member]
        assert label.strip() and label == label.strip()


def test_a_member_and_its_stored_value_are_one_key() -> None:
    # The label tables are keyed by the stored text; StrEnum members find them too.
    assert (
        ui_text.ATTENDANCE_STATUS[vocab.AttendanceStatus.EXEMPT]
        == ui_text.ATTENDANCE_STATUS["exempt-absent"]
    )
    assert {"present", "late"} == vocab.ATTENDING
