"""Per-user folders (platformdirs) and the content packs shipped inside the package.

On Windows the data lives in ``%LOCALAPPDATA%\\facilitator``, on Linux in
``~/.local/share/facilitator``, on macOS in ``~/Library/Application Support/facilitator``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "facilitator"
DATA_DIR_ENV = "FACILITATOR_DATA_DIR"
CONTENT_DIR_ENV = "FACILITATOR_CONTENT_DIR"
CONFIG_ENV = "FACILITATOR_CONFIG"
"""Points at another config file (tests, or a shared office laptop with two users)."""


def user_data_root() -> Path:
    """The per-user application folder (not roaming: session files are large and local)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False, roaming=False)


def default_store_dir() -> Path:
    """Where sessions, rosters and the index live unless the user says otherwise."""
    return user_data_root() / "sessions"


def user_packs_dir() -> Path:
    """The user's own content packs, offered beside the shipped ones."""
    return user_data_root() / "packs"


def config_file() -> Path:
    """``config.toml`` in the per-user config folder (or ``$FACILITATOR_CONFIG``)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser().absolute()
    return platformdirs.user_config_path(APP_NAME, appauthor=False, roaming=True) / "config.toml"


def console_export_dir() -> Path:
    """Where the console's export dialog first proposes to save: the user's Documents
    folder (a console started from a Windows shortcut has System32 or the install folder
    as its working folder), else the working folder."""
    documents = platformdirs.user_documents_path()
    return documents if documents.is_dir() else Path.cwd()


def log_dir() -> Path:
    """Crash logs go here; an error message points at the file."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def builtin_packs_dir() -> Path:
    """The packs that ship with the product.

    In a wheel they are package data (``facilitator/content``); in a clone or an
    editable install the top-level ``content/`` is the source and is read directly.
    """
    from importlib.resources import files  # ~4 ms at start-up, needed only here

    shipped = files("facilitator") / "content"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "content"
