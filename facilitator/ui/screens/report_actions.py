"""The report screen's result report: the signing dialog, the unit's details, the blanks,
then the format and the file (#10.6, 7).

Kept apart from the report screen so it does not grow. What the user types is
remembered each time the signing dialog closes, whatever the way (Esc, the unit's
details, export), before anything can fail.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import work

from facilitator.domain.errors import FacilitatorError
from facilitator.export.formats import Document, ExportFormat, offered
from facilitator.export.report_details import ReportDetails
from facilitator.services.reporting import ReportingService, unit_gaps
from facilitator.strings import export_ui as export_ui_text
from facilitator.strings import report_ui as report_ui_text
from facilitator.ui.screens.base import SessionScreen
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.export_dialog import ExportRequest
from facilitator.ui.screens.report_dialogs import SigningDialog, UnitDialog


def report_formats() -> tuple[ExportFormat, ...]:
    """The result report's formats (PDF only where LibreOffice is installed)."""
    from facilitator.export.pdf import find_soffice

    return offered(Document.REPORT, converter=find_soffice() is not None)


def unit_warning(reporting: ReportingService, *, here: bool = False) -> str:
    """What the unit lacks for the report's header, or "" (``here``: said in the unit's
    own dialog)."""
    unit = reporting.unit()
    gaps = unit_gaps(unit)
    if not gaps:
        return ""
    return report_ui_text.unit_gaps_warning(
        unit.name, gaps, has_roster=reporting.has_roster(), here=here
    )


class ReportExportScreen(SessionScreen):
    """A session screen from which the result report is signed and exported."""

    def before_report_dialog(self) -> None:
        """Save what the screen holds that the dialog shows (the screen's own)."""

    def after_report_dialog(self) -> None:
        """Show what the dialog changed (the screen's own)."""

    def _remember(self, reporting: ReportingService, details: ReportDetails) -> bool:
        try:
            reporting.remember(details)
        except FacilitatorError as err:
            message = report_ui_text.REMEMBER_FAILED.format(error=err)
            self.notify(message, severity="error", timeout=10)
            return False
        finally:
            self.after_report_dialog()
        return True

    async def _signed(self, reporting: ReportingService) -> ReportDetails | None:
        """The signing dialog until the user exports (blanks accepted) or closes it."""
        form = self.attempt(reporting.form)
        if form is None:
            return None
        while True:
            signer = self.attempt(reporting.derived_signer)
            position = signer[1] if signer is not None else ""
            dialog = SigningDialog(form, unit_warning(reporting), position)
            answer = await self.app.push_screen_wait(dialog)
            if answer is None:
                return None
            form = answer.details
            remembered = self._remember(reporting, form)
            if answer.action == "close":
                return None
            if answer.action == "unit":
                await self._edit_unit(reporting)
                if remembered:  # what was only proposed follows the unit's new details
                    form = self.attempt(reporting.form) or form
                continue
            blanks = self.attempt(partial(reporting.blanks, form))
            if blanks is None:
                return None
            if not blanks or await self.app.push_screen_wait(
                ConfirmDialog(report_ui_text.blanks_confirm(blanks))
            ):
                return form

    async def _edit_unit(self, reporting: ReportingService) -> None:
        unit = self.attempt(reporting.unit)
        fields = self.attempt(reporting.unit_fields)
        if unit is None or fields is None:
            return
        dialog = UnitDialog(unit.name, fields, unit_warning(reporting, here=True))
        typed = await self.app.push_screen_wait(dialog)
        if typed is not None and self.attempt(lambda: reporting.save_unit(typed)) is not None:
            self.notify(report_ui_text.UNIT_SAVED.format(unit=unit.name))

    @work(exclusive=True, group="report-dialog")
    async def action_export_report(self) -> None:
        """Signing details, the blanks, then format and file; written in a thread."""
        self.before_report_dialog()
        reporting = ReportingService(self.service)
        details = await self._signed(reporting)
        if details is None:
            return
        asked = await self.ask_export(
            report_formats(),
            lambda r: reporting.target(r.fmt, r.path),
            export_ui_text.REPORT_EXPORT_TITLE,
        )
        if asked is not None:
            self.notify(export_ui_text.EXPORT_RUNNING, timeout=3)
            self.run_report_export(reporting, details, *asked)

    @work(exclusive=True, group="report-dialog")
    async def action_unit_details(self) -> None:
        """The unit's details, on their own."""
        await self._edit_unit(ReportingService(self.service))

    @work(thread=True, exclusive=True, group="export")
    def run_report_export(
        self,
        reporting: ReportingService,
        details: ReportDetails,
        request: ExportRequest,
        overwrite: bool,
    ) -> None:
        """Write the report off the event loop; say which blanks remain in it."""
        left: list[str] = []

        def write() -> Path:
            path, blanks = reporting.export(request.fmt, request.path, details, overwrite=overwrite)
            left.extend(blanks)
            return path

        path = self.write_off_loop(write)
        if path is None:
            return
        done = (
            report_ui_text.exported_with_blanks(str(path), left)
            if left
            else export_ui_text.EXPORT_DONE.format(path=path)
        )
        self.app.call_from_thread(self.notify, done, timeout=15)
