"""Session ids as folder names: the pattern, and the names no folder may take."""

from __future__ import annotations

import re

from facilitator.domain.errors import NotFoundError
from facilitator.domain.vocab import SESSION_ID_PATTERN
from facilitator.strings import store as store_text

SESSION_ID_RE = re.compile(SESSION_ID_PATTERN)


def check_session_id(session_id: str) -> str:
    """Refuse ids that could escape the data folder, clash with store files, or name a
    Windows device (``con``, ``nul``, ``com1``…: no such folder can exist there)."""
    from facilitator.storage.names import is_windows_reserved

    if not SESSION_ID_RE.fullmatch(session_id):
        raise NotFoundError(store_text.BAD_SESSION_ID.format(id=session_id))
    if is_windows_reserved(session_id):
        raise NotFoundError(store_text.reserved_session_id(session_id))
    return session_id
