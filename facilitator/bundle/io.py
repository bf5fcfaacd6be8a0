"""Read and write bundle files: bytes in, a validated :class:`Session` out, and back.

Reading never trusts the file: size cap, strict UTF-8, JSON errors located by line and
column, every string NFC-normalised, then complete validation before ``from_dict``.
Writing is atomic, so a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import unicodedata
from functools import partial
from pathlib import Path
from typing import Any

from facilitator.bundle.validate import validate_session
from facilitator.domain.errors import FacilitatorError, InputError, OutputExistsError, Problem
from facilitator.domain.models import Session
from facilitator.domain.votes import voting_base
from facilitator.storage.output_file import write_output
from facilitator.strings import bundle as bundle_text
from facilitator.strings import files as files_text
from facilitator.userfiles import read_capped

MAX_BUNDLE_BYTES = 50 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def nfc_tree(value: Any) -> Any:
    """NFC-normalise every string (keys too) of a JSON value, without recursion.

    Containers are rebuilt in place; an explicit stack keeps a deeply nested file from
    exhausting Python's recursion limit.
    """
    if isinstance(value, str):
        return _nfc(value)
    root = [value]
    stack: list[list[Any] | dict[str, Any]] = [root]
    while stack:
        container = stack.pop()
        if isinstance(container, list):
            for index, item in enumerate(container):
                if isinstance(item, str):
                    container[index] = _nfc(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
        else:
            items = list(container.items())
            container.clear()
            for key, item in items:
                if isinstance(item, str):
                    item = _nfc(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
                container[_nfc(key)] = item
    return root[0]


def _refuse_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; accepting them would make the session unexportable.
    raise ValueError(name)


def parse_bundle_bytes(data: bytes, path: Path | str) -> Any:
    """Decode and parse a bundle's bytes into plain JSON values (NFC), or raise InputError."""
    data = data.removeprefix(_BOM)
    if not data.strip():
        raise InputError(bundle_text.file_empty(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(bundle_text.not_utf8(path, line, exc.start)) from exc
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputError(bundle_text.bad_json(path, exc.lineno, exc.colno, exc.msg)) from exc
    except RecursionError as exc:
        raise InputError(bundle_text.too_deep(path)) from exc
    except ValueError as exc:  # NaN/Infinity, integers beyond Python's digit limit
        raise InputError(bundle_text.bad_json_value(path, str(exc))) from exc
    # One C-level check of the raw text spares the walk over every string (the common
    # case); a \u escape may spell a decomposed letter, so such files are checked again
    # as the strings themselves, and walked only if that fails.
    if "\\u" not in text and unicodedata.is_normalized("NFC", text):
        return parsed
    if _strings_are_nfc(parsed):
        return parsed
    return nfc_tree(parsed)


def _strings_are_nfc(parsed: Any) -> bool:
    """Whether every string (keys too) of parsed JSON is NFC, by one C-level check of its
    compact serialisation (about a tenth of the cost of :func:`nfc_tree`).

    The serialisation holds each string as it is, except that ``"``, ``\\`` and control
    characters become ASCII escapes; none of those composes with a following mark, so a
    string that is not NFC (a letter to compose, marks out of order, a character NFC
    replaces) leaves its offending sequence in the serialisation too. The converse may
    fail (an escape's last letter before a mark): the caller then walks the strings.
    """
    try:
        serialised = json.dumps(parsed, ensure_ascii=False)
    except (RecursionError, ValueError):
        return False
    return unicodedata.is_normalized("NFC", serialised)


def session_from_data(data: Any, path: Path | str) -> Session:
    """Validate bundle-shaped data and build the session; every problem in one InputError.

    The session is built first, on trust: a sound file (nearly every one) is then decoded
    once, its people and attendance giving the validator the voting base. A file that
    does not decode is validated alone, and refused by what the validator finds."""
    session = _decoded(data)
    base_of = None if session is None else partial(voting_base, session.people, session.attendance)
    problems = validate_session(data, foreign=True, base_of=base_of)
    if problems:
        raise InputError(bundle_text.bundle_invalid(path), problems)
    if session is not None:
        return session
    try:
        return Session.from_dict(data)
    except (KeyError, TypeError, ValueError, AssertionError) as exc:
        # A gap in the validator must still surface as a clean, located message.
        detail = f"{type(exc).__name__}: {exc}"
        raise InputError(
            bundle_text.session_unreadable(path, detail), [Problem("$", detail)]
        ) from exc


def _decoded(data: Any) -> Session | None:
    """``data`` as a session, or None when it does not decode (it is refused, or shown
    unreadable, once validated)."""
    try:
        return Session.from_dict(data)
    except Exception:  # any shape may come in: the validator says what is wrong
        return None


def read_bundle(path: Path | str) -> Session:
    """Read, normalise and validate one bundle file.

    Raises:
        InputError: naming the file, with every validation problem and its JSON path.
    """
    path = Path(path)
    return session_from_data(
        parse_bundle_bytes(read_capped(path, MAX_BUNDLE_BYTES, bundle_text.BUNDLE_KIND), path), path
    )


def bundle_bytes(session: Session) -> bytes:
    """The session as UTF-8 JSON (NFC, readable indentation, trailing newline)."""
    data = nfc_tree(session.to_dict())
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def write_bundle(session: Session, path: Path | str, *, overwrite: bool = False) -> Path:
    """Write one bundle file atomically; refuses to replace a file unless ``overwrite``.

    Raises:
        FacilitatorError: the file exists (and ``overwrite`` is false) or its folder is missing.
        StoreError: the write itself failed; any previous file is intact.
    """
    path = Path(path)
    if path.is_dir():
        raise FacilitatorError(files_text.is_directory(path, bundle_text.BUNDLE_KIND))
    if path.exists() and not overwrite:
        raise OutputExistsError(bundle_text.output_exists(path), str(path))
    if not path.parent.is_dir():
        raise FacilitatorError(bundle_text.output_folder_missing(path.parent))
    return write_output(path, bundle_bytes(session), overwrite=overwrite)
