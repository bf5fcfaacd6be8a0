"""CSV of the report's statistics table: UTF-8 with BOM, comma-separated, Excel-friendly."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.export.report_model import Report


def render_report_csv(report: Report) -> bytes:
    """Header row, one row per unit, then "Tổng cộng"; integers stay plain for Excel."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(report.table_header)
    writer.writerows(report.table_rows(raw=True))
    # The BOM makes Excel read UTF-8 instead of the ANSI code page (§5.4 rule 3).
    return buffer.getvalue().encode("utf-8-sig")
