"""The result report (BÁO CÁO kết quả, vietnamese-formats §3.2–§3.3) over many sessions.

``build_report`` reads its sessions once, as a stream, and keeps only per-unit tallies
and a few capped lists, so 10,000 bundles cost linear time and near-constant memory.

Counting rules (documented because a report is only as good as its denominators):
- a unit is identified by its name and superior body (accent- and case-insensitive);
- roll figures (tổng số, chính thức, dự bị, miễn sinh hoạt) come from the unit's latest
  session;
- participation sums over the unit's regular sessions: "ĐV tham gia" is the members
  present, "ĐV phải tham gia" the members expected (tổng số − MSH vắng − SHT nơi khác),
  one count per session ("lượt" when a unit held several);
- a make-up session (học bù) is a session whose ``extra["makeup"]`` is ``True``; its
  members present count under "Học bù", not under participation, and its absences are
  not counted again;
- reflections count every submitted bài thu hoạch; grades use ``DocSettings.grade_labels``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from facilitator.domain.membership import count_membership
from facilitator.domain.models import Session, Unit
from facilitator.domain.numbering import unit_number
from facilitator.domain.vietnamese import (
    clean_line,
    collation_key,
    fold,
    format_date,
    format_int,
    format_percent,
)
from facilitator.export.document import Block, DocHeader, Signature
from facilitator.export.profiles import (
    archive_line,
    authority_lines,
    build_header,
    profile_of,
    signature,
)
from facilitator.export.settings import DocSettings
from facilitator.export.text import paragraphs, sentence
from facilitator.strings import export as s

RAISED_KINDS = ("question", "proposal", "opinion")
MAX_RAISED_PER_KIND = 10  # enough to show the mood; the minutes hold the rest
MAX_RAISED_PER_UNIT = 2  # spread the examples over units
MAX_NARRATIVE = 20
MAX_PRESENTERS = 20
MAX_SOURCES = 10
MAX_LISTED_DATES = 10


@dataclass(frozen=True)
class UnitRow:
    """One row of the statistics table (also the "Tổng cộng" row)."""

    unit: str
    sessions: int
    total: int
    exempt: int
    expected: int
    present: int
    excused: int
    unexcused: int
    makeup: int
    non_members: int
    reflections: int
    grades: tuple[int, ...]  # in ``DocSettings.grade_labels`` order
    note: str = ""

    @property
    def rate(self) -> str:
        """ "95,65%" of present over expected."""
        return format_percent(self.present, self.expected)

    def values(self) -> tuple[int, ...]:
        """The numeric columns, in table order (after TT and Đơn vị, before Tỷ lệ)."""
        return (self.sessions, self.total, self.exempt, self.expected, self.present)

    def counts(self) -> tuple[int, ...]:
        """The numeric columns after Tỷ lệ, in table order (grades last)."""
        tail = (self.excused, self.unexcused, self.makeup, self.non_members, self.reflections)
        return (*tail, *self.grades)

    def cells(self, index: str, *, raw: bool = False) -> tuple[str, ...]:
        """Table cells; ``raw`` keeps plain integers (CSV) instead of "3.192"."""
        num = str if raw else format_int
        head = (index, self.unit, *(num(v) for v in self.values()), self.rate)
        return (*head, *(num(v) for v in self.counts()), self.note)


@dataclass(frozen=True)
class Report:
    """A complete BÁO CÁO, ready for any renderer."""

    header: DocHeader
    doc_type: str
    subject: str
    body: tuple[Block, ...]
    recipients: tuple[str, ...]
    signature: Signature
    table_header: tuple[str, ...]
    rows: tuple[UnitRow, ...]
    total: UnitRow
    file_stem: str

    def table_rows(self, *, raw: bool = False) -> list[tuple[str, ...]]:
        """Statistics rows numbered 1…n, then the "Tổng cộng" row."""
        out = [row.cells(str(i), raw=raw) for i, row in enumerate(self.rows, start=1)]
        out.append(self.total.cells("", raw=raw))
        return out

    @property
    def text(self) -> str:
        """All body lines as plain text."""
        return "\n".join(block.display for block in self.body)


@dataclass
class _Tally:
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
    grades: list[int] = field(default_factory=list)
    absent_keys: set[str] = field(default_factory=set)
    """Members absent from a regular session (folded names): who may make it up."""
    makeup_keys: set[str] = field(default_factory=set)
    """Members present at a make-up session (folded names)."""

    def row(self) -> UnitRow:
        notes = []
        if self.below_quorum:
            notes.append(s.note_below_quorum(self.below_quorum))
        if self.unmarked:
            notes.append(s.note_unmarked(self.unmarked))
        return UnitRow(
            unit=self.name,
            sessions=self.sessions,
            total=self.total,
            exempt=self.exempt,
            expected=self.expected,
            present=self.present,
            excused=self.excused,
            unexcused=self.unexcused,
            makeup=len(self.absent_keys & self.makeup_keys),
            non_members=self.non_members,
            reflections=self.reflections,
            grades=tuple(self.grades),
            note="; ".join(notes),
        )


@dataclass
class _Collector:
    """Everything the report keeps while streaming: tallies plus capped example lists."""

    settings: DocSettings
    home: Unit
    tallies: dict[tuple[str, str], _Tally] = field(default_factory=dict)
    dates: set[date] = field(default_factory=set)
    sources: dict[str, None] = field(default_factory=dict)
    presenters: dict[str, str] = field(default_factory=dict)
    presenter_keys: set[str] = field(default_factory=set)
    raised: dict[str, list[str]] = field(default_factory=dict)
    raised_counts: dict[str, int] = field(default_factory=dict)
    narrative: dict[str, dict[str, None]] = field(default_factory=dict)
    signer: tuple[datetime, str, str] | None = None  # (when, name, position)

    def add(self, session: Session) -> None:
        unit = session.unit
        key = (fold(unit.name), fold(unit.parent))
        tally = self.tallies.get(key)
        if tally is None:
            keys = tuple(k for k, _ in self.settings.grade_labels)
            tally = _Tally(clean_line(unit.name), keys, grades=[0] * len(keys))
            self.tallies[key] = tally
        counts = count_membership(session.people, session.attendance)
        started = session.started_at
        tally.sessions += 1
        self.dates.add(started.date())
        if session.extra.get("makeup") is True:
            # A make-up session only counts those who missed a regular one (see row()).
            tally.makeup_sessions += 1
            tally.makeup_keys.update(
                fold(p.name)
                for p in session.people
                if p.is_member and (a := session.attendance_of(p.id)) and a.is_present
            )
        else:
            if tally.latest is None or started > tally.latest:  # the roll of the latest meeting
                tally.latest = started
                tally.total, tally.official = counts.total, counts.official
                tally.probationary, tally.exempt = counts.probationary, counts.exempt
            tally.expected += counts.expected
            tally.present += counts.present
            tally.excused += len(counts.absent_excused)
            tally.unexcused += len(counts.absent_unexcused)
            tally.below_quorum += counts.below_quorum
            tally.unmarked += len(counts.unmarked)
            tally.absent_keys.update(fold(a.person.name) for a in counts.absent_excused)
            tally.absent_keys.update(fold(p.name) for p in counts.absent_unexcused)
        tally.non_members += counts.non_members_present
        self._reflections(session, tally)
        self._content(session)
        self._notes(session, tally)
        self._narrative(session, tally)
        self._signer(session)

    def _reflections(self, session: Session, tally: _Tally) -> None:
        for reflection in session.reflections:
            person = session.person(reflection.person)
            attended = session.attendance_of(reflection.person)
            # Counted against the members who took part (present, or at a make-up), so
            # only those members' reflections count: the rate can never pass 100%.
            if not reflection.submitted or person is None or not person.is_member:
                continue
            if attended is None or not attended.is_present:
                continue
            tally.reflections += 1
            if reflection.grade in tally.grade_keys:
                tally.grades[tally.grade_keys.index(reflection.grade)] += 1
            else:
                tally.ungraded += 1

    def _content(self, session: Session) -> None:
        for source in session.content.sources:
            if len(self.sources) < MAX_SOURCES:
                self.sources.setdefault(clean_line(source), None)
        ids = set(session.roles.presenters) | {i.presenter for i in session.agenda if i.presenter}
        if not ids:
            return
        for person in session.people:
            if person.id in ids:
                name = clean_line(person.name)
                self.presenter_keys.add(fold(name))
                if len(self.presenters) < MAX_PRESENTERS:
                    self.presenters.setdefault(name, clean_line(person.position))

    def _notes(self, session: Session, tally: _Tally) -> None:
        for note in session.notes:
            if note.kind not in RAISED_KINDS:
                continue
            self.raised_counts[note.kind] = self.raised_counts.get(note.kind, 0) + 1
            bucket = self.raised.setdefault(note.kind, [])
            if len(bucket) < MAX_RAISED_PER_KIND and tally.raised < MAX_RAISED_PER_UNIT:
                text = sentence(note.text)
                if text:
                    bucket.append(s.raised_item(text, tally.name))
                    tally.raised += 1

    def _narrative(self, session: Session, tally: _Tally) -> None:
        for part in s.NARRATIVE_PARTS:
            kept = self.narrative.setdefault(part, {})
            for line in paragraphs(getattr(session.narrative, part)):
                if len(kept) < MAX_NARRATIVE:
                    kept.setdefault(s.narrative_from(tally.name, sentence(line)), None)

    def _signer(self, session: Session) -> None:
        # The report is signed by the bí thư: take the chair of the home unit's latest
        # session when that chair holds the post; otherwise the name is left to fill in.
        if fold(session.unit.name) != fold(self.home.name) or session.roles.chair is None:
            return
        chair = session.person(session.roles.chair)
        position = fold(chair.position) if chair else ""
        if chair is None or "bi thu" not in position or "pho bi thu" in position:
            return
        if self.signer is None or session.started_at > self.signer[0]:
            self.signer = (session.started_at, clean_line(chair.name), clean_line(chair.position))


def build_report(
    sessions: Iterable[Session],
    *,
    unit: Unit,
    title: str | None = None,
    period: tuple[date, date] | None = None,
    settings: DocSettings | None = None,
    issued_on: date | None = None,
) -> Report:
    """Aggregate ``sessions`` (own and imported) into the report of ``unit``.

    ``period`` keeps sessions whose start date lies within it (inclusive); ``title`` is
    the subject line (default "kết quả tổ chức sinh hoạt chính trị, tư tưởng" plus the
    period); ``issued_on`` dates the report (default today).
    """
    settings = settings or DocSettings()
    collector = _Collector(settings=settings, home=unit)
    seen: set[str] = set()
    for session in sessions:
        if period is not None and not period[0] <= session.started_at.date() <= period[1]:
            continue
        # A planned session has not been held; the same session met twice (stored and
        # as a bundle) is counted once.
        if session.status == "planned" or session.id in seen:
            continue
        seen.add(session.id)
        collector.add(session)

    rows = tuple(
        t.row() for t in sorted(collector.tallies.values(), key=lambda t: collation_key(t.name))
    )
    total = _total_row(rows, len(settings.grade_labels))
    subject = clean_line(title) if title and clean_line(title) else _default_subject(period)
    day = issued_on or date.today()
    number = unit_number(unit, "", s.DOC_CODE_REPORT)  # the report has no number yet
    header = build_header(
        unit, number=number, doc_code=s.DOC_CODE_REPORT, day=day, settings=settings
    )
    signer_name, signer_position = (collector.signer or (None, "", ""))[1:]
    lines = authority_lines(unit, settings, chair_position=signer_position, force_tm=True)
    recipients = [s.recipient_superior(clean_line(unit.parent))] if unit.parent else []
    recipients.append(archive_line(unit))
    grade_header = tuple(label for _, label in settings.grade_labels)
    base_header = s.report_table_header(profile_of(unit).is_party)
    table_header = (*base_header[:13], *grade_header, base_header[-1])
    return Report(
        header=header,
        doc_type=s.REPORT_TYPE,
        subject=subject,
        body=tuple(_body(collector, rows, total, unit, subject)),
        recipients=tuple(recipients),
        signature=signature(lines, signer_name),
        table_header=table_header,
        rows=rows,
        total=total,
        file_stem=f"{s.REPORT_TYPE} {day.isoformat()} {subject}",
    )


def _default_subject(period: tuple[date, date] | None) -> str:
    if period is None:
        return s.DEFAULT_REPORT_SUBJECT
    return s.DEFAULT_REPORT_SUBJECT + s.report_period(
        format_date(period[0]), format_date(period[1])
    )


def _total_row(rows: tuple[UnitRow, ...], grade_count: int) -> UnitRow:
    return UnitRow(
        unit=s.REPORT_TOTAL_ROW,
        sessions=sum(r.sessions for r in rows),
        total=sum(r.total for r in rows),
        exempt=sum(r.exempt for r in rows),
        expected=sum(r.expected for r in rows),
        present=sum(r.present for r in rows),
        excused=sum(r.excused for r in rows),
        unexcused=sum(r.unexcused for r in rows),
        makeup=sum(r.makeup for r in rows),
        non_members=sum(r.non_members for r in rows),
        reflections=sum(r.reflections for r in rows),
        grades=tuple(sum(r.grades[i] for r in rows) for i in range(grade_count)),
    )


def _item(text: str, level: int = 0) -> Block:
    return Block("item", text, marker="-" if level == 0 else "+", level=level)


def _body(
    c: _Collector, rows: tuple[UnitRow, ...], total: UnitRow, unit: Unit, subject: str
) -> list[Block]:
    tallies = list(c.tallies.values())
    unit_name = clean_line(unit.name)
    is_party = profile_of(unit).is_party
    directive = next((src for src in c.sources if fold(src).startswith(s.DIRECTIVE_PREFIXES)), None)
    blocks = [
        Block("para", s.report_intro(unit_name, directive)),
        Block("heading", s.REPORT_SECTION_SITUATION),
    ]
    official = sum(t.official for t in tallies)
    probationary = sum(t.probationary for t in tallies)
    blocks.append(
        _item(
            s.report_members_line(
                total.total, official, probationary, total.exempt, is_party=is_party
            )
        )
    )
    if len(rows) > 1:
        blocks.append(_item(s.report_units_line(len(rows))))
    blocks.append(Block("fill", s.narrative_blank(s.SITUATION_PART)))
    blocks.append(Block("heading", s.REPORT_SECTION_LEADERSHIP))
    blocks.append(Block("fill", s.narrative_blank(s.LEADERSHIP_PART)))
    blocks.append(Block("heading", s.REPORT_SECTION_RESULTS))
    if not rows:
        blocks.append(Block("para", s.REPORT_NO_SESSIONS))
    else:
        blocks += _results(c, total, tallies)
    blocks.append(Block("heading", s.REPORT_SECTION_ASSESSMENT))
    blocks.append(Block("subheading", s.REPORT_SUB_STRENGTHS))
    blocks += _narrative_blocks(c, "strengths")
    blocks.append(Block("subheading", s.REPORT_SUB_WEAKNESSES))
    blocks += _narrative_blocks(c, "weaknesses")
    blocks.append(Block("heading", s.REPORT_SECTION_PROPOSALS))
    blocks += _narrative_blocks(c, "proposals")
    blocks.append(Block("para", s.report_closing(unit_name, subject)))
    return blocks


def _results(c: _Collector, total: UnitRow, tallies: list[_Tally]) -> list[Block]:
    is_party = profile_of(c.home).is_party
    n = format_int
    makeup_sessions = sum(t.makeup_sessions for t in tallies)
    blocks = [Block("subheading", s.REPORT_SUB_SESSIONS)]
    blocks.append(_item(s.report_sessions_line(total.sessions, makeup_sessions)))
    dates = sorted(c.dates)
    if len(dates) <= MAX_LISTED_DATES:
        blocks.append(_item(s.report_dates_line([format_date(d) for d in dates])))
    else:
        blocks.append(_item(s.report_date_range(format_date(dates[0]), format_date(dates[-1]))))

    blocks.append(Block("subheading", s.REPORT_SUB_PARTICIPATION))
    blocks.append(
        _item(
            s.participation_line(n(total.present), n(total.expected), total.rate, is_party=is_party)
        )
    )
    absent = total.excused + total.unexcused
    blocks.append(_item(s.absences_line(n(absent), n(total.excused), n(total.unexcused))))
    if total.makeup:
        after = format_percent(total.present + total.makeup, total.expected)
        blocks.append(_item(s.makeup_line(n(total.makeup), after)))
    blocks.append(_item(s.non_members_line(n(total.non_members))))

    blocks.append(Block("subheading", s.REPORT_SUB_CONTENT))
    if c.sources:
        blocks.append(_item(s.sources_line([src for src in c.sources if src])))
    if c.presenters:
        names = [s.person_with_position(name, pos) for name, pos in c.presenters.items()]
        blocks.append(_item(s.presenters_line(names, len(c.presenter_keys) - len(names))))

    blocks.append(Block("subheading", s.REPORT_SUB_DISCUSSION))
    counts = c.raised_counts
    summary = s.notes_summary_line(
        n(counts.get("opinion", 0)), n(counts.get("question", 0)), n(counts.get("proposal", 0))
    )
    blocks.append(_item(summary))
    labels = {
        "question": s.REPORT_QUESTIONS,
        "proposal": s.report_proposals_raised(is_party),
        "opinion": s.REPORT_OPINIONS,
    }
    for kind in RAISED_KINDS:
        shown = c.raised.get(kind, [])
        if not shown:
            continue
        blocks.append(_item(labels[kind]))
        blocks += [_item(text, 1) for text in shown]
        if counts[kind] > len(shown):
            blocks.append(_item(s.more_items_line(n(counts[kind] - len(shown))), 1))

    blocks.append(Block("subheading", s.REPORT_SUB_REFLECTIONS))
    attended = total.present + total.makeup
    blocks.append(
        _item(
            s.reflections_line(
                n(total.reflections),
                n(attended),
                format_percent(total.reflections, attended),
                is_party=is_party,
            )
        )
    )
    parts = [
        (label, n(count), format_percent(count, total.reflections))
        for (_, label), count in zip(c.settings.grade_labels, total.grades, strict=True)
    ]
    blocks.append(_item(s.grades_line(parts)))
    ungraded = sum(t.ungraded for t in tallies)
    if ungraded:
        blocks.append(_item(s.ungraded_line(n(ungraded))))
    return blocks


def _narrative_blocks(c: _Collector, part: str) -> list[Block]:
    kept = list(c.narrative.get(part, {}))
    if not kept:
        return [Block("fill", s.narrative_blank(s.NARRATIVE_PARTS[part]))]
    if len(c.tallies) == 1:
        # One unit: its name before every paragraph would only be noise.
        prefix = next(iter(c.tallies.values())).name + ": "
        kept = [text.removeprefix(prefix) for text in kept]
    return [Block("para", text) for text in kept]
