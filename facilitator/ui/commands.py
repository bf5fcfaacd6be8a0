"""The one command table: it feeds each screen's bindings, the footer, the palette and F1 help.

Keeping every key in a single table means the footer, the command palette and the help
screen can never disagree about what a key does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.keys import format_key
from textual.widget import Widget

from facilitator.domain.vocab import AttendanceStatus as Status
from facilitator.strings import report_ui as report_ui_text
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import markup_escape

# The result report's commands are worded beside its dialogs (strings.report_ui); strings.ui
# is being split, so they join the one wording table here, before any command reads it.
ui_text.COMMANDS |= report_ui_text.COMMANDS

SCOPES = ("app", "home", "prepare", "attendance", "run", "readback", "report", "rehearsal",
          "campaign")  # fmt: skip


@dataclass(frozen=True)
class CommandSpec:
    """One user command.

    ``scope`` is the screen whose bindings hold it ("app" = every screen); ``priority``
    bindings work even while a text box has the focus; ``palette`` is false only for
    commands that make no sense from the palette (opening the palette itself).
    """

    id: str
    key: str
    action: str
    scope: str = "app"
    footer: bool = False
    priority: bool = False
    palette: bool = True
    alt: str = ""
    """A ctrl key doing the same as an F-key: many laptops need Fn for F-keys."""

    @property
    def title(self) -> str:
        """Vietnamese title (footer, palette, help)."""
        return ui_text.COMMANDS[self.id][0]

    @property
    def footer_title(self) -> str:
        """A shorter label where the full title would crowd an 80-column footer."""
        return ui_text.FOOTER_SHORT.get(self.id, self.title)

    @property
    def help(self) -> str:
        """Vietnamese one-line help (palette, help)."""
        return ui_text.COMMANDS[self.id][1]

    @property
    def key_display(self) -> str:
        """The first key and its ctrl twin, as people read them ("F5 / ctrl+s", "Esc")."""
        first = key_label(self.key.split(",")[0]) if self.key else ""
        return f"{first} / {key_label(self.alt)}" if self.alt else first

    @property
    def footer_keys(self) -> str | None:
        """What the footer shows for the key: both, compactly ("F5 ^s"), when there are two."""
        if not self.alt:
            return None
        first = key_label(self.key.split(",")[0])
        return f"{first} {self.alt.replace('ctrl+', '^')}"

    @property
    def keys(self) -> str:
        """Every key of the binding."""
        return f"{self.key},{self.alt}" if self.alt else self.key


_KEY_WORDS = {"escape": "Esc", "enter": "Enter", "space": "Dấu cách", "delete": "Delete"}


def key_label(key: str) -> str:
    """A key as people read it: "ctrl+up" -> "ctrl+↑", "plus" -> "+", "f5" -> "F5"."""
    *modifiers, name = key.split("+")
    if name in _KEY_WORDS:
        shown = _KEY_WORDS[name]
    elif len(name) > 1 and name[0] == "f" and name[1:].isdigit():
        shown = name.upper()
    else:
        shown = format_key(name)
    return "+".join([*modifiers, shown])


def _mark(status: Status) -> str:
    """The attendance screen's action for one mark (the stored value, from the enum)."""
    return f"mark({str(status)!r})"


def _c(id_: str, key: str, action: str, alt: str = "", **kw: bool) -> CommandSpec:
    return CommandSpec(id_, key, action, scope=id_.split(".")[0], alt=alt, **kw)


COMMANDS: tuple[CommandSpec, ...] = (
    _c("app.help", "f1", "app.show_help", alt="ctrl+k", footer=True, priority=True),
    _c("app.palette", "ctrl+p", "app.command_palette", palette=False),
    _c("app.quit", "ctrl+q", "app.quit", priority=True),
    _c("home.open", "enter", "open_session", footer=True, priority=True),
    _c("home.new", "n", "new_session", footer=True),
    _c("home.refresh", "f5", "refresh", alt="ctrl+r", footer=True),
    _c("home.all", "a", "show_all"),
    _c("home.report", "d", "report"),
    _c("home.campaign", "c", "campaigns"),
    _c("home.rehearse", "t", "rehearse", footer=True),
    _c("prepare.save", "ctrl+s", "save", footer=True, priority=True),
    _c("prepare.up", "ctrl+up", "move_item(-1)"),
    _c("prepare.down", "ctrl+down", "move_item(1)"),
    _c("prepare.skip", "space", "toggle_skip"),
    _c("prepare.more", "plus,equals_sign", "change_minutes(1)"),
    _c("prepare.less", "minus", "change_minutes(-1)"),
    _c("prepare.back", "escape", "back", footer=True),
    _c("prepare.roster", "ctrl+r", "import_roster", footer=True),
    _c("prepare.draft", "ctrl+o", "draft_pack", footer=True),
    _c("attendance.present", "1", _mark(Status.PRESENT), footer=True, priority=True),
    _c("attendance.late", "2", _mark(Status.LATE), footer=True, priority=True),
    _c("attendance.excused", "3", "mark_excused", footer=True, priority=True),
    _c("attendance.absent", "4", _mark(Status.ABSENT), footer=True, priority=True),
    _c("attendance.exempt", "5", _mark(Status.EXEMPT), priority=True),
    _c("attendance.clear", "0", "clear_mark", priority=True),
    _c("attendance.guest", "ctrl+g", "add_guest", footer=True, priority=True),
    _c("attendance.left", "6", "mark_left", footer=True, priority=True),
    _c("attendance.up", "up", "cursor(-1)", palette=False),
    _c("attendance.down", "down", "cursor(1)", palette=False),
    _c("attendance.filter", "ctrl+f", "focus_filter"),
    _c("attendance.back", "escape,f2", "back", footer=True),
    _c("run.prev", "ctrl+left", "prev_item", footer=True, priority=True),
    _c("run.next", "ctrl+right", "next_item", footer=True, priority=True),
    _c("run.jump", "ctrl+g", "jump"),
    _c("run.attendance", "f2", "attendance", alt="ctrl+d", footer=True, priority=True),
    _c("run.note", "f3", "focus_note", alt="ctrl+e", footer=True, priority=True),
    _c("run.kind", "f4", "cycle_kind", alt="ctrl+t", priority=True),
    _c("run.start", "f5", "start", alt="ctrl+s", priority=True),
    _c("run.vote", "f6", "vote", alt="ctrl+u", footer=True, priority=True),
    _c("run.item_conclusion", "f7", "item_conclusion", alt="ctrl+w", priority=True),
    _c("run.conclusion", "f8", "conclusion", alt="ctrl+a", priority=True),
    _c("run.readback", "ctrl+b", "readback"),
    _c("run.report", "ctrl+n", "report"),
    _c("run.export", "f9", "export", alt="ctrl+x", priority=True),
    _c("run.agenda", "ctrl+l", "focus_agenda"),
    _c("run.skip", "space", "toggle_skip"),
    _c("run.more", "plus,equals_sign", "change_minutes(1)"),
    _c("run.less", "minus", "change_minutes(-1)"),
    _c("run.notes", "ctrl+j", "focus_notes"),
    _c("run.edit_note", "e", "edit_note"),
    _c("run.delete_note", "delete", "delete_note"),
    _c("run.queue", "ctrl+y", "queue_speaker"),
    _c("run.reopen", "ctrl+r", "reopen"),
    _c("run.leave", "ctrl+o", "leave"),
    _c("run.times", "ctrl+f", "edit_times", footer=True, priority=True),
    _c("run.afterwards", "", "type_up_afterwards"),
    _c("run.roles", "", "edit_roles"),
    _c("run.delete_vote", "", "delete_vote"),
    _c("readback.approve", "ctrl+t", "approve", footer=True),
    _c("readback.export", "f9", "export", alt="ctrl+x", footer=True),
    _c("readback.report", "ctrl+n", "report", footer=True),
    _c("readback.back", "escape", "back", footer=True),
    _c("readback.times", "ctrl+f", "edit_times", footer=True),
    _c("readback.roles", "r", "edit_roles"),
    _c("attendance.roles", "", "edit_roles"),
    _c("report.submitted", "space", "toggle_submitted", footer=True),
    _c("report.grade", "g", "cycle_grade", footer=True),
    _c("report.people", "ctrl+j", "focus_people"),
    _c("report.narrative", "ctrl+l", "focus_narrative"),
    _c("report.save", "ctrl+s", "save", priority=True),
    _c("report.back", "escape", "back", footer=True, priority=True),
    _c("report.sign", "f9", "export_report", alt="ctrl+r"),
    _c("report.unit", "ctrl+t", "unit_details"),
    _c("rehearsal.toggle", "f5", "toggle_clock", alt="ctrl+s", footer=True, priority=True),
    _c("rehearsal.prev", "ctrl+left", "step(-1)", footer=True, priority=True),
    _c("rehearsal.next", "ctrl+right", "step(1)", footer=True, priority=True),
    _c("rehearsal.write", "f7", "write_budgets", alt="ctrl+w", footer=True, priority=True),
    _c("rehearsal.back", "escape", "leave", alt="ctrl+o", footer=True),
    _c("campaign.missing", "m", "missing", footer=True),
    _c("campaign.late", "l", "late", footer=True),
    _c("campaign.all", "a", "all", footer=True),
    _c("campaign.next", "n", "next", footer=True),
    _c("campaign.refresh", "f5", "refresh", alt="ctrl+r"),
    _c("campaign.back", "escape", "back", footer=True),
)


# Neighbouring keys shown once in the footer ("^← ^→ Mục"): the 80-column footer keeps F1.
_ITEM_GROUP = Binding.Group(ui_text.FOOTER_ITEMS, compact=True)
_GROUPS = {
    "run.prev": _ITEM_GROUP,
    "run.next": _ITEM_GROUP,
    "rehearsal.prev": _ITEM_GROUP,
    "rehearsal.next": _ITEM_GROUP,
}


def commands_for(scope: str) -> tuple[CommandSpec, ...]:
    """The commands of one scope, in table order."""
    return tuple(c for c in COMMANDS if c.scope == scope)


TEXT_EDITING_KEYS = frozenset(
    {"ctrl+a", "ctrl+c", "ctrl+d", "ctrl+e", "ctrl+k", "ctrl+u", "ctrl+v", "ctrl+w", "ctrl+x"}
    | {"ctrl+y", "ctrl+z"}
)
"""Keys that Textual's Input and TextArea use to edit text (home, end, delete a word...)."""


def bindings_for(scope: str) -> list[BindingType]:
    """Textual bindings generated from the table (the footer shows ``footer`` ones).

    A ctrl twin that is also a text-editing key never takes priority: in a text box
    ctrl+u must clear the line, not open the vote dialog (whose Enter then saved a vote
    named after the speaker). It works everywhere else; the F-key works everywhere.
    """
    bindings: list[BindingType] = []
    if scope != "app":
        # F1 first in every footer (a narrow one cuts from the right); the app's own binding
        # comes last in Textual's chain, so each screen repeats it at its head.
        (help_,) = (c for c in COMMANDS if c.id == "app.help")
        bindings.append(
            Binding(
                help_.key,
                help_.action,
                help_.footer_title,
                key_display=help_.footer_keys,
                priority=True,
                tooltip=help_.help,
            )
        )
    for c in commands_for(scope):
        if not c.key:  # palette-only commands have no key
            continue
        shared = c.priority and c.alt in TEXT_EDITING_KEYS
        bindings.append(
            Binding(
                c.key if shared else c.keys,
                c.action,
                c.footer_title,
                show=c.footer,
                key_display=c.footer_keys,
                group=_GROUPS.get(c.id),
                priority=c.priority,
                id=c.id,
                tooltip=c.help,
            )
        )
        if shared:
            bindings.append(Binding(c.alt, c.action, c.footer_title, show=False))
    return bindings


def system_commands(scope: str, target: Widget | App[Any]) -> Iterator[SystemCommand]:
    """Palette entries for a scope; selecting one runs the action on ``target``."""
    for spec in commands_for(scope):
        if spec.palette:
            callback: Callable[[], object] = partial(target.run_action, spec.action)
            # The palette reads help as markup: "[f1]" would vanish as an unknown style.
            keys = f" [{spec.key_display}]" if spec.key_display else ""  # palette-only: none
            help_ = markup_escape(f"{spec.help}{keys}")
            yield SystemCommand(spec.title, help_, callback)


def help_rows() -> list[tuple[str, str, str, str]]:
    """(section, key, title, help) for every command, grouped by scope."""
    return [
        (ui_text.SCOPE_TITLES[c.scope], c.key_display, c.title, c.help)
        for scope in SCOPES
        for c in commands_for(scope)
    ]
