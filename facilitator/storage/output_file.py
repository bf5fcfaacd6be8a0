"""The one writer of files the user asked for (minutes, reports, bundles): atomic, no clobber.

Store files have their own writer (:mod:`facilitator.storage.atomic`); this one adds what
a user-chosen target needs: it never replaces a file unless told to, never writes into
the data folder (an ``-o .../session.json --overwrite`` would destroy a session), never
replaces a device or a pipe, and says in Vietnamese why it could not write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from facilitator.domain.errors import FacilitatorError, OutputExistsError, StoreError
from facilitator.storage.atomic import fsync_dir, replace_with_retry
from facilitator.strings import output_text as output_text_text
from facilitator.strings.oserrors import reason as os_reason

_STORE_MARKERS = ("index.json", "rosters.json", "session.json", ".locks")


def is_data_folder(folder: Path) -> bool:
    """A facilitator store, or one session's folder inside it."""
    return any((folder / marker).exists() for marker in _STORE_MARKERS)


def check_target(path: Path) -> None:
    """Refuse targets that are not plain files or that lie in a data folder.

    Raises:
        FacilitatorError: with the reason and the path.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise StoreError(output_text_text.write_failed(str(path), reason(error, path))) from error
    if mode is not None and stat.S_ISDIR(mode):
        raise FacilitatorError(output_text_text.target_is_folder(str(path)))
    if mode is not None and not stat.S_ISREG(mode):
        raise FacilitatorError(output_text_text.target_not_regular(str(path)))
    parent = path.absolute().parent
    for folder in (parent, parent.parent):
        if is_data_folder(folder):
            raise FacilitatorError(output_text_text.target_in_data_folder(str(path), str(folder)))


def reason(error: OSError, path: Path) -> str:
    """Why a write failed, in the words a user acts on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return output_text_text.DISK_FULL
    if isinstance(error, PermissionError) and sys.platform == "win32" and path.exists():
        # Word and Excel hold an open document locked: replacing it is refused.
        return output_text_text.FILE_IN_USE
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return output_text_text.PERMISSION_DENIED
    if error.errno == errno.ENOENT:
        return output_text_text.FOLDER_MISSING
    return os_reason(error)


def write_output(path: Path | str, data: bytes, *, overwrite: bool) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``overwrite``.

    The bytes go to a temporary file in the same folder, are fsync'ed, then moved into
    place, so a crash or a full disk never leaves a half-written document behind.
    """
    path = Path(path)
    check_target(path)
    if path.exists() and not overwrite:
        raise OutputExistsError(output_text_text.file_exists(str(path)), str(path))
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            replace_with_retry(tmp_name, path)
        else:
            _move_no_clobber(tmp_name, path)
        tmp_name = None
        with contextlib.suppress(OSError):
            fsync_dir(path.parent)
    except FileExistsError as error:
        raise OutputExistsError(output_text_text.file_exists(str(path)), str(path)) from error
    except OSError as error:
        raise StoreError(output_text_text.write_failed(str(path), reason(error, path))) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path


def _move_no_clobber(source: str, target: Path) -> None:
    """Move into place without replacing a file created meanwhile (link fails if it exists)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT/exFAT USB sticks): check, then replace.
        if target.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        replace_with_retry(source, target)
        return
    os.unlink(source)
