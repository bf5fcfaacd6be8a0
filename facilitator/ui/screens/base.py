"""Shared behaviour of the screens that work on one open session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.models import Session
from facilitator.services.session import SessionService
from facilitator.strings import export_ui as xt
from facilitator.strings import ui as text
from facilitator.ui.plain import PlainScreen
from facilitator.ui.screens.dialogs import ConfirmDialog
from facilitator.ui.screens.export_dialog import ExportDialog, ExportRequest

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

T = TypeVar("T")


def export_file(session: Session, request: ExportRequest) -> Path:
    """The file an export will write: the path given, or a safe name inside a folder."""
    if not request.path.is_dir():
        return request.path
    if request.fmt == "bundle":
        return request.path / f"{session.id}.json"
    from facilitator.export.minutes_model import build_minutes
    from facilitator.export.registry import SCRIPT_WRITERS, safe_output_path

    if request.fmt in SCRIPT_WRITERS:
        from facilitator.export.script_model import build_script

        ext = SCRIPT_WRITERS[request.fmt][1]
        return safe_output_path(request.path, build_script(session).file_stem, ext)

    return safe_output_path(request.path, build_minutes(session).file_stem, request.fmt)


def write_export(session: Session, request: ExportRequest, overwrite: bool) -> Path:
    """Minutes through the exporters, or the session bundle (imported lazily)."""
    if request.fmt == "bundle":
        from facilitator.bundle.io import write_bundle

        return write_bundle(session, request.path, overwrite=overwrite)
    from facilitator.export import export_minutes, export_script
    from facilitator.export.registry import SCRIPT_WRITERS

    if request.fmt in SCRIPT_WRITERS:  # the presenter's script (kịch bản điều hành)
        return export_script(session, request.fmt, request.path, overwrite=overwrite)
    return export_minutes(session, request.fmt, request.path, overwrite=overwrite)


class SessionScreen(PlainScreen):
    """A screen bound to the open session's service."""

    SCOPE = ""

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service

    @property
    def facilitator(self) -> FacilitatorApp:
        """The app, typed."""
        from facilitator.ui.app import FacilitatorApp

        assert isinstance(self.app, FacilitatorApp)
        return self.app

    def writable(self) -> bool:
        """False (and say why, in Vietnamese) when the session is closed."""
        if self.service.read_only:
            self.notify(text.READ_ONLY, severity="warning", timeout=6)
            return False
        return True

    def attempt(self, change: Callable[[], T]) -> T | None:
        """Run a service call; a user-facing error becomes a notification, not a crash."""
        try:
            return change()
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=8)
            return None

    def refresh_session_view(self) -> None:
        """Redraw after a shared action (roles, export) changed the session."""

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
            self.refresh_session_view()

    # -- export (F9), shared by the run and read-back screens ---------------------------
    @work(exclusive=True, group="export-dialog")
    async def action_export(self) -> None:
        """Ask format and file, confirm before overwriting, then export in a thread."""
        request = await self.app.push_screen_wait(
            ExportDialog(self.facilitator.export_dir, self.service.session.id)
        )
        if request is None:
            return
        folder = request.path if request.path.suffix == "" else request.path.parent
        if not folder.exists():
            # A folder typed that is not there yet is created only when the user says so.
            if not await self.app.push_screen_wait(
                ConfirmDialog(xt.EXPORT_CREATE_FOLDER.format(folder=folder))
            ):
                return
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                self.notify(xt.EXPORT_FAILED.format(error=err), severity="error", timeout=10)
                return
        # Ask about the file that will really be written (a folder gets a file inside it).
        request = replace(request, path=export_file(self.service.session, request))
        overwrite = False
        if request.path.exists():
            message = xt.EXPORT_EXISTS.format(path=request.path)
            if not await self.app.push_screen_wait(ConfirmDialog(message)):
                return
            overwrite = True
        self.notify(xt.EXPORT_RUNNING, timeout=3)
        self.run_export(request, overwrite)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, request: ExportRequest, overwrite: bool) -> None:
        """Write the export from an immutable snapshot, off the event loop."""
        session = self.service.session
        try:
            path = write_export(session, request, overwrite)
        except ImportError:
            self.app.call_from_thread(self.notify, xt.EXPORT_UNAVAILABLE, severity="error")
            return
        except (FacilitatorError, OSError) as err:
            message = xt.EXPORT_FAILED.format(error=err)
            self.app.call_from_thread(self.notify, message, severity="error", timeout=10)
            return
        self.app.call_from_thread(self.facilitator.remember_export_folder, path.parent)
        self.app.call_from_thread(self.notify, xt.EXPORT_DONE.format(path=path), timeout=10)
