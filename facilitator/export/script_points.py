"""An item's talking points (its pack Markdown) as the document blocks of the script.

Groups (``###``) become bold subheadings, list entries become items nested by depth,
anything else a paragraph; inline markup is dropped, as on paper it would only be noise.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.domain.vietnamese import clean_line
from facilitator.export.document import Block
from facilitator.parsing.pack_body import plain_text

_MARKERS = ("-", "+", "-")


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def talking_points(body: str) -> tuple[Block, ...]:
    """Blocks of ``body`` in reading order (empty for an item without points)."""
    walk = _Walk()
    for token in _markdown().parse(body):
        walk.feed(token)
    return tuple(walk.blocks)


class _Walk:
    """State of one pass over the tokens: open lists, the table row, a pending marker."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lists: list[list[int]] = []  # per open list: [next number], or [] for bullets
        self.marker = ""
        self.heading = False
        self.row: list[str] | None = None
        self.cell = False

    def feed(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append([int(token.attrs.get("start") or 1)] if kind[0] == "o" else [])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.marker = self._next_marker()
        elif kind == "heading_open":
            self.heading = True
        elif kind == "tr_open":
            self.row = []
        elif kind == "tr_close" and self.row:
            self.blocks.append(Block("para", " | ".join(self.row)))
        elif kind in ("th_open", "td_open", "th_close", "td_close"):
            self.cell = kind.endswith("open")
        elif kind == "inline":
            self._text(clean_line(plain_text(token)))
        elif kind in ("fence", "code_block"):
            lines = (clean_line(line) for line in token.content.split("\n"))
            self.blocks += [Block("para", line) for line in lines if line]

    def _next_marker(self) -> str:
        numbering = self.lists[-1]
        if not numbering:
            return _MARKERS[min(len(self.lists) - 1, len(_MARKERS) - 1)]
        numbering[0] += 1
        return f"{numbering[0] - 1}."

    def _text(self, text: str) -> None:
        if self.cell and self.row is not None:
            self.row.append(text)
        elif self.heading:
            self.blocks.append(Block("subheading", text))
        elif not text:
            pass
        elif self.lists:
            # A second paragraph of the same entry continues it, without a new marker.
            self.blocks.append(Block("item", text, marker=self.marker, level=len(self.lists) - 1))
            self.marker = ""
        else:
            self.blocks.append(Block("para", text))
        self.heading = False
