"""A tester's real meeting: the báo cáo viên named, held items kept in DIỄN BIẾN."""

from __future__ import annotations

import io

from builders import core_attendance, core_people, filler_people, make_session
from docx import Document

from facilitator.domain.models import AgendaItem, Attendance, Person, Roles, Vote
from facilitator.export.docx_writer import render_minutes_docx
from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.export.settings import DocSettings

GUEST = Person(
    "x024", "Nguyễn Thị Thanh Hương", category="khach", position="Phó Trưởng ban Tuyên giáo"
)


def two_presenters():
    fillers = filler_people(18)
    agenda = (
        AgendaItem("mo-dau", "Khai mạc, giới thiệu đại biểu", kind="procedure", minutes=5),
        AgendaItem("phan-1", "Gốc vững", kind="presentation", presenter="p03"),
        AgendaItem("phan-2", "Thân chắc", kind="presentation"),
        AgendaItem("bieu-quyet", "Thông qua kế hoạch hành động", kind="vote"),
    )
    return make_session(
        people=tuple([*core_people(), GUEST, *fillers]),
        attendance=tuple(
            [*core_attendance(), Attendance("x024", "present")]
            + [Attendance(p.id, "present") for p in fillers]
        ),
        roles=Roles(chair="p01", secretary="p02", presenters=("p03", "x024")),
        agenda=agenda,
        notes=(),
        votes=(Vote("bieu-quyet", "Thông qua kế hoạch hành động", 22, 1, 0, 23),),
    )


def docx_text(session) -> str:
    settings = DocSettings()
    data = render_minutes_docx(build_minutes(session, settings), settings)
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_minutes_name_every_bao_cao_vien_with_position_in_docx_and_md() -> None:
    session = two_presenters()
    expected = (
        "Báo cáo viên: đồng chí Lê Văn Cường – Báo cáo viên; "
        "đồng chí Nguyễn Thị Thanh Hương – Phó Trưởng ban Tuyên giáo."
    )
    text = docx_text(session)
    content = text.split("I. NỘI DUNG")[1].split("II. DIỄN BIẾN")[0]
    assert expected in content
    assert expected in render_minutes_md(build_minutes(session, DocSettings()))


def test_held_items_without_notes_keep_their_heading_when_something_is_true() -> None:
    text = docx_text(two_presenters())
    proceedings = text.split("II. DIỄN BIẾN")[1].split("III.")[0]
    # The presentation items: who presented (both named, none assigned to item 3).
    assert "2. Gốc vững\nĐồng chí Lê Văn Cường trình bày." in proceedings
    assert (
        "3. Thân chắc\nĐồng chí Lê Văn Cường, đồng chí Nguyễn Thị Thanh Hương trình bày."
        in proceedings
    )
    # The vote item: that it was voted on (counts in IV).
    assert "4. Thông qua kế hoạch hành động\nBiểu quyết:" in proceedings
    # Nothing true to say of the opening procedure: no empty heading.
    assert "1. Khai mạc" not in proceedings


def test_script_names_presenters_as_the_minutes_do() -> None:
    from facilitator.export.script_docx import render_script_docx
    from facilitator.export.script_model import build_script

    doc = Document(io.BytesIO(render_script_docx(build_script(two_presenters()))))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    both = (
        "đồng chí Lê Văn Cường – Báo cáo viên; "
        "đồng chí Nguyễn Thị Thanh Hương – Phó Trưởng ban Tuyên giáo"
    )
    assert f"Báo cáo viên: {both}" in text
    assert "Báo cáo viên: Lê Văn Cường, Nguyễn Thị Thanh Hương" not in text
    # The unassigned presentation item names its presenters in the agenda table.
    assert any(both in cell for cell in cells)
