"""The session list's index (``index.json``): one summary row per session, a cache the
store refreshes after each write and rebuilds, row by row, when a session file is newer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.table import Table

from facilitator.storage.ids import check_session_id
from facilitator.storage.lock import FileLock
from facilitator.storage.session_files import open_db
from facilitator.storage.summary import index_row
from facilitator.strings import store as store_text

if TYPE_CHECKING:
    from facilitator.domain.models import Session


class SessionIndex:
    """Index methods of :class:`facilitator.storage.store.Store` (its ``root`` folder)."""

    root: Path

    @contextmanager
    def _index(self) -> Iterator[Table]:
        # Two windows on two sessions both update the index: serialise read-modify-write.
        with FileLock(self.root / ".index.lock", store_text.ROSTERS_WHAT).acquire_blocking():
            db = open_db(self.root / "index.json")
            try:
                yield db.table("sessions")
            finally:
                db.close()

    def _summary_row(self, session: Session) -> dict[str, Any]:
        return index_row(session, self._mtime_ns(session.id))

    def _mtime_ns(self, session_id: str) -> int:
        try:
            return (self.root / check_session_id(session_id) / "session.json").stat().st_mtime_ns
        except OSError:
            return 0

    def update_summary(self, session: Session) -> None:
        """Refresh the session's row in the index.

        The index is only a cache: a row whose ``mtime_ns`` no longer matches the session
        file is recomputed by :meth:`list_sessions`, so a crash or a failed index write
        between the two files can never leave a wrong count on the list for long.
        """
        self.update_summaries([session])

    def update_summaries(self, sessions: Sequence[Session]) -> None:
        """Refresh the rows of many sessions in one index write (an import's batch)."""
        self._put_rows([self._summary_row(session) for session in sessions])

    def _put_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        with self._index() as table:
            replace_rows(table, rows)


def replace_rows(table: Table, rows: Sequence[dict[str, Any]], drop: Iterable[str] = ()) -> None:
    """Put ``rows`` in place of the rows of the same ids (and of ``drop``): at most two
    writes of the index whatever the number of rows, where an ``upsert`` per row reads
    and rewrites the whole file for each (an import of 1,000 bundles was quadratic)."""
    gone = {row["id"] for row in rows} | set(drop)
    old = [doc.doc_id for doc in table.all() if doc.get("id") in gone]
    if old:
        table.remove(doc_ids=old)
    if rows:
        table.insert_multiple(rows)
