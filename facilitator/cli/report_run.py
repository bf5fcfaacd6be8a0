"""What ``facilitator report`` and ``facilitator campaign report`` fold: the unit's own
stored sessions, then bundle files of both kinds (folders stand for their ``*.json``),
read in parallel above a threshold and filtered by content and dates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from facilitator.bundle.report_bundle import ReportBundle
from facilitator.domain.errors import CorruptStoreError, InputError, NotFoundError
from facilitator.domain.models import Json, Session, Unit
from facilitator.domain.vietnamese import fold
from facilitator.export.report_inputs import bundle_files, iter_reduced, read_reduced
from facilitator.export.report_tally import ReportInput
from facilitator.storage.store import Store
from facilitator.strings import main as main_text


def own_sessions(store: Store, unit: str, problems: list[str]) -> Iterator[Session]:
    """The stored sessions of ``unit``; unreadable ones become ``problems``."""
    for item in store.iter_sessions():
        if isinstance(item, CorruptStoreError):
            problems.append(str(item))
        elif item.unit.name == unit:
            yield item


def selected(
    items: Iterable[ReportInput], content: str | None, start: date | None, end: date | None
) -> Iterator[ReportInput]:
    """Sessions of ``content`` held within [start, end]; report bundles pass (their own
    period is what their unit reported on)."""
    for item in items:
        if isinstance(item, ReportBundle):
            yield item
            continue
        item_content = item.content.id if isinstance(item, Session) else item.content_id
        day = item.started_at.date()
        if content and item_content != content:
            continue
        if (start and day < start) or (end and day > end):
            continue
        yield item


def report_items(
    store: Store,
    unit_name: str,
    files: Iterable[Path],
    content: str | None,
    start: date | None,
    end: date | None,
    problems: list[str],
) -> Iterator[ReportInput]:
    """The unit's own sessions, then every file (in order), filtered."""

    def every() -> Iterator[ReportInput]:
        yield from own_sessions(store, unit_name, problems)
        yield from iter_reduced(bundle_files(files))

    return selected(every(), content, start, end)


def attachments(store: Store, unit_name: str, files: Iterable[Path]) -> list[Json]:
    """Session bundles to send with a report bundle, when the user asks for them."""
    from facilitator.bundle.io import read_bundle

    out = [s.to_dict() for s in own_sessions(store, unit_name, [])]
    for path in bundle_files(files):
        try:
            out.append(read_bundle(path).to_dict())
        except InputError:
            read_reduced(path)  # a report bundle is not attached; a broken file still fails
    return out


def stored_units(store: Store) -> list[str]:
    """Every unit name the store knows: its rosters, then its sessions (each once)."""
    names = [roster.unit.name for roster in store.rosters()]
    names += [row.unit for row in store.list_sessions().sessions]
    return list(dict.fromkeys(name for name in names if name))


def resolve_unit(store: Store, given: str, *, has_bundles: bool) -> tuple[str, bool]:
    """The stored unit ``given`` names, found without accents or case; the flag says
    whether it differs from what was typed (the caller says so).

    Raises:
        InputError: several units match; or none does and no bundle was given (the
            report would say nothing but zeros).
    """
    names = stored_units(store)
    if given in names:
        return given, False
    matches = [name for name in names if fold(name) == fold(given)]
    if len(matches) == 1:
        return matches[0], True
    if matches:
        listed = "\n".join(f"- {name}" for name in matches)
        raise InputError(main_text.UNIT_AMBIGUOUS.format(given=given, names=listed))
    if has_bundles:
        return given, False
    shown = ", ".join(f"«{name}»" for name in names) or main_text.UNIT_NONE_STORED
    raise InputError(main_text.UNIT_UNKNOWN.format(given=given, names=shown))


def unit_for(store: Store, name: str) -> Unit:
    """The unit as its roster records it (header, abbreviation), else by its name only."""
    try:
        return store.roster(name).unit
    except NotFoundError:
        return Unit(name=name)
