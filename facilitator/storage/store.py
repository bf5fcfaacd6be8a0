"""The local store: one folder per session, TinyDB files written atomically.

Layout under the data folder (``sessions/`` by default)::

    index.json              summaries for the session list (derivable, self-healing)
    rosters.json            units and their rosters
    <session-id>/session.json       the session without its notes (one document)
    <session-id>/notes-0000.json    notes, at most NOTES_PER_CHUNK per file
    <session-id>/.lock              held by the one process editing the session

One small file per session keeps a write's cost independent of how many sessions
exist; notes live in fixed-size chunks so saving note 5,000 costs what note 10 did.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import Query

from facilitator.domain.errors import (
    CorruptStoreError,
    FacilitatorError,
    InputError,
    NotFoundError,
    Problem,
    StoreError,
)
from facilitator.storage.atomic import (
    DIR_MODE,
    TEMP_PREFIX,
    fsync_dir,
    is_abandoned,
    remove_stale_temp_files,
)
from facilitator.storage.ids import SESSION_ID_RE, check_session_id
from facilitator.storage.lock import FileLock
from facilitator.storage.rosters_file import RosterShelf
from facilitator.storage.session_files import (
    SessionRepo,
    SessionValidator,
    read_session_files,
    session_lock,
    to_session,
)
from facilitator.storage.session_index import SessionIndex, replace_rows
from facilitator.storage.staged import (
    STAGING_PREFIX,
    Staged,
    discard,
    stage_session,
    staging_folder,
)
from facilitator.storage.summary import SUMMARY_FIELDS as _SUMMARY_FIELDS
from facilitator.storage.summary import SessionListing, SessionSummary
from facilitator.strings import store as store_text
from facilitator.strings.oserrors import reason as os_reason

if TYPE_CHECKING:
    from facilitator.domain.models import Session

__all__ = [
    "STAGING_PREFIX",
    "SessionListing",
    "SessionSummary",
    "Staged",
    "Store",
    "check_session_id",
]

LOCK_CHUNK = 100
"""Sessions locked together while swapped in: bounded, because Windows' C runtime allows
a process 512 open files and every lock is one."""
TRASH_PREFIX = ".replaced-"


class Store(RosterShelf, SessionIndex):
    """Entry point to everything kept on this laptop."""

    def __init__(
        self, root: Path, *, validator: SessionValidator | None = None, create: bool = True
    ) -> None:
        # Absolute, so every message about the store names a folder the user can find.
        self.root = Path(root).expanduser().absolute()
        self._given_validator = validator
        if not create and not self.root.exists():
            # Read-only commands (sessions, export, roster show) create nothing: an empty
            # store that does not exist yet simply has no sessions and no rosters.
            return
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        except OSError as exc:
            raise StoreError(
                store_text.WRITE_FAILED.format(path=self.root, error=os_reason(exc))
            ) from exc
        # Other windows write index.json, rosters.json and live.json here: only temp
        # files whose writer process is gone are removed.
        remove_stale_temp_files(self.root)
        self._recover()

    @property
    def _validator(self) -> SessionValidator:
        # Loaded when a session is read or written: listing sessions (the home screen,
        # ``facilitator sessions``) needs no validator (issue 13: first screen).
        return self._given_validator or _default_validator()

    def check_writable(self) -> None:
        """Fail now, with the folder named, if nothing can be saved here (read-only media,
        permissions): better than the first keystroke of a meeting failing."""
        try:
            fd, probe = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=self.root)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise StoreError(
                store_text.NOT_WRITABLE.format(path=self.root, error=os_reason(exc))
            ) from exc

    # -- sessions --------------------------------------------------------------
    def session_dir(self, session_id: str) -> Path:
        """Folder of one session (the id is checked first)."""
        return self.root / check_session_id(session_id)

    def exists(self, session_id: str) -> bool:
        """Whether a session with this id is stored."""
        return (self.session_dir(session_id) / "session.json").exists()

    def session_ids(self) -> list[str]:
        """Ids of every stored session folder."""
        return sorted(
            p.parent.name
            for p in self.root.glob("*/session.json")
            if SESSION_ID_RE.fullmatch(p.parent.name)
        )

    def resolve_id(self, given: str) -> str:
        """The stored id ``given`` names: itself, or the one id it is a unique prefix of."""
        if SESSION_ID_RE.fullmatch(given) and self.exists(given):
            return given
        matches = [i for i in self.session_ids() if i.startswith(given)] if given else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFoundError(store_text.AMBIGUOUS_ID.format(id=given, ids=", ".join(matches)))
        check_session_id(given)
        raise NotFoundError(store_text.SESSION_NOT_FOUND.format(id=given, folder=self.root))

    def load_session(self, session_id: str) -> Session:
        """A read-only snapshot (does not take the lock)."""
        folder = self.session_dir(session_id)
        return to_session(read_session_files(folder), folder / "session.json", self._validator)

    def open_session(self, session_id: str) -> SessionRepo:
        """Open for editing: locks the session; raises if it is missing or open elsewhere."""
        if not self.exists(session_id):
            raise NotFoundError(
                store_text.SESSION_NOT_FOUND.format(id=session_id, folder=self.root)
            )
        lock = session_lock(self.root, session_id).acquire()
        if not self.exists(session_id):  # deleted or swapped while we waited for the lock
            lock.release()
            raise NotFoundError(
                store_text.SESSION_NOT_FOUND.format(id=session_id, folder=self.root)
            )
        return SessionRepo(self.session_dir(session_id), session_id, self._validator, lock).open()

    def create_session(self, session: Session) -> SessionRepo:
        """Store a new session and keep it open (locked) for editing.

        The lock is taken before the id is checked, so of two windows (or a window and an
        import) creating the same id exactly one wins; the other gets a clear message.
        """
        folder = self.session_dir(session.id)
        lock = session_lock(self.root, session.id).acquire()
        if self.exists(session.id):
            lock.release()
            raise StoreError(store_text.SESSION_EXISTS.format(id=session.id))
        repo = SessionRepo(folder, session.id, self._validator, lock).open()
        try:
            repo.save_all(session)
        except FacilitatorError:
            repo.close()
            raise
        self.update_summary(session)
        return repo

    def put_session(self, session: Session, *, replace: bool = False) -> None:
        """Write a complete session (import); refuses an existing id unless ``replace``."""
        self.put_sessions([session], replace=replace)

    def put_sessions(self, sessions: Sequence[Session], *, replace: bool = False) -> None:
        """Write complete, valid sessions; refuses an existing id unless ``replace``.

        Every session is checked by the rules loading applies (the store's validator)
        before anything is written, then staged whole (over threads for a batch) and
        swapped in by :meth:`put_staged`.

        Raises:
            InputError: a session the store would refuse to load (nothing was written).
            StoreError: an id exists, or the write failed.
        """
        for session in sessions:
            if self.exists(session.id) and not replace:
                raise StoreError(store_text.SESSION_EXISTS.format(id=session.id))
        self._refuse_invalid(sessions)
        batch = f"{os.urandom(4).hex()}-"
        staged: dict[int, Staged] = {}

        def stage(item: tuple[int, Session]) -> None:
            index, session = item
            folder = staging_folder(self.root, os.getpid(), f"{batch}{index}")
            staged[index] = stage_session(folder, session)

        try:
            from facilitator.storage.staging import stage_all  # its worker pool: import only

            stage_all(stage, list(enumerate(sessions)))
            self.put_staged([staged[i] for i in range(len(sessions))], replace=replace)
        finally:
            discard(s.folder for s in staged.values())  # those not swapped in

    def _refuse_invalid(self, sessions: Sequence[Session]) -> None:
        """Writes are validated by the same rules as loading: refuse what a load would."""
        problems: list[Problem] = []
        for session in sessions:
            found = self._validator(session.to_dict())
            prefix = f"{session.id} " if len(sessions) > 1 else ""
            problems.extend(Problem(f"{prefix}{p.where}", p.message) for p in found)
        if problems:
            raise InputError(store_text.WRITE_REFUSED, problems)

    def staging_folder(self, name: str, *, owner_pid: int | None = None) -> Path:
        """A folder to stage a session in (see :func:`stage_session`), named for the
        process that will swap it in (``owner_pid``, this one by default)."""
        return staging_folder(self.root, os.getpid() if owner_pid is None else owner_pid, name)

    def put_staged(self, staged: Sequence[Staged], *, replace: bool = False) -> None:
        """Swap staged sessions into place, :data:`LOCK_CHUNK` at a time; the index is
        written once, after the last.

        The caller validated each session by rules that include the store's (an
        import's, see :func:`facilitator.services.bundles.import_bundles`): a staged
        folder is not read back. Each chunk's sessions, new ids included, are locked and
        their ids checked before the first of them is swapped, so a session open in
        another window refuses its chunk; each swap is renames, so a crash leaves the
        old session or the new one (see :meth:`_recover`); the store's folder is synced
        once per chunk. Staged folders not swapped in are left to the caller.

        Raises:
            SessionLockedError: a session is open elsewhere. StoreError: an id exists
            (and not ``replace``) or a rename failed. Chunks before it are in place.
        """
        swapped: list[Staged] = []
        try:
            for start in range(0, len(staged), LOCK_CHUNK):
                chunk = staged[start : start + LOCK_CHUNK]
                locks: list[FileLock] = []
                try:
                    # New ids are locked too: two imports of one new id cannot both win.
                    for item in chunk:
                        locks.append(session_lock(self.root, item.session_id).acquire())
                        if not replace and self.exists(item.session_id):
                            raise StoreError(store_text.SESSION_EXISTS.format(id=item.session_id))
                    try:
                        for item in chunk:
                            self._swap(item)
                            swapped.append(item)
                    finally:
                        fsync_dir(self.root)  # the renames, once for the chunk (POSIX)
                finally:
                    for lock in locks:
                        lock.release()
        except BaseException:
            if swapped:  # the index heals itself; the first failure is the one to tell
                with contextlib.suppress(FacilitatorError, OSError):
                    self._put_rows([item.row for item in swapped])
            raise
        self._put_rows([item.row for item in swapped])

    def _swap(self, item: Staged) -> None:
        folder = self.session_dir(item.session_id)
        try:
            if not folder.exists():
                os.replace(item.folder, folder)
            else:
                trash = self.root / f"{TRASH_PREFIX}{item.session_id}"
                shutil.rmtree(trash, ignore_errors=True)
                os.replace(folder, trash)
                os.replace(item.folder, folder)
                shutil.rmtree(trash, ignore_errors=True)
        except OSError as exc:
            shutil.rmtree(item.folder, ignore_errors=True)
            raise StoreError(
                store_text.WRITE_FAILED.format(path=folder, error=os_reason(exc))
            ) from exc

    def _recover(self) -> None:
        """Finish or undo a replace that a crash interrupted; drop abandoned staging."""
        for trash in self.root.glob(f"{TRASH_PREFIX}*"):
            live = self.root / trash.name.removeprefix(TRASH_PREFIX)
            if (live / "session.json").exists():
                shutil.rmtree(trash, ignore_errors=True)
            else:
                shutil.rmtree(live, ignore_errors=True)
                os.replace(trash, live)
        for staging in self.root.glob(f"{STAGING_PREFIX}*"):
            if is_abandoned(staging, STAGING_PREFIX):  # else another window's import
                shutil.rmtree(staging, ignore_errors=True)

    def delete_session(self, session_id: str) -> None:
        """Remove a session folder (refused while another window has it open)."""
        folder = self.session_dir(session_id)
        with session_lock(self.root, session_id):
            shutil.rmtree(folder, ignore_errors=True)
        with self._index() as table:
            table.remove(Query().id == session_id)

    def iter_sessions(self) -> Iterator[Session | CorruptStoreError]:
        """Every stored session, one at a time (reports stream; memory stays flat)."""
        for session_id in self.session_ids():
            try:
                yield self.load_session(session_id)
            except CorruptStoreError as exc:
                yield exc

    def list_sessions(self) -> SessionListing:
        """Summaries newest first; unreadable sessions become problems, not crashes."""
        if not self.root.is_dir():
            return SessionListing((), ())
        problems: list[Problem] = []
        try:
            with self._index() as table:
                rows = {r["id"]: r for r in table.all() if isinstance(r, dict) and "id" in r}
        except CorruptStoreError as exc:
            problems.append(Problem(exc.path, exc.message))
            (self.root / "index.json").unlink(missing_ok=True)
            rows = {}
        ids = set(self.session_ids())
        stale = set(rows) - ids
        missing = {
            i
            for i in ids
            if i not in rows
            or rows[i].get("mtime_ns") != self._mtime_ns(i)
            or not rows[i].keys() >= _SUMMARY_FIELDS  # a row of an older version: rebuild
        }
        fresh: list[dict[str, Any]] = []
        for session_id in sorted(missing):
            try:
                fresh.append(self._summary_row(self.load_session(session_id)))
            except FacilitatorError as exc:
                where = getattr(exc, "path", str(self.session_dir(session_id)))
                problems.append(Problem(where, str(exc)))
        if stale or fresh:
            with self._index() as table:
                replace_rows(table, fresh, drop=stale)
        rows = {k: v for k, v in rows.items() if k in ids and k not in missing}
        rows |= {r["id"]: r for r in fresh}
        summaries = sorted(
            (
                SessionSummary(**{k: r[k] for k in SessionSummary.__dataclass_fields__})
                for r in rows.values()
            ),
            key=lambda s: (s.date, s.id),
            reverse=True,
        )
        return SessionListing(tuple(summaries), tuple(problems))


def _default_validator() -> SessionValidator:
    """The bundle validator checks stored sessions too (hand edits are caught on load)."""
    from facilitator.bundle.validate import validate_session

    return validate_session
