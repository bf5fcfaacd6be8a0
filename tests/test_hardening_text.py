"""Issue #12: invisible and bidi characters (10), Windows device names as session ids (11)."""

from __future__ import annotations

import os
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from builders import ICT
from bundle_helpers import make_session
from test_cli_data import run

from facilitator.bundle.io import write_bundle
from facilitator.domain.errors import InputError, NotFoundError
from facilitator.domain.vietnamese import clean_line, clean_text, strip_controls
from facilitator.rosters.importer import name_key, read_roster
from facilitator.services.planning import new_session_id
from facilitator.storage.store import Store, check_session_id

ZWSP, RLO, PDF, LRI, PDI = "\u200b", "\u202e", "\u202c", "\u2066", "\u2069"
INVISIBLE = ("\u200b", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\u200d", "\u200c",
             "\u034f", "\u3164", "\ufe0f", "\U000e0041")  # fmt: skip


@pytest.mark.parametrize("char", INVISIBLE)
def test_single_line_fields_lose_every_invisible_character(char: str) -> None:
    assert clean_line(f"Nguyễn{char} Văn A{char}n{char}") == "Nguyễn Văn An"


def test_every_format_character_is_stripped_everywhere() -> None:
    joiners = {"\u200c", "\u200d"}
    format_chars = [
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
    ]
    text = "a".join(format_chars)
    assert set(strip_controls(text)) == {"a"} | joiners
    assert set(clean_line(text)) == {"a"}


def test_free_text_keeps_joiners_and_lines_but_not_bidi() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji built with ZWJ
    text = f"Dòng một {RLO}đảo{PDF}\nDòng {LRI}hai{PDI} {family}{ZWSP}"
    assert clean_text(text) == f"Dòng một đảo\nDòng hai {family}"


def test_zero_width_space_does_not_defeat_the_duplicate_check(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        f"Họ và tên,Chức vụ\nNguyễn Văn An,Bí thư\nNguyễn Văn{ZWSP} An,Đảng viên\n"
        f"Trần Thị {RLO}Bình,Đảng viên\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert "«Nguyễn Văn An» có hai lần" in message
    assert f"{path}:2" in message and f"{path}:3" in message
    assert name_key(f"Nguyễn{ZWSP} Văn\u2060 An") == name_key("nguyễn văn an")


def test_bidi_override_never_reaches_a_stored_name(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(f"Họ và tên\nTrần Thị {RLO}Bình{PDF}\n", encoding="utf-8")
    people = read_roster(path)
    assert [p.name for p in people] == ["Trần Thị Bình"]
    assert people[0].ten == "Bình"


# --- 11: Windows device names ------------------------------------------------------------


@pytest.mark.parametrize("session_id", ["con", "nul", "aux", "prn", "com1", "com9", "lpt1",
                                        "lpt9", "com0"])  # fmt: skip
def test_windows_device_names_are_refused_as_session_ids(session_id: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        check_session_id(session_id)
    assert f"«{session_id}»" in str(caught.value) and "Windows" in str(caught.value)


@pytest.mark.parametrize("session_id", ["console", "con-1", "nul2", "com10", "lpt", "a-con"])
def test_ids_that_only_look_like_device_names_are_fine(session_id: str) -> None:
    assert check_session_id(session_id) == session_id


def test_import_of_a_device_named_session_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "kho"
    path = write_bundle(make_session("nul"), tmp_path / "b.json")
    result = run(data, "import", str(path))
    assert result.exit_code == 1, result.output
    assert "«nul»" in result.output and "Windows" in result.output
    assert "Traceback" not in result.output
    assert not (data / "nul").exists()


def test_new_session_id_never_names_a_device(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    started = datetime(2024, 5, 10, 8, 0, tzinfo=ICT)
    for unit, pack in (("CON", "nul"), ("Aux", "com1"), ("", "")):
        session_id = new_session_id(store, started, unit, pack)
        assert check_session_id(session_id) == session_id


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot even create the folder")
def test_put_session_refuses_device_name(tmp_path: Path) -> None:
    store = Store(tmp_path / "kho")
    with pytest.raises(NotFoundError):
        store.put_session(make_session("con"))
    assert not (tmp_path / "kho" / "con").exists()
