"""Live attendance counts, worded exactly as the minutes state them."""

from __future__ import annotations

from textual.widgets import Static

from facilitator.domain.membership import MembershipCounts
from facilitator.domain.vietnamese import format_percent
from facilitator.strings import ui as ui_text
from facilitator.ui.plain import plain


class CountsHeader(Static):
    """Tổng số, có mặt (share), vắng có/không lý do, miễn sinh hoạt, chưa điểm danh."""

    _height = 0  # lines the counts took when last shown

    def show(self, counts: MembershipCounts) -> None:
        """Render ``counts``; below two thirds present adds a warning line and colour."""
        share = format_percent(counts.present, counts.expected)
        lines = [
            ui_text.counts_line(
                counts.total,
                counts.present,
                share,
                len(counts.absent_excused),
                len(counts.absent_unexcused),
                counts.exempt_absent,
                len(counts.unmarked),
            )
        ]
        if counts.guests_present or counts.non_members_present:
            lines.append(ui_text.others_line(counts.guests_present, counts.non_members_present))
        if counts.below_quorum:
            lines.append(ui_text.BELOW_QUORUM)
        self.set_class(counts.below_quorum, "-below-quorum")
        content = plain("\n".join(lines))
        # A mark usually changes a figure, not the number of lines: then the screen is
        # not laid out again (that was half the cost of a key on a 500-person roster).
        height = len(content.wrap(self.content_size.width)) if self.content_size.width else 0
        self.update(content, layout=height == 0 or height != self._height)
        self._height = height
