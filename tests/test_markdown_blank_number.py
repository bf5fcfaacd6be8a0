"""A document number left blank for the văn thư: the Word layout keeps its spaces
("Số    -BB/CB", vietnamese-formats.md §1.5); Markdown collapses spaces, so the Markdown
and the read-back screen dot the blank ("Số ……-BB/CB") instead of showing "Số -BB/CB"."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from builders import make_app_with_messages, make_session

from facilitator.export.markdown import render_minutes_md
from facilitator.export.minutes_model import build_minutes
from facilitator.ui.screens.readback import ReadbackScreen


def screen_rows(app) -> list[str]:
    """The characters painted on each row of the screen."""
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    pattern = r'<text class="[^"]+" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>'
    for x, y, text in re.findall(pattern, app.export_screenshot()):
        rows[float(y)].append((float(x), html.unescape(text).replace("\xa0", " ")))
    return ["".join(text for _, text in sorted(row)) for _, row in sorted(rows.items())]


def test_a_blank_number_is_dotted_in_markdown_and_spaced_in_the_model() -> None:
    minutes = build_minutes(make_session(number=""))
    assert minutes.header.number == "Số    -BB/CB"  # what the DOCX prints
    (line,) = [line for line in render_minutes_md(minutes).splitlines() if "-BB/CB" in line]
    assert line.startswith("| Số ……-BB/CB |")


def test_a_given_number_is_left_as_it_is() -> None:
    markdown = render_minutes_md(build_minutes(make_session(number="05-BB/CB")))
    assert "| Số 05-BB/CB |" in markdown and "……-BB" not in markdown


async def test_the_read_back_shows_the_blank(store, running, content_dir, frozen_clock):
    app, _ = make_app_with_messages(store, content_dir, frozen_clock, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        rows = [row for row in screen_rows(app) if "-BB/" in row]
        assert rows and "Số ……-BB/CB" in rows[0], rows
        assert "Số -BB/" not in rows[0]
