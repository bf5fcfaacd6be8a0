"""Keys reach the console one at a time, each after the last one's effects.

Textual hands every key to the focused widget as soon as it arrives, while what a key
does often happens later: a bound key (Tab, Enter, a digit that marks attendance)
bubbles up to the app before its action runs, a filter or a save follows a message, a
dialog is mounted a moment after the key that opened it. When keys arrive faster than
that (a fast typist on an old laptop busy saving, a burst through a remote terminal),
the next ones overtook: "giang1" marked the first person of the unfiltered list, a
Tab typed after a time put the place into the time box, two notes typed with Enter in
a burst were saved merged, twice. The gate lets a key through when nothing is waiting,
and holds the keys that come meanwhile until the app has settled: every message queue
of its screens empty and no ``call_after_refresh`` work left on the screen shown, or
:data:`SETTLE_LIMIT` at the most, so a busy app never stalls the keyboard.

Keys typed at a human pace find the gate open: they are handled at once, as before.
Inside one text box the order needs no waiting (:mod:`facilitator.ui.widgets.text_boxes`
runs a box's own editing keys inline, so it holds even past the gate's limit); the gate
is for what crosses widgets: focus moves, bindings of the screen, dialogs, filters.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App

SETTLE_LIMIT = 0.3
"""Seconds a held key waits at most for the app to settle."""


class KeyGate:
    """Admits one key at a time into ``app`` (see the module's docstring)."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._held: deque[events.Key] = deque()
        self._releasing: events.Key | None = None
        self._busy = False
        self._task: asyncio.Task[None] | None = None
        """The running release: kept, since the event loop holds tasks only weakly."""

    def admit(self, event: events.Key) -> bool:
        """True: handle ``event`` now; False: it is held and will come back in turn."""
        if event is self._releasing:
            self._releasing = None
            return True
        if self._busy:
            self._held.append(event)
            return False
        self._busy = True
        self._task = asyncio.get_running_loop().create_task(self._settle_then_release())
        return True

    async def _settle_then_release(self) -> None:
        while True:
            await settled(self._app)
            if not self._held:
                self._busy = False
                return
            self._releasing = self._held.popleft()
            self._app.post_message(self._releasing)


def _queues_empty(app: App[Any]) -> bool:
    if not app._message_queue.empty():
        return False
    for screen in app.screen_stack:
        if not screen._message_queue.empty():
            return False
        for widget in screen.walk_children(with_self=False):
            if not widget._message_queue.empty():
                return False
    return True


async def settled(app: App[Any], limit: float = SETTLE_LIMIT) -> None:
    """Return when ``app`` has handled what it was given (or after ``limit`` seconds)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    await asyncio.sleep(0)  # the key itself first
    while loop.time() < deadline:
        if not _queues_empty(app):
            await asyncio.sleep(0)  # let the queued work run
        elif app.screen._callbacks:
            # call_after_refresh work waits for the next refresh. Only the screen on top
            # refreshes: work left on one below it (a dismissed dialog's binding refresh)
            # runs when it is on top again, and held every key of a dialog 0.3 s.
            await asyncio.sleep(0.002)
        else:
            return
