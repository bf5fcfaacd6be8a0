"""Shared pieces of the minutes export tests (tests/test_export_minutes_*.py, and the documents'
second pass): golden files, a state unit, reading a DOCX back and all its text, and the
module-scoped ``session`` and ``docx_bytes`` fixtures (import them to use them).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from builders import make_session
from docx import Document

from facilitator.domain.models import Unit
from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.minutes_model import build_minutes
from facilitator.export.settings import DocSettings

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

HCCB = Unit(
    name="Chi hội Cựu chiến binh thôn 2",
    parent="Hội Cựu chiến binh xã Di Linh",
    abbrev="CHCCB",
    profile="state",
    locality="Di Linh",
)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"golden {name} differs (UPDATE_GOLDEN=1)"


def read_docx(data: bytes):  # -> docx.document.Document
    return Document(io.BytesIO(data))


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module", name="session")
def session_fixture():
    return make_session()


@pytest.fixture(scope="module", name="docx_bytes")
def docx_bytes_fixture(session) -> bytes:
    return render_minutes_docx(build_minutes(session), DocSettings())
