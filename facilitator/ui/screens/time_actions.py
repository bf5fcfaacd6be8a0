"""The time actions shared by the run and read-back screens: F5 on another day, correcting
the meeting's times, and typing the minutes up afterwards.

Kept apart from the run screen so it does not grow; each screen redraws the changed
times from :meth:`SessionScreen.session_saved`, as for any other change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual import work

from facilitator.domain.timing import format_moment, is_other_day
from facilitator.strings import timing as timing_text
from facilitator.strings import ui as ui_text
from facilitator.ui.pacing import Pacing
from facilitator.ui.screens.base import SessionScreen
from facilitator.ui.screens.time_dialogs import MeetingTimes, StartDialog, TimesDialog


class TimedSessionScreen(SessionScreen):
    """A session screen on which the meeting's times can be set and corrected."""

    def shown_pacing(self, pacing: Pacing) -> Pacing:
        """Typed up afterwards, the laptop's clock predicts nothing: no expected end."""
        if self.service.session.typed_up_afterwards:
            return replace(pacing, expected_end=None, drift_minutes=0)
        return pacing

    def mode_label(self) -> str:
        """ " · nhập sau buổi họp" for the title bar, "" for a live meeting."""
        return (
            f" · {timing_text.AFTERWARDS_LABEL}" if self.service.session.typed_up_afterwards else ""
        )

    # -- F5 ----------------------------------------------------------------------------------
    def action_start(self) -> None:
        """Start the meeting: now on its planned day; on another day, ask first."""
        if not self.writable():
            return
        session = self.service.session
        if session.status != "planned":
            self.notify(ui_text.ALREADY_STARTED)
            return
        now = self.service.clock()
        if is_other_day(session, now):
            self._start_on_other_day(now)
            return
        # The planned day: stamped at once, so the start is the moment the key was pressed.
        if self.attempt(self.service.start) is not None:
            self.notify(ui_text.SESSION_STARTED)

    @work(exclusive=True, group="time-dialog")
    async def _start_on_other_day(self, now: datetime) -> None:
        planned = self.service.session.started_at
        choice = await self.app.push_screen_wait(StartDialog(planned, now))
        if choice is None:
            return
        if choice == "planned":
            started = self.attempt(lambda: self.service.start(planned, afterwards=True))
            message = timing_text.STARTED_AS_PLANNED.format(planned=format_moment(planned))
        else:
            started = self.attempt(self.service.start)
            message = ui_text.SESSION_STARTED
        if started is not None:
            self.notify(message)

    # -- correcting times ----------------------------------------------------------------------
    @work(exclusive=True, group="time-dialog")
    async def action_edit_times(self) -> None:
        """Correct the start and end of the meeting and of its items (before approval)."""
        if not self.writable():
            return
        times = await self.app.push_screen_wait(TimesDialog(self.service.session))
        if times is not None and self._save_times(times):
            self.notify(timing_text.TIMES_SAVED)

    def _save_times(self, times: MeetingTimes) -> bool:
        saved = self.attempt(
            lambda: self.service.set_times(times.started_at, times.ended_at, times.items)
        )
        return saved is not None

    @work(exclusive=True, group="time-dialog")
    async def action_type_up_afterwards(self) -> None:
        """Nhập biên bản sau buổi họp: enter the times; the clock stamps nothing any more."""
        if not self.writable():
            return
        session = self.service.session
        dialog = TimesDialog(session, title=timing_text.AFTERWARDS_TITLE)
        times = await self.app.push_screen_wait(dialog)
        if times is None:
            return
        if session.status == "planned":
            started = self.attempt(lambda: self.service.start(times.started_at, afterwards=True))
        else:
            started = self.attempt(self.service.set_afterwards)
        if started is not None and self._save_times(times):
            self.notify(timing_text.AFTERWARDS_ON)

    async def ask_end_time(self) -> bool:
        """The end is entered, not stamped, when the clock cannot tell it: a meeting typed
        up afterwards, or one approved on a later day than it began (stamped, the minutes
        said it ended when it was approved, days later). True when there is an end time."""
        session = self.service.session
        if session.ended_at is not None:
            return True
        if session.typed_up_afterwards:
            self.notify(timing_text.END_REQUIRED, severity="warning")
        elif is_other_day(session, self.service.clock()):
            began = format_moment(session.started_at)
            self.notify(timing_text.end_on_other_day(began), severity="warning", timeout=15)
        else:
            return True
        times = await self.app.push_screen_wait(TimesDialog(session, require_end=True))
        return times is not None and self._save_times(times)
