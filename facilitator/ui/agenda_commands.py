"""Command palette entries for the agenda: every item can be reached from ctrl+p.

Matching is accent-insensitive ("goc vung" finds "Gốc vững") and item titles are shown
literally (they come from content packs, never from our own markup).
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from facilitator.domain.models import AgendaItem, Session
from facilitator.domain.vietnamese import fold
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import markup_escape, plain


class AgendaHost(Protocol):
    """The screen the palette was opened from (the run screen)."""

    @property
    def agenda_session(self) -> Session:
        """The session whose agenda is listed."""
        ...

    def jump_to(self, item_id: str) -> None:
        """Make ``item_id`` the current item."""
        ...


def item_label(number: int, item: AgendaItem) -> str:
    """ "3. Điểm danh, báo cáo số lượng"."""
    return f"{number}. {item.title}"


def item_help(session: Session, number: int, item: AgendaItem) -> str:
    """Position, budget, and whether the item is skipped or under way."""
    if session.progress.current == item.id:
        template = ui_text.JUMP_HELP_CURRENT
    elif item.skipped:
        template = ui_text.JUMP_HELP_SKIPPED
    else:
        template = ui_text.JUMP_HELP
    return template.format(number=number, minutes=item.minutes)


def _folded_chars(label: str) -> str:
    """``fold`` one character at a time, so offsets still point into ``label``."""
    return "".join((fold(ch) or " ")[:1] for ch in label)


class AgendaItemsProvider(Provider):
    """One palette entry per agenda item; choosing it goes to that item."""

    def _host(self) -> AgendaHost | None:
        screen = self.screen
        return screen if hasattr(screen, "jump_to") else None  # type: ignore[return-value]

    def _entries(self) -> list[tuple[str, str, AgendaItem]]:
        host = self._host()
        if host is None:
            return []
        session = host.agenda_session
        return [
            (item_label(n, item), item_help(session, n, item), item)
            for n, item in enumerate(session.agenda, 1)
        ]

    def _go(self, item_id: str) -> None:
        host = self._host()
        if host is not None:
            host.jump_to(item_id)

    async def discover(self) -> Hits:
        """Every item, in agenda order, before anything is typed."""
        for label, help_, item in self._entries():
            yield DiscoveryHit(
                plain(label), partial(self._go, item.id), text=label, help=markup_escape(help_)
            )

    async def search(self, query: str) -> Hits:
        """Items whose title fuzzily matches ``query``, accents ignored."""
        matcher = self.matcher(fold(query))
        for label, help_, item in self._entries():
            folded = _folded_chars(label)
            score, offsets = matcher.fuzzy_search.match(matcher.query, folded)
            if score <= 0:
                continue
            shown: Content = plain(label)
            if len(shown.plain) == len(label):  # no control character was dropped
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
            yield Hit(
                score,
                shown,
                partial(self._go, item.id),
                text=label,
                help=markup_escape(help_),
            )
