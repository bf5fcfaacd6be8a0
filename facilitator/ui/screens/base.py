"""Shared behaviour of the screens that work on one open session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, assert_never

from textual import events, on, work

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.models import Session
from facilitator.export.formats import EXPORT_DOCUMENTS, Document, ExportFormat, offered
from facilitator.services.session import SessionService
from facilitator.strings import export_ui as export_ui_text
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import PlainScreen
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.export_dialog import ExportDialog, ExportRequest

if TYPE_CHECKING:
    pass

T = TypeVar("T")


def session_formats() -> tuple[ExportFormat, ...]:
    """What F9 offers for one session: minutes, bundle, script (PDF with LibreOffice)."""
    from facilitator.export.pdf import find_soffice

    return offered(*EXPORT_DOCUMENTS, converter=find_soffice() is not None)


def export_file(session: Session, request: ExportRequest) -> Path:
    """The file an export will write: the path given, or a safe name inside a folder."""
    if not request.path.is_dir():
        return request.path
    from facilitator.export.registry import safe_output_path

    fmt = request.fmt
    match fmt.document:
        case Document.BUNDLE:
            return request.path / f"{session.id}.json"
        case Document.SCRIPT:
            from facilitator.export.script_model import build_script

            return safe_output_path(request.path, build_script(session).file_stem, fmt.ext)
        case Document.MINUTES:
            from facilitator.export.minutes_model import build_minutes

            return safe_output_path(request.path, build_minutes(session).file_stem, fmt.ext)
        case Document.REPORT | Document.REPORT_BUNDLE:
            raise ValueError(fmt.id)  # the report goes through services.reporting
        case _ as unreachable:
            assert_never(unreachable)


def write_export(session: Session, request: ExportRequest, overwrite: bool) -> Path:
    """Minutes or script through the exporters, or the session bundle (imported lazily)."""
    fmt = request.fmt
    match fmt.document:
        case Document.BUNDLE:
            from facilitator.bundle.io import write_bundle

            return write_bundle(session, request.path, overwrite=overwrite)
        case Document.SCRIPT:  # the presenter's script (kịch bản điều hành)
            from facilitator.export import export_script

            return export_script(session, fmt.option, request.path, overwrite=overwrite)
        case Document.MINUTES:
            from facilitator.export import export_minutes

            return export_minutes(session, fmt.option, request.path, overwrite=overwrite)
        case Document.REPORT | Document.REPORT_BUNDLE:
            raise ValueError(fmt.id)  # the report goes through services.reporting
        case _ as unreachable:
            assert_never(unreachable)


class SessionScreen(PlainScreen):
    """A screen bound to the open session's service.

    It follows the service: every saved change reaches :meth:`session_saved`, so actions
    change the session and never redraw by hand. A screen under another one (the run
    screen under attendance) only notes that it missed a change and redraws once, when it
    is shown again: a mark must not redraw screens nobody sees.
    """

    SCOPE = ""

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self._unfollow: Callable[[], None] | None = None
        self._missed = False

    @on(events.Mount)
    def _follow_session(self) -> None:
        self._unfollow = self.service.subscribe(self._saved)

    @on(events.Unmount)
    def _stop_following(self) -> None:
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    @on(events.ScreenResume)
    def _catch_up(self) -> None:
        if self._missed:
            self._missed = False
            self.session_saved(self.service.session)

    def _saved(self, session: Session) -> None:
        if self.app.screen is self:  # not is_current: that counts screens seen through
            self.session_saved(session)
        else:
            self._missed = True

    def session_saved(self, session: Session) -> None:
        """Redraw what shows the session; each screen draws its own part."""

    def keep_typing(self) -> None:
        """Save what is typed but not yet saved (the app calls it when it closes)."""

    def writable(self) -> bool:
        """False (and say why, in Vietnamese) when the session is closed."""
        if self.service.read_only:
            self.notify(ui_text.READ_ONLY, severity="warning", timeout=6)
            return False
        return True

    def attempt(self, change: Callable[[], T]) -> T | None:
        """Run a service call; a user-facing error becomes a notification, not a crash."""
        try:
            return change()
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=8)
            return None

    # -- roles, shared by every session screen -------------------------------------------
    @work(exclusive=True, group="roles-dialog")
    async def action_edit_roles(self) -> None:
        """Change chair, secretary and presenters (an outside presenter by name)."""
        from facilitator.strings import roles as roles_text
        from facilitator.ui.screens.roles_dialog import RolesDialog

        if not self.writable():
            return
        choice = await self.app.push_screen_wait(RolesDialog(self.service.session))
        if choice is None:
            return
        presenters = list(choice.presenters)
        if choice.outside_name:
            guest = self.attempt(
                lambda: self.service.add_person(
                    choice.outside_name, "khach", choice.outside_position
                )
            )
            if guest is None:
                return
            presenters.append(guest.id)
        before = self.service.session.person(self.service.session.roles.chair)
        roles = (choice.chair, choice.secretary, tuple(dict.fromkeys(presenters)))
        if self.attempt(lambda: self.service.set_roles(*roles)) is not None:
            after = self.service.session.person(choice.chair)
            if before is not None and after is not None and before.id != after.id:
                # Who chairs is named in the minutes: say the change, not just "saved".
                self.notify(roles_text.CHANGED_CHAIR.format(old=before.name, new=after.name))
            else:
                self.notify(roles_text.SAVED)

    # -- export (F9), shared by the run and read-back screens ---------------------------
    @work(exclusive=True, group="export-dialog")
    async def action_export(self) -> None:
        """Ask format and file, confirm before overwriting, then export in a thread."""
        session = self.service.session
        asked = await self.ask_export(session_formats(), lambda r: export_file(session, r))
        if asked is not None:
            self.notify(export_ui_text.EXPORT_RUNNING, timeout=3)
            self.run_export(*asked)

    async def ask_export(
        self,
        formats: Sequence[ExportFormat],
        file_of: Callable[[ExportRequest], Path],
        title: str = export_ui_text.EXPORT_TITLE,
    ) -> tuple[ExportRequest, bool] | None:
        """The export dialog, then the folder created and an existing file overwritten
        only when the user says so: (request for the file itself, overwrite) or None."""
        request = await self.app.push_screen_wait(
            ExportDialog(self.facilitator.export_dir, self.service.session.id, formats, title)
        )
        if request is None:
            return None
        folder = request.path if request.path.suffix == "" else request.path.parent
        if not folder.exists():
            # A folder typed that is not there yet is created only when the user says so.
            if not await self.app.push_screen_wait(
                ConfirmDialog(export_ui_text.EXPORT_CREATE_FOLDER.format(folder=folder))
            ):
                return None
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                self.notify(
                    export_ui_text.EXPORT_FAILED.format(error=err), severity="error", timeout=10
                )
                return None
        # Ask about the file that will really be written (a folder gets a file inside it).
        try:
            request = replace(request, path=file_of(request))
        except FacilitatorError as err:
            self.notify(
                export_ui_text.EXPORT_FAILED.format(error=err), severity="error", timeout=10
            )
            return None
        overwrite = False
        if request.path.exists():
            message = export_ui_text.EXPORT_EXISTS.format(path=request.path)
            if not await self.app.push_screen_wait(ConfirmDialog(message)):
                return None
            overwrite = True
        return request, overwrite

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, request: ExportRequest, overwrite: bool) -> None:
        """Write the export from an immutable snapshot, off the event loop."""
        session = self.service.session
        path = self.write_off_loop(lambda: write_export(session, request, overwrite))
        if path is not None:
            self.app.call_from_thread(
                self.notify, export_ui_text.EXPORT_DONE.format(path=path), timeout=10
            )

    def write_off_loop(self, write: Callable[[], Path]) -> Path | None:
        """Run ``write`` (in a thread worker): a failure is told, the folder remembered."""
        try:
            path = write()
        except ImportError:
            self.app.call_from_thread(
                self.notify, export_ui_text.EXPORT_UNAVAILABLE, severity="error"
            )
            return None
        except (FacilitatorError, OSError) as err:
            message = export_ui_text.EXPORT_FAILED.format(error=err)
            self.app.call_from_thread(self.notify, message, severity="error", timeout=10)
            return None
        self.app.call_from_thread(self.facilitator.remember_export_folder, path.parent)
        return path
