"""Header and signature profiles per unit (``Unit.profile``).

- ``party``: Hướng dẫn 36-HD/VPTW (vietnamese-formats §1.4–§1.9): superior body upright,
  issuing body bold, "*", "Số 05-BB/CB" without colon; "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold
  with a rule; signer prefix with a slash ("T/M").
- ``state``: Nghị định 30/2020/NĐ-CP, used by mass organisations (Hội Cựu chiến binh...)
  and state bodies: national title and motto with a rule, "Số:" with colon, "TM.".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitator.domain.models import Unit
from facilitator.domain.vietnamese import clean_line, fold, format_place_date
from facilitator.export.document import DocHeader, Line, Signature
from facilitator.export.issuers import association_signer, is_association, issuing_body
from facilitator.export.settings import DocSettings
from facilitator.export.wording import header as header_wording


@dataclass(frozen=True)
class Profile:
    """What differs between Party and state documents."""

    key: str
    number_prefix: str
    signer_prefix: str
    is_party: bool

    def number_line(self, number: str, doc_code: str, abbrev: str) -> str:
        """ "Số 05-BB/CB", or with the number left blank: "Số    -BB/CB"."""
        number = clean_line(number)
        if number:
            return f"{self.number_prefix}{number}"
        if self.is_party:
            tail = f"-{doc_code}/{abbrev}" if abbrev else f"-{doc_code}"
        else:
            # NĐ 30 symbol order is "số/loại-cơ quan" (e.g. "Số: 12/BB-HCCB").
            tail = f"/{doc_code}-{abbrev}" if abbrev else f"/{doc_code}"
        return f"{self.number_prefix}{header_wording.BLANK_NUMBER}{tail}"


STATE_HEADER_PT = 13.0  # NĐ 30: national title and names 12–13 pt (13 unless too long)
STATE_HEADER_MIN_PT = 12.0

PARTY = Profile(
    "party", header_wording.PARTY_NUMBER_PREFIX, header_wording.PARTY_SIGNER_PREFIX, is_party=True
)
STATE = Profile(
    "state", header_wording.STATE_NUMBER_PREFIX, header_wording.STATE_SIGNER_PREFIX, is_party=False
)
PROFILES = {"party": PARTY, "state": STATE}


def profile_of(unit: Unit) -> Profile:
    """The unit's profile; unknown values fall back to the Party layout."""
    return PROFILES.get(unit.profile, PARTY)


def build_header(
    unit: Unit, *, number: str, doc_code: str, day: date, settings: DocSettings
) -> DocHeader:
    """Header block of the first page for ``unit`` (names upper-cased, never hard-coded)."""
    profile = profile_of(unit)
    # HD 36: names at the body size (14 pt); NĐ 30: names and national title 12–13 pt.
    name_size = None if profile.is_party else STATE_HEADER_PT
    left = [Line(line, size=name_size) for line in _upper_lines(unit.parent)]
    name = issuing_body(unit, report=doc_code == header_wording.DOC_CODE_REPORT).upper()
    if profile.is_party:
        left += [Line(name, bold=True), Line(header_wording.PARTY_SEPARATOR)]
        right: tuple[Line, ...] = (
            Line(
                header_wording.PARTY_TITLE, bold=True, size=settings.title_size_pt, rule_below=True
            ),
        )
    else:
        # NĐ 30: a short rule under the issuing body replaces the asterisk.
        left.append(Line(name, bold=True, size=name_size, rule_below=True))
        right = (
            Line(header_wording.STATE_TITLE, bold=True, size=STATE_HEADER_PT),
            Line(header_wording.STATE_MOTTO, bold=True, rule_below=True),
        )
    smaller = () if profile.is_party else (STATE_HEADER_MIN_PT,)
    return DocHeader(
        left=tuple(left),
        right=right,
        number=profile.number_line(number, doc_code, clean_line(unit.abbrev)),
        place_date=format_place_date(clean_line(unit.locality), day),
        title_sizes=smaller,
        name_sizes=smaller,
    )


def _upper_lines(text: str) -> list[str]:
    """The superior body in capitals; "" gives no line."""
    text = clean_line(text).upper()
    return [text] if text else []


def party_signer_body(unit: Unit) -> str:
    """ "CHI BỘ" for a chi bộ, "ĐẢNG ỦY" for a đảng bộ/đảng ủy (its executive signs)."""
    if fold(unit.name).startswith(("dang bo", "dang uy")):
        return header_wording.PARTY_COMMITTEE_SIGNER_BODY
    return header_wording.DEFAULT_PARTY_SIGNER_BODY


def authority_lines(
    unit: Unit, settings: DocSettings, *, chair_position: str = "", force_tm: bool = False
) -> tuple[Line, ...]:
    """Right signature block lines: "CHỦ TRÌ" or "T/M CHI BỘ" + "BÍ THƯ" ("TM." for state)."""
    if settings.signer == "chair" and not force_tm:
        return (Line(header_wording.CHAIR_SIGNER, bold=True),)
    profile = profile_of(unit)
    if profile.is_party:
        body = settings.signer_body or party_signer_body(unit)
        title = settings.signer_title or header_wording.DEFAULT_PARTY_SIGNER_TITLE
    elif is_association(unit):
        default_body, default_title = association_signer(unit)
        body = settings.signer_body or default_body
        title = settings.signer_title or clean_line(chair_position) or default_title
    else:
        body = settings.signer_body or clean_line(unit.name)
        title = settings.signer_title or clean_line(chair_position)
    lines = [Line(f"{profile.signer_prefix} {body.upper()}", bold=True)]
    if title:
        # Chức vụ: bold in NĐ 30 and in common Party practice; HD 36 text unverified (§1.11 7b).
        lines.append(Line(title.upper(), bold=True))
    return tuple(lines)


def signature(lines: tuple[Line, ...], name: str) -> Signature:
    """A signature block with the standard hint and the signer's name (may be blank)."""
    return Signature(lines=lines, hint=header_wording.SIGNATURE_HINT, name=clean_line(name))
