"""Installed like real software, the console: a crash log of the user's own, the chosen theme
remembered, a read-only data folder named, progress of long imports on a terminal only.
"""

from __future__ import annotations

import io
import os
from dataclasses import replace

import pytest
from builders import make_app, make_session
from install_helpers import cli

from facilitator.config.crashlog import write_crash_log
from facilitator.storage.store import Store

# --- crash log --------------------------------------------------------------------------


def test_crash_log_is_owner_only_and_holds_the_traceback(tmp_path) -> None:
    try:
        raise RuntimeError("hỏng")
    except RuntimeError as err:
        path = write_crash_log(err, tmp_path / "log")
    assert path is not None and "RuntimeError: hỏng" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


async def test_an_unexpected_error_in_the_console_is_logged(
    store, content_dir, frozen_clock, private_user_folders
) -> None:
    app = make_app(store, content_dir, frozen_clock)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test() as pilot:
            app.call_later(lambda: 1 / 0)
            await pilot.pause()
    assert app.crash_log is not None
    assert app.crash_log.is_relative_to(private_user_folders)
    assert "ZeroDivisionError" in app.crash_log.read_text(encoding="utf-8")


async def test_the_chosen_theme_is_remembered(store, content_dir, frozen_clock, tmp_path) -> None:
    from facilitator.config.settings import Settings, load_settings

    config = tmp_path / "config.toml"
    app = make_app(store, content_dir, frozen_clock, settings_path=config)
    async with app.run_test() as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert load_settings(config).theme == "textual-light"
    again = make_app(store, content_dir, frozen_clock, settings=Settings(theme="nord"))
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "nord"


def test_a_read_only_data_folder_stops_the_console_with_its_path(tmp_path, monkeypatch) -> None:
    from facilitator.storage import store as store_module

    data = tmp_path / "data"
    Store(data)

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(data))

    monkeypatch.setattr(store_module.tempfile, "mkstemp", refused)
    started = []
    monkeypatch.setattr("facilitator.ui.run_app", lambda *a, **k: started.append(1))
    code, _, stderr = cli("--data-dir", str(data))
    assert code == 1 and not started
    assert str(data) in stderr and "không có quyền" in stderr


def test_long_imports_report_progress_on_a_terminal_only(tmp_path, monkeypatch) -> None:
    from facilitator.bundle.io import write_bundle
    from facilitator.cli import progress
    from facilitator.services.bundles import import_bundles

    files = []
    for number in range(3):
        path = tmp_path / f"b{number}.json"
        write_bundle(replace(make_session(), id=f"2024-05-1{number}-cb"), path)
        files.append(path)
    seen: list[tuple[int, int]] = []
    import_bundles(Store(tmp_path / "data"), files, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: False, raising=False)
    with progress.progress_bar("x", 100) as advance:
        advance(1, 100)  # a pipe gets no bar, and no error
    drawn = io.StringIO()
    monkeypatch.setattr(
        progress,
        "Console",
        lambda stderr: __import__("rich").console.Console(
            file=drawn, force_terminal=True, width=60
        ),
    )
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True, raising=False)
    with progress.progress_bar("Đang đọc", 40) as advance:
        advance(20, 40)
    assert "Đang đọc" in drawn.getvalue()
