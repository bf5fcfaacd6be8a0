"""The standard items around a draft's content: the opening procedure and the closing.

A study session (chuyên đề) and a monthly cell meeting (thường kỳ) open the same way
and close differently: the study assigns written reflections, the meeting adopts its
monthly resolution. The wording is the shipped packs'; minutes are fixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.domain.vocab import ItemKind, SessionKind
from facilitator.drafting.framing import Framing
from facilitator.drafting.model import DraftItem, Point, PointGroup
from facilitator.strings import drafting as drafting_text


def _points(texts: Sequence[str]) -> tuple[PointGroup, ...]:
    return (PointGroup("", tuple(Point(text) for text in texts)),)


def opening(kind: SessionKind, plan: str, notes: Sequence[str]) -> list[DraftItem]:
    """Khai mạc, cử thư ký, điểm danh, thông qua chương trình."""
    regular = kind is SessionKind.REGULAR
    return [
        DraftItem(
            "khai-mac",
            drafting_text.REGULAR_OPENING_TITLE if regular else drafting_text.OPENING_TITLE,
            ItemKind.PROCEDURE,
            3 if regular else 5,
            _points(
                drafting_text.REGULAR_OPENING_POINTS if regular else drafting_text.OPENING_POINTS
            ),
            notes=(drafting_text.opening_note(plan), *notes),
        ),
        DraftItem(
            "cu-thu-ky",
            drafting_text.SECRETARY_TITLE,
            ItemKind.PROCEDURE,
            2,
            _points(drafting_text.SECRETARY_POINTS),
        ),
        DraftItem(
            "diem-danh",
            drafting_text.ATTENDANCE_TITLE,
            ItemKind.PROCEDURE,
            3,
            _points(drafting_text.ATTENDANCE_POINTS),
        ),
        DraftItem(
            "thong-qua-chuong-trinh",
            drafting_text.AGENDA_TITLE,
            ItemKind.PROCEDURE,
            2,
            _points(drafting_text.AGENDA_POINTS),
        ),
    ]


def closing(kind: SessionKind, framing: Framing | None, deadline: str) -> list[DraftItem]:
    """Thảo luận, kết luận, biểu quyết, bế mạc."""
    if kind is SessionKind.REGULAR:
        return [
            DraftItem(
                "thao-luan",
                drafting_text.REGULAR_DISCUSSION_TITLE,
                ItemKind.DISCUSSION,
                20,
                _points(drafting_text.DISCUSSION_POINTS),
                questions=drafting_text.REGULAR_QUESTIONS,
                notes=(drafting_text.QUESTIONS_NOTE,),
            ),
            DraftItem(
                "ket-luan",
                drafting_text.REGULAR_CONCLUSION_TITLE,
                ItemKind.CONCLUSION,
                5,
                _points(drafting_text.REGULAR_CONCLUSION_POINTS),
                notes=(drafting_text.deadline_note(deadline),) if deadline else (),
            ),
            DraftItem(
                "bieu-quyet",
                drafting_text.REGULAR_VOTE_TITLE,
                ItemKind.VOTE,
                3,
                _points(drafting_text.REGULAR_VOTE_POINTS),
            ),
            _closing_item(),
        ]
    questions = (drafting_text.framing_question(framing.phrase),) if framing else ()
    return [
        DraftItem(
            "thao-luan",
            drafting_text.DISCUSSION_TITLE,
            ItemKind.DISCUSSION,
            25,
            _points(drafting_text.DISCUSSION_POINTS),
            questions=(*questions, *drafting_text.STUDY_QUESTIONS),
            notes=(drafting_text.QUESTIONS_NOTE,),
        ),
        DraftItem(
            "ket-luan",
            drafting_text.CONCLUSION_TITLE,
            ItemKind.CONCLUSION,
            8,
            _points(drafting_text.CONCLUSION_POINTS),
            notes=(drafting_text.deadline_note(deadline),) if deadline else (),
        ),
        DraftItem(
            "bieu-quyet",
            drafting_text.VOTE_TITLE,
            ItemKind.VOTE,
            3,
            _points(drafting_text.VOTE_POINTS),
        ),
        _closing_item(),
    ]


def _closing_item() -> DraftItem:
    return DraftItem(
        "be-mac",
        drafting_text.CLOSING_TITLE,
        ItemKind.CONCLUSION,
        2,
        _points(drafting_text.CLOSING_POINTS),
    )


def regular_parts() -> list[DraftItem]:
    """The usual parts of a monthly meeting, for a plan that lists none of its own."""
    return [
        DraftItem(
            f"phan-{index}",
            title,
            ItemKind.PRESENTATION,
            0,
            _points(points),
            notes=(drafting_text.REGULAR_PARTS_NOTE,),
            fixed=False,
            weight=2,
        )
        for index, (title, points) in enumerate(drafting_text.REGULAR_PARTS, 1)
    ]
