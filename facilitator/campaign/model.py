"""A campaign (đợt): the plan from above, the units expected to report, what has come in.

Everything here is plain data with a JSON form (``to_dict``/``from_dict``); the store
keeps one ``campaign.json`` per campaign beside copies of the bundles it collected.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any, Self

from facilitator.domain.models import Json
from facilitator.domain.vietnamese import fold

CAMPAIGN_FORMAT = "facilitator.campaign/1"


class UnitKind(StrEnum):
    """What sort of organisation a unit is (the plan's "các chi, đảng bộ, đoàn thể")."""

    CHI_BO = "chi-bo"
    DANG_BO = "dang-bo"
    HOI = "hoi"
    DOAN = "doan"
    CONG_DOAN = "cong-doan"
    OTHER = "khac"

    @classmethod
    def parse(cls, text: str, name: str = "") -> UnitKind | None:
        """A kind from its code or Vietnamese label (accents optional); empty text is
        read from the unit's name ("Chi bộ thôn 1" -> chi bộ). ``None``: not a kind."""
        key = fold(text).replace("-", " ").strip()
        if not key:
            from_name = fold(name)
            return next((k for k, w in _WORDS.items() if from_name.startswith(w)), cls.OTHER)
        if key in ("khac", "other"):
            return cls.OTHER
        return next((k for k, w in _WORDS.items() if key == w), None)


_WORDS = {
    UnitKind.CHI_BO: "chi bo",
    UnitKind.DANG_BO: "dang bo",
    UnitKind.CONG_DOAN: "cong doan",
    UnitKind.HOI: "hoi",
    UnitKind.DOAN: "doan",
}


class ReceiptKind(StrEnum):
    """What a collected file was."""

    SESSION = "session"
    REPORT = "report"


@dataclass(frozen=True)
class ExpectedUnit:
    """A unit the plan expects a report from."""

    name: str
    parent: str = ""
    abbrev: str = ""
    kind: UnitKind = UnitKind.CHI_BO

    def to_dict(self) -> Json:
        return {"name": self.name, "parent": self.parent, "abbrev": self.abbrev, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(
            name=data["name"],
            parent=data.get("parent", ""),
            abbrev=data.get("abbrev", ""),
            kind=UnitKind(data.get("kind", UnitKind.CHI_BO)),
        )


@dataclass(frozen=True)
class Plan:
    """The instruction from above: kế hoạch số …, ngày …, của …, and its deadline."""

    number: str = ""
    issued_on: date | None = None
    issuer: str = ""
    deadline: date | None = None

    def to_dict(self) -> Json:
        return {
            "number": self.number,
            "date": self.issued_on.isoformat() if self.issued_on else None,
            "issuer": self.issuer,
            "deadline": self.deadline.isoformat() if self.deadline else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(
            number=data.get("number", ""),
            issued_on=_day(data.get("date")),
            issuer=data.get("issuer", ""),
            deadline=_day(data.get("deadline")),
        )


@dataclass(frozen=True)
class Receipt:
    """One collected bundle: whose it is, when it reports, and the few figures status shows.

    ``reported_on`` is the day the file speaks for: a report bundle's date, a session's
    day. The figures are derived from the file when it is collected.
    """

    file: str
    kind: ReceiptKind
    bundle_id: str
    unit: str
    reported_on: date
    collected_on: date
    sessions: int = 0
    expected: int = 0
    present: int = 0
    reflections: int = 0
    parent: str = ""
    """The superior of ``unit`` in the list of units: two units may share a name."""

    @property
    def unit_key(self) -> tuple[str, str]:
        return (self.unit, self.parent)

    def to_dict(self) -> Json:
        data: Json = dict(self.__dict__)
        data["reported_on"] = self.reported_on.isoformat()
        data["collected_on"] = self.collected_on.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(
            file=data["file"],
            kind=ReceiptKind(data["kind"]),
            bundle_id=data["bundle_id"],
            unit=data["unit"],
            reported_on=date.fromisoformat(data["reported_on"]),
            collected_on=date.fromisoformat(data["collected_on"]),
            sessions=int(data.get("sessions", 0)),
            expected=int(data.get("expected", 0)),
            present=int(data.get("present", 0)),
            reflections=int(data.get("reflections", 0)),
            parent=data.get("parent", ""),
        )


@dataclass(frozen=True)
class Campaign:
    """One đợt at one level: ``unit`` is the level collecting (its report goes upward)."""

    id: str
    title: str
    unit: str
    plan: Plan = Plan()
    content_id: str = ""
    units: tuple[ExpectedUnit, ...] = ()
    receipts: tuple[Receipt, ...] = ()

    def with_units(self, units: tuple[ExpectedUnit, ...]) -> Campaign:
        return replace(self, units=units)

    def with_receipts(self, receipts: tuple[Receipt, ...]) -> Campaign:
        return replace(self, receipts=receipts)

    def unit_of(self, receipt: Receipt) -> ExpectedUnit | None:
        """The expected unit a receipt counts for: same name and superior, or (receipts
        collected before the superior was recorded) the only unit of that name."""
        named = [u for u in self.units if u.name == receipt.unit]
        exact = [u for u in named if u.parent == receipt.parent]
        if len(exact) == 1:
            return exact[0]
        return named[0] if len(named) == 1 else None

    def to_dict(self) -> Json:
        return {
            "format": CAMPAIGN_FORMAT,
            "id": self.id,
            "title": self.title,
            "unit": self.unit,
            "plan": self.plan.to_dict(),
            "content_id": self.content_id,
            "units": [u.to_dict() for u in self.units],
            "receipts": [r.to_dict() for r in self.receipts],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(
            id=data["id"],
            title=data["title"],
            unit=data.get("unit", ""),
            plan=Plan.from_dict(data.get("plan") or {}),
            content_id=data.get("content_id", ""),
            units=tuple(ExpectedUnit.from_dict(u) for u in data.get("units", ())),
            receipts=tuple(Receipt.from_dict(r) for r in data.get("receipts", ())),
        )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None
