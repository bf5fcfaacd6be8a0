"""The presenter's console: a thin App that opens sessions and hands them to screens."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.command import CommandPalette, Provider
from textual.screen import Screen
from textual.theme import Theme

from facilitator.config.crashlog import write_crash_log
from facilitator.config.locations import console_export_dir
from facilitator.config.settings import Settings, save_settings
from facilitator.domain.errors import FacilitatorError
from facilitator.services.clock import Clock, local_now
from facilitator.services.workspace import Workspace
from facilitator.storage.store import Store
from facilitator.strings import ui as ui_text
from facilitator.strings.config import legacy_found
from facilitator.ui.commands import bindings_for, system_commands
from facilitator.ui.keygate import KeyGate
from facilitator.ui.palette import FoldingCommands, ThemeProvider, VietnamesePalette
from facilitator.ui.plain import PlainNotify
from facilitator.ui.screens.home import HomeScreen

# Only the home screen is needed for the first frame; the other screens (and the
# Markdown parser they pull in) load when first opened, keeping start-up near a bare app.
if TYPE_CHECKING:
    from facilitator.services.session import SessionService


class FacilitatorApp(PlainNotify, App[None]):
    """Holds the store, the clock and the one open session; no domain logic."""

    CSS_PATH = "app.tcss"  # run.tcss loads with the run screen
    # Screens get "-short" under 30 rows (an 80x24 laptop or projector): the run screen
    # then gives the notes the room the talking points had.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 (Textual types it so)
    TITLE = ui_text.APP_TITLE
    SUB_TITLE = ui_text.APP_SUBTITLE
    BINDINGS = bindings_for("app")
    # The system commands, searched without accents.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {FoldingCommands}

    def __init__(
        self,
        store: Store,
        *,
        content_dir: Path,
        extra_content_dirs: tuple[Path, ...] = (),
        clock: Clock = local_now,
        session_id: str | None = None,
        export_dir: Path | None = None,
        content_files: tuple[Path, ...] = (),
        settings: Settings | None = None,
        settings_path: Path | None = None,
        legacy_store: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.workspace = Workspace(store, clock)
        """What the screens work on (they never reach the store itself)."""
        self.content_dir = Path(content_dir)
        self.content_dirs = (self.content_dir, *extra_content_dirs)
        """Pack folders, in order: shipped packs, the user's packs, --content-dir."""
        self.settings = settings or Settings()
        self._settings_path = settings_path
        """Where a chosen theme is remembered; ``None`` (tests) remembers nothing."""
        self.legacy_store = legacy_store
        self.data_dir_label = str(store.root)
        self.crash_log: Path | None = None
        self.content_files = tuple(Path(p) for p in content_files)
        """Packs given by path (``--content FILE``), offered beside those of content_dir."""
        self.clock = clock
        self.export_dir = export_dir or self.settings.export_folder or console_export_dir()
        self._key_gate = KeyGate(self)
        """Keys in a burst are handled one after another's effects (ui/keygate.py)."""
        self.service: SessionService | None = None
        self._initial_session = session_id

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def on_mount(self) -> None:
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.legacy_store is not None:
            self.notify(
                legacy_found(self.legacy_store, self.store.root), severity="warning", timeout=30
            )
        if self._initial_session:
            self.open_session(self._initial_session)

    def _remember_theme(self, theme: Theme) -> None:
        """The theme chosen in the palette is the one the next start uses."""
        if self._settings_path is None or theme.name == self.settings.theme:
            return
        self.settings = replace(self.settings, theme=theme.name)
        try:
            save_settings(self.settings, self._settings_path)
        except FacilitatorError as err:
            self.notify(str(err), severity="warning")

    def remember_export_folder(self, folder: Path) -> None:
        """The export dialog opens where the last export went (this run and the next)."""
        self.export_dir = folder
        if self._settings_path is None or self.settings.export_folder == folder:
            return
        self.settings = replace(self.settings, export_folder=folder)
        try:
            save_settings(self.settings, self._settings_path)
        except FacilitatorError as err:
            self.notify(str(err), severity="warning")

    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an unhandled error: keep the details in a log file the user
        # can send (a traceback with locals may quote the roster), say so in Vietnamese.
        self.crash_log = write_crash_log(error)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crash_log is None:  # the log could not be written: show what Textual has
            super()._print_error_renderables()

    # -- sessions ---------------------------------------------------------------------------
    def open_session(self, session_id: str) -> bool:
        """Lock and open a stored session; a locked or unreadable one is reported."""
        try:
            service = self.workspace.open_session(session_id)
        except FacilitatorError as err:
            self.notify(str(err), severity="error", timeout=10)
            return False
        self.enter_session(service)
        return True

    def enter_session(self, service: SessionService, *, replace: bool = False) -> None:
        """Show the run screen; a session not yet started opens on attendance."""
        from facilitator.ui.drafts import DraftFile
        from facilitator.ui.screens.attendance import AttendanceScreen
        from facilitator.ui.screens.run import RunScreen

        self._close_service()
        self.service = service
        folder = self.workspace.session_dir(service.session.id)
        run = RunScreen(service, DraftFile(folder))
        if replace:
            self.switch_screen(run)
        else:
            self.push_screen(run)
        if service.session.status == "planned":
            self.push_screen(AttendanceScreen(service))

    def open_report(self, session_id: str) -> None:
        """Open a session (closed ones too) straight onto its assessment and reflections."""
        from facilitator.ui.screens.report import ReportScreen

        if self.open_session(session_id) and self.service is not None:
            self.push_screen(ReportScreen(self.service))

    def leave_session(self) -> None:
        """Back to the session list, releasing the session's lock."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if _scope(self.screen) == "run":
            self.pop_screen()
        self._close_service()
        self.notify(ui_text.SESSION_LEFT, timeout=3)

    def _close_service(self) -> None:
        if self.service is not None:
            self.service.close()
            self.service = None

    async def on_event(self, event: events.Event) -> None:
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and not self._key_gate.admit(event)
        ):
            return  # held: the gate sends it again once the keys before it took effect
        await super().on_event(event)

    def on_unmount(self) -> None:
        # No session screen was ever opened unless its module is loaded: quitting from
        # Home must not import the session screens (~25 ms) just to find none.
        base = sys.modules.get("facilitator.ui.screens.base")
        if base is not None:
            for screen in self.screen_stack:
                if isinstance(screen, base.SessionScreen):
                    screen.keep_typing()
        self._close_service()

    # -- Textual's own wording, in Vietnamese -------------------------------------------------
    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(VietnamesePalette(id="--command-palette"))

    def action_change_theme(self) -> None:
        self.push_screen(
            VietnamesePalette(providers=[ThemeProvider], placeholder=ui_text.THEME_SEARCH)
        )

    def action_help_quit(self) -> None:
        """ctrl+c no longer quits: say which key does, in plain Vietnamese."""
        self.notify(ui_text.QUIT_HINT, title=ui_text.QUIT_HINT_TITLE)

    async def action_quit(self) -> None:
        """Quit; a meeting that is running is only left after the user confirms."""
        service = self.service
        if service is not None and service.session.status == "running":
            from facilitator.ui.screens.dialogs import ConfirmDialog

            def answered(sure: bool | None) -> None:
                if sure:
                    self.exit()

            if not isinstance(self.screen, ConfirmDialog):
                draft = self._half_typed_note()
                message = ui_text.quit_running_with_draft(draft) if draft else ui_text.QUIT_RUNNING
                self.push_screen(ConfirmDialog(message), answered)
            return
        self.exit()

    def _half_typed_note(self) -> str:
        """The note text typed and not saved yet, if a run screen holds one."""
        for screen in self.screen_stack:
            current_draft = getattr(screen, "current_draft", None)  # the run screen's
            if current_draft is not None:
                text: str = current_draft().text.strip()
                if text:
                    return " ".join(text.split())
        return ""

    # -- commands ---------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own entries (Theme, Keys, Maximize, Screenshot…) are English: ours instead.
        yield SystemCommand(ui_text.SYS_THEME, ui_text.SYS_THEME_HELP, self.action_change_theme)
        if screen.maximized is not None:
            yield SystemCommand(
                ui_text.SYS_MINIMIZE, ui_text.SYS_MINIMIZE_HELP, screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                ui_text.SYS_MAXIMIZE, ui_text.SYS_MAXIMIZE_HELP, screen.action_maximize
            )
        yield SystemCommand(
            ui_text.SYS_SCREENSHOT,
            ui_text.SYS_SCREENSHOT_HELP,
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        yield from system_commands("app", self)
        scope = getattr(screen, "SCOPE", "")
        if scope:
            yield from system_commands(scope, screen)

    def action_show_help(self) -> None:
        """F1: the key list (F1 again closes it)."""
        from facilitator.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())


def _scope(screen: Screen[object]) -> str:
    """The command scope a screen declares ("run", "home"...), "" for modals."""
    return str(getattr(screen, "SCOPE", ""))
