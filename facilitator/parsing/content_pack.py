"""Read a content pack (Markdown + YAML front matter) into a validated ContentPack."""

from __future__ import annotations

import functools
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from facilitator.domain.content import ContentPack
from facilitator.domain.errors import InputError, Problem
from facilitator.parsing.front_matter import PackHeader, parse_front_matter
from facilitator.parsing.pack_body import BodyWalker, remember_attr_lines
from facilitator.parsing.text_input import DecodeError, clean_text, decode_utf8
from facilitator.strings import content as content_text
from facilitator.strings.oserrors import reason as os_reason
from facilitator.userfiles import open_regular

MAX_PACK_BYTES = 2 * 1024 * 1024
"""Packs are a few dozen KB; anything this big is a wrong file, not a study plan."""


def _remember_attr_lines(state: StateCore) -> None:
    remember_attr_lines(state.tokens, state.env)


@functools.cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark").use(front_matter_plugin).use(attrs_block_plugin)
    # Must run before the plugin's "attr" core rule deletes the attribute tokens.
    md.core.ruler.before("attr", "facilitator_attr_lines", _remember_attr_lines)
    return md


def _line_of(problem: Problem) -> int:
    _, _, tail = problem.where.rpartition(":")
    return int(tail) if tail.isdecimal() else 0


def _fail(path: str, problems: list[Problem]) -> InputError:
    ordered = sorted(problems, key=_line_of)  # stable: same-line problems keep their order
    return InputError(content_text.pack_invalid(path, len(ordered)), ordered)


def parse_pack(text: str, path: str = "<text>") -> ContentPack:
    """Parse and validate the content pack ``text`` read from ``path``.

    Args:
        text: the whole file; a BOM, CRLF, control characters and NFD are cleaned here.
        path: how problems name the file, e.g. ``content/cay-tre.md``.

    Returns:
        The validated pack.

    Raises:
        InputError: listing every problem found, each located as ``path:line``.
    """
    if len(text) > MAX_PACK_BYTES or len(text.encode("utf-8", "replace")) > MAX_PACK_BYTES:
        raise _fail(
            path, [Problem(path, content_text.file_too_large(MAX_PACK_BYTES // (1024 * 1024)))]
        )
    text = clean_text(text)
    env: dict[str, list[int]] = {}
    tokens = _markdown().parse(text, env)

    problems: list[Problem] = []
    header = PackHeader()
    has_front_matter = bool(tokens) and tokens[0].type == "front_matter"
    if has_front_matter:
        header, found = parse_front_matter(tokens[0].content, path, first_line=2)
        problems.extend(found)
    else:
        # The plugin ignores an unclosed block, so a leading "---" means the author tried.
        missing = (
            content_text.UNCLOSED_FRONT_MATTER
            if text.startswith("---")
            else content_text.MISSING_FRONT_MATTER
        )
        problems.append(Problem(f"{path}:1", missing))

    walker = BodyWalker(path, text.split("\n"), header.framing, report_preamble=has_front_matter)
    items = walker.walk(tokens, env)
    problems.extend(walker.problems)
    if problems:
        raise _fail(path, problems)
    return ContentPack(
        id=header.id,
        title=header.title,
        kind=header.kind,
        version=header.version,
        sources=header.sources,
        framing=header.framing,
        questions=header.questions,
        items=items,
        path=path,
        heading=walker.heading,
        plan=header.plan,
        deadline=header.deadline,
    )


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if path.is_dir():
            raise _fail(shown, [Problem(shown, content_text.FILE_IS_DIRECTORY)])
        handle = open_regular(path)
        if handle is None:
            raise _fail(shown, [Problem(shown, content_text.FILE_NOT_REGULAR)])
        with handle:
            # Read one byte past the limit so an oversize file is refused without loading it.
            data = handle.read(MAX_PACK_BYTES + 1)
    except FileNotFoundError:
        raise _fail(shown, [Problem(shown, content_text.FILE_NOT_FOUND)]) from None
    except OSError as err:
        raise _fail(shown, [Problem(shown, content_text.file_unreadable(os_reason(err)))]) from None
    if len(data) > MAX_PACK_BYTES:
        raise _fail(
            shown, [Problem(shown, content_text.file_too_large(MAX_PACK_BYTES // (1024 * 1024)))]
        )
    return data


def load_pack(path: str | Path) -> ContentPack:
    """Read and parse the pack file at ``path``; every failure is an InputError.

    Raises:
        InputError: the file is missing, unreadable, too large, not UTF-8, or invalid.
    """
    shown = str(path)
    data = _read_bytes(Path(path), shown)
    try:
        text = decode_utf8(data, shown)
    except DecodeError as err:
        raise _fail(shown, [err.problem]) from None
    return parse_pack(text, shown)
