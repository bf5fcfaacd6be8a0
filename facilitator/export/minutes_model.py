"""The minutes model: every text of a BIÊN BẢN, worded in Vietnamese, built from a session.

``build_minutes`` is pure: a ``Session`` snapshot in, a frozen :class:`Minutes` out. No
number is typed by hand: counts come from :func:`count_membership`, votes and approval
from their records, times from the session clock. Presenter-only notes
(``AgendaItem.presenter_notes``) and the pack's presentation text never reach the
minutes. Layout follows vietnamese-formats §2.3 and §5.3.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.membership import MembershipCounts, Timed, count_membership
from facilitator.domain.models import AgendaItem, Note, Person, Session
from facilitator.domain.numbering import unit_number
from facilitator.domain.vietnamese import clean_line, format_clock, format_date, format_percent
from facilitator.domain.votes import VoteOutcome, outcome
from facilitator.export.document import Block, DocHeader, Line, Signature
from facilitator.export.held import was_held
from facilitator.export.presenters import item_presenters, presenter_labels, session_presenters
from facilitator.export.profiles import authority_lines, build_header, profile_of, signature
from facilitator.export.settings import DocSettings
from facilitator.export.text import paragraphs, sentence
from facilitator.export.wording import header as header_wording
from facilitator.export.wording import minutes as minutes_wording
from facilitator.export.wording import report as report_wording

DISCUSSION_KINDS = frozenset({"opinion", "question", "answer", "proposal"})


@dataclass(frozen=True)
class Minutes:
    """A complete BIÊN BẢN, ready for any renderer."""

    header: DocHeader
    doc_type: str
    subject: str
    body: tuple[Block, ...]
    signatures: tuple[Signature, Signature]  # (left: thư ký, right: chủ trì / T/M)
    counts: MembershipCounts
    file_stem: str  # suggested file name (before slugging)

    @property
    def text(self) -> str:
        """All body lines as plain text (handy for search and tests)."""
        return "\n".join(block.display for block in self.body)


def build_minutes(
    session: Session, settings: DocSettings | None = None, *, preview: bool | None = None
) -> Minutes:
    """Word the minutes of ``session`` (``settings`` chooses the right-hand signer).

    A document to issue (``preview`` false: the default when ``settings`` are given, as
    every export passes them) is refused when it would be false. A preview (the console's
    read-back, a file name: the default without ``settings``) states the reason first, as
    a highlighted blank, so that nobody reading it back takes it for a valid record.

    Raises:
        FacilitatorError: the meeting did not meet (nobody present) or its chair or
            secretary was absent: such minutes would state a meeting that was not held,
            signed by people who were not there.
    """
    preview = settings is None if preview is None else preview
    settings = settings or DocSettings()
    people = {p.id: p for p in session.people}
    counts = count_membership(session.people, session.attendance)
    chair = people.get(session.roles.chair or "")
    secretary = people.get(session.roles.secretary or "")
    refusal = _refusal(session, counts, chair, secretary)
    if refusal and not preview:
        raise FacilitatorError(refusal)
    # Skipped items leave the agenda as held, unless something was recorded on them:
    # what the secretary wrote down is never dropped from the minutes.
    noted = {note.item for note in session.notes} | {
        item.id for item in session.agenda if clean_line(item.conclusion)
    }
    noted |= {vote.item for vote in session.votes}
    held = [item for item in session.agenda if was_held(session, item, noted)]
    notes_by_item: dict[str, list[Note]] = defaultdict(list)
    for note in session.notes:
        notes_by_item[note.item].append(note)

    body: list[Block] = [Block("fill", refusal)] if refusal else []
    body += _opening(session, counts, people, chair, secretary)
    body += _content(session, held, people)
    body += _proceedings(session, held, people, notes_by_item)
    body += _conclusion(session)
    body += _votes(session, counts)
    body += _closing(session)

    right = authority_lines(session.unit, settings, chair_position=chair.position if chair else "")
    left, right = _level((Line(header_wording.SECRETARY_SIGNER, bold=True),), right)
    signatures = (
        signature(left, secretary.name if secretary else ""),
        signature(right, chair.name if chair else ""),
    )
    day = session.started_at.date()
    number = unit_number(session.unit, session.number, header_wording.DOC_CODE_MINUTES)
    header = build_header(
        session.unit,
        number=number,
        doc_code=header_wording.DOC_CODE_MINUTES,
        day=day,
        settings=settings,
    )
    subject = clean_line(session.title)
    return Minutes(
        header=header,
        doc_type=minutes_wording.MINUTES_TYPE,
        subject=subject,
        body=tuple(body),
        signatures=signatures,
        counts=counts,
        file_stem=f"{minutes_wording.MINUTES_TYPE} {day.isoformat()} {subject}",
    )


def _refusal(
    session: Session, counts: MembershipCounts, chair: Person | None, secretary: Person | None
) -> str | None:
    """Why these minutes cannot be issued: the meeting did not meet, or a signer was absent."""
    if counts.present == 0:
        return minutes_wording.minutes_nobody_present(is_party=profile_of(session.unit).is_party)
    for person, role in (
        (chair, minutes_wording.ROLE_CHAIR),
        (secretary, minutes_wording.ROLE_SECRETARY),
    ):
        record = session.attendance_of(person.id) if person else None
        if person is not None and record is not None and not record.is_present:
            return minutes_wording.minutes_signer_absent(role, clean_line(person.name))
    return None


def _level(left: tuple[Line, ...], right: tuple[Line, ...]) -> tuple[tuple[Line, ...], ...]:
    """Both signature blocks padded to the same number of authority lines, so the hints,
    the room to sign and the names sit level ("THƯ KÝ" beside "T/M CHI BỘ" / "BÍ THƯ")."""
    rows = max(len(left), len(right))
    return tuple((*lines, *(Line("") for _ in range(rows - len(lines)))) for lines in (left, right))


def _name(people: dict[str, Person], person_id: str | None) -> str | None:
    person = people.get(person_id or "")
    return clean_line(person.name) if person else None


def _item(text: str, level: int = 0, marker: str | None = None) -> Block:
    return Block("item", text, marker=marker or ("-" if level == 0 else "+"), level=level)


def _opening(
    session: Session,
    counts: MembershipCounts,
    people: dict[str, Person],
    chair: Person | None,
    secretary: Person | None,
) -> list[Block]:
    started = session.started_at
    is_party = profile_of(session.unit).is_party
    blocks = [
        _item(minutes_wording.time_line(format_clock(started), format_date(started.date()))),
        _item(minutes_wording.place_line(clean_line(session.place))),
        _item(minutes_wording.PARTICIPANTS),
    ]
    attending = {a.person for a in session.attendance if a.is_present}
    guests = [
        minutes_wording.person_with_position(clean_line(p.name), clean_line(p.position))
        for p in session.people
        if p.category == "khach" and p.id in attending
    ]  # guests keep the order they were entered in (by rank, §5.3)
    if guests:
        blocks.append(_item(minutes_wording.guests_line(guests), 1))
    blocks.append(
        _item(
            minutes_wording.chair_line(
                minutes_wording.person_with_position(
                    clean_line(chair.name), clean_line(chair.position)
                )
                if chair
                else minutes_wording.role_missing()
            ),
            1,
        )
    )
    blocks.append(
        _item(
            minutes_wording.secretary_line(
                f"{minutes_wording.COMRADE} {clean_line(secretary.name)}"
                if secretary
                else minutes_wording.role_missing()
            ),
            1,
        )
    )
    blocks.append(
        _item(
            minutes_wording.total_members_line(
                counts.total,
                counts.official,
                counts.probationary,
                counts.exempt,
                counts.temp_in,
                counts.temp_out,
                is_party=is_party,
            ),
            1,
        )
    )
    blocks.append(
        _item(
            minutes_wording.present_line(
                counts.present,
                counts.present_official,
                counts.present_probationary,
                counts.late,
                is_party=is_party,
                latecomers=_timed(counts.latecomers),
                left_early=_timed(counts.left_early),
            ),
            1,
        )
    )
    blocks.append(_item(minutes_wording.absent_line(counts.absent), 1))
    if counts.absent:
        blocks.append(_item(minutes_wording.excused_line(len(counts.absent_excused)), 2, "-"))
        for number, absence in enumerate(counts.absent_excused, start=1):
            reason = sentence(absence.reason).rstrip(".")
            text = minutes_wording.excused_person(clean_line(absence.person.name), reason)
            blocks.append(_item(text, 3, f"{number}."))
        blocks.append(_item(minutes_wording.unexcused_line(len(counts.absent_unexcused)), 2, "-"))
        for number, person in enumerate(counts.absent_unexcused, start=1):
            blocks.append(
                _item(minutes_wording.unexcused_person(clean_line(person.name)), 3, f"{number}.")
            )
    if counts.exempt_absent:
        blocks.append(_item(minutes_wording.exempt_absent_line(counts.exempt_absent), 1))
    if counts.below_quorum:
        percent = format_percent(counts.present, counts.expected)
        line = minutes_wording.below_quorum_line(
            counts.present, counts.expected, percent, is_party=is_party
        )
        blocks.append(_item(line, 1))
    if counts.unmarked:
        blocks.append(
            Block(
                "fill", minutes_wording.unmarked_line([clean_line(p.name) for p in counts.unmarked])
            )
        )
    if counts.non_members_present or counts.guests_present:
        blocks.append(
            _item(minutes_wording.others_line(counts.non_members_present, counts.guests_present), 1)
        )
    return blocks


def _timed(people: tuple[Timed, ...]) -> list[tuple[str, str | None]]:
    """Names with the clock time they came or left (the date is the meeting's)."""
    return [(clean_line(t.person.name), format_clock(t.at) if t.at else None) for t in people]


def _presenters(session: Session, item: AgendaItem, people: dict[str, Person]) -> list[str]:
    return [clean_line(p.name) for p in item_presenters(session, item)]


def _content(session: Session, held: list[AgendaItem], people: dict[str, Person]) -> list[Block]:
    blocks = [Block("heading", minutes_wording.SECTION_CONTENT)]
    sources = [clean_line(src) for src in session.content.sources if clean_line(src)]
    if sources:
        blocks.append(_item(minutes_wording.DOCUMENTS_STUDIED))
        blocks += [_item(sentence(src), 1) for src in sources]
    presenters = presenter_labels(session_presenters(session))
    if presenters:  # §2.3: a study session's minutes say who presented as báo cáo viên
        blocks.append(_item(report_wording.presenters_line(presenters, 0)))
    if not held:
        blocks.append(Block("para", minutes_wording.NO_AGENDA))
        return blocks
    blocks.append(_item(minutes_wording.AGENDA_HELD))
    for number, item in enumerate(held, start=1):
        text = minutes_wording.agenda_entry(
            clean_line(item.title), _presenters(session, item, people)
        )
        blocks.append(_item(sentence(text), 1, f"{number}."))
    return blocks


def _proceedings(
    session: Session,
    held: list[AgendaItem],
    people: dict[str, Person],
    notes_by_item: dict[str, list[Note]],
) -> list[Block]:
    blocks = [Block("heading", minutes_wording.SECTION_PROCEEDINGS)]
    for number, item in enumerate(held, start=1):
        recorded = _recorded(session, item, people, notes_by_item.get(item.id, []))
        # A held item is headed whenever something true can be said of it (its presenter,
        # a note, its conclusion, its vote); an item with nothing at all gets no empty
        # heading, as the agenda in I. already lists it.
        if recorded:
            blocks.append(Block("subheading", f"{number}. {clean_line(item.title)}"))
            blocks += recorded
    if len(blocks) == 1:
        blocks.append(Block("para", minutes_wording.NO_PROCEEDINGS))
    return blocks


def _recorded(
    session: Session, item: AgendaItem, people: dict[str, Person], item_notes: list[Note]
) -> list[Block]:
    """What DIỄN BIẾN says under one item: presenter, records, discussion, conclusion."""
    blocks: list[Block] = []
    presenters = _presenters(session, item, people)
    if presenters:
        blocks.append(Block("para", minutes_wording.presenter_line(presenters)))
    notes = sorted(item_notes, key=lambda n: n.at)
    blocks += [
        Block("para", sentence(n.text)) for n in notes if n.kind == "record" and clean_line(n.text)
    ]
    discussion = [n for n in notes if n.kind in DISCUSSION_KINDS and clean_line(n.text)]
    if discussion:
        blocks.append(Block("para", minutes_wording.DISCUSSION))
        for note in discussion:
            speaker = _name(people, note.speaker)
            blocks.append(
                _item(minutes_wording.discussion_line(speaker, note.kind, sentence(note.text)))
            )
    conclusion = paragraphs(item.conclusion) + [
        line for n in notes if n.kind == "conclusion" for line in paragraphs(n.text)
    ]
    if conclusion:
        blocks.append(Block("para", minutes_wording.item_conclusion_line(sentence(conclusion[0]))))
        blocks += [Block("para", sentence(line)) for line in conclusion[1:]]
    voted = [clean_line(v.question) for v in session.votes if v.item == item.id]
    blocks += [Block("para", minutes_wording.item_voted_line(q)) for q in voted if q]
    return blocks


def _conclusion(session: Session) -> list[Block]:
    """The chair's conclusion; missing, a prompt while the minutes are a draft, and once
    approved only the dotted line to write it by hand (no instruction left in the record)."""
    lines = paragraphs(session.conclusion)
    blank = minutes_wording.FILL_DOTS * 6 if session.is_closed else minutes_wording.CONCLUSION_BLANK
    body = [Block("para", sentence(line)) for line in lines] or [Block("fill", blank)]
    return [Block("heading", minutes_wording.SECTION_CONCLUSION), *body]


def _votes(session: Session, counts: MembershipCounts) -> list[Block]:
    """One line per vote, against the base the attendance gives (never a typed-in one)."""
    if not session.votes:
        return []
    is_party = profile_of(session.unit).is_party
    base = counts.voting_base
    blocks = [Block("heading", minutes_wording.SECTION_VOTES)]
    for vote in session.votes:
        question = clean_line(vote.question)
        result = outcome(vote.for_, base)
        if result is VoteOutcome.NOBODY_ENTITLED:
            blocks.append(_item(minutes_wording.vote_nobody_entitled(question, is_party=is_party)))
            continue
        percent = format_percent(vote.for_, base)
        line = minutes_wording.vote_line(
            question, vote.for_, base, percent, vote.against, vote.other
        )
        passed = result is VoteOutcome.PASSED
        blocks.append(_item(f"{line} {minutes_wording.vote_result(passed, is_party=is_party)}"))
    return blocks


def _closing(session: Session) -> list[Block]:
    blocks: list[Block] = []
    before = minutes_wording.APPROVAL_BEFORE[profile_of(session.unit).is_party]
    approved = session.approved
    if approved is not None:
        percent = format_percent(approved.for_, approved.base)
        line = minutes_wording.approval_line(approved.for_, approved.base, percent, before)
        blocks.append(Block("para", line))
    else:
        blocks.append(Block("fill", minutes_wording.approval_blank(before)))
    noun = minutes_wording.MINUTES_MEETING_NOUN.get(
        session.kind, minutes_wording.DEFAULT_MEETING_NOUN
    )
    ended = session.ended_at
    if ended is None:
        blocks.append(Block("fill", minutes_wording.closing_blank(noun)))
    else:
        other_day = ended.date() != session.started_at.date()
        day = format_date(ended.date()) if other_day else None
        blocks.append(Block("para", minutes_wording.closing_line(noun, format_clock(ended), day)))
    return blocks
