"""ASCII slugs of Vietnamese headings, used as default item ids."""

from __future__ import annotations

import re

from facilitator.domain.vietnamese import fold

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ "Điểm danh, báo cáo số lượng" -> "diem-danh-bao-cao-so-luong"; "" when nothing is left.

    Unlike :func:`facilitator.domain.vietnamese.slugify` there is no length cap or
    fallback: the parser reports an empty id and picks its own default.
    """
    return _NON_ALNUM.sub("-", fold(text)).strip("-")
