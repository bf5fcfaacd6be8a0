"""What the signer of a report gives by hand, and what is still blank (#10.6, 7).

A report built from sessions lacks what no session records: its number, the signer
when the chair is not the head of the unit, the narrative parts of the assessment,
and (when the unit has no roster) the superior body, the place and the issuer symbol.
:class:`ReportDetails` carries them; :func:`unit_with` puts the unit's part into the
unit before the report is built, :func:`apply_details` the rest after, and
:func:`remaining_blanks` lists, in words a user acts on, what is still to fill in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from facilitator.domain.models import Unit
from facilitator.domain.numbering import unit_number
from facilitator.export.document import Block
from facilitator.export.issuers import RECIPIENTS_KEY, recipient_lines
from facilitator.export.profiles import authority_lines, profile_of
from facilitator.export.report_model import Report, build_report
from facilitator.export.report_tally import ReportInput
from facilitator.export.settings import DocSettings
from facilitator.export.text import paragraphs
from facilitator.export.wording import header as header_wording
from facilitator.export.wording import report as report_wording
from facilitator.strings import signing as signing_text

NARRATIVE_LABELS = {
    "situation": report_wording.SITUATION_PART,
    "leadership": report_wording.LEADERSHIP_PART,
    **report_wording.NARRATIVE_PARTS,
}
"""Narrative parts a signer may write, by the key used on the command line."""


@dataclass(frozen=True)
class ReportDetails:
    """Fields of a report given by hand; empty values leave the built report alone."""

    number: str = ""
    signer_name: str = ""
    signer_position: str = ""
    recipients: tuple[str, ...] = ()
    narrative: tuple[tuple[str, str], ...] = ()  # (key of NARRATIVE_LABELS, text)
    parent: str = ""
    locality: str = ""
    abbrev: str = ""


def unit_with(unit: Unit, details: ReportDetails) -> Unit:
    """``unit`` completed by what was given (superior body, place, symbol, recipients)."""
    changes = {k: v for k in ("parent", "locality", "abbrev") if (v := getattr(details, k))}
    if details.recipients:
        changes["extra"] = unit.extra | {RECIPIENTS_KEY: list(details.recipients)}
    return replace(unit, **changes) if changes else unit


def signed_report(
    sessions: Iterable[ReportInput],
    *,
    unit: Unit,
    details: ReportDetails | None = None,
    title: str | None = None,
    period: tuple[date, date] | None = None,
    settings: DocSettings | None = None,
    missing: Iterable[str] = (),
) -> tuple[Report, Unit]:
    """The report of ``unit`` over ``sessions`` with ``details`` applied, and the unit as
    completed by them (what :func:`find_blanks` checks)."""
    settings = settings or DocSettings()
    details = details or ReportDetails()
    unit = unit_with(unit, details)
    report = build_report(
        sessions, unit=unit, title=title, period=period, settings=settings, missing=missing
    )
    return apply_details(report, unit, details, settings), unit


def _fill_keys() -> dict[str, str]:
    return {report_wording.narrative_blank(label): key for key, label in NARRATIVE_LABELS.items()}


def apply_details(
    report: Report, unit: Unit, details: ReportDetails, settings: DocSettings
) -> Report:
    """``report`` with the number, signer, recipients and narrative given in ``details``."""
    header = report.header
    number = unit_number(unit, details.number, header_wording.DOC_CODE_REPORT)
    if number:
        profile = profile_of(unit)
        header = replace(
            header, number=profile.number_line(number, header_wording.DOC_CODE_REPORT, "")
        )
    signature = report.signature
    if details.signer_position:
        titled = replace(settings, signer_title=details.signer_position)
        signature = replace(signature, lines=authority_lines(unit, titled, force_tm=True))
    if details.signer_name:
        signature = replace(signature, name=" ".join(details.signer_name.split()))
    recipients = report.recipients
    if details.recipients:
        recipients = recipient_lines(list(details.recipients), is_party=profile_of(unit).is_party)
    given = {key: text for key, text in details.narrative if paragraphs(text)}
    fills = _fill_keys()
    body: list[Block] = []
    for block in report.body:
        key = fills.get(block.text) if block.kind == "fill" else None
        if key in given:
            body += [Block("para", line) for line in paragraphs(given[key])]
        else:
            body.append(block)
    return replace(
        report, header=header, signature=signature, recipients=recipients, body=tuple(body)
    )


@dataclass(frozen=True)
class Blank:
    """One field still blank: a key of :data:`signing.BLANK_FIELDS`, and for
    ``"narrative"`` the part (a key of :data:`NARRATIVE_LABELS`)."""

    field: str
    part: str = ""


def find_blanks(report: Report, unit: Unit) -> list[Blank]:
    """What a signer must still fill in by hand, in the order it appears on paper."""
    blanks = []
    if not unit.parent.strip():
        blanks.append(Blank("parent"))
    if header_wording.BLANK_NUMBER in report.header.number:
        blanks.append(Blank("number"))
    if not unit.abbrev.strip():
        blanks.append(Blank("abbrev"))
    if not unit.locality.strip():
        blanks.append(Blank("locality"))
    fills = _fill_keys()
    for block in report.body:
        if block.kind == "fill" and block.text in fills:
            blanks.append(Blank("narrative", fills[block.text]))
    if len(report.signature.lines) < 2:
        blanks.append(Blank("signer_position"))
    if not report.signature.name:
        blanks.append(Blank("signer_name"))
    return blanks


def blank_words(blank: Blank, *, console: bool = False) -> str:
    """A blank in words: with the command-line option that fills it, or (``console``) as
    the console's dialog names the field."""
    part = NARRATIVE_LABELS.get(blank.part, "")
    return signing_text.blank_words(blank.field, part, blank.part, console=console)


def remaining_blanks(report: Report, unit: Unit, *, console: bool = False) -> list[str]:
    """:func:`find_blanks` in words (see :func:`blank_words`)."""
    return [blank_words(b, console=console) for b in find_blanks(report, unit)]
