"""Separate a plan's furniture from its body.

Furniture is everything a session must never show: the letterhead (issuer, "ĐẢNG CỘNG
SẢN VIỆT NAM", "Số 172-KH/HU", the place and date), the document type and subject,
"Kính gửi", the signature block ("T/M BAN THƯỜNG VỤ", the signer), "Nơi nhận" with its
list, digital-signature stamps, page numbers and rules. The letterhead and signature are
kept apart (not dropped) because the plan's number, date and issuer are read from them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.drafting.outline import Marker, classify

Line = tuple[int, str]
"""A 1-based line number of the plan and the line's text."""

DOC_TYPES = (
    "KẾ HOẠCH",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "CÔNG VĂN",
    "CHƯƠNG TRÌNH",
    "CHỈ THỊ",
    "NGHỊ QUYẾT",
    "QUYẾT ĐỊNH",
)
_DOC_TYPE = re.compile(rf"({'|'.join(DOC_TYPES)})(?:\s+(?P<rest>.*))?")
_SUBJECT_LINE = re.compile(r"(?:V/v|Về việc)[:.]?\s*(?P<rest>.*)", re.IGNORECASE)
_BODY_START = re.compile(
    r"(?:Thực hiện|Căn cứ|Kính gửi|Để\s|Nhằm|Theo\s|Trên cơ sở|Qua\s|Thời gian qua|"
    r"(?:I|1|A)[.)]\s)"
)
_SEPARATOR = re.compile(r"[-–—_=*.~·\s]{3,}|\*")
_PAGE_NUMBER = re.compile(r"[-–]?\s*\d{1,3}\s*[-–]?|(?:Trang|trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?")
_STAMP_START = re.compile(
    r"CHỨNG THỰC SỐ|Ký bởi|Người ký|Signature|Digitally signed|Chứng thư số", re.IGNORECASE
)
_STAMP_LINE = re.compile(
    r"CHỨNG THỰC SỐ|đã ký lên văn bản|Ký bởi|Người ký|Thời gian ký|Cơ quan:|Email:|"
    r"Signature|Digitally signed|Chứng thư số|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|<[^>@\s]+@[^>\s]+>",
    re.IGNORECASE,
)
_STAMP_END = re.compile(r"đã ký lên văn bản|<[^>@\s]+@[^>\s]+>", re.IGNORECASE)
_LONE_URL = re.compile(r"(?:https?://|www\.)\S+")
_TAIL_START = re.compile(
    r"(?:Nơi nhận|NƠI NHẬN)\s*:?.*|(?:T/M|TM\.?|K/T|KT\.?|TL\.?|TUQ\.?|Q\.)\s+\S.*|"
    r"(?:PHÓ )?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|CHỦ NHIỆM)"
)
_LETTERHEAD = re.compile(
    r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[ÒO]A XÃ HỘI|Độc lập\s*-\s*Tự do|^Số\s*:?\s*\d|"
    r"ngày\s+(?:\d{1,2}|\.+)\s+tháng",
    re.IGNORECASE,
)
_MAX_SUBJECT_LINES = 8
_KINH_GUI = re.compile(r"Kính gửi\s*:?", re.IGNORECASE)
_MAX_HEADER_LINES = 40
"""The letterhead and subject are on the first lines; a "KẾ HOẠCH" later is in the body."""


@dataclass(frozen=True)
class SplitPlan:
    """A plan cut into its furniture and its body, each line still numbered."""

    header: tuple[Line, ...]
    doc_type: str
    subject: tuple[Line, ...]
    addressees: tuple[Line, ...]
    body: tuple[Line, ...]
    tail: tuple[Line, ...]
    removed: int
    """Stamp, page-number and rule lines dropped wherever they stood."""


def _stamp_free(lines: Sequence[Line]) -> tuple[list[Line], int, list[int]]:
    """The lines without stamps, page numbers and rules; how many went; where rules were."""
    urls = Counter(text.strip() for _, text in lines if _LONE_URL.fullmatch(text.strip()))
    kept: list[Line] = []
    rules: list[int] = []
    removed = 0
    in_stamp = 0
    for no, text in lines:
        stripped = text.strip()
        if in_stamp and stripped:
            in_stamp -= 1
            removed += 1
            if _STAMP_END.search(stripped):
                in_stamp = 0
            continue
        if _STAMP_START.search(stripped):
            in_stamp = 4  # the stamp's organisation, time and signer lines follow
            removed += 1
            continue
        if stripped and _SEPARATOR.fullmatch(stripped):
            rules.append(no)
            removed += 1
            continue
        if stripped and (
            _STAMP_LINE.search(stripped)
            or _PAGE_NUMBER.fullmatch(stripped)
            or urls[stripped] > 1  # a link repeated as a page overlay
        ):
            removed += 1
            continue
        kept.append((no, text))
    return kept, removed, rules


def _doc_type_at(lines: Sequence[Line]) -> tuple[int, str, str] | None:
    """Index, type and the subject's first words of the document-type line."""
    for index, (_, text) in enumerate(lines[:_MAX_HEADER_LINES]):
        stripped = " ".join(text.split())
        match = _DOC_TYPE.fullmatch(stripped)
        if match:
            rest = match.group("rest") or ""
            if rest and rest.isupper() and len(rest.split()) > 8:
                continue  # a caps sentence that merely starts with the word
            return index, match.group(1), rest
        subject = _SUBJECT_LINE.fullmatch(stripped)
        if subject:
            return index, "V/v", subject.group("rest")
    return None


def _subject_end(lines: Sequence[Line], start: int, rules: Sequence[int]) -> int:
    """Where the subject below the document type ends: a rule, "Kính gửi", the body, or
    a sentence (a subject never ends with a full stop or a colon)."""
    rule = next((no for no in rules if start > 0 and no > lines[start - 1][0]), None)
    index = start
    while index < len(lines) and index < start + _MAX_SUBJECT_LINES:
        no, text = lines[index]
        stripped = " ".join(text.split())
        if rule is not None and no > rule:
            break
        if stripped and (
            _BODY_START.match(stripped)
            or _DOC_TYPE.fullmatch(stripped)
            or (rule is None and stripped[-1] in ".:;")
            or (rule is None and index > start and classify(stripped).marker is not Marker.PLAIN)
        ):
            break
        index += 1
    return index


def _letterhead_end(lines: Sequence[Line]) -> int:
    """Without a document type line, the letterhead is the leading run of its own lines."""
    index = 0
    while index < min(len(lines), _MAX_HEADER_LINES):
        stripped = " ".join(lines[index][1].split())
        if stripped and not _LETTERHEAD.search(stripped) and not _is_caps_name(stripped):
            break
        index += 1
    return index


def _is_caps_name(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    marked = bool(re.match(r"(?:[IVX]+|\d+|[A-Z])[.)]\s", text))
    return bool(letters) and all(ch.isupper() for ch in letters) and not marked


def _split_tail(body: list[Line]) -> tuple[list[Line], list[Line]]:
    for index, (_, text) in enumerate(body):
        stripped = " ".join(text.split())
        if _TAIL_START.fullmatch(stripped):
            return body[:index], body[index:]
    return body, []


def _split_addressees(body: list[Line]) -> tuple[list[Line], list[Line]]:
    """ "Kính gửi: …" and the recipients listed under it, before the body proper."""
    first = next((i for i, (_, text) in enumerate(body) if text.strip()), None)
    if first is None or not _KINH_GUI.match(body[first][1].strip()):
        return [], body
    end = first + 1
    while end < len(body) and (not body[end][1].strip() or body[end][1].strip()[0] in "-+•"):
        end += 1
    return body[first:end], body[end:]


def split_plan(lines: Sequence[Line]) -> SplitPlan:
    """Cut ``lines`` into letterhead, type, subject, addressees, body and signature tail."""
    kept, removed, rules = _stamp_free(lines)
    found = _doc_type_at(kept)
    if found is None:
        start = _letterhead_end(kept)
        header, doc_type, subject, rest = kept[:start], "", [], kept[start:]
    else:
        index, doc_type, first_words = found
        end = _subject_end(kept, index + 1, rules)
        subject = [(kept[index][0], first_words)] if first_words else []
        subject += kept[index + 1 : end]
        header, rest = kept[:index], kept[end:]
    addressees, rest = _split_addressees(rest)
    body, tail = _split_tail(rest)
    return SplitPlan(
        header=tuple(header),
        doc_type=doc_type,
        subject=tuple(line for line in subject if line[1].strip()),
        addressees=tuple(addressees),
        body=tuple(body),
        tail=tuple(tail),
        removed=removed,
    )
