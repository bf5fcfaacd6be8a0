"""Every DOCX the app writes carries its own properties, none of python-docx's template."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta

from builders import UNIT, make_session
from docx import Document

from facilitator.export.docx_writer import render_minutes_docx, render_report_docx
from facilitator.export.minutes_model import build_minutes
from facilitator.export.report_model import build_report
from facilitator.export.script_docx import render_script_docx
from facilitator.export.script_model import build_script
from facilitator.export.settings import DocSettings


def documents() -> dict[str, bytes]:
    session = make_session()
    settings = DocSettings()
    return {
        "minutes": render_minutes_docx(build_minutes(session, settings), settings),
        "report": render_report_docx(build_report([session], unit=UNIT), settings),
        "script": render_script_docx(build_script(session), settings),
    }


def test_every_docx_has_its_own_title_author_dates_and_language() -> None:
    before = datetime.now(UTC) - timedelta(minutes=1)
    for kind, data in documents().items():
        props = Document(io.BytesIO(data)).core_properties
        assert props.title, kind
        assert props.author and props.author != "python-docx", kind
        assert props.created >= before and props.modified >= before, kind
        assert props.language == "vi-VN", kind
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in package.namelist():
                assert b"python-docx" not in package.read(name), (kind, name)
    minutes = Document(io.BytesIO(documents()["minutes"])).core_properties
    assert minutes.title == "BIÊN BẢN Sinh hoạt chuyên đề: Ngoại giao cây tre Việt Nam"
    assert minutes.author == "Nguyễn Văn An"
    script = Document(io.BytesIO(documents()["script"])).core_properties
    assert script.author == UNIT.name
