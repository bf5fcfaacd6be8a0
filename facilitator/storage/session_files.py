"""One session's files: the session document and its notes in fixed-size chunks.

``session.json`` holds the whole session except its notes, as one TinyDB document;
notes live in ``notes-NNNN.json`` files of at most :data:`NOTES_PER_CHUNK` notes, so
saving a note rewrites one small file however long the meeting has run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from facilitator.domain.errors import CorruptStoreError, NotFoundError, Problem
from facilitator.storage.atomic import (
    DIR_MODE,
    AtomicJSONStorage,
    WriteThroughCache,
    read_json,
    remove_stale_temp_files,
)
from facilitator.storage.lock import FileLock
from facilitator.strings import store as store_text

if TYPE_CHECKING:
    from facilitator.domain.models import Note, Session

NOTES_PER_CHUNK = 100
SESSION_DOC = 1

SessionValidator = Callable[[dict[str, Any]], list[Problem]]


def open_db(path: Path, *, sync_dir: bool = True) -> TinyDB:
    # CachingMiddleware.__init__ is untyped in TinyDB.
    storage = WriteThroughCache(AtomicJSONStorage)  # type: ignore[no-untyped-call]
    return TinyDB(path, storage=storage, sync_dir=sync_dir)


def _put(table: Table, doc_id: int, data: dict[str, Any]) -> None:
    """Replace one document wholesale in a single write (``upsert`` would merge keys)."""
    if table.contains(doc_id=doc_id):

        def replace_all(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(data)

        table.update(replace_all, doc_ids=[doc_id])
    else:
        table.insert(Document(data, doc_id=doc_id))


LOCKS_DIR = ".locks"
"""Session locks live beside the session folders, not inside them: Windows refuses to
rename a folder holding an open file, and ``import --replace`` swaps folders by renames."""


def session_lock(root: Path, session_id: str) -> FileLock:
    """The lock that makes one process the writer of a session (taken before it exists)."""
    return FileLock(
        root / LOCKS_DIR / f"{session_id}.lock", store_text.SESSION_WHAT.format(id=session_id)
    )


class SessionRepo:
    """Read and write one session's files; holds the session's lock while open."""

    def __init__(
        self,
        folder: Path,
        session_id: str,
        validator: SessionValidator | None,
        lock: FileLock | None = None,
        *,
        staged: bool = False,
    ) -> None:
        self.folder = folder
        # A staging folder is synced once, whole, before it is renamed into place.
        self._sync_dir = not staged
        self.session_id = session_id
        self._validator = validator
        self._lock = lock or session_lock(folder.parent, session_id)
        self._db: TinyDB | None = None
        self._chunks: dict[int, TinyDB] = {}
        self._note_chunk: dict[str, int] = {}

    # -- lifecycle -------------------------------------------------------------
    def open(self) -> SessionRepo:
        """Take the lock (fails clearly if another window has the session)."""
        if not self._lock.held:
            self._lock.acquire()
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        except OSError:
            self._lock.release()
            raise
        remove_stale_temp_files(self.folder)
        return self

    def close(self) -> None:
        """Release files and the lock."""
        for db in [*self._chunks.values(), *([self._db] if self._db else [])]:
            db.close()
        self._chunks.clear()
        self._db = None
        self._lock.release()

    @property
    def session_path(self) -> Path:
        """The session document file."""
        return self.folder / "session.json"

    def _chunk_path(self, index: int) -> Path:
        return self.folder / f"notes-{index:04d}.json"

    def _session_db(self) -> TinyDB:
        if self._db is None:
            self._db = open_db(self.session_path, sync_dir=self._sync_dir)
        return self._db

    def _chunk_db(self, index: int) -> TinyDB:
        if index not in self._chunks:
            self._chunks[index] = open_db(self._chunk_path(index), sync_dir=self._sync_dir)
        return self._chunks[index]

    # -- reading ---------------------------------------------------------------
    def load(self) -> Session:
        """Read and validate the whole session (raises :class:`CorruptStoreError`)."""
        data = read_session_files(self.folder)
        self._note_chunk = {n["id"]: c for c, n in _iter_chunk_notes(self.folder)}
        return to_session(data, self.session_path, self._validator)

    # -- writing ---------------------------------------------------------------
    def save_core(self, session: Session, data: dict[str, Any] | None = None) -> None:
        """Persist everything except the notes, in one atomic write (``data``: the stored
        form of ``session`` when the caller has already built it)."""
        data = dict(session.to_dict() if data is None else data)
        data.pop("notes", None)
        _put(self._session_db().table("session"), SESSION_DOC, data)

    def save_note(self, note: Note) -> None:
        """Insert or replace one note, rewriting only its chunk."""
        chunk = self._note_chunk.get(note.id)
        if chunk is None:
            # A new note: one insert, one write (an upsert would search, then write twice).
            chunk = self._chunk_for_new_note()
            self._chunk_db(chunk).table("notes").insert(note.to_dict())
        else:
            self._chunk_db(chunk).table("notes").update(note.to_dict(), Query().id == note.id)
        self._note_chunk[note.id] = chunk

    def delete_note(self, note_id: str) -> None:
        """Remove one note (no-op when unknown)."""
        chunk = self._note_chunk.get(note_id)
        if chunk is not None:
            self._chunk_db(chunk).table("notes").remove(Query().id == note_id)
            del self._note_chunk[note_id]  # only once the write succeeded: a retry must work

    def save_all(self, session: Session) -> None:
        """Write a whole session (import, restore): core first, then the notes in bulk."""
        for index in list(self._chunks):
            self._chunks.pop(index).close()
        for old in self.folder.glob("notes-*.json"):
            old.unlink()
        self._note_chunk.clear()
        notes = [n.to_dict() for n in session.notes]
        for start in range(0, len(notes), NOTES_PER_CHUNK):
            index = start // NOTES_PER_CHUNK
            batch = notes[start : start + NOTES_PER_CHUNK]
            self._chunk_db(index).table("notes").insert_multiple(batch)
            self._note_chunk.update((n["id"], index) for n in batch)
        self.save_core(session)

    def _chunk_for_new_note(self) -> int:
        if not self._note_chunk:
            return 0
        last = max(self._note_chunk.values())
        in_last = sum(1 for c in self._note_chunk.values() if c == last)
        return last if in_last < NOTES_PER_CHUNK else last + 1


def _iter_chunk_notes(folder: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for path in sorted(folder.glob("notes-*.json")):
        try:
            index = int(path.stem.split("-", 1)[1])
        except ValueError:
            continue
        data = read_json(path) or {}
        table = data.get("notes", {}) if isinstance(data, dict) else {}
        if not isinstance(table, dict):
            raise CorruptStoreError(store_text.CORRUPT_SHAPE.format(path=path), str(path))
        for doc in table.values():
            if not isinstance(doc, dict) or "id" not in doc:
                raise CorruptStoreError(store_text.CORRUPT_SHAPE.format(path=path), str(path))
            yield index, doc


def read_session_files(folder: Path) -> dict[str, Any]:
    """The session's bundle-shaped dict, assembled from its files (no lock needed:
    every file is replaced atomically, so a reader never sees half a write)."""
    path = folder / "session.json"
    if not path.exists():
        raise NotFoundError(
            store_text.SESSION_NOT_FOUND.format(id=folder.name, folder=folder.parent)
        )
    raw = read_json(path)
    docs = raw.get("session", {}) if isinstance(raw, dict) else None
    if not isinstance(docs, dict) or str(SESSION_DOC) not in docs:
        raise CorruptStoreError(store_text.CORRUPT_SHAPE.format(path=path), str(path))
    data = dict(docs[str(SESSION_DOC)])
    data["notes"] = [doc for _, doc in _iter_chunk_notes(folder)]
    return data


def to_session(data: dict[str, Any], path: Path, validator: SessionValidator | None) -> Session:
    problems = validator(data) if validator else []
    if problems:
        err = CorruptStoreError(store_text.CORRUPT_RECORD.format(path=path), str(path))
        err.problems = tuple(problems)
        raise err
    try:
        from facilitator.domain.models import Session

        return Session.from_dict(data)
    except (KeyError, TypeError, ValueError, AssertionError) as exc:
        # The exception's own text is Python's English: the user gets the file, we keep
        # the cause chained for the crash log.
        raise CorruptStoreError(store_text.CORRUPT_UNREADABLE.format(path=path), str(path)) from exc
