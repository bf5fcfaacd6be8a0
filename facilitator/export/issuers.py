"""Who issues a unit's documents, who signs for it and who receives its report (#10.4, 9).

A đảng bộ does not issue documents itself: its committee does ("ĐẢNG BỘ HUYỆN DI LINH"
over "ĐẢNG ỦY XÃ TÂN THƯỢNG"), and its report goes to the committee above and its
organs ("Ban Thường vụ Huyện ủy (b/c)", "Ban Tuyên giáo Huyện ủy", "Lưu VP"). A Hội
signs "TM. BAN CHẤP HÀNH / CHỦ TỊCH" and files "Lưu: VT".

Everything is derived from the unit's names unless the unit says otherwise in its
details (``Unit.extra``): ``issuer`` (the issuing body's name) and ``recipients`` (a list
of names, one per nơi nhận line), so a unit whose practice differs is configured once.
"""

from __future__ import annotations

from facilitator.domain.models import Unit
from facilitator.domain.vietnamese import clean_line, fold
from facilitator.strings import signing as signing_text

ISSUER_KEY = "issuer"
RECIPIENTS_KEY = "recipients"
_PARTY_BODY = "dang bo"
_COMMITTEE_BODY = "dang uy"
_ASSOCIATION = ("hoi ",)
_BRANCH = ("chi hoi ",)


def is_committee_level(unit: Unit) -> bool:
    """A đảng bộ or đảng ủy (its executive signs), not a chi bộ."""
    return fold(unit.name).startswith((_PARTY_BODY, _COMMITTEE_BODY))


def is_association(unit: Unit) -> bool:
    """A mass organisation (Hội, Chi hội), whatever profile it was given."""
    return fold(unit.name).startswith(_ASSOCIATION + _BRANCH)


def committee_name(body: str) -> str:
    """The committee leading ``body``: "Đảng bộ xã Tân Thượng" -> "Đảng ủy xã Tân
    Thượng", "Đảng bộ huyện Di Linh" -> "Huyện ủy Di Linh"; other names unchanged."""
    words = clean_line(body).split(" ")
    if fold(" ".join(words[:2])) != _PARTY_BODY or len(words) < 3:
        return clean_line(body)
    rest = words[2:]
    for size in (2, 1):
        level = fold(" ".join(rest[:size]))
        if level in signing_text.LEVEL_COMMITTEES and len(rest) > size:
            return " ".join([signing_text.LEVEL_COMMITTEES[level], *rest[size:]])
    return " ".join([signing_text.PARTY_COMMITTEE, *rest])


def issuing_body(unit: Unit, *, report: bool) -> str:
    """The name printed in bold in the header: the committee for a đảng bộ's report."""
    configured = unit.extra.get(ISSUER_KEY)
    if isinstance(configured, str) and clean_line(configured):
        return clean_line(configured)
    if report and unit.profile == "party" and fold(unit.name).startswith(_PARTY_BODY):
        return committee_name(unit.name)
    return clean_line(unit.name)


def _short_committee(committee: str) -> str | None:
    """ "Huyện ủy Di Linh" -> "Huyện ủy" (the organs are named after it), else None."""
    for word in signing_text.LEVEL_COMMITTEES.values():
        if fold(committee).startswith(fold(word)):
            return word
    return None


def default_recipients(unit: Unit) -> list[str]:
    """Nơi nhận of a report when the unit configured none (names, without "- " and
    punctuation); the archive line last."""
    parent = clean_line(unit.parent)
    if unit.profile != "party":
        return ([signing_text.standing_office(parent)] if parent else []) + [
            signing_text.ARCHIVE_STATE
        ]
    names: list[str] = []
    if parent:
        committee = committee_name(parent)
        short = _short_committee(committee)
        if short is not None:
            names += [signing_text.standing_committee(short), signing_text.propaganda_board(short)]
        else:
            names.append(signing_text.committee_for_report(committee))
    names.append(
        signing_text.ARCHIVE_COMMITTEE if is_committee_level(unit) else signing_text.ARCHIVE_CELL
    )
    return names


def recipient_names(unit: Unit) -> list[str]:
    """The unit's configured nơi nhận, else the default; an archive line is always last."""
    configured = unit.extra.get(RECIPIENTS_KEY)
    if isinstance(configured, list) and any(isinstance(n, str) for n in configured):
        names = [clean_recipient(n) for n in configured if isinstance(n, str)]
        names = [n for n in names if n]
        if names and not fold(names[-1]).startswith(fold(signing_text.ARCHIVE_PREFIX)):
            names.append(default_recipients(unit)[-1])
        return names
    return default_recipients(unit)


def clean_recipient(name: str) -> str:
    """A typed recipient without its list dash and closing punctuation."""
    return clean_line(name).lstrip("-–•+ ").rstrip(",;. ")


def recipient_lines(names: list[str], *, is_party: bool) -> tuple[str, ...]:
    """ "- Ban Thường vụ Huyện ủy (b/c)," … "- Lưu VP." (";" between lines under NĐ 30)."""
    cleaned = [n for n in (clean_recipient(n) for n in names) if n]
    separator = "," if is_party else ";"
    return tuple(
        f"- {name}{'.' if i == len(cleaned) - 1 else separator}" for i, name in enumerate(cleaned)
    )


def association_signer(unit: Unit) -> tuple[str, str]:
    """(body after "TM.", default title) of a Hội or Chi hội."""
    if fold(unit.name).startswith(_BRANCH):
        return signing_text.BRANCH_SIGNER_BODY, signing_text.BRANCH_SIGNER_TITLE
    return signing_text.ASSOCIATION_SIGNER_BODY, signing_text.ASSOCIATION_SIGNER_TITLE


_PARTY_HEADS = ("bi thu",)
_ASSOCIATION_HEADS = ("chu tich", "chi hoi truong")


def heads_the_unit(position: str, unit: Unit) -> bool:
    """The post that signs the unit's report: Bí thư of a Party unit, Chủ tịch or Chi hội
    trưởng of a Hội (a deputy, "Phó …", does not)."""
    folded = fold(position)
    heads = _ASSOCIATION_HEADS if is_association(unit) else _PARTY_HEADS
    return any(head in folded for head in heads) and "pho " not in folded
