"""Write a drafted pack as content-pack Markdown (see spec/content-pack.md).

The front matter is dumped by PyYAML, so any title or source quotes itself correctly;
text from the plan is escaped so that a "#", ">" or "1." at its start stays text and
never becomes a heading, a discussion question or a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from facilitator.drafting.model import Draft, DraftItem, DraftPack
from facilitator.storage.output_file import write_output

_INLINE = re.compile(r"([\\`*_\[\]<>{}|~])")
_BLOCK_START = re.compile(r"^([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    text = _BLOCK_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)
    return text.rstrip("#") + ("\\#" * (len(text) - len(text.rstrip("#"))))


def _front_matter(pack: DraftPack) -> str:
    data: dict[str, Any] = {
        "id": pack.id,
        "title": pack.title,
        "kind": pack.kind.value,
        "version": pack.version,
        "sources": list(pack.sources),
    }
    if pack.framing:
        data["framing"] = {
            lens.key: {"label": lens.label, "meaning": lens.meaning}
            if lens.meaning
            else {"label": lens.label}
            for lens in pack.framing
        }
    if pack.questions:
        data["questions"] = list(pack.questions)
    if pack.plan is not None:
        plan = {"number": pack.plan.number, "date": pack.plan.date, "issuer": pack.plan.issuer}
        data["plan"] = {key: value for key, value in plan.items() if value}
    if pack.deadline is not None:
        data["deadline"] = pack.deadline
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n"


def _attributes(item: DraftItem) -> str:
    framing = f" framing={item.framing}" if item.framing else ""
    return f"{{minutes={item.minutes} kind={item.kind.value}{framing} id={item.id}}}"


def _item(item: DraftItem) -> Iterator[str]:
    yield _attributes(item)
    yield f"## {escape(item.title)}"
    for group in item.groups:
        yield ""
        if group.title:
            yield f"### {escape(group.title)}"
            yield ""
        for point in group.points:
            yield f"- {escape(point.text)}"
            yield from (f"  - {escape(text)}" for text in point.below)
    for question in item.questions:
        yield ""
        yield f"> {escape(question)}"
    if item.notes:
        yield ""
        yield "```notes"
        for index, note in enumerate(item.notes):
            if index:
                yield ""
            for line in note.split("\n"):
                # A fence line inside the notes would close them early.
                yield " ".join(line.split()).replace("```", "'''")
        yield "```"
    yield ""


def render_pack(pack: DraftPack) -> str:
    """The whole pack file, ending with one newline."""
    lines = [_front_matter(pack), f"# {escape(pack.title)}", ""]
    for item in pack.items:
        lines.extend(_item(item))
    return "\n".join(lines).rstrip("\n") + "\n"


def default_name(draft: Draft) -> str:
    """The file a draft is saved as when no name is given: its pack id (from the title)."""
    return f"{draft.pack.id}.md"


def write_draft(draft: Draft, target: Path | str, *, overwrite: bool = False) -> Path:
    """Save ``draft`` through the one user-file writer (atomic, no clobber unless asked).

    Raises:
        FacilitatorError: the file exists (without ``overwrite``), or cannot be written.
    """
    return write_output(target, draft.markdown.encode("utf-8"), overwrite=overwrite)
