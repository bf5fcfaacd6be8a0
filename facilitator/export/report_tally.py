"""The report's streaming tallies: each session reduced once, then folded per unit.

A session is reduced to :class:`SessionFigures`: the counts and the few short texts the
report keeps. That record is small, so thousands of bundles can be read and reduced in
worker processes and only it crosses back (a whole ``Session`` pickles at ~1 ms).
Folding the figures in file order gives the same report whichever process reduced them.

A report bundle (``facilitator.report/1``) folds in as the totals of its unit: the level
above adds them like the figures of one more unit, so totals add up at every level.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeAlias

from facilitator.bundle.report_bundle import COUNT_FIELDS
from facilitator.domain.membership import count_membership
from facilitator.domain.models import Session, Unit
from facilitator.domain.vietnamese import clean_line, fold
from facilitator.domain.vocab import ItemKind
from facilitator.export.issuers import heads_the_unit
from facilitator.export.settings import DocSettings
from facilitator.export.text import paragraphs, sentence
from facilitator.export.wording import report as report_wording

if TYPE_CHECKING:
    from facilitator.bundle.report_bundle import ReportBundle

RAISED_KINDS = ("question", "proposal", "opinion")
# "Thảo luận" is what was said on the content: a discussion item, or the Q&A under a
# presented part (§2.3); procedure, vote and closing notes are neither quoted nor counted.
DISCUSSED_ITEM_KINDS = frozenset({ItemKind.DISCUSSION, ItemKind.PRESENTATION})
MAX_RAISED_PER_KIND = 10  # enough to show the mood; the minutes hold the rest
MAX_RAISED_PER_UNIT = 2  # spread the examples over units
MAX_NARRATIVE = 20
MAX_PRESENTERS = 20
MAX_SOURCES = 10
NARRATIVE_KEYS = tuple(report_wording.NARRATIVE_PARTS)


@dataclass(frozen=True, slots=True)
class SessionFigures:
    """What the report keeps of one session (no Session objects cross processes)."""

    id: str
    status: str
    started_at: datetime
    content_id: str
    unit_key: tuple[str, str]
    unit_name: str
    unit_parent: str
    makeup: bool
    total: int
    official: int
    probationary: int
    exempt: int
    expected: int
    present: int
    excused: int
    unexcused: int
    below_quorum: bool
    unmarked: int
    non_members: int
    absent_keys: tuple[str, ...]
    makeup_keys: tuple[str, ...]
    reflection_grades: tuple[str | None, ...]
    sources: tuple[str, ...]
    presenters: tuple[tuple[str, str], ...]
    raised: tuple[tuple[str, str], ...]
    """(kind, sentence): the first MAX_RAISED_PER_UNIT of each kind, in note order; no
    later note of a kind can ever be shown (see :meth:`Collector._raised`)."""
    raised_counts: tuple[int, ...]
    narrative: tuple[tuple[str, ...], ...]
    chair: tuple[str, str] | None
    """(name, position) of the chair when the chair is the bí thư (the report's signer)."""

    @classmethod
    def of(cls, session: Session) -> SessionFigures:
        """Reduce a session once (the work a worker process does)."""
        unit = session.unit
        counts = count_membership(session.people, session.attendance)
        makeup = session.extra.get("makeup") is True
        present_ids = {a.person for a in session.attendance if a.is_present}
        members = {p.id: p for p in session.people if p.is_member}
        discussed = discussed_notes(
            ((n.item, n.kind, n.text) for n in session.notes),
            {i.id: i.kind for i in session.agenda},
        )
        return cls(
            id=session.id,
            status=session.status,
            started_at=session.started_at,
            content_id=session.content.id,
            unit_key=(fold(unit.name), fold(unit.parent)),
            unit_name=clean_line(unit.name),
            unit_parent=clean_line(unit.parent),
            makeup=makeup,
            total=counts.total,
            official=counts.official,
            probationary=counts.probationary,
            exempt=counts.exempt,
            expected=counts.expected,
            present=counts.present,
            excused=len(counts.absent_excused),
            unexcused=len(counts.absent_unexcused),
            below_quorum=counts.below_quorum,
            unmarked=len(counts.unmarked),
            non_members=counts.non_members_present,
            # Sorted: the same figures whichever order the roster was in (sets downstream).
            absent_keys=tuple(
                sorted(
                    [fold(a.person.name) for a in counts.absent_excused]
                    + [fold(p.name) for p in counts.absent_unexcused]
                )
            ),
            makeup_keys=tuple(sorted(fold(p.name) for i, p in members.items() if i in present_ids))
            if makeup
            else (),
            # Counted against the members who took part, so the rate never passes 100%.
            reflection_grades=tuple(
                r.grade
                for r in session.reflections
                if r.submitted and r.person in members and r.person in present_ids
            ),
            sources=tuple(clean_line(source) for source in session.content.sources),
            presenters=_presenters(session),
            raised=raised_examples(discussed),
            raised_counts=kind_counts(kind for kind, _ in discussed),
            narrative=tuple(
                narrative_lines(getattr(session.narrative, part)) for part in NARRATIVE_KEYS
            ),
            chair=_chair(session),
        )


def _presenters(session: Session) -> tuple[tuple[str, str], ...]:
    ids = set(session.roles.presenters) | {i.presenter for i in session.agenda if i.presenter}
    return tuple(
        (clean_line(p.name), clean_line(p.position)) for p in session.people if p.id in ids
    )


def discussed_notes(
    notes: Iterable[tuple[str, str, str]], item_kinds: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(kind, text) of the notes (item, kind, text) taken on a discussed item."""
    return [
        (kind, text) for item, kind, text in notes if item_kinds.get(item) in DISCUSSED_ITEM_KINDS
    ]


def raised_examples(notes: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(kind, sentence) of the first MAX_RAISED_PER_UNIT non-empty notes of each kind."""
    taken = dict.fromkeys(RAISED_KINDS, 0)
    out = []
    for kind, text in notes:
        if kind in taken and taken[kind] < MAX_RAISED_PER_UNIT:
            line = sentence(text)
            if line:
                taken[kind] += 1
                out.append((kind, line))
    return tuple(out)


def kind_counts(kinds: Iterable[str]) -> tuple[int, ...]:
    """How many notes of each of RAISED_KINDS, in that order (one pass)."""
    counts = Counter(kinds)
    return tuple(counts[kind] for kind in RAISED_KINDS)


def narrative_lines(text: str) -> tuple[str, ...]:
    """The first MAX_NARRATIVE distinct lines: all the collector can ever keep."""
    return tuple(dict.fromkeys(sentence(line) for line in paragraphs(text)))[:MAX_NARRATIVE]


def chair_signer(name: str, position: str, unit: Unit) -> tuple[str, str] | None:
    """(name, position) when the chair heads the unit (the report's signer), else ``None``."""
    if not heads_the_unit(position, unit):
        return None
    return clean_line(name), clean_line(position)


def _chair(session: Session) -> tuple[str, str] | None:
    chair = session.person(session.roles.chair) if session.roles.chair else None
    return chair_signer(chair.name, chair.position, session.unit) if chair else None


@dataclass
class Tally:
    """Mutable per-unit accumulator (one per unit, never one per session)."""

    name: str
    grade_keys: tuple[str, ...]
    latest: datetime | None = None
    total: int = 0
    official: int = 0
    probationary: int = 0
    exempt: int = 0
    sessions: int = 0
    makeup_sessions: int = 0
    expected: int = 0
    present: int = 0
    excused: int = 0
    unexcused: int = 0
    non_members: int = 0
    reflections: int = 0
    ungraded: int = 0
    below_quorum: int = 0
    unmarked: int = 0
    raised: int = 0
    reported_makeup: int = 0
    """Make-ups counted by the unit's own report bundle (its names stayed below)."""
    from_report: bool = False
    grades: list[int] = field(default_factory=list)
    absent_keys: set[str] = field(default_factory=set)
    """Members absent from a regular session (folded names): who may make it up."""
    makeup_keys: set[str] = field(default_factory=set)
    """Members present at a make-up session (folded names)."""

    @property
    def makeup(self) -> int:
        """Members who missed a regular session and came to a make-up."""
        return len(self.absent_keys & self.makeup_keys) + self.reported_makeup


@dataclass
class Collector:
    """Everything the report keeps while streaming: tallies plus capped example lists."""

    settings: DocSettings
    home: Unit
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    dates: set[date] = field(default_factory=set)
    sources: dict[str, None] = field(default_factory=dict)
    presenters: dict[str, str] = field(default_factory=dict)
    presenter_keys: set[str] = field(default_factory=set)
    raised: dict[str, list[str]] = field(default_factory=dict)
    raised_counts: dict[str, int] = field(default_factory=dict)
    narrative: dict[str, dict[str, None]] = field(default_factory=dict)
    signer: tuple[datetime, str, str] | None = None  # (when, name, position)
    repeated_reports: list[str] = field(default_factory=list)
    """Units whose second report bundle was left out (the first one counts)."""
    parents_by_name: dict[str, dict[str, Tally]] = field(default_factory=dict)  # name, superior

    def _tally(self, key: tuple[str, str], name: str) -> Tally:
        tally = self.tallies.get(key) or self._same_unit(key)
        if tally is None:
            keys = tuple(k for k, _ in self.settings.grade_labels)
            tally = Tally(name, keys, grades=[0] * len(keys))
            self.tallies[key] = tally
            self.parents_by_name.setdefault(key[0], {})[key[1]] = tally
        return tally

    def _same_unit(self, key: tuple[str, str]) -> Tally | None:
        """The one unit of that name when one side names no superior (else counted twice)."""
        found = [t for p, t in self.parents_by_name.get(key[0], {}).items() if not p or not key[1]]
        return found[0] if len(found) == 1 else None

    def add(self, session: Session) -> None:
        """Fold one session (reduced here)."""
        self.add_figures(SessionFigures.of(session))

    def add_figures(self, f: SessionFigures) -> None:
        """Fold one reduced session, in file order."""
        tally = self._tally(f.unit_key, f.unit_name)
        if tally.from_report:  # its report bundle already stands for its sessions
            self._repeated(tally.name)
            return
        tally.sessions += 1
        self.dates.add(f.started_at.date())
        if f.makeup:
            # A make-up session only counts those who missed a regular one (Tally.makeup).
            tally.makeup_sessions += 1
            tally.makeup_keys.update(f.makeup_keys)
        else:
            if tally.latest is None or f.started_at > tally.latest:  # the latest roll
                tally.latest = f.started_at
                tally.total, tally.official = f.total, f.official
                tally.probationary, tally.exempt = f.probationary, f.exempt
            tally.expected += f.expected
            tally.present += f.present
            tally.excused += f.excused
            tally.unexcused += f.unexcused
            tally.below_quorum += f.below_quorum
            tally.unmarked += f.unmarked
            tally.absent_keys.update(f.absent_keys)
        tally.non_members += f.non_members
        for grade in f.reflection_grades:
            tally.reflections += 1
            if grade in tally.grade_keys:
                tally.grades[tally.grade_keys.index(grade)] += 1
            else:
                tally.ungraded += 1
        self._sources(f.sources)
        for name, position in f.presenters:
            self.presenter_keys.add(fold(name))
            if len(self.presenters) < MAX_PRESENTERS:
                self.presenters.setdefault(name, position)
        for kind, count in zip(RAISED_KINDS, f.raised_counts, strict=True):
            if count:
                self.raised_counts[kind] = self.raised_counts.get(kind, 0) + count
        self._raised(f.raised, tally)
        self._narrative(f.narrative, tally.name)
        self._signer(f)

    def _sources(self, sources: tuple[str, ...]) -> None:
        for source in sources:
            if len(self.sources) < MAX_SOURCES:
                self.sources.setdefault(source, None)

    def _raised(self, raised: tuple[tuple[str, str], ...], tally: Tally) -> None:
        for kind, text in raised:
            bucket = self.raised.setdefault(kind, [])
            if len(bucket) < MAX_RAISED_PER_KIND and tally.raised < MAX_RAISED_PER_UNIT:
                bucket.append(report_wording.raised_item(text, tally.name))
                tally.raised += 1

    def _narrative(self, parts: tuple[tuple[str, ...], ...], unit_name: str) -> None:
        for part, lines in zip(NARRATIVE_KEYS, parts, strict=True):
            kept = self.narrative.setdefault(part, {})
            for line in lines:
                if len(kept) < MAX_NARRATIVE:
                    kept.setdefault(report_wording.narrative_from(unit_name, line), None)

    def _signer(self, f: SessionFigures) -> None:
        # The report is signed by the bí thư: the chair of the home unit's latest session
        # when that chair holds the post; otherwise the name is left to fill in.
        if f.chair is None or f.unit_key[0] != fold(self.home.name):
            return
        if self.signer is None or f.started_at > self.signer[0]:
            self.signer = (f.started_at, *f.chair)

    def _repeated(self, name: str) -> None:
        if name not in self.repeated_reports:  # each unit named once in the warning
            self.repeated_reports.append(name)

    def add_report(self, bundle: ReportBundle) -> None:
        """Fold a unit's report bundle as the figures of that unit (its totals)."""
        unit = bundle.unit
        tally = self._tally((fold(unit.name), fold(unit.parent)), clean_line(unit.name))
        if tally.from_report or tally.sessions:
            self._repeated(tally.name)
            return
        tally.from_report = True
        t = bundle.totals
        for name in COUNT_FIELDS:  # the tally's counters bear the same names
            setattr(tally, "reported_makeup" if name == "makeup" else name, getattr(t, name))
        for key, count in t.grades:
            if key in tally.grade_keys:
                tally.grades[tally.grade_keys.index(key)] += count
            else:
                tally.ungraded += count
        self.dates.update(bundle.dates)
        self._sources(bundle.sources)
        for kind, count in bundle.raised:
            if count:
                self.raised_counts[kind] = self.raised_counts.get(kind, 0) + count
        self._narrative(bundle.narrative_parts(NARRATIVE_KEYS), tally.name)


ReportInput: TypeAlias = "Session | SessionFigures | ReportBundle"
"""What a report folds: stored or imported sessions, reduced ones, report bundles."""


def collect(
    items: Iterable[ReportInput],
    *,
    unit: Unit,
    settings: DocSettings,
    period: tuple[date, date] | None = None,
) -> Collector:
    """Fold ``items`` once, in order, into the collector of ``unit``'s report.

    Sessions outside ``period`` (inclusive) and planned ones (not held) are left out; the
    same session or report bundle met twice (stored and as a file) counts once.
    """
    from facilitator.bundle.report_bundle import ReportBundle

    collector = Collector(settings=settings, home=unit)
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReportBundle):
            if item.id not in seen:
                seen.add(item.id)
                collector.add_report(item)
            continue
        if period is not None and not period[0] <= item.started_at.date() <= period[1]:
            continue
        if item.status == "planned" or item.id in seen:
            continue
        seen.add(item.id)
        if isinstance(item, Session):
            collector.add(item)
        else:
            collector.add_figures(item)
    return collector
