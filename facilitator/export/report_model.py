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
from dataclasses import dataclass
from datetime import date

from facilitator.domain.models import Unit
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
from facilitator.export.issuers import recipient_lines, recipient_names
from facilitator.export.profiles import (
    authority_lines,
    build_header,
    profile_of,
    signature,
)
from facilitator.export.report_tally import (
    RAISED_KINDS,
    Collector,
    ReportInput,
    Tally,
    collect,
)
from facilitator.export.settings import DocSettings
from facilitator.export.wording import header as header_wording
from facilitator.export.wording import minutes as minutes_wording
from facilitator.export.wording import report as report_wording
from facilitator.strings import campaign as campaign_text

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
    missing: tuple[str, ...] = ()
    """Expected units that did not report (a campaign's report lists them)."""
    repeated: tuple[str, ...] = ()
    """Units that spoke twice (a report bundle and sessions, or two reports): only the
    first counted; the caller warns."""

    def table_rows(self, *, raw: bool = False) -> list[tuple[str, ...]]:
        """Statistics rows numbered 1…n, then the "Tổng cộng" row."""
        out = [row.cells(str(i), raw=raw) for i, row in enumerate(self.rows, start=1)]
        out.append(self.total.cells("", raw=raw))
        return out

    @property
    def text(self) -> str:
        """All body lines as plain text."""
        return "\n".join(block.display for block in self.body)


def unit_row(tally: Tally) -> UnitRow:
    """The statistics row of one unit's tally."""
    notes = []
    if tally.below_quorum:
        notes.append(report_wording.note_below_quorum(tally.below_quorum))
    if tally.unmarked:
        notes.append(report_wording.note_unmarked(tally.unmarked))
    return UnitRow(
        unit=tally.name,
        sessions=tally.sessions,
        total=tally.total,
        exempt=tally.exempt,
        expected=tally.expected,
        present=tally.present,
        excused=tally.excused,
        unexcused=tally.unexcused,
        makeup=tally.makeup,
        non_members=tally.non_members,
        reflections=tally.reflections,
        grades=tuple(tally.grades),
        note="; ".join(notes),
    )


def build_report(
    sessions: Iterable[ReportInput],
    *,
    unit: Unit,
    title: str | None = None,
    period: tuple[date, date] | None = None,
    settings: DocSettings | None = None,
    issued_on: date | None = None,
    missing: Iterable[str] = (),
) -> Report:
    """Aggregate ``sessions`` (own and imported) into the report of ``unit``.

    ``period`` keeps sessions whose start date lies within it (inclusive); ``title`` is
    the subject line (default "kết quả tổ chức sinh hoạt chính trị, tư tưởng" plus the
    period); ``issued_on`` dates the report (default today). ``sessions`` may also hold
    reduced sessions and report bundles of units below; ``missing`` names the expected
    units that did not report (listed in the body and kept on the report).
    """
    settings = settings or DocSettings()
    missing = tuple(missing)
    collector = collect(sessions, unit=unit, settings=settings, period=period)
    rows = tuple(
        unit_row(t) for t in sorted(collector.tallies.values(), key=lambda t: collation_key(t.name))
    )
    total = _total_row(rows, len(settings.grade_labels))
    subject = clean_line(title) if title and clean_line(title) else _default_subject(period)
    day = issued_on or date.today()
    number = unit_number(unit, "", header_wording.DOC_CODE_REPORT)  # the report has no number yet
    header = build_header(
        unit, number=number, doc_code=header_wording.DOC_CODE_REPORT, day=day, settings=settings
    )
    signer_name, signer_position = (collector.signer or (None, "", ""))[1:]
    lines = authority_lines(unit, settings, chair_position=signer_position, force_tm=True)
    recipients = recipient_lines(recipient_names(unit), is_party=profile_of(unit).is_party)
    grade_header = tuple(label for _, label in settings.grade_labels)
    base_header = report_wording.report_table_header(profile_of(unit).is_party)
    table_header = (*base_header[:13], *grade_header, base_header[-1])
    return Report(
        header=header,
        doc_type=report_wording.REPORT_TYPE,
        subject=subject,
        body=_with_missing(_body(collector, rows, total, unit, subject), missing),
        recipients=recipients,
        signature=signature(lines, signer_name),
        table_header=table_header,
        rows=rows,
        total=total,
        file_stem=f"{report_wording.REPORT_TYPE} {day.isoformat()} {subject}",
        missing=tuple(missing),
        repeated=tuple(collector.repeated_reports),
    )


def _with_missing(body: list[Block], missing: tuple[str, ...]) -> tuple[Block, ...]:
    # The units that did not report go before the closing sentence.
    return (*body[:-1], *missing_blocks(missing), *body[-1:])


def _default_subject(period: tuple[date, date] | None) -> str:
    if period is None:
        return report_wording.DEFAULT_REPORT_SUBJECT
    return report_wording.DEFAULT_REPORT_SUBJECT + report_wording.report_period(
        format_date(period[0]), format_date(period[1])
    )


def _total_row(rows: tuple[UnitRow, ...], grade_count: int) -> UnitRow:
    return UnitRow(
        unit=report_wording.REPORT_TOTAL_ROW,
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
    c: Collector, rows: tuple[UnitRow, ...], total: UnitRow, unit: Unit, subject: str
) -> list[Block]:
    tallies = list(c.tallies.values())
    unit_name = clean_line(unit.name)
    is_party = profile_of(unit).is_party
    directive = next(
        (src for src in c.sources if fold(src).startswith(report_wording.DIRECTIVE_PREFIXES)), None
    )
    blocks = [
        Block("para", report_wording.report_intro(unit_name, directive)),
        Block("heading", report_wording.REPORT_SECTION_SITUATION),
    ]
    official = sum(t.official for t in tallies)
    probationary = sum(t.probationary for t in tallies)
    blocks.append(
        _item(
            report_wording.report_members_line(
                total.total, official, probationary, total.exempt, is_party=is_party
            )
        )
    )
    if len(rows) > 1:
        blocks.append(_item(report_wording.report_units_line(len(rows))))
    blocks.append(Block("fill", report_wording.narrative_blank(report_wording.SITUATION_PART)))
    blocks.append(Block("heading", report_wording.REPORT_SECTION_LEADERSHIP))
    blocks.append(Block("fill", report_wording.narrative_blank(report_wording.LEADERSHIP_PART)))
    blocks.append(Block("heading", report_wording.REPORT_SECTION_RESULTS))
    if not rows:
        blocks.append(Block("para", report_wording.REPORT_NO_SESSIONS))
    else:
        blocks += _results(c, total, tallies)
    blocks.append(Block("heading", report_wording.REPORT_SECTION_ASSESSMENT))
    blocks.append(Block("subheading", report_wording.REPORT_SUB_STRENGTHS))
    blocks += _narrative_blocks(c, "strengths")
    blocks.append(Block("subheading", report_wording.REPORT_SUB_WEAKNESSES))
    blocks += _narrative_blocks(c, "weaknesses")
    blocks.append(Block("heading", report_wording.REPORT_SECTION_PROPOSALS))
    blocks += _narrative_blocks(c, "proposals")
    blocks.append(Block("para", report_wording.report_closing(unit_name, subject)))
    return blocks


def _results(c: Collector, total: UnitRow, tallies: list[Tally]) -> list[Block]:
    is_party = profile_of(c.home).is_party
    n = format_int
    makeup_sessions = sum(t.makeup_sessions for t in tallies)
    blocks = [Block("subheading", report_wording.REPORT_SUB_SESSIONS)]
    blocks.append(_item(report_wording.report_sessions_line(total.sessions, makeup_sessions)))
    dates = sorted(c.dates)
    if len(dates) <= MAX_LISTED_DATES:
        blocks.append(_item(report_wording.report_dates_line([format_date(d) for d in dates])))
    else:
        blocks.append(
            _item(report_wording.report_date_range(format_date(dates[0]), format_date(dates[-1])))
        )

    blocks.append(Block("subheading", report_wording.REPORT_SUB_PARTICIPATION))
    blocks.append(
        _item(
            report_wording.participation_line(
                n(total.present), n(total.expected), total.rate, is_party=is_party
            )
        )
    )
    absent = total.excused + total.unexcused
    blocks.append(
        _item(report_wording.absences_line(n(absent), n(total.excused), n(total.unexcused)))
    )
    if total.makeup:
        after = format_percent(total.present + total.makeup, total.expected)
        blocks.append(_item(report_wording.makeup_line(n(total.makeup), after)))
    blocks.append(_item(report_wording.non_members_line(n(total.non_members))))

    blocks.append(Block("subheading", report_wording.REPORT_SUB_CONTENT))
    if c.sources:
        blocks.append(_item(report_wording.sources_line([src for src in c.sources if src])))
    if c.presenters:
        names = [
            minutes_wording.person_with_position(name, pos) for name, pos in c.presenters.items()
        ]
        blocks.append(
            _item(report_wording.presenters_line(names, len(c.presenter_keys) - len(names)))
        )

    blocks.append(Block("subheading", report_wording.REPORT_SUB_DISCUSSION))
    counts = c.raised_counts
    summary = report_wording.notes_summary_line(
        n(counts.get("opinion", 0)), n(counts.get("question", 0)), n(counts.get("proposal", 0))
    )
    blocks.append(_item(summary))
    labels = {
        "question": report_wording.REPORT_QUESTIONS,
        "proposal": report_wording.report_proposals_raised(is_party),
        "opinion": report_wording.REPORT_OPINIONS,
    }
    for kind in RAISED_KINDS:
        shown = c.raised.get(kind, [])
        if not shown:
            continue
        blocks.append(_item(labels[kind]))
        blocks += [_item(text, 1) for text in shown]
        if counts[kind] > len(shown):
            blocks.append(_item(report_wording.more_items_line(n(counts[kind] - len(shown))), 1))

    blocks.append(Block("subheading", report_wording.REPORT_SUB_REFLECTIONS))
    attended = total.present + total.makeup
    blocks.append(
        _item(
            report_wording.reflections_line(
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
    blocks.append(_item(report_wording.grades_line(parts)))
    ungraded = sum(t.ungraded for t in tallies)
    if ungraded:
        blocks.append(_item(report_wording.ungraded_line(n(ungraded))))
    return blocks


def _narrative_blocks(c: Collector, part: str) -> list[Block]:
    kept = list(c.narrative.get(part, {}))
    if not kept:
        return [Block("fill", report_wording.narrative_blank(report_wording.NARRATIVE_PARTS[part]))]
    if len(c.tallies) == 1:
        # One unit: its name before every paragraph would only be noise.
        prefix = next(iter(c.tallies.values())).name + ": "
        kept = [text.removeprefix(prefix) for text in kept]
    return [Block("para", text) for text in kept]


def missing_blocks(missing: tuple[str, ...]) -> list[Block]:
    """The "units that did not report" part of a report (nothing when all reported)."""
    if not missing:
        return []
    blocks = [Block("subheading", campaign_text.missing_heading(len(missing)))]
    blocks += [Block("item", name, marker="-") for name in missing]
    return blocks
