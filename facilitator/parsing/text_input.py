"""Turn untrusted bytes into clean text: UTF-8 only, no BOM, no terminal escapes, NFC."""

from __future__ import annotations

import unicodedata

from facilitator.domain.errors import Problem
from facilitator.domain.vietnamese import strip_controls
from facilitator.strings import content as content_text


class DecodeError(ValueError):
    """The bytes are not UTF-8; ``problem`` locates the first bad byte."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def decode_utf8(data: bytes, path: str) -> str:
    """Decode ``data`` strictly as UTF-8, naming the first bad byte's offset and line.

    Raises:
        DecodeError: with a ``path:line`` problem when the bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DecodeError(Problem(f"{path}:{line}", content_text.not_utf8(err.start))) from None


def clean_text(text: str) -> str:
    """Normalise text read from a user file before anything parses it.

    Strips a leading BOM (the front matter rule silently fails on it), folds CRLF/CR to LF
    (so our line slicing matches markdown-it's), makes escapes inert and applies NFC, since
    Vietnamese keyboards may produce decomposed text.
    """
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", strip_controls(text))
