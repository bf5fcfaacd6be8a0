"""Writers by format, safe output names and atomic, no-clobber file writes."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from facilitator.domain.errors import FacilitatorError, StoreError
from facilitator.domain.vietnamese import slugify
from facilitator.export.csv_writer import render_report_csv
from facilitator.export.docx_writer import render_minutes_docx, render_report_docx
from facilitator.export.markdown import render_minutes_md, render_report_md
from facilitator.export.minutes_model import Minutes
from facilitator.export.report_model import Report
from facilitator.export.settings import DocSettings
from facilitator.strings import export as s
from facilitator.strings.oserrors import reason as os_reason

MinutesWriter = Callable[[Minutes, DocSettings], bytes]
ReportWriter = Callable[[Report, DocSettings], bytes]

MINUTES_WRITERS: dict[str, MinutesWriter] = {
    "docx": render_minutes_docx,
    "md": lambda minutes, _settings: render_minutes_md(minutes).encode("utf-8"),
}
REPORT_WRITERS: dict[str, ReportWriter] = {
    "docx": render_report_docx,
    "md": lambda report, _settings: render_report_md(report).encode("utf-8"),
    "csv": lambda report, _settings: render_report_csv(report),
}

_EXTENSION = re.compile(r"[a-z0-9]{1,10}")


def safe_output_path(folder: Path | str, title: str, ext: str) -> Path:
    """``folder/<slug>.<ext>``: the slug is ASCII without "/" or "..", so it stays inside."""
    ext = ext.lower().lstrip(".")
    if not _EXTENSION.fullmatch(ext):
        raise FacilitatorError(s.bad_extension(ext))
    folder = Path(folder)
    path = folder / f"{slugify(title, max_length=80)}.{ext}"
    # Belt and braces: the slug cannot contain a separator, but check the resolved parent.
    if path.resolve().parent != folder.resolve():
        raise FacilitatorError(s.bad_extension(ext))
    return path


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return s.DISK_FULL
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return s.PERMISSION_DENIED
    if error.errno == errno.ENOENT:
        return s.FOLDER_MISSING
    return os_reason(error)


def write_output(path: Path | str, data: bytes, *, overwrite: bool) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``overwrite``.

    The bytes go to a temporary file in the same folder, are fsync'ed, then moved into
    place, so a crash or a full disk never leaves a half-written document behind.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FacilitatorError(s.file_exists(str(path)))
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _move_no_clobber(tmp_name, path)
        tmp_name = None
        _fsync_folder(path.parent)
    except FileExistsError as error:
        raise FacilitatorError(s.file_exists(str(path))) from error
    except OSError as error:
        raise StoreError(s.write_failed(str(path), _reason(error))) from error
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
        os.replace(source, target)
        return
    os.unlink(source)


def _fsync_folder(folder: Path) -> None:
    """Persist the rename itself (best effort: not every platform allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
