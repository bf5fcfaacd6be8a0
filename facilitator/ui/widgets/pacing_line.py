"""One line: the item's timer against its budget, the expected end, attendance."""

from __future__ import annotations

from textual.widgets import Static

from facilitator.strings import ui as ui_text
from facilitator.ui.pacing import Pacing, mmss
from facilitator.ui.plain import plain


class PacingLine(Static):
    """Timer and pacing; classes ``-near``/``-over`` colour it as the budget runs out."""

    _line = ""

    def show(self, pacing: Pacing, attendance: str) -> None:
        """Render one moment of the meeting."""
        if pacing.status == "planned" and pacing.position == 0:
            parts = [ui_text.NOT_STARTED.format(minutes=pacing.total_minutes)]
        elif pacing.started_earlier is not None:
            parts = [ui_text.started_earlier(f"{pacing.started_earlier:%d/%m/%Y}")]
        else:
            parts = [
                ui_text.timer_text(
                    pacing.position, pacing.count, mmss(pacing.elapsed), mmss(pacing.budget)
                )
            ]
            if pacing.expected_end is not None:
                parts.append(
                    ui_text.pacing_text(f"{pacing.expected_end:%H:%M}", pacing.drift_minutes)
                )
        parts.append(attendance)
        level = pacing.level if pacing.status == "running" else "ok"
        self.set_class(level == "near", "-near")
        self.set_class(level == "over", "-over")
        line = " · ".join(parts)
        if line != self._line:
            self._line = line
            # One row of fixed size (run.tcss): repainting it is enough. A layout here
            # re-arranged the whole run screen once a second with the clock (issue 13).
            self.update(plain(line), layout=self.styles.auto_dimensions)
