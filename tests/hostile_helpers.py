"""Shared pieces of the hostile-input tests (tests/test_hostile_*.py): the escape sequences
thrown at every reader, the hypothesis budget, the checks that nothing of them survives,
and a valid bundle to damage.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from crash_writer import ICT, demo_session
from hypothesis import HealthCheck, settings

from facilitator.domain.models import Attendance, Note, Session, Vote

HOSTILE = "\x1b[2J\x1b]0;pwned\x07"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
C1_CSI = "\x9b2J"  # an 8-bit CSI: a C1 control that json.dumps does not escape


def all_strings(value: Any) -> Iterator[str]:
    """Every string inside a dataclass/tuple/list/dict tree."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from all_strings(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from all_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from all_strings(key)
            yield from all_strings(item)


def has_control(text: str) -> bool:
    return any((ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F for ch in text)


def assert_message_inert(err: BaseException) -> None:
    """An error message is printed to a terminal as is: it must not carry the input's codes."""
    assert not has_control(str(err)), repr(str(err))


def assert_inert(value: Any) -> None:
    for text in all_strings(value):
        assert not has_control(text), repr(text)
        assert "pwned" not in text and "[2J" not in text and "[31m" not in text, repr(text)


def roster_api() -> Any:
    return pytest.importorskip("facilitator.rosters.importer").read_roster


def write_file(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def bundle_api() -> Any:
    return pytest.importorskip("facilitator.bundle.io")


def valid_session(session_id: str = "2024-05-10-chi-bo-khoi-dan-van") -> Session:
    base = demo_session(session_id, people=6)
    at = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    return base.with_changes(
        status="running",
        attendance=(
            Attendance("p0001", "present"),
            Attendance("p0002", "late", arrived_at=at),
            Attendance("p0003", "absent-excused", reason="Ốm"),
        ),
        notes=(Note("n1", "phan-1", at, "Ý kiến thứ nhất", speaker="p0001"),),
        votes=(Vote("phan-2", "Thông qua nghị quyết", 4, 0, 0, 5),),
        conclusion="Kết luận của chủ trì",
    )


def valid_bundle() -> dict[str, Any]:
    return json.loads(json.dumps(valid_session().to_dict()))


def write_json(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path
