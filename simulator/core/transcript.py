"""Recognised speech as data: words with timings, and the transcript of one answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    """One recognised word; times are seconds from the first sample of the recording."""

    text: str
    start: float
    end: float
    conf: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "conf": round(self.conf, 3),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Word:
        return cls(
            text=str(data["text"]),
            start=float(data["start"]),
            end=float(data["end"]),
            conf=float(data.get("conf", 1.0)),
        )


@dataclass(frozen=True)
class Transcript:
    """The final text of an answer, its words, and which engine and model produced it."""

    words: tuple[Word, ...] = ()
    engine: str = ""
    model: str = ""
    duration_s: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "words": [word.to_json() for word in self.words],
            "engine": self.engine,
            "model": self.model,
            "duration_s": round(self.duration_s, 3),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transcript:
        return cls(
            words=tuple(Word.from_json(w) for w in data.get("words", [])),
            engine=str(data.get("engine", "")),
            model=str(data.get("model", "")),
            duration_s=float(data.get("duration_s", 0.0)),
        )


def words_to_json(words: tuple[Word, ...] | list[Word]) -> list[dict[str, Any]]:
    """The list form stored in the database's ``words_json`` column."""
    return [word.to_json() for word in words]


__all__ = ["Transcript", "Word", "words_to_json"]
