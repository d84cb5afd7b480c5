"""Recognised words as analysis tokens: normalised text, times, and the pauses around them.

Recognisers give no punctuation, so where a clause starts is read from timing: a gap between
two words (or the start of the answer) stands in for a comma or a full stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from simulator.core.transcript import Word

_STRIP = re.compile(r"[^\w'%$€£.]+")

# A gap at least this long between two words reads as a clause boundary.
CLAUSE_GAP_S = 0.3


@dataclass(frozen=True)
class Token:
    """One word of the answer, lower case, with its position and times in seconds."""

    text: str
    start: float
    end: float
    index: int


def normalise(text: str) -> str:
    text = _STRIP.sub("", text.lower().replace("’", "'")).strip(".")
    return text


def tokenize(words: Iterable[Word]) -> list[Token]:
    """Tokens for the words with non-empty text, in time order."""
    tokens: list[Token] = []
    for word in sorted(words, key=lambda w: w.start):
        for part in normalise(word.text).split():
            if part:
                tokens.append(Token(part, word.start, word.end, len(tokens)))
    return tokens


def gap_before(tokens: Sequence[Token], i: int) -> float:
    """Silence before token ``i`` (infinite at the start of the answer)."""
    return float("inf") if i == 0 else max(0.0, tokens[i].start - tokens[i - 1].end)


def gap_after(tokens: Sequence[Token], i: int) -> float:
    """Silence after token ``i`` (infinite at the end of the answer)."""
    last = len(tokens) - 1
    return float("inf") if i >= last else max(0.0, tokens[i + 1].start - tokens[i].end)


def text_at(tokens: Sequence[Token], i: int) -> str | None:
    return tokens[i].text if 0 <= i < len(tokens) else None


def phrase_at(tokens: Sequence[Token], i: int, phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` (a list of lower-case words) starts at token ``i``."""
    if i < 0 or i + len(phrase) > len(tokens):
        return False
    return all(tokens[i + k].text == word for k, word in enumerate(phrase))


def find_phrases(tokens: Sequence[Token], phrases: Iterable[str]) -> list[tuple[int, int, str]]:
    """(first index, end index exclusive, phrase) of every occurrence, in order."""
    split = [(p, p.split()) for p in phrases]
    hits = []
    for i in range(len(tokens)):
        for phrase, words in split:
            if phrase_at(tokens, i, words):
                hits.append((i, i + len(words), phrase))
    return hits


__all__ = [
    "CLAUSE_GAP_S",
    "Token",
    "find_phrases",
    "gap_after",
    "gap_before",
    "normalise",
    "phrase_at",
    "text_at",
    "tokenize",
]
