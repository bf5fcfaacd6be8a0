"""Structural checks derived from a format's declarations (:mod:`facilitator.domain.schema`).

:func:`check_record` walks a JSON object against a record class: required keys, types,
choices, nested records and lists, each problem at its JSON path and worded by the
:class:`~facilitator.bundle.checker.Checker` accessors. Unknown keys are allowed: the
codec keeps them. Rules that are not structure (references, derived counts, days, the
format's name) stay with the format's validator, which hooks them in with ``after``.

The store checks every write, so the check of each class is generated from its plan on
first use (as dataclasses generate ``__init__``): an inline test of the usual valid
value per field, and the accessor, which words the problem, only when that test fails.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from facilitator.bundle.checker import Checker, Obj, json_key
from facilitator.domain.codec import Field, is_triple, plan_of
from facilitator.domain.schema import Kind

Step = Callable[[Checker, Obj, str], None]
Rules = Mapping[str, Step]
CheckFunction = Callable[..., None]

_MISSING = object()
_LIMIT = 1e300  # a larger whole number cannot become a float: left to the accessor
_PLAIN: dict[type, CheckFunction] = {}
_RULED: dict[type, CheckFunction] = {}


def check_record(
    check: Checker, cls: type, obj: Obj, where: str, after: Rules | None = None
) -> None:
    """Record every structural problem of ``obj`` as a ``cls`` located at ``where``.

    ``after`` maps keys of ``cls`` to the format's other rules, run right after the key's
    own checks so that problems stay in file order: for a list of records, on each entry
    that is an object (with its path); for a record, on it when it is an object; for a
    plain value, on ``obj``.
    """
    if after:
        assert after.keys() <= plan_of(cls).known, sorted(after.keys() - plan_of(cls).known)
        _function(cls, _RULED, ruled=True)(check, obj, where, after)
    else:
        _function(cls, _PLAIN, ruled=False)(check, obj, where)


def _function(cls: type, cache: dict[type, CheckFunction], *, ruled: bool) -> CheckFunction:
    found = cache.get(cls)
    if found is None:
        namespace: dict[str, Any] = {"_M": _MISSING, "_LIMIT": _LIMIT, "_aware": _aware}
        source = "\n".join(_source(cls, namespace, ruled))
        exec(compile(source, f"<structure {cls.__qualname__}>", "exec"), namespace)
        found = cache[cls] = namespace["check"]
    return found


def _source(cls: type, ns: dict[str, Any], ruled: bool) -> list[str]:
    lines = ["def check(c, o, w, rules):" if ruled else "def check(c, o, w):", "    get = o.get"]
    for n, item in enumerate(plan_of(cls).fields):
        if item.spec.kind is Kind.CONST:
            continue  # the format's own rule
        if ruled:
            lines.append(f"    rule{n} = rules.get({item.key!r})")
        lines += _field_source(item, n, ns, ruled)
        if ruled and item.spec.kind not in (Kind.RECORD, Kind.RECORDS):
            lines.append(f"    if rule{n} is not None: rule{n}(c, o, w)")
    lines.append("    return None")
    return lines


def _field_source(item: Field, n: int, ns: dict[str, Any], ruled: bool) -> list[str]:
    spec, key = item.spec, repr(item.key)
    required = not spec.optional
    ns[f"_sfx{n}"] = json_key("", item.key)
    match spec.kind:
        case Kind.TEXT:
            valid = "type(v) is str" + (" and v.strip()" if spec.non_empty else "")
            call = f"c.string(o, {key}, w, required={required}, nullable={spec.nullable}"
            call += f", non_empty={spec.non_empty})"
        case Kind.INTEGER:
            valid = f"type(v) is int and v >= {spec.minimum}"
            call = f"c.integer(o, {key}, w, required={required}, minimum={spec.minimum})"
        case Kind.NUMBER:
            valid = "(type(v) is float or type(v) is int) and 0 <= v < _LIMIT"
            call = f"c.number(o, {key}, w, required={required})"
        case Kind.FLAG:
            valid = "type(v) is bool"
            call = f"c.boolean(o, {key}, w, required={required})"
        case Kind.TIME:
            valid = "type(v) is str and _aware(v)"
            call = f"c.time(o, {key}, w, required={required}, nullable={spec.nullable})"
        case Kind.CHOICE:
            ns[f"_allowed{n}"], ns[f"_set{n}"] = spec.choices, frozenset(spec.choices)
            valid = f"(type(v) is str or v is None) and v in _set{n}"
            call = f"c.choice(o, {key}, w, _allowed{n}, required={required})"
        case Kind.RECORD:
            ns[f"_check{n}"] = _function(_record_of(item), _PLAIN, ruled=False)
            lines = [f"    v = get({key})", "    if type(v) is dict:"]
            lines.append(f"        _check{n}(c, v, w + _sfx{n})")
            if ruled:
                lines.append(f"        if rule{n} is not None: rule{n}(c, v, w + _sfx{n})")
            return [*lines, f"    else: c.obj(o, {key}, w, required={required})"]
        case Kind.RECORDS:
            ns[f"_check{n}"] = _function(_record_of(item), _PLAIN, ruled=False)
            lines = [f"    for p, e in c.objects(o, {key}, w, required={required}):"]
            lines.append(f"        _check{n}(c, e, p)")
            if ruled:
                lines.append(f"        if rule{n} is not None: rule{n}(c, e, p)")
            return lines
        case Kind.TEXTS:
            return [f"    c.string_list(o, {key}, w, required={required})"]
        case Kind.TRIPLES | Kind.PARTS:
            ns[f"_step{n}"] = _rare_step(item)
            return [f"    _step{n}(c, o, w)"]
        case _:
            raise AssertionError(spec.kind)
    if spec.nullable:
        valid = f"v is None or ({valid})"
    if spec.optional:
        valid = f"v is _M or {valid}"
    return [f"    v = get({key}, _M)", f"    if not ({valid}): {call}"]


def _rare_step(item: Field) -> Step:
    """Lists of string lists: too rare to be worth an inline test."""
    key, message, required = item.key, item.spec.message, not item.spec.optional
    if item.spec.kind is Kind.PARTS:
        size = len(item.spec.parts)

        def parts(check: Checker, obj: Obj, where: str) -> None:
            if key in obj and not is_triple(obj[key], size):
                check.add(json_key(where, key), message)

        return parts

    def triples(check: Checker, obj: Obj, where: str) -> None:
        for index, entry in enumerate(check.array(obj, key, where, required=required)):
            if not is_triple(entry):
                check.add(f"{json_key(where, key)}[{index}]", message)

    return triples


def _aware(value: str) -> bool:
    try:
        return datetime.fromisoformat(value).utcoffset() is not None
    except ValueError:
        return False


def _record_of(item: Field) -> type:
    assert item.spec.record is not None, item.name
    return item.spec.record
