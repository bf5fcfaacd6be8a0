"""The presenter's script (kịch bản điều hành): pure data built from a prepared session.

``build_script`` takes a :class:`Session` (a prepared one, or a transient one made from a
content pack) and words everything the chair and the presenter need on paper: who, when
and where; the agenda with planned clock times from the start and the budgets; for each
item who leads it, the chair's procedural lines (the app's wording, with blanks for what
is only known on the day), the talking points, the questions and the presenter-only
notes; the framing as a side note. Renderers (DOCX, Markdown) only decide the looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from facilitator.domain.membership import count_membership
from facilitator.domain.models import AgendaItem, Person, Session
from facilitator.domain.timing import planned_times
from facilitator.domain.vietnamese import clean_line, clean_text, fold, format_clock, format_date
from facilitator.export.document import Block
from facilitator.export.minutes_model import _presenters
from facilitator.export.presenters import item_presenters, presenter_labels, session_presenters
from facilitator.export.profiles import profile_of
from facilitator.export.script_points import talking_points
from facilitator.export.text import sentence
from facilitator.export.wording.minutes import COMRADE, person_with_position
from facilitator.strings import script as script_text


class Step(StrEnum):
    """The chair's procedural moments the script words itself."""

    OPENING = "opening"
    GUESTS = "guests"
    ATTENDANCE = "attendance"
    SECRETARY = "secretary"
    AGENDA = "agenda"
    CLOSING = "closing"


# Recognised by the shipped packs' ids first, then by words of the title (folded), so a
# pack written by hand or drafted from a plan gets the same lines.
_STEP_IDS = {
    "khai-mac": (Step.OPENING,),
    "gioi-thieu-dai-bieu": (Step.GUESTS,),
    "diem-danh": (Step.ATTENDANCE,),
    "cu-thu-ky": (Step.SECRETARY,),
    "thong-qua-chuong-trinh": (Step.AGENDA,),
    "be-mac": (Step.CLOSING,),
}
_STEP_WORDS = (
    (Step.OPENING, ("khai mac", "tuyen bo ly do")),
    (Step.GUESTS, ("gioi thieu dai bieu",)),
    (Step.ATTENDANCE, ("diem danh", "bao cao so luong")),
    (Step.SECRETARY, ("thu ky",)),
    (Step.AGENDA, ("thong qua chuong trinh",)),
    (Step.CLOSING, ("be mac",)),
)


@dataclass(frozen=True)
class AgendaRow:
    """One line of the agenda table."""

    number: int
    time: str
    title: str
    minutes: int
    leader: str


@dataclass(frozen=True)
class ScriptItem:
    """One agenda item as the script prints it."""

    heading: str
    leader: str
    lens: str
    chair_lines: tuple[Block, ...]
    points: tuple[Block, ...]
    questions: tuple[str, ...]
    presenter_notes: tuple[str, ...]


@dataclass(frozen=True)
class Script:
    """A complete kịch bản điều hành, ready for any renderer."""

    doc_type: str
    subject: str
    details: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]
    agenda: tuple[AgendaRow, ...]
    total: str
    time_note: str
    framing: tuple[tuple[str, str], ...]
    items: tuple[ScriptItem, ...]
    file_stem: str


def steps_of(item: AgendaItem) -> tuple[Step, ...]:
    """The procedural moments an agenda item stands for (several for "Khai mạc, …")."""
    title = fold(item.title)
    found = [step for step, words in _STEP_WORDS if any(w in title for w in words)]
    return tuple(dict.fromkeys([*_STEP_IDS.get(item.id, ()), *found]))


def _assign_steps(items: tuple[AgendaItem, ...]) -> list[list[Step]]:
    """Steps per item; the opening falls to the first item, guests to the opening's item
    and the closing to the last, when no item of the pack names them."""
    steps = [list(steps_of(item)) for item in items]
    found = {step for item_steps in steps for step in item_steps}
    if items and Step.OPENING not in found:
        steps[0].insert(0, Step.OPENING)
    if items and Step.GUESTS not in found:
        opening = next(i for i, item_steps in enumerate(steps) if Step.OPENING in item_steps)
        steps[opening].insert(steps[opening].index(Step.OPENING) + 1, Step.GUESTS)
    if items and Step.CLOSING not in found:
        steps[-1].append(Step.CLOSING)
    return steps


@dataclass(frozen=True)
class _Context:
    """What the procedural lines of every item draw on."""

    session: Session
    people: dict[str, Person]
    chair: str | None
    secretary: str | None
    presenters: tuple[str, ...]
    guests: tuple[Person, ...]
    noun: str
    start_known: bool


def build_script(session: Session, *, start_known: bool = True) -> Script:
    """Word the presenter's script of ``session``.

    ``start_known`` false (a pack printed before any session exists) leaves the date and
    clock times blank and counts minutes from the opening instead.
    """
    people = {p.id: p for p in session.people}
    held = tuple(item for item in session.agenda if not item.skipped)
    chair = _name(people, session.roles.chair)
    secretary = _name(people, session.roles.secretary)
    presenters = tuple(n for pid in session.roles.presenters if (n := _name(people, pid)))
    ctx = _Context(
        session=session,
        people=people,
        chair=chair,
        secretary=secretary,
        presenters=presenters,
        guests=tuple(p for p in session.people if p.category == "khach"),
        noun=script_text.MEETING_NOUNS.get(session.kind, script_text.DEFAULT_MEETING_NOUN),
        start_known=start_known,
    )
    times = planned_times(held, session.started_at)
    spans = [_span(ctx, times, index) for index in range(len(held))]
    leaders = [_leader(ctx, item) for item in held]
    rows = tuple(
        AgendaRow(
            n,
            spans[n - 1],
            clean_line(item.title),
            item.minutes,
            script_text.leader_cell(*leaders[n - 1]),
        )
        for n, item in enumerate(held, start=1)
    )
    steps = _assign_steps(held)
    items = tuple(
        ScriptItem(
            heading=script_text.item_heading(n, clean_line(item.title), spans[n - 1], item.minutes),
            leader=script_text.leader_line(*leaders[n - 1]),
            lens=_lens(session, item),
            chair_lines=tuple(_chair_lines(ctx, item, steps[n - 1], rows)),
            points=talking_points(item.body),
            questions=tuple(clean_line(q) for q in item.questions if clean_line(q)),
            presenter_notes=prose(item.presenter_notes),
        )
        for n, item in enumerate(held, start=1)
    )
    total = sum(item.minutes for item in held)
    end = times[-1][1] if times else session.started_at
    day = format_date(session.started_at.date()) if start_known else script_text.DATE_BLANK
    subject = clean_line(session.title)
    return Script(
        doc_type=script_text.DOC_TYPE,
        subject=subject,
        details=_details(ctx, day),
        sources=tuple(src for src in map(clean_line, session.content.sources) if src),
        agenda=rows,
        total=script_text.total_line(total, format_clock(end) if start_known else None),
        time_note="" if start_known else script_text.OFFSET_NOTE,
        framing=tuple(
            (label, clean_line(meaning)) for _, label, meaning in session.content.framing
        ),
        items=items,
        file_stem=script_text.file_stem(
            session.started_at.date().isoformat() if start_known else "", subject
        ),
    )


_BLANK_LINE = re.compile(r"\n\s*\n")


def prose(text: str) -> tuple[str, ...]:
    """Paragraphs of a hand-wrapped text: blank lines part them, single breaks are spaces."""
    parts = (" ".join(part.split()) for part in _BLANK_LINE.split(clean_text(text)))
    return tuple(sentence(part) for part in parts if part)


def _name(people: dict[str, Person], person_id: str | None) -> str | None:
    person = people.get(person_id or "")
    return clean_line(person.name) if person else None


def _span(ctx: _Context, times: list[tuple[datetime, datetime]], index: int) -> str:
    begin, end = times[index]
    if ctx.start_known:
        return f"{begin:%H:%M} – {end:%H:%M}"
    origin = ctx.session.started_at
    return script_text.offset(*(int((t - origin).total_seconds() // 60) for t in (begin, end)))


def _leader(ctx: _Context, item: AgendaItem) -> tuple[str, str | None]:
    """(role, name) of whoever leads the item: the presenter for a presentation, else the chair."""
    if item.kind == "presentation":
        # The minutes' wording: "đồng chí X – chức vụ" (one function for both documents).
        named = presenter_labels(item_presenters(ctx.session, item))
        return script_text.ROLE_PRESENTER, "; ".join(named) or None
    return script_text.ROLE_CHAIR, ctx.chair


def _lens(session: Session, item: AgendaItem) -> str:
    label = session.content.lens_label(item.framing)
    meaning = next((m for k, _, m in session.content.framing if k == item.framing), "")
    return f"{label} – {clean_line(meaning)}" if label and meaning else label


def _details(ctx: _Context, day: str) -> tuple[tuple[str, str], ...]:
    session = ctx.session
    when = (
        f"{format_clock(session.started_at)}, {day}"
        if ctx.start_known
        else f"{script_text.CLOCK_BLANK}, {day}"
    )
    presenter = "; ".join(presenter_labels(session_presenters(session))) or script_text.BLANK
    return (
        (script_text.LABEL_UNIT, clean_line(session.unit.name) or script_text.BLANK),
        (script_text.LABEL_TIME, when),
        (script_text.LABEL_PLACE, clean_line(session.place) or script_text.BLANK),
        (script_text.LABEL_CHAIR, _comrade(ctx, session.roles.chair)),
        (script_text.LABEL_SECRETARY, _comrade(ctx, session.roles.secretary)),
        (script_text.LABEL_PRESENTER, presenter),
    )


def _comrade(ctx: _Context, person_id: str | None) -> str:
    """ "đồng chí Nguyễn Văn An – Bí thư chi bộ", or a blank to fill."""
    person = ctx.people.get(person_id or "")
    if person is None:
        return f"{COMRADE} {script_text.BLANK}"
    return person_with_position(clean_line(person.name), clean_line(person.position))


def _chair_lines(
    ctx: _Context, item: AgendaItem, steps: list[Step], rows: tuple[AgendaRow, ...]
) -> list[Block]:
    lines: list[Block] = []
    for step in steps:
        lines += _STEP_LINES[step](ctx, rows)
    if not steps:
        lines += _kind_lines(ctx, item)
    return lines


def _kind_lines(ctx: _Context, item: AgendaItem) -> list[Block]:
    """The chair's line that opens an ordinary item, by its kind."""
    title = clean_line(item.title)
    if item.kind == "presentation":
        named = _presenters(ctx.session, item, ctx.people)
        who = f"{COMRADE} {', '.join(named)}" if named else f"{COMRADE} {script_text.BLANK}"
        return [Block("para", script_text.presentation_handover(who, title))]
    if item.kind == "discussion":
        return [Block("para", script_text.DISCUSSION_INVITED)]
    if item.kind == "conclusion":
        return [Block("para", script_text.CONCLUSION_LEAD)]
    if item.kind == "vote":
        return [Block("fill", script_text.show_of_hands(script_text.VOTE_SUBJECT))]
    return []


def _opening(ctx: _Context, _rows: tuple[AgendaRow, ...]) -> list[Block]:
    session = ctx.session
    source = next(iter(session.content.sources), "")
    day = format_date(session.started_at.date()) if ctx.start_known else script_text.DATE_BLANK
    line = script_text.opening(
        clean_line(source),
        day,
        clean_line(session.place),
        clean_line(session.unit.name),
        ctx.noun,
        clean_line(session.title),
    )
    complete = ctx.start_known and session.place and session.unit.name
    return [
        Block("para", script_text.greeting(bool(ctx.guests))),
        Block("para", line) if complete else Block("fill", line),
        Block("para", script_text.opening_declared(ctx.noun)),
    ]


def _guests(ctx: _Context, _rows: tuple[AgendaRow, ...]) -> list[Block]:
    lines = [Block("para", script_text.GUESTS_INTRO)]
    lines += [
        Block("item", person_with_position(clean_line(p.name), clean_line(p.position)), marker="-")
        for p in ctx.guests
    ]
    lines.append(Block("fill", script_text.GUEST_BLANK))
    if ctx.presenters:
        presenter = ctx.session.roles.presenters[0] if len(ctx.presenters) == 1 else None
        who = _comrade(ctx, presenter) if presenter else f"{COMRADE} {', '.join(ctx.presenters)}"
        lines.append(Block("para", script_text.presenter_introduced(who)))
    lines.append(Block("para", script_text.GUESTS_THANKS))
    return lines


def _attendance(ctx: _Context, _rows: tuple[AgendaRow, ...]) -> list[Block]:
    is_party = profile_of(ctx.session.unit).is_party
    counts = count_membership(ctx.session.people, ())
    return [
        Block("para", script_text.attendance_total(counts.total, is_party=is_party)),
        Block("fill", script_text.attendance_live(is_party=is_party)),
        Block("fill", script_text.ATTENDANCE_QUORUM),
    ]


def _secretary(ctx: _Context, _rows: tuple[AgendaRow, ...]) -> list[Block]:
    who = f"{COMRADE} {ctx.secretary}" if ctx.secretary else f"{COMRADE} {script_text.BLANK}"
    return [
        Block("para", script_text.secretary_proposed(who)),
        Block("fill", script_text.show_of_hands(script_text.SECRETARY_SUBJECT)),
    ]


def _agenda(ctx: _Context, rows: tuple[AgendaRow, ...]) -> list[Block]:
    return [
        Block("para", script_text.AGENDA_INTRO),
        *(
            Block("item", script_text.agenda_entry(r.title, r.time), marker=f"{r.number}.")
            for r in rows
        ),
        Block("fill", script_text.show_of_hands(script_text.AGENDA_SUBJECT)),
    ]


def _closing(ctx: _Context, _rows: tuple[AgendaRow, ...]) -> list[Block]:
    return [
        Block("para", script_text.closing_done(ctx.noun)),
        Block("para", script_text.closing_thanks(bool(ctx.guests), ctx.presenters)),
        Block("fill", script_text.closing_declared(ctx.noun)),
    ]


_STEP_LINES = {
    Step.OPENING: _opening,
    Step.GUESTS: _guests,
    Step.ATTENDANCE: _attendance,
    Step.SECRETARY: _secretary,
    Step.AGENDA: _agenda,
    Step.CLOSING: _closing,
}
