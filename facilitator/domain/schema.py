"""The declarations of a stored format: codec metadata on the fields of frozen records.

A format's records are classes decorated with :func:`record` (a frozen dataclass) whose
fields are declared with :func:`text`, :func:`integer`, :func:`choice`, :func:`nested`...
Each declaration says the JSON key, the kind of value, whether the key is required,
whether ``null`` is accepted and which values are allowed. :mod:`facilitator.domain.codec`
derives ``to_dict``/``from_dict`` from them, and :mod:`facilitator.bundle.structure` the
structural checks (types, choices, required keys, each problem at its JSON path).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass
from enum import Enum
from typing import Any, Literal, TypeVar, dataclass_transform

T = TypeVar("T")
META = "codec"
"""The key of a field's :class:`Spec` in its dataclass metadata."""


class Kind(Enum):
    """What a JSON value is, and what the record holds for it."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"  # int or float, finite, not negative; held as float
    FLAG = "flag"
    TIME = "time"  # ISO 8601 text with offset; held as an aware datetime
    CHOICE = "choice"
    RECORD = "record"
    RECORDS = "records"  # list of records; held as a tuple
    TEXTS = "texts"  # list of strings; held as a tuple
    TRIPLES = "triples"  # list of 3-string lists; held as a tuple of tuples
    PARTS = "parts"  # one list of strings spread over several attributes
    CONST = "const"  # a fixed value written first; read (and checked) by the format's rules


@dataclass(frozen=True, slots=True)
class Spec:
    """The codec metadata of one field."""

    kind: Kind
    key: str | None = None
    """JSON key; the attribute's name when ``None``."""
    optional: bool = False
    """The key may be left out (the field's default is used)."""
    nullable: bool = False
    non_empty: bool = False
    minimum: int = 0
    choices: tuple[str | None, ...] = ()
    record: type | None = None
    keep_null: bool = False
    """A ``null`` read is remembered in ``nulls`` and written back while still blank."""
    omit_default: bool = False
    """Not written while the value equals the default (e.g. ``mode`` of live sessions)."""
    rank: int = 0
    """Write position: fields are written in declaration order, stably sorted by rank (a
    positional constructor may need another order than the file)."""
    message: str = ""
    """The problem of a malformed triple or parts list (a wording from ``strings``)."""
    parts: tuple[str, ...] = ()
    omit: Callable[[Any], bool] | None = None
    """PARTS only: true for a record whose parts are not worth writing."""


def _field(spec: Spec, default: Any, default_factory: Any, **options: Any) -> Any:
    kwargs: dict[str, Any] = {"metadata": {META: spec}, **options}
    if default is not MISSING:
        kwargs["default"] = default
    if default_factory is not MISSING:
        kwargs["default_factory"] = default_factory
    return dataclasses.field(**kwargs)


def text(
    *,
    default: Any = MISSING,
    key: str | None = None,
    optional: bool = False,
    nullable: bool = False,
    non_empty: bool = False,
    keep_null: bool = False,
    rank: int = 0,
) -> Any:
    """A string (``nullable``: or ``null``; ``non_empty``: not blank)."""
    spec = Spec(Kind.TEXT, key, optional, nullable, non_empty, keep_null=keep_null, rank=rank)
    return _field(spec, default, MISSING)


def integer(
    *, default: Any = MISSING, key: str | None = None, optional: bool = False, minimum: int = 0
) -> Any:
    """A whole number (never a bool or a float) of at least ``minimum``."""
    return _field(Spec(Kind.INTEGER, key, optional, minimum=minimum), default, MISSING)


def number(*, default: Any = MISSING, key: str | None = None, optional: bool = False) -> Any:
    """A finite, non-negative number."""
    return _field(Spec(Kind.NUMBER, key, optional), default, MISSING)


def flag(*, default: Any = MISSING, key: str | None = None, optional: bool = False) -> Any:
    """``true`` or ``false``."""
    return _field(Spec(Kind.FLAG, key, optional), default, MISSING)


def time(
    *,
    default: Any = MISSING,
    key: str | None = None,
    optional: bool = False,
    nullable: bool = False,
    compare: bool = True,
) -> Any:
    """An aware moment, stored as ISO 8601 text with its offset (``compare=False``: a
    stamp that does not make two records differ)."""
    spec = Spec(Kind.TIME, key, optional, nullable)
    return _field(spec, default, MISSING, compare=compare)


def choice(
    allowed: Iterable[str | None],
    *,
    default: Any = MISSING,
    key: str | None = None,
    optional: bool = False,
    omit_default: bool = False,
    rank: int = 0,
) -> Any:
    """One of ``allowed``: a vocabulary's StrEnum, with ``None`` in it to accept ``null``
    (the order given is the order a problem lists them in)."""
    values = tuple(allowed)
    spec = Spec(
        Kind.CHOICE,
        key,
        optional,
        None in values,
        choices=values,
        omit_default=omit_default,
        rank=rank,
    )
    return _field(spec, default, MISSING)


def nested(
    cls: type,
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    key: str | None = None,
    optional: bool = False,
    keep_null: bool = False,
    omit_default: bool = False,
) -> Any:
    """One record of ``cls`` (an optional one also accepts ``null``)."""
    spec = Spec(
        Kind.RECORD,
        key,
        optional,
        nullable=optional,
        record=cls,
        keep_null=keep_null,
        omit_default=omit_default,
    )
    return _field(spec, default, default_factory)


def records(
    cls: type, *, default: Any = MISSING, key: str | None = None, optional: bool = False
) -> Any:
    """A list of records of ``cls``, held as a tuple."""
    return _field(Spec(Kind.RECORDS, key, optional, record=cls), default, MISSING)


def texts(*, default: Any = MISSING, key: str | None = None, optional: bool = False) -> Any:
    """A list of strings, held as a tuple."""
    return _field(Spec(Kind.TEXTS, key, optional), default, MISSING)


def triples(
    message: str, *, default: Any = MISSING, key: str | None = None, optional: bool = False
) -> Any:
    """A list of 3-string lists, held as a tuple of tuples and left out while equal to the
    default; ``message`` is the problem of a malformed entry."""
    spec = Spec(Kind.TRIPLES, key, optional, message=message, omit_default=True)
    return _field(spec, default, MISSING)


def parts(
    key: str,
    attributes: tuple[str, ...],
    message: str,
    omit: Callable[[Any], bool],
    *,
    default: Any = MISSING,
) -> Any:
    """The first of ``attributes``: together they are the optional list of strings at
    ``key``. ``omit`` tells a record whose parts need not be written; ``message`` is the
    problem of a malformed list."""
    spec = Spec(Kind.PARTS, key, True, message=message, parts=attributes, omit=omit)
    return _field(spec, default, MISSING)


def const(value: str, *, init: Literal[False] = False) -> Any:
    """A fixed value written with every record (the format's name), not an argument
    (``init`` is there for type checkers, which read its default)."""
    return _field(Spec(Kind.CONST), value, MISSING, init=init, repr=False, compare=False)


# The field functions are declared as such so that mypy knows which fields have defaults.
@dataclass_transform(
    frozen_default=True,
    field_specifiers=(
        text,
        integer,
        number,
        flag,
        time,
        choice,
        nested,
        records,
        texts,
        triples,
        parts,
        const,
        dataclasses.field,
    ),
)
def record(cls: type[T] | None = None, /, *, kw_only: bool = False) -> Any:
    """A frozen dataclass whose codec fields make up one object of a stored format."""

    def wrap(target: type[T]) -> type[T]:
        return dataclasses.dataclass(frozen=True, kw_only=kw_only)(target)

    return wrap if cls is None else wrap(cls)
