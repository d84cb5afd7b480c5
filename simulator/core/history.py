"""Typed answers of the history queries: search, attempts at one question, self-scores.

The store fills these (``simulator.store.search`` and ``simulator.store.scores``); the
terminal and the window read them. Pure data, so the window can hold them without an adapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: How many search hits one page holds unless the caller asks otherwise.
PAGE_SIZE = 20


@dataclass(frozen=True)
class SearchFilters:
    """What narrows a search or a listing of answers; None means "any".

    ``since`` and ``until`` are days (``YYYY-MM-DD``, both included) of the session's start;
    ``min_score`` and ``max_score`` bound the answer's self-score (the mean of its criteria),
    so an answer never scored is left out when either is given.
    """

    pack_id: str | None = None
    category: str | None = None
    drill: str | None = None
    since: str | None = None
    until: str | None = None
    min_score: float | None = None
    max_score: float | None = None


@dataclass(frozen=True)
class SavedChoices:
    """What the saved answers can be filtered by: the packs (ids) and categories their
    questions were asked from, whatever the library holds now, and the days (``YYYY-MM-DD``)
    of the first and last session with an answer (None before any)."""

    pack_ids: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    first_day: str | None = None
    last_day: str | None = None


@dataclass(frozen=True)
class SearchHit:
    """One answer found; ``snippet`` marks the matched words with [brackets]."""

    answer_id: int
    session_id: int
    position: int
    question_id: str
    question_text: str
    session_started_at: str
    pack_id: str
    drill: str | None
    category: str | None
    duration_s: float | None
    status: str
    snippet: str
    self_score: float | None


@dataclass(frozen=True)
class SearchPage:
    """One page of hits, best first, and how many there are in all."""

    hits: tuple[SearchHit, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total


@dataclass(frozen=True)
class Attempt:
    """One answer to a question, as the attempts list compares them (figures as stored)."""

    answer_id: int
    session_id: int
    pack_id: str
    started_at: str
    duration_s: float | None
    wpm: float | None
    fillers_per_min: float | None
    self_score: float | None
    status: str


@dataclass(frozen=True)
class AnswerScores:
    """An answer's self-scores by criterion, its "next time" note and their mean."""

    answer_id: int
    framework: str
    scores: dict[str, int] = field(default_factory=dict, hash=False)
    note: str = ""

    @property
    def self_score(self) -> float | None:
        values = list(self.scores.values())
        return round(sum(values) / len(values), 1) if values else None

    def to_json(self) -> dict[str, object]:
        return {
            "framework": self.framework,
            "criteria": dict(self.scores),
            "note": self.note,
            "self_score": self.self_score,
        }


__all__ = [
    "PAGE_SIZE",
    "AnswerScores",
    "Attempt",
    "SavedChoices",
    "SearchFilters",
    "SearchHit",
    "SearchPage",
]
