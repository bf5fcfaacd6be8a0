"""`facilitator report` options for a signable report (#10.6, 7, 9) and their warnings."""

from __future__ import annotations

from typing import Any

import click

from facilitator.domain.errors import NotFoundError
from facilitator.domain.models import Unit
from facilitator.export.issuers import is_association
from facilitator.export.report_details import NARRATIVE_LABELS, Blank, ReportDetails, blank_words
from facilitator.storage.store import Store
from facilitator.strings import signing as signing_text

OPTION_NAMES = (
    "number", "signer_name", "signer_position", "recipients", "narrative", "parent",
    "locality", "abbrev",
)  # fmt: skip


def signing_options(func: Any) -> Any:
    """--number, --signer-name, --signer-position, --recipient, --narrative, --parent,
    --locality, --abbrev."""
    options = [
        click.option("--number", default="", help=signing_text.NUMBER_HELP),
        click.option("--signer-name", default="", help=signing_text.SIGNER_NAME_HELP),
        click.option("--signer-position", default="", help=signing_text.SIGNER_POSITION_HELP),
        click.option("--recipient", "recipients", multiple=True, help=signing_text.RECIPIENT_HELP),
        click.option(
            "--narrative", multiple=True, metavar="PHẦN=NỘI_DUNG", help=signing_text.NARRATIVE_HELP
        ),
        click.option("--parent", default="", help=signing_text.PARENT_HELP),
        click.option("--locality", default="", help=signing_text.LOCALITY_HELP),
        click.option("--abbrev", default="", help=signing_text.ABBREV_HELP),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def details_from(values: dict[str, Any]) -> ReportDetails:
    """The options as :class:`ReportDetails` (a bad --narrative is a usage error)."""
    narrative = []
    for item in values["narrative"]:
        key, sep, body = item.partition("=")
        if not sep or key.strip() not in NARRATIVE_LABELS:
            raise click.BadParameter(
                signing_text.bad_narrative_option(item, list(NARRATIVE_LABELS)),
                param_hint="'--narrative'",
            )
        narrative.append((key.strip(), body))
    return ReportDetails(
        number=values["number"],
        signer_name=values["signer_name"],
        signer_position=values["signer_position"],
        recipients=tuple(values["recipients"]),
        narrative=tuple(narrative),
        parent=values["parent"],
        locality=values["locality"],
        abbrev=values["abbrev"],
    )


def warn_about_unit(store: Store, unit: Unit, details: ReportDetails) -> None:
    """No roster for the unit and nothing given instead (#7); a Hội on the Party profile (#9)."""
    try:
        store.roster(unit.name)
    except NotFoundError:
        if not (details.parent and details.locality and details.abbrev):
            click.secho(signing_text.no_roster_for_unit(unit.name), fg="yellow", err=True)
    if is_association(unit) and unit.profile == "party":
        click.secho(signing_text.association_on_party_profile(unit.name), fg="yellow", err=True)


class Blanks(list[str]):
    """What is still blank: listed before the file is written, kept for the last line."""

    def __call__(self, blanks: list[Blank]) -> None:
        self[:] = [blank_words(b) for b in blanks]
        if self:
            click.secho(signing_text.blanks_before_export(self), fg="yellow", err=True)

    def wrote(self, path: str, default: str) -> str:
        """The closing line: the file, and how many blanks remain in it."""
        return signing_text.blanks_after_export(path, self) if self else default
