"""Keys and palette entries of the time commands (correct the times, type up afterwards,
left early), kept beside the main command table so they reach the footer and ctrl+p.

They follow ``facilitator.ui.commands`` exactly (same Binding fields, same palette help
with the key in brackets); only their wording lives in ``facilitator.strings.timing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from facilitator.domain.vietnamese import fold
from facilitator.strings import timing as t
from facilitator.ui.plain import markup_escape, plain


@dataclass(frozen=True)
class TimingCommand:
    """One time command; ``key`` is empty for a palette-only command."""

    id: str
    key: str
    action: str
    footer: bool = False
    priority: bool = False

    @property
    def scope(self) -> str:
        """The screen scope ("run", "readback", "attendance")."""
        return self.id.split(".")[0]

    @property
    def title(self) -> str:
        """Full Vietnamese title (palette)."""
        return t.COMMANDS[self.id][0]

    @property
    def help(self) -> str:
        """One-line Vietnamese help, with the key when there is one."""
        help_ = t.COMMANDS[self.id][2]
        return f"{help_} [{self.key}]" if self.key else help_


TIMING_COMMANDS: tuple[TimingCommand, ...] = (
    TimingCommand("run.times", "ctrl+f", "edit_times", footer=True, priority=True),
    TimingCommand("run.afterwards", "", "type_up_afterwards"),
    TimingCommand("readback.times", "ctrl+f", "edit_times", footer=True),
    TimingCommand("attendance.left", "6", "mark_left", footer=True, priority=True),
)


def timing_bindings(scope: str) -> list[Binding]:
    """Bindings of one scope's time commands (the footer shows its short label)."""
    return [
        Binding(
            c.key,
            c.action,
            t.COMMANDS[c.id][1],
            show=c.footer,
            priority=c.priority,
            id=c.id,
            tooltip=t.COMMANDS[c.id][2],
        )
        for c in TIMING_COMMANDS
        if c.scope == scope and c.key
    ]


class TimingCommandsProvider(Provider):
    """The active screen's time commands in the command palette (accents ignored)."""

    def _commands(self) -> list[TimingCommand]:
        scope = getattr(self.screen, "SCOPE", "")
        return [c for c in TIMING_COMMANDS if c.scope == scope]

    async def discover(self) -> Hits:
        """Every time command of the screen, before anything is typed."""
        for command in self._commands():
            yield DiscoveryHit(
                plain(command.title),
                partial(self.screen.run_action, command.action),
                text=command.title,
                help=markup_escape(command.help),
            )

    async def search(self, query: str) -> Hits:
        """Commands whose title matches ``query`` ("sua gio" finds "Sửa giờ họp")."""
        matcher = self.matcher(fold(query))
        for command in self._commands():
            score = matcher.match(fold(command.title))
            if score > 0:
                yield Hit(
                    score,
                    plain(command.title),
                    partial(self.screen.run_action, command.action),
                    text=command.title,
                    help=markup_escape(command.help),
                )
