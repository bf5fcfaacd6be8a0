"""Creating a session id is atomic: of two creators (imports, or a console and an import),
exactly one wins, the other gets a clear message, and the stored session is whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builders import make_session

from facilitator.bundle.io import write_bundle
from facilitator.domain.errors import SessionLockedError, StoreError
from facilitator.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _imports(data: Path, bundle: Path, count: int) -> list[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "facilitator", "--data-dir", str(data), "import", str(bundle)]
    return [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        for _ in range(count)
    ]


def test_simultaneous_imports_of_one_new_id_exactly_one_wins(tmp_path: Path) -> None:
    session = make_session()
    first = replace_title(session, "Bản thứ nhất")
    second = replace_title(session, "Bản thứ hai")
    for trial in range(6):
        data = tmp_path / f"data-{trial}"
        Store(data)
        a, b = tmp_path / f"a{trial}.json", tmp_path / f"b{trial}.json"
        write_bundle(first, a)
        write_bundle(second, b)
        procs = _imports(data, a, 1) + _imports(data, b, 1)
        results = [(p.wait(timeout=60), p.stderr.read().decode()) for p in procs]  # type: ignore[union-attr]
        codes = sorted(code for code, _ in results)
        assert codes == [0, 1], results
        loser = next(err for code, err in results if code == 1)
        assert "Traceback" not in loser and session.id in loser
        stored = Store(data).load_session(session.id)  # whole and readable
        winner = 0 if results[0][0] == 0 else 1
        assert stored.title == ("Bản thứ nhất", "Bản thứ hai")[winner]


def test_a_console_creating_an_id_blocks_an_import_of_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    session = make_session()
    repo = store.create_session(session)  # held open, as the console does
    try:
        other = Store(tmp_path / "data")
        try:
            other.put_session(replace_title(session, "Nhập chen ngang"))
            raise AssertionError("the import should have been refused")
        except (SessionLockedError, StoreError) as refused:
            assert session.id in str(refused)
    finally:
        repo.close()
    assert store.load_session(session.id).title == session.title
    try:
        store.create_session(session)
        raise AssertionError("an existing id must not be created twice")
    except StoreError as refused:
        assert session.id in str(refused)


def replace_title(session, title: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(session, title=title)
