"""Fold a pack's markdown-it token stream into agenda items, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attrs

from facilitator.domain.content import (
    DEFAULT_ITEM_KIND,
    DEFAULT_ITEM_MINUTES,
    ITEM_KINDS,
    FramingLens,
    PackItem,
)
from facilitator.domain.errors import Problem
from facilitator.parsing.front_matter import ID_PATTERN
from facilitator.parsing.slug import slugify
from facilitator.strings import content as content_text

ITEM_ATTRIBUTES = ("minutes", "framing", "kind", "id")
MAX_ITEM_MINUTES = 480
"""A single item longer than a working day is a typo, not a plan."""

ATTR_LINES = "attr_lines"
"""Token meta key: 1-based lines of the ``{...}`` blocks that attached to this token."""
ORPHAN_ATTR_LINES = "orphan_attr_lines"
"""Env key: 1-based lines of ``{...}`` blocks the attrs plugin dropped (nothing after them)."""

_WHITESPACE = re.compile(r"\s+")
# A "{" line giving one of our attributes a value ("name =" or "name:") was meant as an
# attribute block, even when it does not parse (missing "}", spaces around "=", "7.5",
# commas); a brace in plain text that merely mentions "id" is not.
_ATTR_INTENT = re.compile(r"\b(?:" + "|".join(ITEM_ATTRIBUTES) + r")\s*[=:]")
_ATX_HEADING = re.compile(r"#{1,6}")


def remember_attr_lines(tokens: list[Token], env: MutableMapping[str, Any]) -> None:
    """Note where each ``{...}`` block sits and which token it will attach to.

    Runs just before the attrs plugin's own resolve rule, which merges a run of attribute
    blocks into the next opening token and then deletes them, losing their lines. We mirror
    its binding rule so that attributes landing anywhere but a ``##`` heading, or nowhere,
    can be reported at the line the author wrote them.
    """
    i = 0
    while i < len(tokens):
        if tokens[i].type != "attrs_block":
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].type == "attrs_block":
            j += 1
        lines = [token.map[0] + 1 for token in tokens[i:j] if token.map]
        if j < len(tokens) and tokens[j].nesting >= 0:
            tokens[j].meta[ATTR_LINES] = lines
        else:
            env.setdefault(ORPHAN_ATTR_LINES, []).extend(lines)
        i = j


def plain_text(inline: Token) -> str:
    """The visible text of an inline token: markup dropped, line breaks as spaces."""
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain_text(child))
    return _WHITESPACE.sub(" ", "".join(parts)).strip()


def _is_notes(token: Token) -> bool:
    return token.type == "fence" and token.info.split()[:1] == ["notes"]


def _is_comment(token: Token) -> bool:
    return token.type == "html_block" and token.content.lstrip().startswith("<!--")


def _is_item_heading(token: Token) -> bool:
    return token.type == "heading_open" and token.tag == "h2" and _is_atx(token)


def _is_atx(token: Token) -> bool:
    # Setext headings carry "=" or "-" as markup; ATX ones carry the run of "#".
    return bool(_ATX_HEADING.fullmatch(token.markup))


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def top_level_blocks(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Yield each top-level block as the tokens from its opening to its closing token."""
    i = 0
    while i < len(tokens):
        j, depth = i + 1, int(tokens[i].nesting)
        while depth > 0:
            depth += tokens[j].nesting
            j += 1
        yield list(tokens[i:j])
        i = j


@dataclass
class _ItemDraft:
    """An item while its blocks are being collected."""

    heading: Token
    title: str
    body_ranges: list[tuple[int, int]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    hidden_lines: set[int] = field(default_factory=set)
    """0-based lines of notes fences nested inside body blocks; cut from ``body_md``."""


@dataclass
class BodyWalker:
    """Walks the top-level blocks once, dispatching on the block's first token type."""

    path: str
    lines: list[str]
    framing: tuple[FramingLens, ...]
    report_preamble: bool = True
    """False when the front matter is missing: its stray lines would only add noise."""
    problems: list[Problem] = field(default_factory=list)
    heading: str = ""
    drafts: list[_ItemDraft] = field(default_factory=list)
    _seen_h1: bool = False

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(f"{self.path}:{line}", message))

    def walk(self, tokens: Sequence[Token], env: dict[str, list[int]]) -> tuple[PackItem, ...]:
        """Collect items from ``tokens``; problems accumulate in ``self.problems``."""
        self._check_attr_placement(tokens, env)
        self._check_fences_closed(tokens)
        for block in top_level_blocks(tokens):
            _HANDLERS.get(block[0].type, BodyWalker._on_body)(self, block)
        return self._finish()

    # --- checks that look at every token, not only top-level ones -------------------------

    def _check_attr_placement(self, tokens: Sequence[Token], env: dict[str, list[int]]) -> None:
        for line in env.get(ORPHAN_ATTR_LINES, []):
            self.report(line, content_text.ATTRS_DANGLING)
        for token in tokens:
            if ATTR_LINES in token.meta and not _is_item_heading(token):
                self.report(token.meta[ATTR_LINES][0], content_text.ATTRS_NOT_ON_ITEM)
            if token.type == "inline" and token.map:
                self._check_attrs_in_paragraph(token)

    def _check_fences_closed(self, tokens: Sequence[Token]) -> None:
        # Markdown lets an unclosed fence run to the end of its container, so a forgotten
        # closing ``` silently turns every later item into presenter notes.
        for token in tokens:
            if token.type == "fence" and token.map and not self._fence_closed(token):
                name = token.info.split()[0] if token.info.split() else ""
                self.report(_line(token), content_text.unclosed_fence(token.markup, name))

    def _fence_closed(self, fence: Token) -> bool:
        start, end = fence.map or (0, 0)
        if end - start < 2 or end > len(self.lines):
            return False
        # Inside a blockquote or a list the closing line keeps its "> " or indent.
        last = self.lines[end - 1].lstrip(" \t>").rstrip()
        char = fence.markup[:1]
        return len(last) >= len(fence.markup) and last == char * len(last)

    def _check_attrs_in_paragraph(self, inline: Token) -> None:
        # Without a blank line above, "{minutes=5}" is a lazy continuation of the paragraph
        # and the heading below silently keeps its defaults.
        for offset, text in enumerate(inline.content.split("\n")):
            text = text.strip()
            if not text.startswith("{"):
                continue
            try:
                end, _ = parse_attrs(text)
            except ParseError:
                end = -1
            if end == len(text) - 1 and len(text) >= 3:
                self.report(_line(inline) + offset, content_text.ATTRS_IN_PARAGRAPH)
            elif _ATTR_INTENT.search(text):
                # Otherwise it silently becomes a talking point and the heading keeps defaults.
                self.report(_line(inline) + offset, content_text.attrs_malformed(text))

    # --- handlers, keyed by the type of a block's first token -------------------------------

    def _on_front_matter(self, block: list[Token]) -> None:
        """Parsed by the caller; it must never reach an item's body."""

    def _on_heading(self, block: list[Token]) -> None:
        opening, inline = block[0], block[1]
        if not _is_atx(opening):
            if self.drafts or self.report_preamble:
                self.report(_line(opening), content_text.SETEXT_HEADING)
            return
        if opening.tag == "h2":
            self.drafts.append(_ItemDraft(opening, plain_text(inline)))
        elif opening.tag == "h1":
            if self._seen_h1 or self.drafts:
                self.report(_line(opening), content_text.EXTRA_TITLE)
            else:
                self.heading = plain_text(inline)
            self._seen_h1 = True
        else:
            self._on_body(block)

    def _on_blockquote(self, block: list[Token]) -> None:
        if not self.drafts:
            self._on_body(block)
            return
        draft = self.drafts[-1]
        draft.questions.extend(
            text for token in block if token.type == "inline" and (text := plain_text(token))
        )
        draft.notes.extend(token.content.rstrip("\n") for token in block if _is_notes(token))

    def _on_fence(self, block: list[Token]) -> None:
        fence = block[0]
        if _is_notes(fence) and self.drafts:
            self.drafts[-1].notes.append(fence.content.rstrip("\n"))
        else:
            self._on_body(block)

    def _on_rule(self, block: list[Token]) -> None:
        """A thematic break above the first item is decoration; inside an item it is shown."""
        if self.drafts:
            self._on_body(block)

    def _on_html(self, block: list[Token]) -> None:
        """``<!-- ... -->`` is the author talking to other authors: never shown."""
        if not _is_comment(block[0]):
            self._on_body(block)

    def _on_body(self, block: list[Token]) -> None:
        opening = block[0]
        if not self.drafts:
            if self.report_preamble:
                self.report(_line(opening), content_text.CONTENT_BEFORE_FIRST_ITEM)
            return
        draft = self.drafts[-1]
        if opening.map:
            draft.body_ranges.append((opening.map[0], opening.map[1]))
        for token in block:
            if _is_notes(token) and token.map:
                draft.notes.append(token.content.rstrip("\n"))
                draft.hidden_lines.update(range(token.map[0], token.map[1]))

    # --- items ------------------------------------------------------------------------------

    def _finish(self) -> tuple[PackItem, ...]:
        if not self.drafts:
            self.report(1, content_text.NO_ITEMS)
            return ()
        items: list[PackItem] = []
        first_line_of: dict[str, int] = {}
        for index, draft in enumerate(self.drafts, start=1):
            item = self._item(draft, index)
            if item.id in first_line_of:
                self.report(
                    item.line, content_text.duplicate_item_id(item.id, first_line_of[item.id])
                )
            else:
                first_line_of[item.id] = item.line
            items.append(item)
        return tuple(items)

    def _item(self, draft: _ItemDraft, index: int) -> PackItem:
        heading = draft.heading
        line = _line(heading)
        attrs_line = heading.meta.get(ATTR_LINES, [line])[0]
        # The plugin moves "on*" names aside as unsafe; to us they are just unknown names.
        attrs = {**heading.attrs, **heading.meta.get("insecure_attrs", {})}
        for name in attrs:
            if name not in ITEM_ATTRIBUTES:
                self.report(attrs_line, content_text.unknown_attribute(name, ITEM_ATTRIBUTES))
        if not draft.title:
            self.report(line, content_text.EMPTY_ITEM_TITLE)
        return PackItem(
            id=self._item_id(attrs, draft.title, index, attrs_line),
            title=draft.title,
            kind=self._kind(attrs, attrs_line),
            minutes=self._minutes(attrs, attrs_line),
            framing=self._framing(attrs, attrs_line),
            body_md=self._body_md(draft),
            questions=tuple(draft.questions),
            presenter_notes="\n\n".join(note for note in draft.notes if note.strip()),
            line=line,
        )

    def _item_id(self, attrs: dict[str, object], title: str, index: int, line: int) -> str:
        if "id" in attrs:
            value = str(attrs["id"])
            if not ID_PATTERN.fullmatch(value):
                self.report(line, content_text.bad_item_id(value))
            return value
        return slugify(title) or f"muc-{index}"

    def _kind(self, attrs: dict[str, object], line: int) -> str:
        value = str(attrs.get("kind", DEFAULT_ITEM_KIND))
        if value not in ITEM_KINDS:
            self.report(line, content_text.unknown_item_kind(value))
        return value

    def _minutes(self, attrs: dict[str, object], line: int) -> int:
        if "minutes" not in attrs:
            return DEFAULT_ITEM_MINUTES
        value = str(attrs["minutes"]).strip()
        # isdecimal() alone would accept other scripts' digits; authors type ASCII.
        if not (value.isascii() and value.isdecimal()) or int(value) <= 0:
            self.report(line, content_text.bad_minutes(value))
            return DEFAULT_ITEM_MINUTES
        if int(value) > MAX_ITEM_MINUTES:
            self.report(line, content_text.minutes_too_large(int(value), MAX_ITEM_MINUTES))
        return int(value)

    def _framing(self, attrs: dict[str, object], line: int) -> str | None:
        if "framing" not in attrs:
            return None
        value = str(attrs["framing"])
        declared = [lens.key for lens in self.framing]
        if value not in declared:
            self.report(line, content_text.undeclared_framing(value, declared))
        return value

    def _body_md(self, draft: _ItemDraft) -> str:
        # Slice the author's own source lines rather than re-rendering tokens, so tables and
        # other syntax the commonmark preset does not parse are kept exactly as written.
        chunks: list[str] = []
        for start, end in draft.body_ranges:
            kept = [self.lines[n] for n in range(start, end) if n not in draft.hidden_lines]
            chunk = "\n".join(kept).strip("\n")
            if chunk.strip():
                chunks.append(chunk)
        return "\n\n".join(chunks)


_Handler = Callable[[BodyWalker, list[Token]], None]
_HANDLERS: dict[str, _Handler] = {
    "front_matter": BodyWalker._on_front_matter,
    "heading_open": BodyWalker._on_heading,
    "blockquote_open": BodyWalker._on_blockquote,
    "fence": BodyWalker._on_fence,
    "hr": BodyWalker._on_rule,
    "html_block": BodyWalker._on_html,
}
"""Block handlers by first-token type; anything else is audience-visible body text."""
