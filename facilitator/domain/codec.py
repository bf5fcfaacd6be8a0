"""Codec of stored formats, derived from their declarations (:mod:`facilitator.domain.schema`).

* ``to_dict`` / ``from_dict`` (:func:`encode`, :func:`decode`) trust their input;
* :func:`read_lenient` is for files a window only displays: a bad value reads as the
  field's default.

A record with an ``extra`` field keeps unknown keys there and writes them back; without
one, unknown keys are dropped (a whitelist). A record with a ``nulls`` field remembers
which ``keep_null`` keys were ``null`` (:mod:`facilitator.domain.nulls`).

Nothing is introspected at import: :func:`plan_of` reads a class's fields on first use
and caches the result, so a codec call costs a few tuple walks.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass
from datetime import datetime
from typing import Any, Self, TypeGuard, TypeVar

from facilitator.domain.nulls import null_keys, restore_nulls
from facilitator.domain.schema import META, Kind, Spec
from facilitator.domain.vocab import Json, format_time, parse_time

T = TypeVar("T")


class Record:
    """``to_dict`` / ``from_dict`` for records (derived from their field declarations)."""

    __slots__ = ()

    def to_dict(self) -> Json:
        """The record's JSON object (unknown keys it was read with ride along)."""
        return encode(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Inverse of :meth:`to_dict`; trusts ``data`` (validate foreign data first)."""
        return decode(cls, data)


# -- plans ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """One codec field of a class, resolved."""

    name: str
    key: str
    spec: Spec
    default: Any
    """The default value, or ``MISSING``."""
    factory: Any
    """The default factory, or ``MISSING``."""

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING or self.factory is not MISSING


@dataclass(frozen=True, slots=True)
class Plan:
    """A record class's codec fields in write order, and what it keeps besides."""

    fields: tuple[Field, ...]
    known: frozenset[str]
    keeps_extra: bool
    null_keys: tuple[str, ...]


_PLANS: dict[type, Plan] = {}


def plan_of(cls: type) -> Plan:
    """The codec plan of a record class (read from its fields on first use)."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _plan(cls)
    return plan


def _plan(cls: type) -> Plan:
    every = dataclasses.fields(cls)
    declared = sorted((f for f in every if META in f.metadata), key=lambda f: f.metadata[META].rank)
    fields = tuple(
        Field(
            f.name, f.metadata[META].key or f.name, f.metadata[META], f.default, f.default_factory
        )
        for f in declared
    )
    names = {f.name for f in every}
    return Plan(
        fields=fields,
        known=frozenset(f.key for f in fields),
        keeps_extra="extra" in names,
        null_keys=tuple(f.key for f in fields if f.spec.keep_null) if "nulls" in names else (),
    )


# -- trusting codec -------------------------------------------------------------------
# Each class's encoder and decoder are generated from its plan on first use, as
# dataclasses generate __init__: a walk over field specs per record cost a third more
# than the hand-written code on every store write.

Encoder = Callable[[Any], Json]
Decoder = Callable[[Mapping[str, Any]], Any]
_ENCODERS: dict[type, Encoder] = {}
_DECODERS: dict[type, Decoder] = {}


def encode(record: Any) -> Json:
    """``record`` as its JSON object, keys in declaration order, unknown keys last."""
    return _encoder(type(record))(record)


def decode(cls: type[T], data: Mapping[str, Any]) -> T:
    """A record of ``cls`` from its JSON object; a missing or ``null`` value gives the
    field's default, a missing required key raises. Trusts ``data``: validate foreign
    data first."""
    return _decoder(cls)(data)  # type: ignore[no-any-return]


def _encoder(cls: type) -> Encoder:
    found = _ENCODERS.get(cls)
    if found is None:
        found = _ENCODERS[cls] = _compile(cls, "encode", _encoder_source)
    return found


def _decoder(cls: type) -> Decoder:
    found = _DECODERS.get(cls)
    if found is None:
        found = _DECODERS[cls] = _compile(cls, "decode", _decoder_source)
    return found


Source = Callable[[type, Plan, dict[str, Any]], list[str]]


def _compile(cls: type, name: str, source: Source) -> Any:
    namespace: dict[str, Any] = {"_cls": cls}
    lines = source(cls, plan_of(cls), namespace)
    exec(compile("\n".join(lines), f"<codec {name} {cls.__qualname__}>", "exec"), namespace)
    return namespace[name]


def _encoder_source(cls: type, plan: Plan, ns: dict[str, Any]) -> list[str]:
    ns.update(_time=format_time, _restore=restore_nulls, _listed=_listed)
    body = ["def encode(r):", "    data = {"]
    after: list[str] = []
    for n, item in enumerate(plan.fields):
        key, value = repr(item.key), f"r.{item.name}"
        match item.spec.kind:
            case Kind.TIME:
                value = f"_time({value})"
            case Kind.RECORD:
                ns[f"_enc{n}"] = _encoder(_record_of(item))
                value = f"None if {value} is None else _enc{n}({value})"
            case Kind.RECORDS:
                ns[f"_enc{n}"] = _encoder(_record_of(item))
                ns[f"_memo{n}"] = [((), [])]
                value = f"_listed(_memo{n}, {value}, _enc{n})"
            case Kind.TEXTS:
                value = f"list({value})"
            case Kind.TRIPLES:
                value = f"[list(v) for v in {value}]"
            case Kind.PARTS:
                ns[f"_omit{n}"] = item.spec.omit
                listed = ", ".join(f"r.{part}" for part in item.spec.parts)
                value = f"None if _omit{n}(r) else [{listed}]"
                after.append(f"    if data[{key}] is None: del data[{key}]")
        body.append(f"        {key}: {value},")
        if item.spec.omit_default:
            ns[f"_default{n}"] = item.factory() if item.default is MISSING else item.default
            after.append(f"    if r.{item.name} == _default{n}: del data[{key}]")
    body.append("    }")
    body += after
    if plan.null_keys:
        body.append("    if r.nulls: _restore(data, r.nulls)")
    if plan.keeps_extra:
        body.append("    if r.extra: data.update(r.extra)")
    body.append("    return data")
    return body


def _listed(
    memo: list[tuple[tuple[Any, ...], list[Json]]], values: Any, enc: Encoder
) -> list[Json]:
    """The records of a tuple field encoded, reusing the last encoding when the very same
    tuple comes again: a session's snapshots share every tuple a change did not touch, so
    a mark does not re-encode 500 people. Records are frozen, hence the same tuple always
    encodes the same; the list is copied, and the memo is replaced in one assignment (an
    export thread may encode at the same time)."""
    last, encoded = memo[0]
    if last is not values:
        encoded = [enc(v) for v in values]
        memo[0] = (values, encoded)
    return list(encoded)


def _decoder_source(cls: type, plan: Plan, ns: dict[str, Any]) -> list[str]:
    ns.update(_time=parse_time, _tuples=_tuples, _extra=extra_keys, _nulls=null_keys)
    ns.update(_known=plan.known, _null_keys=plan.null_keys)
    body = ["def decode(data):", "    get = data.get"]
    args: list[str] = []
    for n, item in enumerate(plan.fields):
        key = repr(item.key)
        match item.spec.kind:
            case Kind.CONST:
                continue
            case Kind.PARTS:
                ns[f"_blank{n}"] = ("",) * len(item.spec.parts)
                body.append(f"    parts{n} = get({key}) or _blank{n}")
                args += [f"{part}=parts{n}[{p}]" for p, part in enumerate(item.spec.parts)]
                continue
            case Kind.RECORD | Kind.RECORDS:
                ns[f"_dec{n}"] = _decoder(_record_of(item))
        if not item.has_default:
            args.append(f"{item.name}={_read(item, n, f'data[{key}]')}")
            continue
        ns[f"_default{n}"] = item.default if item.default is not MISSING else item.factory
        default = f"_default{n}" if item.default is not MISSING else f"_default{n}()"
        read = _read(item, n, "v")
        args.append(f"{item.name}={read} if (v := get({key})) is not None else {default}")
    if plan.keeps_extra:
        args.append("extra=_extra(data, _known)")
    if plan.null_keys:
        args.append("nulls=_nulls(data, _null_keys)")
    body.append(f"    return _cls({', '.join(args)})")
    return body


def _read(item: Field, n: int, value: str) -> str:
    """The expression converting the JSON ``value`` of ``item`` to the record's value."""
    match item.spec.kind:
        case Kind.INTEGER:
            return f"int({value})"
        case Kind.NUMBER:
            return f"float({value})"
        case Kind.FLAG:
            return f"bool({value})"
        case Kind.TIME:
            return f"_time({value})"
        case Kind.RECORD:
            return f"_dec{n}({value})"
        case Kind.RECORDS:
            return f"tuple([_dec{n}(x) for x in {value}])"
        case Kind.TEXTS:
            return f"tuple({value})"
        case Kind.TRIPLES:
            return f"_tuples({value})"
        case _:
            return value


def _record_of(item: Field) -> type:
    assert item.spec.record is not None, item.name
    return item.spec.record


def extra_keys(data: Mapping[str, Any], known: frozenset[str]) -> Json:
    """Unknown keys, kept for round trips (the common case, none, is a fast C set test)."""
    if data.keys() <= known:
        return {}
    return {k: v for k, v in data.items() if k not in known}


def _tuples(values: Iterable[Iterable[Any]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(part) for part in v) for v in values)


# -- lenient reading ------------------------------------------------------------------


def read_lenient(cls: type[T], data: Mapping[str, Any]) -> T:
    """A record of ``cls`` from untrusted ``data``: each value that the structural checks
    would refuse reads as its default, bad list entries are dropped. Every field of
    ``cls`` needs a default."""
    kwargs: dict[str, Any] = {}
    for item in plan_of(cls).fields:
        value = data.get(item.key)
        if value is not None and item.spec.kind is not Kind.CONST:
            read = _lenient(item.spec, value)
            if read is not _BAD:
                kwargs[item.name] = read
    return cls(**kwargs)


_BAD = object()


def accepts(spec: Spec, value: Any) -> bool:
    """Whether :func:`read_lenient` keeps a non-null ``value`` for a field of ``spec``
    (what the structural checks accept, blank text aside)."""
    return _lenient(spec, value) is not _BAD


def map_texts(record: T, clean: Callable[[str, str], str]) -> T:
    """A copy of ``record`` with ``clean(name, value)`` applied to every string it holds
    as text (its records' too, and each entry of a list of strings), so that a field
    added later cannot escape a display's cleaning."""
    changes: dict[str, Any] = {}
    for item in plan_of(type(record)).fields:
        value = getattr(record, item.name)
        match item.spec.kind:
            case Kind.TEXT if isinstance(value, str):
                changes[item.name] = clean(item.name, value)
            case Kind.TEXTS:
                changes[item.name] = tuple(clean(item.name, v) for v in value)
            case Kind.RECORD if value is not None:
                changes[item.name] = map_texts(value, clean)
            case Kind.RECORDS:
                changes[item.name] = tuple(map_texts(v, clean) for v in value)
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


def is_int(value: Any) -> TypeGuard[int]:
    """A JSON whole number (``true`` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_triple(value: Any, size: int = 3) -> bool:
    """A list of exactly ``size`` strings."""
    return isinstance(value, list) and len(value) == size and all(isinstance(p, str) for p in value)


def aware_time(value: Any) -> datetime | None:
    """The aware moment ``value`` stands for, or ``None``."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


def _lenient(spec: Spec, value: Any) -> Any:
    match spec.kind:
        case Kind.TEXT:
            return value if isinstance(value, str) else _BAD
        case Kind.INTEGER:
            return value if is_int(value) and value >= spec.minimum else _BAD
        case Kind.NUMBER:
            good = isinstance(value, int | float) and not isinstance(value, bool)
            return float(value) if good and math.isfinite(value) and value >= 0 else _BAD
        case Kind.FLAG:
            return value if isinstance(value, bool) else _BAD
        case Kind.TIME:
            moment = aware_time(value)
            return _BAD if moment is None else moment
        case Kind.CHOICE:
            return value if isinstance(value, str) and value in spec.choices else _BAD
        case Kind.RECORD:
            cls = spec.record
            return read_lenient(cls, value) if isinstance(value, Mapping) and cls else _BAD
        case Kind.RECORDS:
            cls = spec.record
            if not isinstance(value, list) or cls is None:
                return _BAD
            return tuple(read_lenient(cls, v) for v in value if isinstance(v, Mapping))
        case Kind.TEXTS:
            return (
                tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else _BAD
            )
        case Kind.TRIPLES:
            return (
                tuple(tuple(v) for v in value if is_triple(v)) if isinstance(value, list) else _BAD
            )
        case _:
            return _BAD
