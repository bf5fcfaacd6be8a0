"""Prepare: unit, content pack, details, roles and the agenda; save creates the session."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Label, Select, Static

from facilitator.domain.content import ContentPack
from facilitator.domain.errors import FacilitatorError, InputError
from facilitator.domain.models import Roster
from facilitator.parsing import PackEntry, list_packs, load_pack
from facilitator.rosters.unit_fields import UnitFields
from facilitator.services.planning import SessionPlan, agenda_from_pack
from facilitator.strings import ui as ui_text
from facilitator.ui.commands import bindings_for
from facilitator.ui.plain import plain, plain_text
from facilitator.ui.screens.dialogs import RosterImportDialog
from facilitator.ui.screens.draft_actions import DraftingScreen
from facilitator.ui.screens.prepare_agenda import AgendaEditing
from facilitator.ui.widgets.app_footer import AppFooter
from facilitator.ui.widgets.person_select import PersonSelect, person_label
from facilitator.ui.widgets.text_boxes import Input

WHEN_FORMAT = "%d/%m/%Y %H:%M"
"""A window too narrow for the titles scrolls the table sideways rather than show less."""
PERSON_FIELDS = ("chair", "secretary", "presenter", "presenter2")
FIELD_LABELS = (
    ui_text.FIELD_CHAIR,
    ui_text.FIELD_SECRETARY,
    ui_text.FIELD_PRESENTER,
    ui_text.FIELD_PRESENTER2,
)


def parse_when(value: str, zone: tzinfo | None) -> datetime | None:
    """ "24/04/2024 08:00" in the clock's time zone, or None when malformed."""
    try:
        naive = datetime.strptime(" ".join(value.split()), WHEN_FORMAT)
    except ValueError:
        return None
    return naive.replace(tzinfo=zone)


def load_entry(path: Path) -> PackEntry:
    """A pack given by path, or why it could not be loaded (shown like a broken pack)."""
    try:
        return PackEntry(str(path), pack=load_pack(path))
    except InputError as err:
        return PackEntry(str(path), error=err)


def first_problem(entry: PackEntry) -> str:
    """The first thing wrong with a pack that could not be loaded."""
    if entry.error is None:
        return ""
    problems = entry.error.problems
    return str(problems[0]) if problems else entry.error.message


class PrepareScreen(AgendaEditing):
    """The form; the agenda is edited here before the session is created."""

    CSS_PATH = "../prepare.tcss"  # parsed when first opened, not at start-up

    SCOPE = "prepare"
    BINDINGS = bindings_for("prepare")

    def __init__(self) -> None:
        super().__init__()
        self._rosters: list[Roster] = []
        self._packs: list[PackEntry] = []
        self._pack_title = ""

    # -- layout -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="prepare-form"):
            yield Static(ui_text.PREPARE_TITLE, classes="screen-title")
            yield Label(ui_text.FIELD_UNIT)
            yield Select([], prompt=ui_text.CHOOSE, id="unit")
            yield Static(ui_text.NO_ROSTER, id="no-roster", classes="warning-box")
            yield Label(ui_text.FIELD_PACK)
            yield Select([], prompt=ui_text.CHOOSE, id="pack")
            yield Static("", id="pack-problems", classes="warning-box")
            yield Label(ui_text.FIELD_TITLE)
            yield Input(id="title")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(ui_text.FIELD_WHEN)
                    yield Input(placeholder=ui_text.WHEN_PLACEHOLDER, id="when")
                    yield Label("", id="when-error", classes="field-error")
                with Vertical():
                    yield Label(ui_text.FIELD_PLACE)
                    yield Input(id="place")
            labels = dict(
                zip(
                    PERSON_FIELDS,
                    FIELD_LABELS,
                    strict=True,
                )
            )
            for pair in (PERSON_FIELDS[:2], PERSON_FIELDS[2:]):
                with Horizontal(classes="form-row"):
                    for field_id in pair:
                        with Vertical():
                            yield Label(labels[field_id])
                            yield PersonSelect([], prompt=ui_text.NOBODY, id=field_id)
            yield Label(ui_text.FIELD_NUMBER)
            yield Input(id="number")
            yield Static(ui_text.AGENDA_HEADING, classes="section-title")
            yield DataTable(id="plan-agenda", cursor_type="row")
            yield Static("", id="agenda-total")
            yield Static("", id="form-error", classes="field-error")
        yield AppFooter()

    def on_mount(self) -> None:
        app = self.facilitator
        self.query_one("#when", Input).value = app.clock().strftime(WHEN_FORMAT)
        self.query_one("#plan-agenda", DataTable).add_columns(*ui_text.AGENDA_COLUMNS)
        self._load_rosters()
        self._load_packs(app.content_dirs, app.content_files)
        if len(self._rosters) == 1:
            self.query_one("#unit", Select).value = 0
        usable = [i for i, e in enumerate(self._packs) if e.pack is not None]
        # A pack named on the command line (--content FILE) is the one meant; otherwise
        # the first shipped pack (the campaign's) is preselected.
        given = [i for i in usable if Path(self._packs[i].path) in app.content_files]
        if usable:
            self.query_one("#pack", Select).value = (given or usable)[0]
        self.query_one("#unit", Select).focus()

    def _load_rosters(self) -> None:
        try:
            self._rosters = self.facilitator.workspace.rosters()
        except FacilitatorError as err:
            self.notify(str(err), severity="error")
        units = self.query_one("#unit", Select)
        units.set_options([(plain_text(r.unit.name), i) for i, r in enumerate(self._rosters)])
        self.query_one("#no-roster", Static).display = not self._rosters

    @work(exclusive=True, group="prepare-dialog")
    async def action_import_roster(self) -> None:
        """Import a unit's roster from a CSV/XLSX file without leaving the console."""
        unit = self.roster.unit if self.roster is not None else None
        request = await self.app.push_screen_wait(RosterImportDialog(unit))
        if request is None:
            return
        try:
            fields = UnitFields(request.parent, request.abbrev, request.profile, request.locality)
            imported = self.facilitator.workspace.import_roster(request.path, request.unit, fields)
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=15)
            return
        roster = imported.roster
        self._load_rosters()
        names = [r.unit.name for r in self._rosters]
        if roster.unit.name in names:
            self.query_one("#unit", Select).value = names.index(roster.unit.name)
        self._offer_people()  # the same unit again sends no Changed: offer the new people
        self.notify(ui_text.ROSTER_IMPORTED.format(count=len(roster.people), unit=roster.unit.name))
        for notice in imported.notices:  # typed in TCVN3/VNI: say so
            self.notify(notice, severity="warning", timeout=20)

    def _load_packs(self, folders: tuple[Path, ...], extra: tuple[Path, ...] = ()) -> None:
        """Packs of every folder (shipped, the user's, --content-dir), then --content FILEs."""
        self._packs = []
        folder_errors: list[str] = []
        for folder in folders:
            try:
                self._packs += list_packs(folder)
            except FacilitatorError as err:
                folder_errors.append(str(err))
        self._packs += [load_entry(path) for path in extra]
        options = [
            (
                plain_text(
                    ui_text.PACK_OPTION.format(title=e.pack.title, minutes=e.pack.total_minutes)
                ),
                i,
            )
            for i, e in enumerate(self._packs)
            if e.pack is not None
        ]
        self.query_one("#pack", Select).set_options(options)
        broken = [
            ui_text.PACK_UNAVAILABLE.format(name=Path(e.path).name, problem=first_problem(e))
            for e in self._packs
            if e.pack is None
        ]
        broken = folder_errors + broken
        if not options:
            shown = ", ".join(str(f) for f in folders)
            broken.insert(0, ui_text.NO_PACKS.format(folder=shown))
        box = self.query_one("#pack-problems", Static)
        box.update(plain("\n".join(broken)))
        box.display = bool(broken)

    @on(DraftingScreen.PackDrafted)
    def _show_drafted_pack(self, event: DraftingScreen.PackDrafted) -> None:
        """The packs again, the user's folder among them, with the new one chosen."""
        path = event.path
        app = self.facilitator
        if path.parent not in app.content_dirs:  # the folder did not exist at start-up
            app.content_dirs = (*app.content_dirs, path.parent)
        self._load_packs(app.content_dirs, app.content_files)
        wanted = path.resolve()
        for index, entry in enumerate(self._packs):
            if entry.pack is not None and Path(entry.path).resolve() == wanted:
                self.query_one("#pack", Select).value = index

    # -- selections ---------------------------------------------------------------------
    @property
    def roster(self) -> Roster | None:
        """The chosen unit's roster."""
        value = self.query_one("#unit", Select).value
        return self._rosters[value] if isinstance(value, int) else None

    @property
    def pack(self) -> ContentPack | None:
        """The chosen content pack."""
        value = self.query_one("#pack", Select).value
        return self._packs[value].pack if isinstance(value, int) else None

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "unit":
            self._offer_people()
        elif event.select.id == "pack":
            pack = self.pack
            title = self.query_one("#title", Input)
            if pack is not None:
                if not title.value or title.value == self._pack_title:
                    title.value = pack.title
                self._pack_title = pack.title
                self._agenda = list(agenda_from_pack(pack))
                self._show_agenda(0)

    def _offer_people(self) -> None:
        """The unit's people in every role field, keeping each choice still on the roster.

        A re-imported roster keeps ids by name, so chair, secretary and presenters stay
        chosen; someone no longer on it is dropped *and the user is told*.
        """
        roster = self.roster
        people = roster.sorted_people() if roster else ()
        ids = {p.id for p in people}
        options = [(plain_text(person_label(p)), p.id) for p in people]
        dropped: list[str] = []
        for field_id, label in zip(PERSON_FIELDS, FIELD_LABELS, strict=True):
            select = self.query_one(f"#{field_id}", PersonSelect)
            chosen = select.value if isinstance(select.value, str) else None
            select.set_options(options)
            if chosen is None:
                continue
            if chosen in ids:
                select.value = chosen
            else:
                dropped.append(label)
        if dropped:
            self.notify(
                ui_text.ROLES_DROPPED.format(fields=", ".join(dropped)),
                severity="warning",
                timeout=10,
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "when":
            self.query_one("#when-error", Label).update(self._when_problem())

    def _when_problem(self) -> str:
        value = self.query_one("#when", Input).value.strip()
        if not value:
            return ui_text.WHEN_EMPTY
        return "" if parse_when(value, None) else ui_text.WHEN_INVALID

    # -- saving -------------------------------------------------------------------------
    def _person(self, field_id: str) -> str | None:
        value = self.query_one(f"#{field_id}", Select).value
        return value if isinstance(value, str) else None

    def action_save(self) -> None:
        """Validate, create the session, then go to attendance."""
        roster, pack = self.roster, self.pack
        problems = [
            message
            for missing, message in (
                (roster is None, ui_text.UNIT_REQUIRED),
                (pack is None, ui_text.PACK_REQUIRED),
                (bool(self._when_problem()), self._when_problem()),
            )
            if missing
        ]
        error = self.query_one("#form-error", Static)
        if problems or roster is None or pack is None:
            error.update(plain(ui_text.FORM_INCOMPLETE.format(problems=" ".join(problems))))
            return
        app = self.facilitator
        started = parse_when(self.query_one("#when", Input).value, app.clock().tzinfo)
        assert started is not None
        presenters = tuple(p for p in (self._person("presenter"), self._person("presenter2")) if p)
        plan = SessionPlan(
            title=self.query_one("#title", Input).value,
            started_at=started,
            place=self.query_one("#place", Input).value,
            number=self.query_one("#number", Input).value,
            chair=self._person("chair"),
            secretary=self._person("secretary"),
            presenters=tuple(dict.fromkeys(presenters)),
        )
        try:
            service = app.workspace.create_session(pack, roster, plan)
        except FacilitatorError as err:
            error.update(plain(err))
            return
        if tuple(self._agenda) != agenda_from_pack(pack):
            try:
                service.set_agenda(tuple(self._agenda))
            except FacilitatorError as err:  # the session exists; edit the agenda later
                self.notify(str(err), severity="error")
        self.notify(ui_text.SESSION_CREATED.format(title=service.session.title))
        app.enter_session(service, replace=True)

    @work(exclusive=True, group="prepare-dialog")
    async def action_back(self) -> None:
        """Leave without creating anything; a form already filled in is not lost silently."""
        from facilitator.ui.screens.dialogs import ConfirmDialog

        typed = any(
            self.query_one(f"#{field_id}", Input).value.strip() for field_id in ("place", "number")
        ) or any(isinstance(self.query_one(f"#{f}", Select).value, str) for f in PERSON_FIELDS)
        if typed and not await self.app.push_screen_wait(ConfirmDialog(ui_text.PREPARE_DISCARD)):
            return
        self.app.pop_screen()
