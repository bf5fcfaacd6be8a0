"""Importing a roster reads the file once and says when it was typed in TCVN3/VNI
(issue #9 §11: the console tells what the CLI tells)."""

from __future__ import annotations

from pathlib import Path

import facilitator.rosters.roster_file as roster_file
from facilitator.services.rosters import import_roster_file

FIXTURES = Path(__file__).parent / "fixtures" / "rosters"


def test_a_tcvn3_roster_is_imported_with_its_notice_read_once(store, monkeypatch):
    reads: list[Path | str] = []
    read_sheet = roster_file.read_sheet

    def counting(path: Path | str):  # type: ignore[no-untyped-def]
        reads.append(path)
        return read_sheet(path)

    monkeypatch.setattr(roster_file, "read_sheet", counting)
    imported = import_roster_file(store, FIXTURES / "tcvn3.csv", "Chi bộ 1")
    assert len(reads) == 1
    (notice,) = imported.notices
    assert "TCVN3" in notice and "Nguyễn Văn Đức" in notice
    saved = store.roster("Chi bộ 1")
    assert [p.name for p in saved.people] == [p.name for p in imported.roster.people]
    assert "Nguyễn Văn Đức" in [p.name for p in saved.people]


def test_a_unicode_roster_has_no_notice(store):
    imported = import_roster_file(store, FIXTURES / "comma.csv", "Chi bộ 2")
    assert imported.notices == () and imported.roster.people
