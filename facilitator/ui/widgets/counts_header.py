"""Live attendance counts, worded exactly as the minutes state them."""

from __future__ import annotations

from textual.widgets import Static

from facilitator.domain.membership import MembershipCounts
from facilitator.domain.vietnamese import format_percent
from facilitator.strings import ui as text
from facilitator.ui.plain import plain


class CountsHeader(Static):
    """Tổng số, có mặt (share), vắng có/không lý do, miễn sinh hoạt, chưa điểm danh."""

    def show(self, counts: MembershipCounts) -> None:
        """Render ``counts``; below two thirds present adds a warning line and colour."""
        share = format_percent(counts.present, counts.expected)
        lines = [
            text.counts_line(
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
            lines.append(text.others_line(counts.guests_present, counts.non_members_present))
        if counts.below_quorum:
            lines.append(text.BELOW_QUORUM)
        self.set_class(counts.below_quorum, "-below-quorum")
        self.update(plain("\n".join(lines)))
