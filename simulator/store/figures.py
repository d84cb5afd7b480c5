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
from simulator.core.rubric import NOTE_KEY
from simulator.store.search import SELF_SCORE_SQL

if TYPE_CHECKING:
    from simulator.store.db import Store


#: The stored figures of answer ``a`` as one JSON array, in the order of ``_STORED_KEYS``:
#: one parse of the analysis per answer (one ``json_extract`` per key parsed it each time).
_STORED_KEYS = ("duration_s", "wpm", "fillers_per_min", "time_to_first_word_s", "band")
_STORED = (
    "CASE WHEN json_valid(a.analysis_json) THEN json_extract(a.analysis_json, "
    + ", ".join(f"'$.{key}'" for key in _STORED_KEYS)
    + ", '$.pressure.interruptions') END AS stored"
)
_FIGURES = (
    "SELECT a.id, a.session_id, a.position, s.started_at, a.question_id, a.duration_s,"
    f" {_STORED} FROM answers a JOIN sessions s ON s.id = a.session_id"
    " WHERE a.status = 'answered' AND a.duration_s IS NOT NULL"
)
#: The category each question was asked with, by (session, index): read once for all answers.
_CATEGORIES = (
    "SELECT session_id, json_extract(payload_json, '$.index'),"
    " json_extract(payload_json, '$.category') FROM events"
    " WHERE kind = 'question_started' AND json_valid(payload_json) ORDER BY id"
)
_SELF_SCORES = (
    "SELECT answer_id, ROUND(AVG(value), 1) FROM scores"
    f" WHERE criterion != '{NOTE_KEY}' GROUP BY answer_id"
)
_ORDER = " ORDER BY s.started_at, s.id, a.position"
_ATTEMPTS = (
    "SELECT a.id, a.session_id, s.started_at, s.pack_id, a.status, a.duration_s,"
    f" {_STORED}, {SELF_SCORE_SQL} AS self_score"
    " FROM answers a JOIN sessions s ON s.id = a.session_id"
    " WHERE (a.question_id = ? OR a.question_text = ?)"
)


def answer_figures(store: Store) -> list[AnswerFigures]:
    """The figures of every answered question, oldest first."""
    with store.reading() as db:
        return figures_in(db)


def figures_in(db: Any) -> list[AnswerFigures]:
    """:func:`answer_figures` read through ``db``, a ``sqlite3.Connection`` (as the window's
    summary reads them, without sqlite-utils: ``records.review.figures``) or the store's
    database, inside one read transaction."""
    categories = {(row[0], row[1]): row[2] for row in db.execute(_CATEGORIES)}
    scores = dict(db.execute(_SELF_SCORES).fetchall())
    rows = _rows(db, _FIGURES + _ORDER, [])
    return [
        _figures(row, categories.get((row["session_id"], row["position"] - 1)), scores)
        for row in rows
    ]


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
        rows = _rows(db, _ATTEMPTS + _ORDER, [asked[0], asked[1]])
    return [_attempt(row) for row in rows]


def _rows(db: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _figures(row: dict[str, Any], category: object, scores: dict[int, float]) -> AnswerFigures:
    stored = _stored(row["stored"])
    return AnswerFigures(
        answer_id=int(row["id"]),
        session_id=int(row["session_id"]),
        started_at=str(row["started_at"]),
        question_id=str(row["question_id"]),
        category=str(category) if category is not None else None,
        duration_s=_length(stored["duration_s"], row["duration_s"]),
        band=_band(stored["band"]),
        wpm=_number(stored["wpm"]),
        fillers_per_min=_number(stored["fillers_per_min"]),
        time_to_first_word_s=_number(stored["time_to_first_word_s"]),
        self_score=_number(scores.get(int(row["id"]))),
        recovery_s=_recovery(stored["interruptions"]),
    )


def _attempt(row: dict[str, Any]) -> Attempt:
    stored = _stored(row["stored"])
    return Attempt(
        answer_id=int(row["id"]),
        session_id=int(row["session_id"]),
        pack_id=str(row["pack_id"]),
        started_at=str(row["started_at"]),
        duration_s=_length(stored["duration_s"], row["duration_s"]),
        wpm=_number(stored["wpm"]),
        fillers_per_min=_number(stored["fillers_per_min"]),
        self_score=_number(row["self_score"]),
        status=str(row["status"]),
    )


def _length(analysed: object, recorded: object) -> float | None:
    """The analysed answer window's length, else the recording's."""
    length = _number(analysed)
    return length if length is not None else _number(recorded)


def _stored(text: object) -> dict[str, Any]:
    """The values ``_STORED`` extracted, by key (all None for an answer with no analysis)."""
    keys = (*_STORED_KEYS, "interruptions")
    try:
        values = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        values = None
    if not isinstance(values, list) or len(values) != len(keys):
        return dict.fromkeys(keys)
    return dict(zip(keys, values, strict=True))


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _band(value: object) -> tuple[float, float] | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    low, high = (_number(item) for item in value)
    return (low, high) if low is not None and high is not None else None


def _recovery(interruptions: object) -> float | None:
    """The median recovery of an answer's interruptions (those it recovered from)."""
    if not isinstance(interruptions, list):
        return None
    times = [
        float(item["recovery_s"])
        for item in interruptions
        if isinstance(item, dict) and _number(item.get("recovery_s")) is not None
    ]
    return round(statistics.median(times), 2) if times else None


__all__ = ["answer_figures", "attempts_at"]
