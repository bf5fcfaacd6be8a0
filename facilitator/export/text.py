"""Small text helpers shared by the models: cleaning, paragraphs, sentence endings."""

from __future__ import annotations

from facilitator.domain.vietnamese import clean_line, clean_text

_SENTENCE_END = ".!?…:;"


def paragraphs(text: str) -> list[str]:
    """Cleaned non-empty lines of a multi-line field (escape sequences made inert)."""
    return [line for line in (clean_line(part) for part in clean_text(text).split("\n")) if line]


def sentence(text: str) -> str:
    """One cleaned line ending with punctuation, as minutes lines do."""
    text = clean_line(text)
    return text if not text or text[-1] in _SENTENCE_END else f"{text}."
