"""The user's ``config.toml``: defaults that the command line and the environment override.

Precedence, everywhere: option > environment variable > config file > built-in default.
A bad file is reported with its path and key and never half-applied.

Example::

    data_dir = "D:/facilitator/sessions"
    theme = "textual-light"

    [unit]
    default = "Chi bộ Khối Dân vận"
    locality = "Di Linh"

    [export]
    signer = "tm"
    line_spacing = 18
    margins = "20/20/30/15"
    folder = "~/Documents/bien-ban"
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from facilitator.config.layout import LayoutValueError, check_line_spacing, parse_margins
from facilitator.config.locations import config_file
from facilitator.domain.errors import InputError, Problem
from facilitator.domain.vietnamese import nfc
from facilitator.storage.atomic import write_bytes_atomic
from facilitator.strings import config as config_text
from facilitator.strings.oserrors import reason as os_reason


class Signer(StrEnum):
    """Who signs on the right of the minutes (see ``export.settings.SignerStyle``)."""

    CHAIR = "chair"
    TM = "tm"


@dataclass(frozen=True)
class Settings:
    """Everything ``config.toml`` may set; ``None`` means "not set here"."""

    data_dir: Path | None = None
    content_dir: Path | None = None
    theme: str | None = None
    default_unit: str | None = None
    locality: str | None = None
    signer: Signer | None = None
    line_spacing: float | None = None
    margins: str | None = None
    export_folder: Path | None = None


# (section, key) in the file -> field of Settings; one table reads, shows and writes.
_KEYS: dict[tuple[str, str], str] = {
    ("", "data_dir"): "data_dir",
    ("", "content_dir"): "content_dir",
    ("", "theme"): "theme",
    ("unit", "default"): "default_unit",
    ("unit", "locality"): "locality",
    ("export", "signer"): "signer",
    ("export", "line_spacing"): "line_spacing",
    ("export", "margins"): "margins",
    ("export", "folder"): "export_folder",
}
_PATHS = frozenset({"data_dir", "content_dir", "export_folder"})


def key_names() -> list[str]:
    """The dotted names a user may set ("export.signer")."""
    return [f"{s}.{k}" if s else k for s, k in _KEYS]


def _convert(field: str, value: Any, where: str) -> Any:
    if field == "line_spacing":
        try:
            return check_line_spacing(value)  # TOML has inf and nan: both refused here
        except LayoutValueError as exc:
            raise InputError(config_text.BAD_VALUE, [Problem(where, str(exc))]) from None
    if not isinstance(value, str) or not value.strip():
        raise InputError(config_text.BAD_VALUE, [Problem(where, config_text.need_text(value))])
    value = nfc(value.strip())
    if field in _PATHS:
        return Path(value).expanduser()
    if field == "signer":
        try:
            return Signer(value)
        except ValueError:
            raise InputError(
                config_text.BAD_VALUE, [Problem(where, config_text.need_signer(value))]
            ) from None
    if field == "margins":
        try:
            parse_margins(value)
        except LayoutValueError as exc:
            raise InputError(config_text.BAD_VALUE, [Problem(where, str(exc))]) from None
    return value


def parse_settings(data: dict[str, Any], path: Path) -> Settings:
    """Settings from a parsed TOML document; unknown keys are refused (typos show)."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            for key, inner in value.items():
                _take(values, (name, key), inner, path)
        else:
            _take(values, ("", name), value, path)
    return Settings(**values)


def _take(values: dict[str, Any], key: tuple[str, str], value: Any, path: Path) -> None:
    where = f"{path}: {'.'.join(k for k in key if k)}"
    field = _KEYS.get(key)
    if field is None:
        raise InputError(
            config_text.BAD_VALUE, [Problem(where, config_text.unknown_key(key_names()))]
        )
    values[field] = _convert(field, value, where)


def load_settings(path: Path | None = None) -> Settings:
    """The user's settings; a missing file is no settings, a broken one a clear error."""
    path = path or config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise InputError(config_text.unreadable(path, os_reason(exc))) from exc
    import tomllib  # only when there is a file: most users have none (~5 ms at start-up)

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(
            config_text.BAD_VALUE, [Problem(str(path), config_text.NOT_UTF8)]
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            config_text.BAD_VALUE, [Problem(str(path), config_text.bad_toml(str(exc)))]
        ) from None
    return parse_settings(data, path)


def field_of(dotted: str, path: Path) -> str:
    """The Settings field a dotted key names ("export.signer" -> "signer")."""
    section, _, key = dotted.rpartition(".")
    field = _KEYS.get((section, key))
    if field is None:
        where = f"{path}: {dotted}"
        raise InputError(
            config_text.BAD_VALUE, [Problem(where, config_text.unknown_key(key_names()))]
        )
    return field


def set_value(settings: Settings, dotted: str, value: str, path: Path) -> Settings:
    """``settings`` with one key changed, checked by the same rules as loading."""
    field = field_of(dotted, path)
    parsed: Any = value
    if field == "line_spacing":
        try:
            parsed = float(value.replace(",", "."))
        except ValueError:
            parsed = value
    return replace(settings, **{field: _convert(field, parsed, f"{path}: {dotted}")})


def _toml_value(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    text = str(value.as_posix() if isinstance(value, Path) else value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def render_settings(settings: Settings) -> str:
    """The TOML text of ``settings`` (only what is set)."""
    by_section: dict[str, list[str]] = {}
    for (section, key), field in _KEYS.items():
        value = getattr(settings, field)
        if value is not None:
            by_section.setdefault(section, []).append(f"{key} = {_toml_value(value)}")
    lines = list(by_section.pop("", []))
    for section, entries in by_section.items():
        lines += ["", f"[{section}]", *entries]
    return "\n".join(lines).lstrip("\n") + "\n"


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``config.toml`` atomically (the folder is created on first save)."""
    path = path or config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render_settings(settings)
    import tomllib

    parse_settings(tomllib.loads(text), path)  # what is written must load back
    write_bytes_atomic(path, text.encode("utf-8"))
    return path


def as_rows(settings: Settings) -> list[tuple[str, str]]:
    """(dotted key, value or "") for ``config show``."""
    rows = []
    for (section, key), field in _KEYS.items():
        value = getattr(settings, field)
        rows.append((f"{section}.{key}" if section else key, "" if value is None else str(value)))
    assert len(rows) == len(fields(Settings))
    return rows
