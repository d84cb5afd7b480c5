"""Saved sessions and answers as typed, read-only records: what the review, history,
``sessions show``, ``analyze`` and recovery read (``simulator.store.records`` builds them
from rows).

An answer's analysis was written by whichever version of the rules was current then (1 to
``ANALYSIS_VERSION``, and before the rules were versioned a few loose measures). ``read_analysis``
is the one reader for all of them: what a version lacks reads as empty, never as an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from simulator.core.analysis import ANALYSIS_VERSION
from simulator.core.transcript import Word

ANSWERED = "answered"
SKIPPED = "skipped"  # no voice in the answer: kept with its recording, not shown as blank


@dataclass(frozen=True)
class Finding:
    """One plain-words verdict of an analysis (a measure against its target)."""

    metric: str
    verdict: str
    message: str


@dataclass(frozen=True)
class Analysis:
    """A saved answer's analysis: the rules' ``version`` that wrote it and what it stored.

    ``data`` is the analysis exactly as stored (docs/ANALYSIS.md lists the keys of the current
    version); the feedback views read it whole, while ``findings`` and ``is_current`` are read
    the same way for every version.
    """

    version: int  # 0: written before analyses were versioned
    data: Mapping[str, Any] = field(hash=False)

    @property
    def findings(self) -> tuple[Finding, ...]:
        found = self.data.get("findings")
        if not isinstance(found, list):
            return ()
        return tuple(
            Finding(
                metric=str(item.get("metric", "")),
                verdict=str(item.get("verdict", "")),
                message=str(item.get("message", "")),
            )
            for item in found
            if isinstance(item, dict)
        )

    @property
    def is_current(self) -> bool:
        """Whether today's rules would say the same (else ``analyze --all`` redoes it)."""
        return self.version >= ANALYSIS_VERSION

    def to_json(self) -> dict[str, Any]:
        return dict(self.data)


def read_analysis(stored: object, stored_version: object = None) -> Analysis | None:
    """The analysis of any stored version, or None when there is none (or it is not a dict).

    The version is the one stored beside the analysis, else the one inside it, else 0.
    """
    if not isinstance(stored, dict):
        return None
    version = stored_version if isinstance(stored_version, int) else stored.get("version")
    return Analysis(version=version if isinstance(version, int) else 0, data=stored)


def read_words(stored: object) -> tuple[Word, ...]:
    """Stored word timings; an entry that is not a word (a hand-edited row) is left out."""
    if not isinstance(stored, list):
        return ()
    words = []
    for item in stored:
        try:
            words.append(Word.from_json(item))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return tuple(words)


@dataclass(frozen=True)
class SavedAnswer:
    """One recorded answer; ``transcript`` and ``duration_s`` are None until it was finished."""

    id: int
    session_id: int
    position: int
    question_id: str
    question_text: str
    audio_path: str  # relative to the data folder, with forward slashes
    sample_rate: int
    started_at: str
    duration_s: float | None = None
    transcript: str | None = None
    words: tuple[Word, ...] = ()
    engine: str = ""
    model: str = ""
    status: str = ANSWERED
    analysis: Analysis | None = field(default=None, hash=False)

    @property
    def skipped(self) -> bool:
        return self.status == SKIPPED

    @property
    def finished(self) -> bool:
        return self.duration_s is not None


@dataclass(frozen=True)
class SavedEvent:
    """Something that happened during a session, ``t_s`` seconds after it began."""

    id: int
    answer_id: int | None
    t_s: float
    kind: str
    payload: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class SavedSession:
    """A practice session with its answers (by position) and its events (by time)."""

    id: int
    started_at: str
    ended_at: str | None
    mode: str
    pack_id: str
    drill: str | None
    status: str  # recording, complete, recovered, aborted
    settings: Mapping[str, Any] = field(default_factory=dict, hash=False)
    answers: tuple[SavedAnswer, ...] = ()
    events: tuple[SavedEvent, ...] = ()


@dataclass(frozen=True)
class AnswerSummary:
    """One answer as a review shows it, whether just recorded or read back from the store."""

    position: int
    question: str
    duration_s: float | None
    transcript: str
    audio_path: str
    engine: str = ""
    words: tuple[Word, ...] = ()
    analysis: Analysis | None = field(default=None, hash=False)
    skipped: bool = False  # no voice and no words: kept, but not a blank answer


def summary_of(answer: SavedAnswer) -> AnswerSummary:
    """The one builder of an answer's summary from a saved answer."""
    return AnswerSummary(
        position=answer.position,
        question=answer.question_text,
        duration_s=answer.duration_s,
        transcript=answer.transcript or "",
        audio_path=answer.audio_path,
        engine=answer.engine,
        words=answer.words,
        analysis=answer.analysis,
        skipped=answer.skipped,
    )


__all__ = [
    "ANSWERED",
    "SKIPPED",
    "Analysis",
    "AnswerSummary",
    "Finding",
    "SavedAnswer",
    "SavedEvent",
    "SavedSession",
    "read_analysis",
    "read_words",
    "summary_of",
]
