"""Collect a batch of bundles (both kinds) into a campaign, each matched to an expected unit.

As ``facilitator import``: every file is read and validated first, and nothing is kept
if any file is invalid; a bundle id met twice in the batch, or already collected, is
refused (``replace`` takes the new file instead). A unit speaks either through one report
bundle or through its session bundles: a second report, or the other kind, is a repeat.
Files whose unit is not expected are left out and listed, so the user can fix the list
of units or the file. A file whose unit could be one of several expected units (same
name, no superior that tells them apart) is left out too, with its candidates, so the
caller can ask the user and collect it again with the answer (``chosen``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from facilitator.bundle.report_bundle import ReportBundle
from facilitator.campaign.matching import MatchKind, match_unit
from facilitator.campaign.model import Campaign, ExpectedUnit, Receipt, ReceiptKind
from facilitator.campaign.storage import CampaignStore
from facilitator.domain.errors import InputError, Problem
from facilitator.domain.vietnamese import clean_line, fold
from facilitator.export.report_inputs import Failed, bundle_files, iter_results
from facilitator.export.report_tally import SessionFigures
from facilitator.strings import bundle as bundle_text
from facilitator.strings import campaign as campaign_text


@dataclass(frozen=True)
class Ambiguous:
    """A file left out because its unit could be any of ``candidates`` (ask the user)."""

    path: Path
    name: str
    candidates: tuple[ExpectedUnit, ...]


@dataclass(frozen=True)
class CollectResult:
    """What a collection kept, what it replaced, and the files left out with why."""

    campaign: Campaign
    added: tuple[Receipt, ...]
    replaced: tuple[str, ...]
    left_out: tuple[Problem, ...]
    ambiguous: tuple[Ambiguous, ...] = ()


def file_key(path: Path) -> str:
    """How ``chosen`` names a file: its resolved path (a file given twice is one file)."""
    return str(path.resolve())


def pick_by_parent(candidates: Iterable[ExpectedUnit], parent: str) -> ExpectedUnit | None:
    """The candidate under ``parent`` (exact, then accent- and case-free), if exactly one."""
    for key in (clean_line, lambda text: " ".join(fold(text).split())):
        found = [u for u in candidates if key(u.parent) == key(parent)]
        if len(found) == 1:
            return found[0]
    return None


def _receipt(
    path: Path, item: SessionFigures | ReportBundle, unit: ExpectedUnit, today: date
) -> Receipt:
    if isinstance(item, ReportBundle):
        t = item.totals
        return Receipt(
            f"r-{item.id}.json", ReceiptKind.REPORT, item.id, unit.name, item.issued_on, today,
            t.sessions, t.expected, t.present, t.reflections, unit.parent,
        )  # fmt: skip
    # A make-up session is held, but its members count under "học bù", not participation.
    expected, present = (0, 0) if item.makeup else (item.expected, item.present)
    return Receipt(
        f"s-{item.id}.json", ReceiptKind.SESSION, item.id, unit.name, item.started_at.date(),
        today, 1, expected, present, len(item.reflection_grades), unit.parent,
    )  # fmt: skip


def collect(
    store: CampaignStore,
    campaign_id: str,
    paths: Iterable[Path],
    *,
    today: date,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
    chosen: Mapping[str, str] | None = None,
) -> CollectResult:
    """Validate every file, match it, then keep the batch (nothing if any file fails).

    ``chosen``: for files whose unit is ambiguous, the superior the user chose, keyed by
    :func:`file_key`; a superior that none of the candidates has is a problem.

    Raises:
        InputError: every problem of every file; nothing was kept.
    """
    files = bundle_files(paths, recursive=True)
    if not files:
        raise InputError(bundle_text.NO_FILES)
    with store.lock(campaign_id).acquire_blocking():
        campaign = store.load(campaign_id)
        problems: list[Problem] = []
        left_out: list[Problem] = []
        ambiguous: list[Ambiguous] = []
        batch: list[tuple[Path, Receipt]] = []
        first: dict[str, Path] = {}
        for done, (path, item) in enumerate(zip(files, iter_results(files), strict=True), 1):
            if progress is not None:
                progress(done, len(files))
            if isinstance(item, Failed):
                problems.extend(_located(path, item))
                continue
            if isinstance(item, ReportBundle):
                name, parent = item.unit.name, item.unit.parent
            else:
                name, parent = item.unit_name, item.unit_parent
            found = match_unit(name, parent, campaign.units)
            unit = found.unit
            if found.kind is MatchKind.AMBIGUOUS and chosen and file_key(path) in chosen:
                unit = pick_by_parent(found.candidates, chosen[file_key(path)])
                if unit is None:
                    problems.append(
                        Problem(str(path), campaign_text.no_such_parent(chosen[file_key(path)]))
                    )
                    continue
            if unit is None:
                left_out.append(_left_out(path, name, found.kind, found.candidates))
                if found.kind is MatchKind.AMBIGUOUS:
                    ambiguous.append(Ambiguous(path, name, found.candidates))
                continue
            receipt = _receipt(path, item, unit, today)
            if receipt.file in first:
                problems.append(
                    Problem(f"{path} $.id", campaign_text.same_file_twice(first[receipt.file]))
                )
                continue
            first[receipt.file] = path
            batch.append((path, receipt))
        kept, replaced = _merge(campaign, [r for _, r in batch], replace, problems, batch)
        if problems:
            raise InputError(bundle_text.import_failed(len(problems), len(files)), problems)
        for path, receipt in batch:
            store.save_bundle(campaign.id, receipt.file, path.read_bytes())
        dropped = {r.file for r in campaign.receipts} - {r.file for r in kept}
        updated = campaign.with_receipts(tuple(kept))
        store.save(updated)
        for name in dropped - {r.file for _, r in batch}:
            store.remove_bundle(campaign.id, name)
    return CollectResult(
        updated, tuple(r for _, r in batch), tuple(replaced), tuple(left_out), tuple(ambiguous)
    )


def _merge(
    campaign: Campaign,
    new: list[Receipt],
    replace: bool,
    problems: list[Problem],
    batch: list[tuple[Path, Receipt]],
) -> tuple[list[Receipt], list[str]]:
    """The receipts after this batch; repeats become problems unless ``replace``."""
    path_of = {r.file: p for p, r in batch}
    new_units = {r.unit_key for r in new}
    kept: list[Receipt] = []
    replaced: list[str] = []
    for old in campaign.receipts:
        clash = next((r for r in new if _clashes(old, r)), None)
        if clash is None:
            kept.append(old)
        elif replace:
            replaced.append(old.bundle_id)
        else:
            problems.append(
                Problem(str(path_of[clash.file]), campaign_text.repeat(old.unit, old.bundle_id))
            )
            kept.append(old)
    reports = [r for r in new if r.kind is ReceiptKind.REPORT]
    for unit in new_units:
        kinds = {r.kind for r in new if r.unit_key == unit}
        if len(kinds) > 1 or sum(r.unit_key == unit for r in reports) > 1:
            problems.append(Problem(unit[0], campaign_text.mixed_kinds(unit[0])))
    return [*kept, *new], replaced


def _clashes(old: Receipt, new: Receipt) -> bool:
    """Same file, or the same unit speaking twice where only one voice counts."""
    if old.file == new.file:
        return True
    if old.unit != new.unit or (old.parent and new.parent and old.parent != new.parent):
        return False
    return ReceiptKind.REPORT in (old.kind, new.kind)


def _located(path: Path, failed: Failed) -> list[Problem]:
    if not failed.problems:
        return [Problem(str(path), failed.message)]
    return [Problem(f"{path} {p.where}".rstrip(), p.message) for p in failed.problems]


def _left_out(
    path: Path, name: str, kind: MatchKind, candidates: tuple[ExpectedUnit, ...]
) -> Problem:
    if kind is MatchKind.AMBIGUOUS:
        return Problem(
            str(path), campaign_text.ambiguous_unit(name, [c.parent for c in candidates])
        )
    return Problem(str(path), campaign_text.unknown_unit(name))
