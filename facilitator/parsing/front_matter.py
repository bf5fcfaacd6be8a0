"""Validate a content pack's YAML front matter, collecting every problem with its file line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import yaml

from facilitator.domain.content import PACK_KINDS, FramingLens, PlanRef
from facilitator.domain.errors import Problem
from facilitator.strings import content as content_text

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Pack ids, item ids and framing keys: what a slug looks like."""

REQUIRED_FIELDS = ("id", "title", "kind", "version", "sources")
OPTIONAL_FIELDS = ("framing", "questions", "plan", "deadline")
_PLAN_FIELDS = ("number", "date", "issuer")
_LENS_FIELDS = ("label", "meaning")
_NULL_TAG = "tag:yaml.org,2002:null"


def _is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag != _NULL_TAG and bool(node.value.strip())


@dataclass(frozen=True)
class PackHeader:
    """The validated front matter; fields that failed validation hold empty values."""

    id: str = ""
    title: str = ""
    kind: str = ""
    version: str = ""
    sources: tuple[str, ...] = ()
    framing: tuple[FramingLens, ...] = ()
    questions: tuple[str, ...] = ()
    plan: PlanRef | None = None
    deadline: date | None = None


@dataclass
class _Reader:
    """Walks the composed YAML so each problem can name the line of the offending key."""

    path: str
    first_line: int
    """1-based file line of the YAML's first line (the line after the opening ``---``)."""
    nodes: dict[str, tuple[yaml.Node, yaml.Node]]
    problems: list[Problem] = field(default_factory=list)

    def where(self, node: yaml.Node | None) -> str:
        line = self.first_line + node.start_mark.line if node is not None else self.first_line - 1
        return f"{self.path}:{line}"

    def report(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(self.where(node), message))

    def text(self, name: str) -> str:
        """A required scalar, as written: raw YAML text, so ``version: 2024.10`` stays "2024.10"."""
        if name not in self.nodes:
            self.report(None, content_text.field_missing(name))
            return ""
        key, value = self.nodes[name]
        if not isinstance(value, yaml.ScalarNode):
            self.report(key, content_text.field_not_text(name))
            return ""
        if value.tag == _NULL_TAG or not value.value.strip():
            self.report(key, content_text.field_missing(name))
            return ""
        return str(value.value).strip()

    def text_list(self, name: str, not_list: str, required: bool) -> tuple[str, ...]:
        if name not in self.nodes:
            if required:
                self.report(None, content_text.field_missing(name))
            return ()
        key, value = self.nodes[name]
        if not isinstance(value, yaml.SequenceNode):
            self.report(key, not_list)
            return ()
        entries: list[str] = []
        for index, entry in enumerate(value.value, start=1):
            if _is_text(entry):
                entries.append(entry.value.strip())
            else:
                self.report(entry, content_text.list_entry_not_text(name, index))
        if required and not value.value:
            self.report(key, content_text.SOURCES_EMPTY)
        return tuple(entries)

    def framing(self) -> tuple[FramingLens, ...]:
        if "framing" not in self.nodes:
            return ()
        key, value = self.nodes["framing"]
        if isinstance(value, yaml.ScalarNode) and value.tag == _NULL_TAG:
            return ()
        if not isinstance(value, yaml.MappingNode):
            self.report(key, content_text.FRAMING_NOT_MAPPING)
            return ()
        return tuple(
            lens
            for lens_key, lens_value in value.value
            if (lens := self._lens(lens_key, lens_value)) is not None
        )

    def iso_date(self, name: str, node: yaml.Node) -> date | None:
        """A scalar written as an ISO date ("2024-06-30"); reported and None otherwise."""
        value = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
        # fromisoformat also takes "20240630" and week dates; authors write 2024-06-30.
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.report(node, content_text.bad_iso_date(name, value))
        return None

    def deadline(self) -> date | None:
        if "deadline" not in self.nodes:
            return None
        return self.iso_date("deadline", self.nodes["deadline"][1])

    def plan(self) -> PlanRef | None:
        if "plan" not in self.nodes:
            return None
        key, value = self.nodes["plan"]
        if not isinstance(value, yaml.MappingNode):
            self.report(key, content_text.PLAN_NOT_MAPPING)
            return None
        fields: dict[str, str] = {}
        day: date | None = None
        for field_key, field_value in value.value:
            name = str(field_key.value)
            if name not in _PLAN_FIELDS:
                self.report(field_key, content_text.plan_field_unknown(name))
            elif not _is_text(field_value):
                self.report(field_key, content_text.plan_field_not_text(name))
            elif name == "date":
                day = self.iso_date("plan.date", field_value)
            else:
                fields[name] = field_value.value.strip()
        return PlanRef(fields.get("number", ""), day, fields.get("issuer", ""))

    def _lens(self, key_node: yaml.Node, value: yaml.Node) -> FramingLens | None:
        key = str(key_node.value).strip()
        ok = bool(ID_PATTERN.fullmatch(key))
        if not ok:
            self.report(key_node, content_text.bad_framing_key(key))
        if not isinstance(value, yaml.MappingNode):
            self.report(key_node, content_text.framing_entry_not_mapping(key))
            return None
        fields: dict[str, str] = {}
        for field_key, field_value in value.value:
            name = str(field_key.value)
            if name not in _LENS_FIELDS:
                self.report(field_key, content_text.framing_field_unknown(key, name))
                ok = False
            elif not isinstance(field_value, yaml.ScalarNode) or field_value.tag == _NULL_TAG:
                self.report(field_key, content_text.framing_field_not_text(key, name))
                ok = False
            else:
                fields[name] = field_value.value.strip()
        if not fields.get("label"):
            self.report(key_node, content_text.framing_label_missing(key))
            ok = False
        return FramingLens(key, fields["label"], fields.get("meaning", "")) if ok else None


def _compose(text: str) -> yaml.Node | None:
    # The first half of yaml.safe_load (same SafeLoader, no object construction): the node
    # tree keeps each key's line for problems and each scalar as the author spelled it
    # ("2024.10" would become the float 2024.1; "2024-13-45" would fail as a date).
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _yaml_detail(err: Exception) -> str:
    """PyYAML's English reason, said in Vietnamese (the line number carries the place)."""
    if isinstance(err, RecursionError):
        return content_text.YAML_TOO_DEEP
    problem = err.problem if isinstance(err, yaml.MarkedYAMLError) else None
    text = str(problem or err)
    return next(
        (vi for en, vi in content_text.YAML_PROBLEMS if en in text), content_text.YAML_OTHER
    )


def _yaml_problem(err: Exception, path: str, first_line: int) -> Problem:
    line = first_line
    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        line = first_line + mark.line if mark is not None else first_line
    return Problem(f"{path}:{line}", content_text.yaml_invalid(_yaml_detail(err)))


def parse_front_matter(
    text: str, path: str, first_line: int = 2
) -> tuple[PackHeader, list[Problem]]:
    """Validate front matter ``text`` whose first line is file line ``first_line``.

    Returns the header (best effort) and every problem found; never raises for bad input.
    """
    try:
        root = _compose(text)
    except (yaml.YAMLError, RecursionError) as err:
        return PackHeader(), [_yaml_problem(err, path, first_line)]
    if not isinstance(root, yaml.MappingNode):
        return PackHeader(), [
            Problem(f"{path}:{first_line - 1}", content_text.FRONT_MATTER_NOT_MAPPING)
        ]

    nodes = {str(key.value): (key, value) for key, value in root.value}
    reader = _Reader(path, first_line, nodes)
    allowed = (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)
    for name, (key, _value) in nodes.items():
        if name not in allowed:
            reader.report(key, content_text.unknown_field(name, allowed))

    pack_id = reader.text("id")
    if pack_id and not ID_PATTERN.fullmatch(pack_id):
        reader.report(nodes["id"][0], content_text.bad_pack_id(pack_id))
    kind = reader.text("kind")
    if kind and kind not in PACK_KINDS:
        reader.report(nodes["kind"][0], content_text.bad_pack_kind(kind))
    header = PackHeader(
        id=pack_id,
        title=reader.text("title"),
        kind=kind,
        version=reader.text("version"),
        sources=reader.text_list("sources", content_text.SOURCES_NOT_LIST, required=True),
        framing=reader.framing(),
        questions=reader.text_list("questions", content_text.QUESTIONS_NOT_LIST, required=False),
        plan=reader.plan(),
        deadline=reader.deadline(),
    )
    return header, reader.problems
