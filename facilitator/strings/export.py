"""The names of the documents' wording still read through this module (its users predate
the split by document): the wording itself lives in ``header_text``, ``minutes_text``,
``report_text`` and ``output_text``."""

from __future__ import annotations

from facilitator.strings.header_text import BLANK_NUMBER, DOC_CODE_REPORT
from facilitator.strings.output_text import LINE_SPACING_UNVERIFIED, bad_extension
from facilitator.strings.report_text import (
    LEADERSHIP_PART,
    NARRATIVE_PARTS,
    SITUATION_PART,
    narrative_blank,
)

__all__ = [
    "BLANK_NUMBER",
    "DOC_CODE_REPORT",
    "LEADERSHIP_PART",
    "LINE_SPACING_UNVERIFIED",
    "NARRATIVE_PARTS",
    "SITUATION_PART",
    "bad_extension",
    "narrative_blank",
]
