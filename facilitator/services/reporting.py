"""The result report of an open session, as the console makes it (#10.6, 7).

A thin service over the exporters and the store: it proposes what the "Thông tin ký ban
hành" dialog shows (the next number, the unit's recipients, the session's narrative),
remembers what the user typed (per session, in the session's folder; the three parts
the report screen also edits go to the session itself), saves unit details on the unit,
lists the blanks and writes the report. The caller runs :meth:`ReportingService.export`
off the event loop; nothing here knows about screens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from facilitator.domain.errors import NotFoundError, StoreError
from facilitator.domain.models import Narrative, Session, Unit
from facilitator.domain.numbering import unit_number
from facilitator.domain.vietnamese import clean_line, clean_text
from facilitator.domain.vocab import Json
from facilitator.export.formats import ExportFormat
from facilitator.export.issuers import ISSUER_KEY, RECIPIENTS_KEY, recipient_names
from facilitator.export.report_details import (
    NARRATIVE_LABELS,
    ReportDetails,
    remaining_blanks,
    signed_report,
)
from facilitator.export.wording import header as header_wording
from facilitator.services.session import SessionService
from facilitator.storage import report_files
from facilitator.storage.store import Store

SESSION_PARTS = ("strengths", "weaknesses", "proposals")
"""Narrative parts the session itself records (the report screen's three boxes)."""
REPORT_PARTS = tuple(k for k in NARRATIVE_LABELS if k not in SESSION_PARTS)
"""Parts only the report has (thuận lợi, khó khăn; lãnh đạo, chỉ đạo)."""
_LEADING_DIGITS = re.compile(r"^(\d+)")


@dataclass(frozen=True)
class UnitFields:
    """The unit's details a report needs, as typed in the console."""

    parent: str = ""
    locality: str = ""
    abbrev: str = ""
    issuer: str = ""
    recipients: tuple[str, ...] = ()


def unit_gaps(unit: Unit) -> list[str]:
    """Which of superior body, place and issuer symbol the unit lacks (field names)."""
    return [f for f in ("parent", "locality", "abbrev") if not clean_line(getattr(unit, f))]


def issued_number(unit: Unit, raw: str) -> int | None:
    """The serial part of a report number as printed ("07-BC/CB" -> 7)."""
    match = _LEADING_DIGITS.match(unit_number(unit, raw, header_wording.DOC_CODE_REPORT))
    return int(match.group(1)) if match else None


def next_number(unit: Unit, issued: Sequence[int]) -> str:
    """The number after the highest issued, normalised as ``--number`` is ("01-BC/CB")."""
    return unit_number(unit, str(max(issued, default=0) + 1), header_wording.DOC_CODE_REPORT)


def details_to_json(details: ReportDetails) -> Json:
    """Stored form of what the dialog remembers (the session's own parts excluded; see
    :meth:`ReportingService.form` for null number and signer)."""
    return {
        "number": details.number,
        "signer_name": details.signer_name,
        "signer_position": details.signer_position,
        "recipients": list(details.recipients),
        "narrative": {k: v for k, v in details.narrative if k in REPORT_PARTS},
    }


def details_from_json(data: Json) -> ReportDetails:
    """Inverse of :func:`details_to_json`; anything malformed is simply left out."""

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    recipients = data.get("recipients")
    narrative = data.get("narrative")
    return ReportDetails(
        number=text("number"),
        signer_name=text("signer_name"),
        signer_position=text("signer_position"),
        recipients=tuple(r for r in recipients if isinstance(r, str))
        if isinstance(recipients, list)
        else (),
        narrative=tuple(
            (k, v) for k, v in narrative.items() if k in REPORT_PARTS and isinstance(v, str)
        )
        if isinstance(narrative, dict)
        else (),
    )


class ReportingService:
    """The result report of the session ``service`` holds open."""

    def __init__(self, service: SessionService) -> None:
        self._service = service

    @property
    def store(self) -> Store:
        return self._service.store

    @property
    def session(self) -> Session:
        return self._service.session

    @property
    def _folder(self) -> Path:
        return self.store.session_dir(self.session.id)

    # -- the unit -----------------------------------------------------------------------
    def unit(self) -> Unit:
        """The unit as its roster records it (where the console edits it), its gaps filled
        from the session's own copy; the session's copy when it has no roster."""
        own = self.session.unit
        try:
            stored = self.store.roster(own.name).unit
        except NotFoundError:
            return own
        gaps = {f: getattr(own, f) for f in unit_gaps(stored) if getattr(own, f)}
        return replace(stored, **gaps) if gaps else stored

    def has_roster(self) -> bool:
        """Whether the unit is stored (its details then live on its roster)."""
        try:
            self.store.roster(self.session.unit.name)
        except NotFoundError:
            return False
        return True

    def unit_fields(self) -> UnitFields:
        """What the unit dialog shows."""
        unit = self.unit()
        issuer = unit.extra.get(ISSUER_KEY)
        configured = unit.extra.get(RECIPIENTS_KEY)
        return UnitFields(
            parent=unit.parent,
            locality=unit.locality,
            abbrev=unit.abbrev,
            issuer=issuer if isinstance(issuer, str) else "",
            recipients=tuple(r for r in configured if isinstance(r, str))
            if isinstance(configured, list)
            else (),
        )

    def save_unit(self, fields: UnitFields) -> Unit:
        """Save the unit's details on its roster; the next report (here or on the command
        line) has them. Raises ``StoreError`` when the roster file cannot be written."""
        unit = self.unit()
        extra = {k: v for k, v in unit.extra.items() if k not in (ISSUER_KEY, RECIPIENTS_KEY)}
        if clean_line(fields.issuer):
            extra[ISSUER_KEY] = clean_line(fields.issuer)
        recipients = [clean_line(r) for r in fields.recipients if clean_line(r)]
        if recipients:
            extra[RECIPIENTS_KEY] = recipients
        changed = replace(
            unit,
            parent=clean_line(fields.parent),
            locality=clean_line(fields.locality),
            abbrev=clean_line(fields.abbrev),
            extra=extra,
        )
        return self.store.save_unit(changed).unit

    # -- what the dialog shows and remembers ---------------------------------------------
    def proposed_number(self, today: date | None = None) -> str:
        """The next report number of the unit this year, from those it has issued."""
        unit = self.unit()
        year = (today or date.today()).year
        issued = report_files.issued_numbers(
            self.store.root, unit.name, header_wording.DOC_CODE_REPORT, year
        )
        return next_number(unit, issued)

    def derived_signer(self) -> tuple[str, str]:
        """(name, post line) the report prints when no signer is given: the chair when
        the chair heads the unit, else blanks."""
        report, _ = signed_report([self.session], unit=self.unit())
        lines = report.signature.lines
        return report.signature.name, lines[1].text if len(lines) > 1 else ""

    def form(self) -> ReportDetails:
        """The dialog's fields: what was typed for this session, else the proposals."""
        saved = report_files.read_details(self._folder) or {}
        remembered = details_from_json(saved)
        number, name = saved.get("number"), saved.get("signer_name")
        parts = dict(remembered.narrative)
        narrative = self.session.narrative
        return replace(
            remembered,
            number=number if isinstance(number, str) else self.proposed_number(),
            signer_name=name if isinstance(name, str) else self.derived_signer()[0],
            recipients=remembered.recipients or tuple(recipient_names(self.unit())),
            narrative=tuple(
                (k, getattr(narrative, k) if k in SESSION_PARTS else parts.get(k, ""))
                for k in NARRATIVE_LABELS
            ),
        )

    def remember(self, details: ReportDetails) -> None:
        """Keep what the user typed: the report's own fields in the session's folder, the
        three parts the session records on the session. Raises ``FacilitatorError`` when
        nothing could be written."""
        self._write(details, issued=False)
        parts = dict(details.narrative)
        typed = Narrative(*(clean_text(parts.get(k, "")).strip() for k in SESSION_PARTS))
        if typed != self.session.narrative:
            self._service.set_narrative(typed)

    def _write(self, details: ReportDetails, *, issued: bool) -> None:
        """What was only proposed is not kept (null, or no recipients): it follows the unit
        and the register until the user changes it, or the report is issued with it."""
        data = details_to_json(details)
        if not issued and details.number == self.proposed_number():
            data["number"] = None
        if details.signer_name == self.derived_signer()[0]:
            data["signer_name"] = None
        if list(details.recipients) == recipient_names(self.unit()):
            data["recipients"] = []
        report_files.write_details(self._folder, data)

    # -- the report ---------------------------------------------------------------------
    def blanks(self, details: ReportDetails) -> list[str]:
        """What the report would still leave blank, in the console's words."""
        report, unit = signed_report([self.session], unit=self.unit(), details=details)
        return remaining_blanks(report, unit, console=True)

    def target(self, fmt: ExportFormat, path: Path) -> Path:
        """The file an export to ``path`` writes (a folder gets the report's own name)."""
        if not path.is_dir():
            return path
        from facilitator.export.registry import safe_output_path

        report, _ = signed_report([self.session], unit=self.unit())
        return safe_output_path(path, report.file_stem, fmt.ext)

    def export(
        self, fmt: ExportFormat, path: Path, details: ReportDetails, *, overwrite: bool
    ) -> tuple[Path, list[str]]:
        """Write the report; (the file, what it still leaves blank). A number given is
        noted as issued, so the next report proposes the one after it."""
        from facilitator.export import export_report
        from facilitator.export.report_details import Blank, blank_words

        unit = self.unit()
        found: list[Blank] = []
        written = export_report(
            [self.session], fmt.option, path, unit=unit, overwrite=overwrite,
            details=details, on_blanks=found.extend,
        )  # fmt: skip
        if details.number.strip():
            record_issued(self.store, unit, details.number)
            with suppress(StoreError):  # the file is written; only the reminder is lost
                self._write(details, issued=True)  # this report keeps the number it bears
        return written, [blank_words(b, console=True) for b in found]


def record_issued(store: Store, unit: Unit, raw: str, today: date | None = None) -> None:
    """Note a report number as issued by ``unit`` this year (CLI and console alike).

    The register only feeds the next proposal: when it cannot be written the report
    stands, and the user types the next number himself.
    """
    number = issued_number(unit, raw)
    if number is None:
        return
    year = (today or date.today()).year
    try:
        report_files.record_issued(
            store.root, unit.name, header_wording.DOC_CODE_REPORT, year, number
        )
    except (StoreError, OSError):
        return
