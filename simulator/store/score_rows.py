"""The self-scores of a session's answers, read for an export.

The ``scores`` table (migrations.py) holds one row per answer and criterion. Saving and
editing scores is ``store/scores.py``'s work; an export only needs them read, in one query.
"""

from __future__ import annotations

from simulator.store.db import Store

#: (criterion, value 1-5, note or None), as reports.content.Score
ScoreRow = tuple[str, int, str | None]


def session_scores(store: Store, session_id: int) -> dict[int, list[ScoreRow]]:
    """Each answer's self-scores (by answer id), criteria in alphabetical order."""
    rows = store.db.query(
        "SELECT s.answer_id, s.criterion, s.value, s.note FROM scores s"
        " JOIN answers a ON a.id = s.answer_id WHERE a.session_id = ?"
        " ORDER BY a.position, s.criterion",
        [session_id],
    )
    scores: dict[int, list[ScoreRow]] = {}
    for row in rows:
        note = row["note"]
        scores.setdefault(int(row["answer_id"]), []).append(
            (str(row["criterion"]), int(row["value"]), str(note) if note is not None else None)
        )
    return scores


__all__ = ["ScoreRow", "session_scores"]
