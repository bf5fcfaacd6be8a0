"""The report quotes and counts only what was discussed, on both report paths."""

from __future__ import annotations

from builders import UNIT, at, make_session

from facilitator.bundle.fast_check import quick_check
from facilitator.domain.models import AgendaItem, Note
from facilitator.export.report_fast import figures_from_data
from facilitator.export.report_model import build_report
from facilitator.export.report_tally import SessionFigures


def procedural_session():
    agenda = (
        AgendaItem("mo-dau", "Khai mạc", kind="procedure", minutes=5),
        AgendaItem("phan-1", "Gốc vững", kind="presentation", presenter="p03"),
        AgendaItem("thao-luan", "Thảo luận", kind="discussion"),
        AgendaItem("ket-luan", "Kết luận", kind="conclusion"),
    )
    notes = (
        Note("n1", "mo-dau", at(7, 31), "Tuyên bố lý do, giới thiệu đại biểu", "opinion", "p01"),
        Note("n2", "mo-dau", at(7, 32), "Đề nghị đồng chí Bình làm thư ký", "proposal", "p01"),
        Note("n3", "phan-1", at(8, 0), "Vận dụng thế nào ở thôn?", "question", "p04"),
        Note("n4", "thao-luan", at(8, 30), "Cần lắng nghe dân", "opinion", "p08"),
        Note("n5", "ket-luan", at(9, 50), "Đề nghị các đồng chí viết thu hoạch", "proposal", "p01"),
    )
    return make_session(agenda=agenda, notes=notes, votes=())


def test_procedural_and_closing_notes_are_neither_quoted_nor_counted() -> None:
    session = procedural_session()
    figures = SessionFigures.of(session)
    assert figures.raised_counts == (1, 0, 1)  # question, proposal, opinion
    text = build_report([session], unit=UNIT).text
    assert "Tuyên bố lý do" not in text and "làm thư ký" not in text
    assert "viết thu hoạch" not in text
    assert "Vận dụng thế nào ở thôn?" in text and "Cần lắng nghe dân" in text


def test_the_fast_path_counts_the_same_notes() -> None:
    data = procedural_session().to_dict()
    counts = quick_check(data)
    assert counts is not None
    fast = figures_from_data(data, counts)
    assert fast.raised == SessionFigures.of(procedural_session()).raised
    assert fast.raised_counts == (1, 0, 1)
