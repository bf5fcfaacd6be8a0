"""Session bundles through the store: export, all-or-nothing import, replacing existing ids."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from bundle_helpers import make_session, write_json

from facilitator.bundle.io import write_bundle
from facilitator.domain.errors import CorruptStoreError, FacilitatorError, InputError
from facilitator.services.bundles import export_bundle, import_bundles
from facilitator.storage.store import Store

# --- import / export through the store -------------------------------------------------


def test_store_checks_sessions_with_this_validator(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    store.put_session(make_session())
    session_file = store.session_dir("2024-05-10-cb-dan-van") / "session.json"
    raw = json.loads(session_file.read_text(encoding="utf-8"))
    raw["session"]["1"]["status"] = "finished"
    session_file.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(CorruptStoreError) as info:
        store.load_session("2024-05-10-cb-dan-van")
    assert [p.where for p in info.value.problems] == ["$.status"]


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    source = Store(tmp_path / "a")
    session = make_session()
    source.put_session(session)
    path = export_bundle(source, session.id, tmp_path)
    assert path == tmp_path / f"{session.id}.json"
    target = Store(tmp_path / "b")
    result = import_bundles(target, [path])
    assert result.ids == (session.id,)
    assert result.replaced == ()
    loaded = target.load_session(session.id)
    assert loaded == session
    assert loaded.to_dict() == session.to_dict()
    assert loaded.extra["x_truong_moi"] == {"giu": [1, 2]}


def test_export_refuses_to_overwrite(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    store.put_session(make_session())
    out = tmp_path / "out.json"
    out.write_text("{}", encoding="utf-8")
    with pytest.raises(FacilitatorError, match="đã tồn tại"):
        export_bundle(store, "2024-05-10-cb-dan-van", out)
    assert out.read_text(encoding="utf-8") == "{}"
    export_bundle(store, "2024-05-10-cb-dan-van", out, overwrite=True)
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "2024-05-10-cb-dan-van"


def test_nothing_is_written_when_one_file_is_invalid(tmp_path: Path) -> None:
    good = write_bundle(make_session("buoi-1"), tmp_path / "1.json")
    bad_data = make_session("buoi-2").to_dict()
    bad_data["votes"][0]["base"] = True
    bad = write_json(tmp_path / "2.json", bad_data)
    broken = tmp_path / "3.json"
    broken.write_text("{", encoding="utf-8")
    good2 = write_bundle(make_session("buoi-4"), tmp_path / "4.json")
    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as info:
        import_bundles(store, [good, bad, broken, good2])
    assert store.session_ids() == []
    assert "2/4" in info.value.message
    wheres_ = [p.where for p in info.value.problems]
    assert wheres_[0] == f"{bad} $.votes[0].base"
    assert wheres_[1] == str(broken)
    assert "JSON" in info.value.problems[1].message


def test_existing_ids_are_refused_unless_replace(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    store.put_session(make_session("buoi-1", title="Cũ"))
    new = write_bundle(make_session("buoi-1", title="Mới"), tmp_path / "1.json")
    other = write_bundle(make_session("buoi-2"), tmp_path / "2.json")
    with pytest.raises(InputError) as info:
        import_bundles(store, [other, new])
    assert [p.where for p in info.value.problems] == [f"{new} $.id"]
    assert "--replace" in info.value.problems[0].message
    assert store.session_ids() == ["buoi-1"]
    assert store.load_session("buoi-1").title == "Cũ"

    result = import_bundles(store, [other, new], replace=True)
    assert result.ids == ("buoi-2", "buoi-1")
    assert result.replaced == ("buoi-1",)
    assert store.load_session("buoi-1").title == "Mới"
    assert store.session_ids() == ["buoi-1", "buoi-2"]


def test_same_id_twice_in_one_import_is_refused(tmp_path: Path) -> None:
    first = write_bundle(make_session("buoi-1"), tmp_path / "1.json")
    second = write_bundle(make_session("buoi-1", title="Khác"), tmp_path / "2.json")
    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as info:
        import_bundles(store, [first, second])
    assert str(first) in info.value.problems[0].message
    assert store.session_ids() == []


def test_import_keeps_a_deep_copy_of_unknown_nested_fields(tmp_path: Path) -> None:
    data = make_session().to_dict()
    data["people"][0]["ngay_vao_dang"] = {"ngay": "1990-01-01", "noi": ["Di Linh"]}
    expected = copy.deepcopy(data)
    path = write_json(tmp_path / "b.json", data)
    store = Store(tmp_path / "kho")
    import_bundles(store, [path])
    assert store.load_session(data["id"]).to_dict() == expected


def test_an_id_windows_cannot_name_a_folder_is_refused_at_its_file(tmp_path: Path) -> None:
    good = write_bundle(make_session("buoi-1"), tmp_path / "1.json")
    device = write_bundle(make_session("con"), tmp_path / "con.json")
    store = Store(tmp_path / "kho")
    with pytest.raises(InputError) as info:
        import_bundles(store, [good, device])
    assert [p.where for p in info.value.problems] == [f"{device} $.id"]
    assert "Windows" in info.value.problems[0].message
    assert store.session_ids() == []
    assert not list((tmp_path / "kho").glob(".staging-*"))
