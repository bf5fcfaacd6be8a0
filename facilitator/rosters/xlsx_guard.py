"""Refuse an XLSX "bomb" from the zip directory alone, before openpyxl parses anything.

A .xlsx is a zip of XML; a few hundred kilobytes can inflate to gigabytes, and openpyxl
loads shared strings and styles whole even in read-only mode. The sizes the zip directory
declares are a real bound (Python's zipfile stops decompressing at the declared size), and
the first sheet's ``<dimension ref="A1:D40"/>`` sits in its first few hundred bytes, so
both checks cost a few milliseconds whatever the file claims.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from facilitator.domain.errors import InputError
from facilitator.strings import roster as roster_text

MAX_XLSX_UNPACKED = 20 * 1024 * 1024
MAX_XLSX_ENTRIES = 1_000
# workbook.xml and its relationships only name the sheets; a real one is a few kilobytes.
_MAX_INDEX_BYTES = 1024 * 1024
# The dimension element comes right after <sheetPr>, well inside the first 64 KB.
_HEAD_BYTES = 64 * 1024
_SHEET_RID = re.compile(rb"\b(?:\w+:)?id=\"([^\"]+)\"")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>", re.S)
_ATTRIBUTE = re.compile(rb"\b(Id|Target)=\"([^\"]*)\"")
_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"\$?([A-Za-z]{1,3})\$?(\d{1,7})"
    rb"(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\""
)


def _column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number


def _read_small(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        with archive.open(name) as member:
            return member.read(limit)
    except KeyError:
        return None


def _first_sheet_name(archive: zipfile.ZipFile) -> str | None:
    """The zip entry of the workbook's first sheet, as workbook.xml and its rels name it."""
    workbook = _read_small(archive, "xl/workbook.xml", _MAX_INDEX_BYTES)
    rels = _read_small(archive, "xl/_rels/workbook.xml.rels", _MAX_INDEX_BYTES)
    if workbook is None or rels is None:
        return None
    sheet = re.search(rb"<(?:\w+:)?sheet\b[^>]*>", workbook, re.S)
    if sheet is None:
        return None
    rid = _SHEET_RID.search(sheet.group(0))  # r:id, never sheetId (case)
    if rid is None:
        return None
    for relationship in _RELATIONSHIP.findall(rels):
        attributes = dict(_ATTRIBUTE.findall(relationship))
        if attributes.get(b"Id") == rid.group(1) and b"Target" in attributes:
            target = bytes(attributes[b"Target"]).decode("utf-8", "replace")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


def check_xlsx(path: Path, max_rows: int, max_columns: int) -> None:
    """Refuse a workbook that unpacks too large or whose first sheet claims too much.

    Raises:
        InputError: naming the file, the limit and what to do.
    """
    limit_mb = MAX_XLSX_UNPACKED // (1024 * 1024)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_XLSX_ENTRIES:
                raise InputError(roster_text.xlsx_unpacked_too_large(path, limit_mb))
            unpacked = sum(info.file_size for info in entries)
            if unpacked > MAX_XLSX_UNPACKED:
                raise InputError(roster_text.xlsx_unpacked_too_large(path, limit_mb))
            sheet = _first_sheet_name(archive)
            head = _read_small(archive, sheet, _HEAD_BYTES) if sheet else None
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise InputError(roster_text.bad_xlsx(path, roster_text.NOT_A_ZIP)) from exc
    except (OSError, EOFError, ValueError, RuntimeError) as exc:
        # A damaged member (bad CRC, unknown compression, encrypted) is a damaged workbook.
        raise InputError(roster_text.bad_xlsx(path, roster_text.DAMAGED_ZIP)) from exc
    found = _DIMENSION.search(head or b"")
    if found is None:
        return  # no dimension: reading is bounded by max_row/max_col anyway
    last_col, last_row = found.group(3) or found.group(1), found.group(4) or found.group(2)
    rows, columns = int(last_row), _column_number(last_col.decode())
    if rows > max_rows or columns > max_columns:
        ref = found.group(0).split(b'"')[1].decode()
        raise InputError(roster_text.xlsx_too_big_sheet(path, ref, max_rows, max_columns))
