"""Pixel snapshot of attendance at 80×24 when the rows are wider than the screen: the
position gives way, "Ghi chú" stays, the highlighted row is shown whole below."""

from __future__ import annotations

from datetime import datetime

import pytest
from builders import make_app
from conftest import ICT
from textual.widgets import Input

from facilitator.services.session import SessionService


@pytest.fixture(autouse=True)
def no_blink(monkeypatch) -> None:
    """A blinking cursor would make every snapshot flaky."""
    monkeypatch.setattr(Input, "cursor_blink", False)


def test_attendance_80x24_cut(snap_compare, store, session_id, content_dir, frozen_clock) -> None:
    service = SessionService.open(store, session_id, frozen_clock)
    service.add_person("Ngô Thị Lan", "khach", "Phó Bí thư Thường trực Đảng ủy xã Di Linh")
    service.mark("p03", "late", arrived_at=datetime(2024, 5, 10, 7, 45, tzinfo=ICT))
    service.mark("p05", "absent-excused", "Đi công tác tại huyện Bảo Lâm theo quyết định")
    service.close()
    app = make_app(store, content_dir, frozen_clock, session_id)
    assert snap_compare(app, terminal_size=(80, 24), press=["down"])
