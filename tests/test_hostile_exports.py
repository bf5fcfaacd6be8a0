"""Hostile text in exports and the audience view: escape sequences in a session
(typed, or from an imported bundle) never reach the exported minutes nor the audience.

The readers' side (packs, rosters, bundles) is in the other test_hostile_*.py files.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest
from crash_writer import ICT
from hostile_helpers import (
    HOSTILE,
    assert_inert,
    bundle_api,
    has_control,
    valid_session,
    write_json,
)

from facilitator.domain.models import Note, Session
from facilitator.storage.store import Store


def _hostile_session() -> Session:
    session = valid_session()
    at = datetime(2024, 5, 10, 8, 5, tzinfo=ICT)
    agenda = tuple(
        dataclasses.replace(
            item,
            title=f"{item.title}{HOSTILE}",
            body=f"- Điểm {HOSTILE}một\n",
            questions=(f"Câu hỏi{HOSTILE}?",),
        )
        for item in session.agenda
    )
    notes = (
        *session.notes,
        Note("n2", "phan-1", at, f"Ý kiến {HOSTILE}có mã điều khiển\x9b2J", speaker="p0002"),
        Note("n3", "phan-2", at, f"Kết luận {HOSTILE}", kind="conclusion"),
    )
    return session.with_changes(
        title=f"Sinh hoạt {HOSTILE}chuyên đề", agenda=agenda, notes=notes, status="closed"
    )


def test_escape_sequences_never_reach_exported_markdown(tmp_path: Path) -> None:
    export = pytest.importorskip("facilitator.export")
    path = export.export_minutes(_hostile_session(), "md", tmp_path / "bien-ban.md")
    text = Path(path).read_text("utf-8")
    assert "có mã điều khiển" in text  # the note is there...
    assert not has_control(text.replace("\n", "").replace("\t", ""))  # ...without the codes
    assert "pwned" not in text and "[2J" not in text


def test_escape_sequences_from_imported_bundle_never_reach_the_audience(tmp_path: Path) -> None:
    io = bundle_api()
    audience = pytest.importorskip("facilitator.ui.audience")
    from facilitator.services.live import read_live
    from facilitator.services.session import SessionService

    data = _hostile_session().with_changes(status="running").to_dict()
    session = io.read_bundle(write_json(tmp_path, "doc-hai.json", data))
    store = Store(tmp_path / "data")
    store.put_session(session)
    service = SessionService.open(store, session.id)
    try:
        service.go_to("phan-1")
    finally:
        service.close()
    view = audience.parse_live(read_live(store.root))
    assert view is not None and view.item is not None
    assert_inert(view)
    assert view.item.title.startswith("Phần 1")
