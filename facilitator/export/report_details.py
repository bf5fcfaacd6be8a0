"""What the signer of a report gives by hand, and what is still blank (#10.6, 7).

A report built from sessions lacks what no session records: its number, the signer
when the chair is not the head of the unit, the narrative parts of the assessment,
and (when the unit has no roster) the superior body, the place and the issuer symbol.
:class:`ReportDetails` carries them; :func:`unit_with` puts the unit's part into the
unit before the report is built, :func:`apply_details` the rest after, and
:func:`remaining_blanks` lists, in words a user acts on, what is still to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from facilitator.domain.models import Unit
from facilitator.domain.numbering import unit_number
from facilitator.export.document import Block
from facilitator.export.issuers import RECIPIENTS_KEY, recipient_lines
from facilitator.export.profiles import authority_lines, profile_of
from facilitator.export.report_model import Report
from facilitator.export.settings import DocSettings
from facilitator.export.text import paragraphs
from facilitator.strings import export as s
from facilitator.strings import signing as g

NARRATIVE_LABELS = {
    "situation": s.SITUATION_PART,
    "leadership": s.LEADERSHIP_PART,
    **s.NARRATIVE_PARTS,
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


def _fill_keys() -> dict[str, str]:
    return {s.narrative_blank(label): key for key, label in NARRATIVE_LABELS.items()}


def apply_details(
    report: Report, unit: Unit, details: ReportDetails, settings: DocSettings
) -> Report:
    """``report`` with the number, signer, recipients and narrative given in ``details``."""
    header = report.header
    number = unit_number(unit, details.number, s.DOC_CODE_REPORT)
    if number:
        profile = profile_of(unit)
        header = replace(header, number=profile.number_line(number, s.DOC_CODE_REPORT, ""))
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


def remaining_blanks(report: Report, unit: Unit) -> list[str]:
    """What a signer must still fill in by hand, in the order it appears on paper."""
    blanks = []
    if not unit.parent.strip():
        blanks.append(g.BLANK_PARENT)
    if s.BLANK_NUMBER in report.header.number:
        blanks.append(g.BLANK_NUMBER)
    if not unit.abbrev.strip():
        blanks.append(g.BLANK_ABBREV)
    if not unit.locality.strip():
        blanks.append(g.BLANK_LOCALITY)
    fills = _fill_keys()
    for block in report.body:
        if block.kind == "fill" and block.text in fills:
            key = fills[block.text]
            blanks.append(g.BLANK_NARRATIVE.format(part=NARRATIVE_LABELS[key], key=key))
    if len(report.signature.lines) < 2:
        blanks.append(g.BLANK_SIGNER_POSITION)
    if not report.signature.name:
        blanks.append(g.BLANK_SIGNER_NAME)
    return blanks
