"""Self-scores of saved answers: save, edit, clear and read them (the ``scores`` table).

One row per answer and criterion (1..5). The "next time" note is kept as the row of the
reserved criterion ``core.rubric.NOTE_KEY`` (its value 0, its text in ``note``), so it can be
saved with no score and is never averaged. Scores are checked against the rubric of the
answer's framework: the one its analysis used, else the one its question was asked with
(the ``question_started`` event), else none ("free": delivery criteria only).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from simulator.core.history import AnswerScores
from simulator.core.rubric import NOTE_KEY, Rubric, rubric_for
from simulator.store.search import QUESTION_FRAMEWORK_SQL

if TYPE_CHECKING:
    from simulator.store.db import Store

_FRAMEWORK_SQL = (
    "SELECT COALESCE(CASE WHEN json_valid(a.analysis_json)"
    " THEN json_extract(a.analysis_json, '$.structure.framework') END,"
    f" {QUESTION_FRAMEWORK_SQL}) FROM answers a WHERE a.id = ?"
)


def answer_rubric(store: Store, answer_id: int) -> Rubric | None:
    """The rubric answer ``answer_id`` is scored on, or None when there is no such answer."""
    with store.reading() as db:
        return _rubric(db, answer_id)


def read_scores(store: Store, answer_id: int) -> AnswerScores | None:
    """The answer's scores and note (empty when never scored); None if there is no answer."""
    with store.reading() as db:
        rubric = _rubric(db, answer_id)
        if rubric is None:
            return None
        return _scores(db, rubric, answer_id)


def save_scores(
    store: Store, answer_id: int, scores: Mapping[str, int], note: str | None = None
) -> AnswerScores:
    """Set the given criteria (others keep their scores) and, unless None, the note ("" clears
    it); returns what is saved now. Raises ``RubricError`` for a criterion or a value the
    answer's rubric does not take, ValueError for an unknown answer; nothing is written then.
    """
    with store.writing() as db:
        rubric = _rubric(db, answer_id)
        if rubric is None:
            raise ValueError(f"no answer with id {answer_id}")
        checked = rubric.check(scores)
        for criterion, value in checked.items():
            db.execute(
                "INSERT INTO scores (answer_id, criterion, value) VALUES (?, ?, ?)"
                " ON CONFLICT (answer_id, criterion) DO UPDATE SET value = excluded.value",
                [answer_id, criterion, value],
            )
        if note is not None:
            db.execute(
                "DELETE FROM scores WHERE answer_id = ? AND criterion = ?", [answer_id, NOTE_KEY]
            )
            if note.strip():
                db.execute(
                    "INSERT INTO scores (answer_id, criterion, value, note) VALUES (?, ?, 0, ?)",
                    [answer_id, NOTE_KEY, note.strip()],
                )
        return _scores(db, rubric, answer_id)


def clear_scores(store: Store, answer_id: int) -> AnswerScores:
    """Remove every score of the answer (its note stays), so nothing counts it as scored;
    returns what is saved now. Raises ValueError for an unknown answer."""
    with store.writing() as db:
        rubric = _rubric(db, answer_id)
        if rubric is None:
            raise ValueError(f"no answer with id {answer_id}")
        db.execute(
            "DELETE FROM scores WHERE answer_id = ? AND criterion != ?", [answer_id, NOTE_KEY]
        )
        return _scores(db, rubric, answer_id)


def scores_of_answers(store: Store, answer_ids: Iterable[int]) -> dict[int, AnswerScores]:
    """The scores of each of ``answer_ids`` that exists (for ``sessions show`` and exports)."""
    found: dict[int, AnswerScores] = {}
    with store.reading() as db:
        for answer_id in answer_ids:
            rubric = _rubric(db, answer_id)
            if rubric is not None:
                found[answer_id] = _scores(db, rubric, answer_id)
    return found


def _rubric(db: Any, answer_id: int) -> Rubric | None:
    row = db.execute(_FRAMEWORK_SQL, [answer_id]).fetchone()
    if row is None:
        return None
    return rubric_for(row[0] if isinstance(row[0], str) else None)


def _scores(db: Any, rubric: Rubric, answer_id: int) -> AnswerScores:
    rows = db.execute(
        "SELECT criterion, value, note FROM scores WHERE answer_id = ?", [answer_id]
    ).fetchall()
    values = {criterion: int(value) for criterion, value, _ in rows if criterion != NOTE_KEY}
    note = next((str(text or "") for criterion, _, text in rows if criterion == NOTE_KEY), "")
    # Rubric order first; a criterion saved under another framework's rubric is kept after.
    ordered = {key: values[key] for key in rubric.keys if key in values}
    ordered.update({key: value for key, value in values.items() if key not in ordered})
    return AnswerScores(answer_id=answer_id, framework=rubric.framework, scores=ordered, note=note)


__all__ = ["answer_rubric", "clear_scores", "read_scores", "save_scores", "scores_of_answers"]
