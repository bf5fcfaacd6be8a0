"""Errors the core raises; each carries a Vietnamese message fit to show a user."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, located as precisely as we can.

    ``where`` is a file path, a ``file:line`` pair or a JSON path such as
    ``$.attendance[3].status``; ``message`` is Vietnamese.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class FacilitatorError(Exception):
    """Base of every error the user may see. ``str(err)`` is the Vietnamese message."""

    def __init__(self, message: str, problems: tuple[Problem, ...] | list[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems: tuple[Problem, ...] = tuple(problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message, *(f"  - {p}" for p in self.problems)]
        return "\n".join(lines)


class OutputExistsError(FacilitatorError):
    """The chosen output file exists and overwriting was not allowed; each front end
    says how to allow it (the CLI names --overwrite)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class InputError(FacilitatorError):
    """A user-supplied file (roster, content pack, bundle) is invalid; nothing was written."""


class StoreError(FacilitatorError):
    """The local store could not be read or written."""


class CorruptStoreError(StoreError):
    """A store file exists but cannot be parsed; it is left untouched on disk."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class SessionLockedError(StoreError):
    """Another process already has this session open."""


class NotFoundError(FacilitatorError):
    """A session, unit or person that was asked for does not exist."""


class ReadOnlyError(FacilitatorError):
    """A change was attempted on a closed session."""
