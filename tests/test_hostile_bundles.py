"""Hostile bundles: every required field removed or of the wrong type, wrong
versions, huge arrays, broken and arbitrary JSON, mutated bundles and control characters
only ever fail with a located InputError; an import with one bad file writes nothing.

Every error must be a Vietnamese message that names the place (file, line or cell, JSON
path), and a failed import must write nothing (the other hostile files: test_hostile_*.py).
"""

from __future__ import annotations

import copy
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import (
    C1_CSI,
    FAST,
    HOSTILE,
    assert_message_inert,
    bundle_api,
    valid_bundle,
    valid_session,
    write_json,
)
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.errors import InputError
from facilitator.storage.store import Store

REQUIRED = [
    "format", "id", "status", "unit", "unit.name", "title", "kind", "place", "started_at",
    "content", "content.id", "content.version", "content.sources", "roles", "people",
    "people[0].id", "people[0].name", "people[0].category", "attendance",
    "attendance[0].person", "attendance[0].status", "agenda", "agenda[0].id",
    "agenda[0].title", "agenda[0].kind", "agenda[0].minutes", "notes", "notes[0].id",
    "notes[0].item", "notes[0].at", "notes[0].kind", "notes[0].text", "votes",
    "votes[0].item", "votes[0].question", "votes[0].for", "votes[0].against",
    "votes[0].other", "votes[0].base", "conclusion",
]  # fmt: skip


def _parent_and_key(data: dict[str, Any], field: str) -> tuple[Any, str]:
    parts = field.replace("[0]", ".0").split(".")
    node: Any = data
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    return node, parts[-1]


def _wrong_type(value: Any) -> Any:
    if isinstance(value, str):
        return 42
    if isinstance(value, bool | int):
        return "năm"
    return "sai kiểu"


def test_valid_bundle_round_trips(tmp_path: Path) -> None:
    io = bundle_api()
    path = write_json(tmp_path, "buoi.json", valid_bundle())
    assert io.read_bundle(path) == valid_session()


@pytest.mark.parametrize("field", REQUIRED)
@pytest.mark.parametrize("damage", ["removed", "wrong-type"])
def test_each_required_field_is_named_by_json_path(tmp_path: Path, field: str, damage: str) -> None:
    io = bundle_api()
    data = valid_bundle()
    parent, key = _parent_and_key(data, field)
    if damage == "removed":
        del parent[key]
    else:
        parent[key] = _wrong_type(parent[key])
    path = write_json(tmp_path, "hong.json", data)
    with pytest.raises(InputError) as caught:
        io.read_bundle(path)
    message = str(caught.value)
    assert "hong.json" in message
    assert f"$.{field}" in message, message
    assert any(p.where == f"$.{field}" for p in caught.value.problems)
    assert "Traceback" not in message and "KeyError" not in message


@pytest.mark.parametrize("version", ["facilitator.session/2", "facilitator.session/0", 1, None])
def test_wrong_format_version(tmp_path: Path, version: Any) -> None:
    io = bundle_api()
    data = valid_bundle()
    data["format"] = version
    with pytest.raises(InputError) as caught:
        io.read_bundle(write_json(tmp_path, "v2.json", data))
    message = str(caught.value)
    assert "$.format" in message and "v2.json" in message
    assert "facilitator.session/1" in message
    assert len(caught.value.problems) == 1  # another version's shape is not listed field by field


def test_huge_attendance_gives_bounded_fast_errors(tmp_path: Path) -> None:
    io = bundle_api()
    data = valid_bundle()
    data["attendance"] = [{"person": f"x{i}", "status": "có mặt"} for i in range(200_000)]
    path = write_json(tmp_path, "lon.json", data)
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        io.read_bundle(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"{elapsed:.2f} s"
    assert 1 < len(caught.value.problems) <= 250
    assert len(str(caught.value)) < 100_000
    assert "$.attendance[0].person" in str(caught.value)


def test_huge_valid_looking_duplicates_are_bounded(tmp_path: Path) -> None:
    io = bundle_api()
    data = valid_bundle()
    data["attendance"] = [{"person": "p0001", "status": "present"}] * 200_000
    data["notes"] = [data["notes"][0]] * 50_000
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        io.read_bundle(write_json(tmp_path, "trung.json", data))
    assert time.perf_counter() - started < 5.0
    assert len(caught.value.problems) <= 250


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("trong.json", b""),
        ("mang.json", b"[]"),
        ("so.json", b"42"),
        ("cat.json", b'{"format": "facilitator.session/1", "id": '),
        ("sau.json", b"[" * 200_000),
        ("sau2.json", b'{"a":' * 100_000),
        ("nan.json", b'{"format": "facilitator.session/1", "x": NaN}'),
        ("bigint.json", b'{"format": "facilitator.session/1", "x": ' + b"9" * 10_000 + b"}"),
        ("latin1.json", '{"title": "Nguyễn"}'.encode("cp1258", "replace") + b"\xff"),
    ],
)
def test_broken_json_files(tmp_path: Path, name: str, raw: bytes) -> None:
    io = bundle_api()
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        io.read_bundle(path)
    assert name in str(caught.value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@FAST
@given(json_values)
def test_read_bundle_arbitrary_json_raises_only_input_error(value: Any) -> None:
    io = bundle_api()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.json"
        path.write_text(json.dumps(value), "utf-8")
        with pytest.raises(InputError) as caught:
            io.read_bundle(path)
        assert_message_inert(caught.value)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


VALID_PATHS = list(_paths(valid_bundle()))[1:]


@FAST
@given(st.sampled_from(VALID_PATHS), json_values | st.sampled_from([HOSTILE, "", -1, 0, 1e308]))
def test_mutated_bundle_is_valid_or_input_error(where: tuple[Any, ...], value: Any) -> None:
    """One field of a valid bundle replaced by anything: either a located InputError, or a
    session that is itself valid again (never a crash further down the line)."""
    io = bundle_api()
    from facilitator.bundle.validate import validate_session

    data = copy.deepcopy(valid_bundle())
    node: Any = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    try:
        session = io.session_from_data(data, "x.json")
    except InputError as err:
        assert "x.json" in str(err)
        assert_message_inert(err)
        return
    assert validate_session(session.to_dict()) == []


def test_bundle_errors_do_not_echo_control_characters(tmp_path: Path) -> None:
    """A rejected value is quoted in the message, which the CLI prints to the terminal:
    C0 codes are escaped by json.dumps, but C1 ones (U+0080-U+009F, 8-bit CSI) must go too."""
    io = bundle_api()
    data = valid_bundle()
    data["attendance"][0]["status"] = f"{C1_CSI}{HOSTILE}"
    data["people"][0]["category"] = f"x{C1_CSI}"
    with pytest.raises(InputError) as caught:
        io.read_bundle(write_json(tmp_path, "c1.json", data))
    assert "$.attendance[0].status" in str(caught.value)
    assert_message_inert(caught.value)


def test_import_with_one_invalid_file_writes_nothing(tmp_path: Path) -> None:
    bundles = pytest.importorskip("facilitator.services.bundles")
    good = valid_bundle()
    other = valid_bundle()
    other["id"] = "2024-06-10-chi-bo-khoi-dan-van"
    bad = valid_bundle()
    bad["id"] = "2024-07-10-chi-bo-khoi-dan-van"
    bad["attendance"][0]["status"] = "có mặt"
    files = [
        write_json(tmp_path, "a.json", good),
        write_json(tmp_path, "b-hong.json", bad),
        write_json(tmp_path, "c.json", other),
    ]
    store = Store(tmp_path / "data")
    with pytest.raises(InputError) as caught:
        bundles.import_bundles(store, files)
    message = str(caught.value)
    assert "b-hong.json" in message and "$.attendance[0].status" in message
    assert store.session_ids() == []
    assert [p.name for p in store.root.iterdir() if not p.name.startswith(".")] == []
    result = bundles.import_bundles(store, [files[0], files[2]])  # the good ones alone do
    assert sorted(result.ids) == [good["id"], other["id"]]
    assert store.load_session(good["id"]) == valid_session()


def test_import_same_id_twice_writes_nothing(tmp_path: Path) -> None:
    bundles = pytest.importorskip("facilitator.services.bundles")
    files = [write_json(tmp_path, f"{n}.json", valid_bundle()) for n in ("a", "b")]
    store = Store(tmp_path / "data")
    with pytest.raises(InputError) as caught:
        bundles.import_bundles(store, files)
    assert "b.json" in str(caught.value)
    assert store.session_ids() == []
