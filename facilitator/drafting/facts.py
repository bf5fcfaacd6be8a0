"""The plan's facts as data: number, date, issuer, subject, study materials, deadline."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from facilitator.domain.vietnamese import fold
from facilitator.drafting.furniture import Line, SplitPlan
from facilitator.drafting.names import organisation_case
from facilitator.drafting.outline import Marker, Node, Section, section_of, split_label

_NUMBER = re.compile(r"\bSố\s*:?\s*(?P<number>\d+[\w./-]*[A-ZĐ][\w./-]*)")
_PLACE_DATE = re.compile(
    r"(?:(?P<place>[^\d,;]{2,40}),\s*)?ngày\s+(?P<d>\d{1,2})"
    r"(?:\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+|\s*/\s*(?P<nm>\d{1,2})\s*/\s*)(?P<y>\d{4})",
    re.IGNORECASE,
)
_NATIONAL = re.compile(
    r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    r"Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc",
    re.IGNORECASE,
)
_SIGN_FOR = re.compile(r"(?:^|\s)(?:T/M|TM\.)\s+(?P<body>.+)")
_LEADING_MARKS = re.compile(r"^[^\w]+")
_ISSUER_IN_TEXT = re.compile(
    r"(?:^|[;.]\s*)(?P<who>(?:Ban|Hội|Huyện|Tỉnh|Thành|Thị|Đảng|Chi|Ủy|Thường trực)[^;.,()]{2,80}?)"
    r"\s+(?:xây dựng|ban hành|đề nghị|hướng dẫn|thông báo|yêu cầu)\b"
)
_KINDS_BY_SUFFIX = {"KH": "Kế hoạch", "CV": "Công văn", "HD": "Hướng dẫn", "TB": "Thông báo"}
_KINDS_BY_TYPE = {"V/v": "Công văn"}
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_DMY_WORDS = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
_BY_DAY = re.compile(
    rf"(?:trước|chậm nhất|muộn nhất|hạn chót|hạn cuối|xong)\s+(?:là\s+|vào\s+)?(?:ngày\s+)?"
    rf"(?:{_DMY}|{_DMY_WORDS.replace('?P<', '?P<w')})",
    re.IGNORECASE,
)
_IN_QUARTER = re.compile(
    r"quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm\s+)\s*(?P<y>\d{4})", re.IGNORECASE
)
_IN_MONTH = re.compile(
    r"(?:trong|hết|đến)\s+tháng\s+(?P<m>\d{1,2})\s*(?:/|năm\s+)\s*(?P<y>\d{4})", re.IGNORECASE
)
_DEADLINE_WORDS = ("hoan thanh", "thoi gian", "cham nhat", "thoi han", "xong truoc")
_URL_ASIDE = re.compile(r"\s*\((?:[^()]*?)(?:https?://|www\.)[^()]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_INLINE_ENTRY = re.compile(r"\(\d{1,2}\)\s*")
_NOT_MATERIAL = ("truy cap", "tai ve", "tai cac", "xem tai")


@dataclass(frozen=True)
class PlanFacts:
    """What the plan says about itself; empty when the plan does not say it."""

    kind: str
    number: str
    day: date | None
    place: str
    issuer: str
    subject: str
    deadline: date | None
    deadline_text: str
    materials: tuple[str, ...]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _has_lower(word: str) -> bool:
    return any(ch.islower() for ch in word)


def _number(header: Sequence[Line]) -> str:
    for _, text in header:
        match = _NUMBER.search(text)
        if match:
            return match.group("number").rstrip(".,;")
    return ""


def _place_date(header: Sequence[Line]) -> tuple[str, date | None]:
    texts = [_NUMBER.sub(" ", _NATIONAL.sub(" ", text)) for _, text in header]
    # A PDF's columns can break "…, ngày 06 tháng 5 năm" / "2024" over two lines.
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(texts)]
    for text in (*texts, *pairs):
        match = _PLACE_DATE.search(text)
        if match:
            try:
                day = date(int(match["y"]), int(match["m"] or match["nm"]), int(match["d"]))
            except ValueError:
                continue
            place = _clean(match["place"] or "")
            return _LEADING_MARKS.sub("", place), day
    return "", None


def _organisation_lines(header: Sequence[Line]) -> list[str]:
    """The letterhead's organisation lines, with the national motto and dates taken out."""
    found: list[str] = []
    for _, text in header:
        rest = _clean(_PLACE_DATE.sub(" ", _NATIONAL.sub(" ", _NUMBER.sub(" ", text))))
        letters = [ch for ch in rest if ch.isalpha()]
        if len(letters) >= 3 and all(ch.isupper() for ch in letters):
            found.append(rest)
    return found


def _issuer(split: SplitPlan, body: Sequence[str]) -> str:
    organisations = _organisation_lines(split.header)
    own = organisation_case(organisations[-1]) if organisations else ""
    for _, text in split.tail:
        signed = _SIGN_FOR.search(_clean(text))
        if signed and own:
            # Only the capitals: a PDF may put the recipients' column on the same line.
            words = signed["body"].split()
            caps = " ".join(w for w in itertools.takewhile(lambda w: not _has_lower(w), words))
            for_whom = organisation_case(caps)
            # "T/M BAN THƯỜNG VỤ" of the Huyện ủy; "T/M CHI BỘ" is the letterhead itself.
            if fold(for_whom) in fold(own):
                return own
            return f"{for_whom} {own}"
    if own:
        return own
    for paragraph in body[:3]:
        match = _ISSUER_IN_TEXT.search(paragraph)
        if match:
            return _clean(match["who"])
    return ""


def _kind(split: SplitPlan, number: str) -> str:
    if split.doc_type in _KINDS_BY_TYPE:
        return _KINDS_BY_TYPE[split.doc_type]
    if split.doc_type:
        return split.doc_type.capitalize()
    suffix = re.search(r"-(\w+)/", number)
    return _KINDS_BY_SUFFIX.get(suffix.group(1) if suffix else "", "")


def _subject(split: SplitPlan) -> str:
    return _clean(" ".join(text for _, text in split.subject)).strip(" -.")


def _quarter_end(quarter: int, year: int) -> date:
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def find_deadline(texts: Iterable[str]) -> tuple[date | None, str]:
    """The completion date a plan sets, and the words that set it.

    "Hoàn thành trong Quý II/2024" is the quarter's last day; "trước ngày 31/7/2024" is
    that day (a report dated on it is on time).
    """
    for text in texts:
        words = fold(text)
        if not any(word in words for word in _DEADLINE_WORDS) and "truoc ngay" not in words:
            continue
        found = _deadline_in(text)
        if found is not None:
            day, start, end = found
            # "Hoàn thành trong Quý II/2024": the verb just before the date belongs to it.
            verb = words.rfind("hoan thanh", max(0, start - 30), start)
            return day, _clean(text[verb if verb >= 0 else start : end])
    return None, ""


def _deadline_in(text: str) -> tuple[date, int, int] | None:
    try:
        if match := _BY_DAY.search(text):
            if match["d"]:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            else:
                day = date(int(match["wy"]), int(match["wm"]), int(match["wd"]))
            return day, match.start(), match.end()
        if match := _IN_QUARTER.search(text):
            day = _quarter_end(_QUARTERS[match["q"].lower()], int(match["y"]))
            return day, match.start(), match.end()
        if match := _IN_MONTH.search(text):
            year, month = int(match["y"]), int(match["m"])
            day = date(year, month, calendar.monthrange(year, month)[1])
            return day, match.start(), match.end()
    except ValueError:  # "31/02/2024": not a date, so not a deadline
        return None
    return None


def clean_material(text: str) -> str:
    """A study material as a source line: links and trailing punctuation dropped."""
    text = _URL.sub("", _URL_ASIDE.sub("", text))
    return _clean(text).strip(" ;,.:-")


def _materials(roots: Sequence[Node]) -> list[str]:
    entries: list[str] = []
    for root in roots:
        for node in root.walk():
            if not node.block.is_heading or section_of(node.title) is not Section.MATERIALS:
                continue
            _, inline = split_label(node.title)
            raw = [c.title for c in node.children if c.block.marker is not Marker.PLAIN]
            if not raw and inline != node.title:
                raw = [part for part in _INLINE_ENTRY.split(inline) if part.strip()]
            for entry in raw:
                cleaned = clean_material(entry)
                if cleaned and not fold(cleaned).startswith(_NOT_MATERIAL):
                    entries.append(cleaned)
    return list(dict.fromkeys(entries))


def read_facts(split: SplitPlan, roots: Sequence[Node], body: Sequence[str]) -> PlanFacts:
    """The facts of a plan from its furniture and outline; ``body`` is its paragraphs."""
    number = _number(split.header)
    place, day = _place_date(split.header)
    timing = [
        below.title
        for root in roots
        for node in root.walk()
        if node.block.is_heading and section_of(node.title) is Section.TIME
        for below in node.walk()
    ]
    deadline, wording = find_deadline([*timing, *body])
    return PlanFacts(
        kind=_kind(split, number),
        number=number,
        day=day,
        place=place,
        issuer=_issuer(split, body),
        subject=_subject(split),
        deadline=deadline,
        deadline_text=wording,
        materials=tuple(_materials(roots)),
    )
