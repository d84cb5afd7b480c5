"""Each answer's stored figures, for progress and for comparing attempts at one question.

The figures are read out of the stored analysis inside SQLite (``json_extract``), so no
analysis is decoded in Python: pace, fillers a minute, time to the first word, the length
(the analysed answer window, else the recording's) and its band are the analysis's own
numbers, never measured again here. The category is the one the question had when it was
asked (its ``question_started`` event); the self-score is the mean of the answer's criteria;
recovery is the median ``recovery_s`` of the interruptions under the analysis's ``pressure``
key. Skipped answers (nothing said) have no figures and are left out of progress.
"""

from __future__ import annotations

import json
import statistics
from typing import TYPE_CHECKING, Any

from simulator.core.history import Attempt
from simulator.core.progress import AnswerFigures
from simulator.store.search import SELF_SCORE_SQL

if TYPE_CHECKING:
    from simulator.store.db import Store


def _analysis(path: str) -> str:
    return f"CASE WHEN json_valid(a.analysis_json) THEN json_extract(a.analysis_json, '{path}') END"


#: The question events of every session, one per (session, index): joined once, not looked up
#: for each answer.
_QUESTIONS = (
    "SELECT e.session_id AS session_id, json_extract(e.payload_json, '$.index') AS idx,"
    " json_extract(e.payload_json, '$.category') AS category, MAX(e.id)"
    " FROM events e WHERE e.kind = 'question_started' AND json_valid(e.payload_json)"
    " GROUP BY e.session_id, idx"
)
_FIGURES = (
    "SELECT a.id, a.session_id, s.started_at, a.question_id, a.question_text, s.pack_id,"
    " a.status, q.category,"
    f" COALESCE({_analysis('$.duration_s')}, a.duration_s) AS duration_s,"
    f" {_analysis('$.wpm')} AS wpm, {_analysis('$.fillers_per_min')} AS fillers_per_min,"
    f" {_analysis('$.time_to_first_word_s')} AS first_word_s,"
    f" {_analysis('$.band')} AS band, {_analysis('$.pressure.interruptions')} AS interruptions,"
    f" {SELF_SCORE_SQL} AS self_score"
    " FROM answers a JOIN sessions s ON s.id = a.session_id"
    f" LEFT JOIN ({_QUESTIONS}) q ON q.session_id = a.session_id AND q.idx = a.position - 1"
    " WHERE a.status = 'answered' AND a.duration_s IS NOT NULL"
)
_ORDER = " ORDER BY s.started_at, s.id, a.position"


def answer_figures(store: Store) -> list[AnswerFigures]:
    """The figures of every answered question, oldest first."""
    with store.reading() as db:
        return [_figures(row) for row in _rows(db, _FIGURES + _ORDER, [])]


def attempts_at(store: Store, answer_id: int) -> list[Attempt]:
    """Every answer to the question ``answer_id`` answered, across sessions and packs, oldest
    first (``answer_id`` among them). The same question is the same question id or the same
    wording: a question copied into another pack keeps its words. Empty for an unknown answer.
    """
    with store.reading() as db:
        asked = db.execute(
            "SELECT question_id, question_text FROM answers WHERE id = ?", [answer_id]
        ).fetchone()
        if asked is None:
            return []
        rows = _rows(
            db,
            _FIGURES.replace("a.status = 'answered'", "1")
            + " AND (a.question_id = ? OR a.question_text = ?)"
            + _ORDER,
            [asked[0], asked[1]],
        )
    return [_attempt(row) for row in rows]


def _rows(db: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _figures(row: dict[str, Any]) -> AnswerFigures:
    return AnswerFigures(
        answer_id=int(row["id"]),
        session_id=int(row["session_id"]),
        started_at=str(row["started_at"]),
        question_id=str(row["question_id"]),
        category=str(row["category"]) if row["category"] is not None else None,
        duration_s=_number(row["duration_s"]),
        band=_band(row["band"]),
        wpm=_number(row["wpm"]),
        fillers_per_min=_number(row["fillers_per_min"]),
        time_to_first_word_s=_number(row["first_word_s"]),
        self_score=_number(row["self_score"]),
        recovery_s=_recovery(row["interruptions"]),
    )


def _attempt(row: dict[str, Any]) -> Attempt:
    return Attempt(
        answer_id=int(row["id"]),
        session_id=int(row["session_id"]),
        pack_id=str(row["pack_id"]),
        started_at=str(row["started_at"]),
        duration_s=_number(row["duration_s"]),
        wpm=_number(row["wpm"]),
        fillers_per_min=_number(row["fillers_per_min"]),
        self_score=_number(row["self_score"]),
        status=str(row["status"]),
    )


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _band(text: object) -> tuple[float, float] | None:
    try:
        low, high = json.loads(str(text))
        return float(low), float(high)
    except (TypeError, ValueError):
        return None


def _recovery(text: object) -> float | None:
    """The median recovery of an answer's interruptions (those it recovered from)."""
    if not isinstance(text, str):
        return None
    try:
        interruptions = json.loads(text)
    except ValueError:
        return None
    if not isinstance(interruptions, list):
        return None
    times = [
        float(item["recovery_s"])
        for item in interruptions
        if isinstance(item, dict) and isinstance(item.get("recovery_s"), int | float)
    ]
    return round(statistics.median(times), 2) if times else None


__all__ = ["answer_figures", "attempts_at"]
