"""The chair's assessment and the written reflections (bài thu hoạch) for the result report.

Both are recorded after the meeting as often as during it, so this screen also works
on closed sessions (the service allows exactly these two changes once closed).
"""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Header, Label, Static

from facilitator.domain.models import GRADES, Narrative, Person, Reflection, Session
from facilitator.services.session import SessionService
from facilitator.strings import ui as ui_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.plain import plain, plain_text, visible
from facilitator.ui.screens.report_actions import ReportExportScreen
from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.text_boxes import TextArea

NARRATIVE_FIELDS = (
    ("strengths", ui_text.NARRATIVE_STRENGTHS),
    ("weaknesses", ui_text.NARRATIVE_WEAKNESSES),
    ("proposals", ui_text.NARRATIVE_PROPOSALS),
)
SAVE_DELAY = 0.6
"""Seconds of quiet typing before the narrative is written (leaving saves at once)."""


def next_grade(grade: str | None) -> str | None:
    """Tốt → Khá → Đạt → Không đạt → not graded → Tốt."""
    cycle: list[str | None] = [*GRADES, None]
    position = cycle.index(grade) if grade in cycle else len(cycle) - 1
    return cycle[(position + 1) % len(cycle)]


def reflection_row(person: Person, record: Reflection | None) -> tuple[str, str, str]:
    """Name, submitted, grade."""
    submitted = bool(record and record.submitted)
    grade = record.grade if record else None
    return (
        person.name,
        ui_text.REFLECTION_SUBMITTED if submitted else ui_text.REFLECTION_MISSING,
        ui_text.GRADE_LABELS.get(grade or "", ui_text.REFLECTION_UNGRADED),
    )


def reflections_summary(session: Session) -> str:
    """Members' submitted reflections out of members present, as the report counts them."""
    members = {p.id for p in session.people if p.is_member}
    present_ids = {a.person for a in session.attendance if a.person in members and a.is_present}
    present = len(present_ids)
    submitted = [r for r in session.reflections if r.submitted and r.person in present_ids]
    grades = Counter(r.grade for r in submitted)
    return ui_text.reflections_line(
        len(submitted),
        present,
        [(ui_text.GRADE_LABELS[g], grades[g]) for g in GRADES],
    )


class ReportScreen(ReportExportScreen):
    """Three text boxes for the assessment, a keyboard-driven table for reflections; the
    result report is signed and exported from here (``report_actions``)."""

    CSS_PATH = "../report.tcss"  # parsed when first opened, not at start-up

    SCOPE = "report"
    BINDINGS = bindings_for("report")

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self._save_timer: Timer | None = None
        self._typed: Narrative | None = None

    def compose(self) -> ComposeResult:
        narrative = self.service.session.narrative
        yield Header()
        yield Static(ui_text.REPORT_HINT, classes="hint")
        with Horizontal(id="report-body"):
            with Vertical(id="narrative"):
                yield Static(ui_text.NARRATIVE_HEADING, classes="section-title")
                for field, label in NARRATIVE_FIELDS:
                    yield Label(label)
                    yield TextArea(getattr(narrative, field), id=field, soft_wrap=True)
            with Vertical(id="reflections"):
                yield Static(ui_text.REFLECTIONS_HEADING, classes="section-title")
                yield Static("", id="reflections-summary")
                yield DataTable(id="reflection-table", cursor_type="row", zebra_stripes=True)
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = visible(self.service.session.title)
        self.sub_title = ui_text.REPORT_TITLE
        self.query_one(DataTable).add_columns(*ui_text.REFLECTION_COLUMNS)
        self._show_reflections(None)
        self.query_one("#strengths", TextArea).focus()

    def on_unmount(self) -> None:
        self.save_narrative()

    def keep_typing(self) -> None:
        """The assessment typed so far is saved."""
        self.save_narrative()

    # -- narrative ------------------------------------------------------------------------
    def narrative(self) -> Narrative:
        """What the three boxes hold now."""
        values = {
            field: self.query_one(f"#{field}", TextArea).text for field, _ in NARRATIVE_FIELDS
        }
        return Narrative(**values)

    def save_narrative(self) -> bool:
        """Write what was typed if it changed; True when something was written."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        typed = self._typed
        if typed is None:
            return False
        cleaned = Narrative(*(getattr(typed, f).strip() for f, _ in NARRATIVE_FIELDS))
        if cleaned == self.service.session.narrative:
            return False
        return self.attempt(lambda: self.service.set_narrative(typed)) is not None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        # Kept here as well: on quitting, the boxes may be gone before the last save runs.
        self._typed = self.narrative()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_narrative)

    def action_save(self) -> None:
        """Save the narrative now."""
        self.save_narrative()
        self.notify(ui_text.NARRATIVE_SAVED, timeout=2)

    def before_report_dialog(self) -> None:
        self.save_narrative()  # the dialog shows the three parts as saved

    def after_report_dialog(self) -> None:
        """The dialog may have changed the three parts: show them as saved."""
        narrative = self.service.session.narrative
        for field, _ in NARRATIVE_FIELDS:
            area = self.query_one(f"#{field}", TextArea)
            if area.text != getattr(narrative, field):
                area.load_text(getattr(narrative, field))
        self._typed = None

    # -- reflections ----------------------------------------------------------------------
    def _show_reflections(self, keep: str | None) -> None:
        session = self.service.session
        records = {r.person: r for r in session.reflections}
        table = self.query_one(DataTable)
        table.clear()
        people = session.sorted_people()
        for person in people:
            row = reflection_row(person, records.get(person.id))
            table.add_row(*map(plain_text, row), key=person.id)
        ids = [p.id for p in people]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self.query_one("#reflections-summary", Static).update(plain(reflections_summary(session)))

    def current_person(self) -> str | None:
        """Id of the highlighted person."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def _record(self, person_id: str) -> Reflection:
        found = (r for r in self.service.session.reflections if r.person == person_id)
        return next(found, Reflection(person=person_id))

    def _set(self, person_id: str, submitted: bool, grade: str | None) -> None:
        saved = self.attempt(lambda: self.service.set_reflection(person_id, submitted, grade))
        if saved is not None:
            self._show_reflections(person_id)

    def action_toggle_submitted(self) -> None:
        """Submitted ↔ not submitted (a withdrawn reflection loses its grade)."""
        if (person_id := self.current_person()) is None:
            self.notify(ui_text.NO_PERSON_SELECTED, severity="warning")
            return
        record = self._record(person_id)
        submitted = not record.submitted
        self._set(person_id, submitted, record.grade if submitted else None)

    def action_cycle_grade(self) -> None:
        """Next grade; grading a reflection marks it submitted."""
        if (person_id := self.current_person()) is None:
            self.notify(ui_text.NO_PERSON_SELECTED, severity="warning")
            return
        record = self._record(person_id)
        grade = next_grade(record.grade)
        self._set(person_id, record.submitted or grade is not None, grade)

    # -- focus and leaving ----------------------------------------------------------------
    def action_focus_people(self) -> None:
        """The reflections table."""
        self.query_one(DataTable).focus()

    def action_focus_narrative(self) -> None:
        """The first assessment box."""
        self.query_one("#strengths", TextArea).focus()

    def action_back(self) -> None:
        """Save and return to the previous screen."""
        self.save_narrative()
        self.dismiss(None)
