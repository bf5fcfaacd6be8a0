"""Installed like real software, where things are: packs in the package, one per-user data
folder, config precedence, read-only commands that create nothing, an old ./sessions adopted.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from builders import make_session
from install_helpers import cli

from facilitator.config.legacy import adopt, find_legacy_store
from facilitator.config.locations import builtin_packs_dir, default_store_dir
from facilitator.domain.errors import FacilitatorError
from facilitator.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]


# --- packaging --------------------------------------------------------------------------


def test_every_package_on_disk_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "facilitator").rglob("__init__.py")
    }
    assert listed == on_disk | {"facilitator.content"}


def test_shipped_packs_are_found_whatever_the_working_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert {p.name for p in builtin_packs_dir().glob("*.md")} >= {"cay-tre.md", "thuong-ky.md"}
    code, stdout, _ = cli("doctor")
    assert code == 0
    assert "gói nội dung kèm theo" in stdout and "2 gói dùng được" in stdout


# --- one data location ------------------------------------------------------------------


def test_data_folder_is_per_user_and_independent_of_the_working_folder(
    tmp_path, monkeypatch, private_user_folders
) -> None:
    expected = private_user_folders / ".local/share/facilitator/sessions"
    assert default_store_dir() == expected
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        code, stdout, _ = cli("data", "path")
        assert (code, stdout.strip()) == (0, str(expected))
    _, help_text, _ = cli("--help")
    assert (
        str(expected) in help_text.replace("\n", "").replace(" ", "") or str(expected) in help_text
    )


def test_a_bundle_imported_in_one_folder_is_listed_from_another(tmp_path, monkeypatch) -> None:
    bundle = tmp_path / "b.json"
    from facilitator.bundle.io import write_bundle

    write_bundle(make_session(), bundle)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    assert cli("import", str(bundle))[0] == 0
    monkeypatch.chdir(tmp_path / "two")
    code, stdout, _ = cli("sessions", "--json")
    assert code == 0 and make_session().id in stdout


def test_precedence_option_then_environment_then_config_then_default(
    tmp_path, monkeypatch, private_user_folders
) -> None:
    config = private_user_folders / ".config/facilitator/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'data_dir = "{(tmp_path / "from-config").as_posix()}"\n', encoding="utf-8")
    assert cli("data", "path")[1].strip() == str(tmp_path / "from-config")
    env = {"FACILITATOR_DATA_DIR": str(tmp_path / "from-env")}
    assert cli("data", "path", env=env)[1].strip() == str(tmp_path / "from-env")
    option = ["--data-dir", str(tmp_path / "from-option")]
    assert cli(*option, "data", "path", env=env)[1].strip() == str(tmp_path / "from-option")
    config.unlink()
    assert cli("data", "path")[1].strip() == str(default_store_dir())


def test_config_sets_the_signer_and_the_option_still_wins(tmp_path) -> None:
    data = tmp_path / "data"
    Store(data).put_session(make_session())
    sid = make_session().id
    assert cli("config", "set", "export.signer", "tm")[0] == 0
    out = tmp_path / "a.md"
    assert cli("--data-dir", str(data), "export", sid, "--format", "md", "-o", str(out))[0] == 0
    assert "T/M" in out.read_text(encoding="utf-8")
    out2 = tmp_path / "b.md"
    args = ("--data-dir", str(data), "export", sid, "--format", "md", "-o", str(out2))
    assert cli(*args, "--signer", "chair")[0] == 0
    assert "T/M" not in out2.read_text(encoding="utf-8")


def test_a_bad_config_file_is_named_with_its_key_and_nothing_runs(private_user_folders) -> None:
    config = private_user_folders / ".config/facilitator/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[export]\nsigner = "thu-ky"\n', encoding="utf-8")
    code, _, stderr = cli("sessions")
    assert code == 1
    assert str(config) in stderr and "export.signer" in stderr and "thu-ky" in stderr


def test_config_show_set_unset_round_trip(private_user_folders) -> None:
    assert cli("config", "set", "unit.locality", "Di Linh")[0] == 0
    assert cli("config", "set", "export.line_spacing", "0")[0] == 0
    code, stdout, _ = cli("config", "show")
    assert (
        code == 0 and "unit.locality = Di Linh" in stdout and "export.line_spacing = 0.0" in stdout
    )
    code, _, stderr = cli("config", "set", "export.margins", "20/20")
    assert code == 1 and "trên/dưới/trái/phải" in stderr
    assert cli("config", "unset", "unit.locality")[0] == 0
    assert "unit.locality = (chưa đặt)" in cli("config", "show")[1]
    assert cli("config", "path")[1].strip().endswith("config.toml")


def test_read_only_commands_create_nothing(tmp_path, private_user_folders) -> None:
    data = tmp_path / "never"
    for args in (
        ["sessions"],
        ["sessions", "--json"],
        ["roster", "show", "--unit", "Chi bộ A"],
        ["export", "khong-co", "-o", str(tmp_path / "x.md")],
        ["doctor"],
        ["data", "path"],
        ["config", "show"],
        ["--help"],
        ["-V"],
    ):
        cli("--data-dir", str(data), *args)
        assert not data.exists(), args
    cli("sessions")
    assert not default_store_dir().exists()
    assert not (private_user_folders / ".config/facilitator/config.toml").exists()


def test_store_errors_name_the_absolute_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = cli("--data-dir", "rel", "export", "khong-co")
    assert code == 1 and str(tmp_path / "rel") in stderr


def test_version_flag() -> None:
    from facilitator import __version__

    for flag in ("-V", "--version"):
        assert cli(flag)[1].strip() == f"facilitator {__version__}"


def test_sessions_json_has_full_ids_and_export_takes_a_unique_prefix(tmp_path) -> None:
    import json

    data = tmp_path / "data"
    session = make_session()
    other = replace(session, id=session.id + "-lan-2")
    Store(data).put_sessions([session, other])
    code, stdout, _ = cli("--data-dir", str(data), "sessions", "--json")
    listed = json.loads(stdout)
    assert {s["id"] for s in listed["sessions"]} == {session.id, other.id}
    assert listed["data_dir"] == str(data)
    code, table, _ = cli("--data-dir", str(data), "sessions")
    assert session.id in table and other.id in table  # never folded or cut
    out = tmp_path / "bb.md"
    code, _, stderr = cli("--data-dir", str(data), "export", other.id[:-3], "-o", str(out),
                          "--format", "md")  # fmt: skip
    assert code == 0, stderr and out.exists()
    code, _, stderr = cli("--data-dir", str(data), "export", session.id[:12], "--format", "md")
    assert code == 1 and "nhiều buổi" in stderr and other.id in stderr


# --- the old ./sessions ---------------------------------------------------------------


def test_an_old_sessions_folder_is_announced_then_adopted(tmp_path, monkeypatch) -> None:
    work = tmp_path / "work"
    old = Store(work / "sessions")
    old.put_session(make_session())
    monkeypatch.chdir(work)
    code, stdout, stderr = cli("sessions")
    assert code == 0
    assert str(work / "sessions") in stderr and "facilitator data adopt" in stderr
    code, stdout, stderr = cli("data", "adopt")
    assert code == 0, stderr
    assert "Đã chuyển 1 buổi" in stdout
    assert not (work / "sessions").exists() and (work / "sessions-da-chuyen").is_dir()
    code, stdout, stderr = cli("sessions", "--json")
    assert make_session().id in stdout and "adopt" not in stderr
    restored = Store(default_store_dir()).load_session(make_session().id)
    assert restored == make_session()


def test_adopt_keeps_what_the_new_store_has_and_never_deletes(tmp_path) -> None:
    old = Store(tmp_path / "sessions")
    session = make_session()
    old.put_session(session)
    new = Store(tmp_path / "new")
    changed = replace(session, title="Bản ở nơi mới")
    new.put_session(changed)
    result = adopt(tmp_path / "sessions", new)
    assert result.sessions == 0 and result.skipped[0][0] == session.id
    assert new.load_session(session.id).title == "Bản ở nơi mới"
    assert result.kept_as is not None and (result.kept_as / session.id / "session.json").exists()


def test_the_clone_readme_only_sessions_folder_is_not_a_store(tmp_path) -> None:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "README.md").write_text("x", encoding="utf-8")
    assert find_legacy_store(tmp_path, tmp_path / "elsewhere") is None
    with pytest.raises(FacilitatorError, match="không phải thư mục dữ liệu"):
        adopt(tmp_path / "sessions", Store(tmp_path / "new"))
