"""Roster import into the store: merging keeps the ids of known people, a failed import saves
nothing, and the roster is shown in Vietnamese order.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from roster_helpers import EXPECTED_ORDER, fixture, names

from facilitator.domain.errors import InputError, NotFoundError
from facilitator.domain.models import Person, Roster, Unit
from facilitator.rosters.importer import merge_roster
from facilitator.rosters.unit_fields import UnitFields
from facilitator.services.rosters import import_roster_file, show_roster
from facilitator.storage.store import Store

# --- merging into the stored roster ------------------------------------------------------


def test_merge_keeps_ids_of_known_people_and_numbers_new_ones() -> None:
    unit = Unit("Chi bộ 1")
    existing = Roster(
        unit, (Person("p001", "Nguyễn Văn An"), Person("p007", "Lê Thị Hòa"), Person("x", "Bỏ Đi"))
    )
    incoming = [
        Person("p001", "Trần Văn Mới"),
        Person("p002", "lê thị hoà"),
        Person("p003", "Nguyễn Văn An"),
    ]
    merged = merge_roster(existing, incoming, unit)
    assert [(p.id, p.name) for p in merged.people] == [
        ("p008", "Trần Văn Mới"),
        ("p007", "lê thị hoà"),
        ("p001", "Nguyễn Văn An"),
    ]
    assert merged.unit == unit
    assert isinstance(merged.updated_at, datetime)
    assert merged.updated_at.tzinfo is not None


def test_merge_without_existing_roster_numbers_from_one() -> None:
    merged = merge_roster(None, [Person("z", "A B"), Person("y", "C D")], Unit("U"))
    assert [p.id for p in merged.people] == ["p001", "p002"]


def test_import_roster_saves_and_reimport_keeps_ids_and_unit_fields(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    given = UnitFields(parent="Đảng bộ xã Di Linh", abbrev="CB", locality="Di Linh")
    first = import_roster_file(
        store, fixture("semicolon_bom.csv"), "Chi bộ Khối Dân vận", given
    ).roster
    assert len(first.people) == 6
    an_id = next(p.id for p in first.people if p.name == "Nguyễn Văn An")
    state = UnitFields(profile="state")
    second = import_roster_file(store, fixture("comma.csv"), "Chi bộ Khối Dân vận", state).roster
    assert names(second.people) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert next(p.id for p in second.people if p.name == "Nguyễn Văn An") == an_id
    stored = store.roster("Chi bộ Khối Dân vận")
    assert stored.unit == Unit(
        "Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "state", "Di Linh"
    )
    assert stored.people == second.people


def test_failed_import_saves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    import_roster_file(store, fixture("comma.csv"), "Chi bộ 1")
    broken = tmp_path / "dup.csv"
    shutil.copy(fixture("duplicates.csv"), broken)
    with pytest.raises(InputError):
        import_roster_file(store, broken, "Chi bộ 1", UnitFields(abbrev="X"))
    roster = store.roster("Chi bộ 1")
    assert names(roster.people) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert roster.unit.abbrev == ""
    with pytest.raises(InputError):
        import_roster_file(store, fixture("comma.csv"), "   ")
    with pytest.raises(InputError, match="party"):
        import_roster_file(store, fixture("comma.csv"), "Chi bộ 2", UnitFields(profile="company"))
    with pytest.raises(NotFoundError):
        store.roster("Chi bộ 2")


# --- Vietnamese order ------------------------------------------------------------------------


def test_show_roster_sorts_in_vietnamese_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    import_roster_file(store, fixture("sort_order.csv"), "Chi bộ 1")
    assert names(show_roster(store, "Chi bộ 1").people) == EXPECTED_ORDER
