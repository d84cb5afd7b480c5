"""Self-scores in the store: saved, edited, read back, checked, and deleted with the session."""

from __future__ import annotations

import pytest
from store_helpers import new_answer, new_session

from simulator.core.rubric import RubricError
from simulator.store import Store
from simulator.store.scores import read_scores, save_scores, scores_of_answers


def test_scores_are_upserted_and_the_note_kept_apart(store: Store) -> None:
    session = new_session(store)
    answer = new_answer(store, session)
    store.set_analysis(answer, {"structure": {"framework": "STAR", "parts": {}}}, 5)
    assert read_scores(store, answer) is not None
    save_scores(store, answer, {"task": 2, "action": 4}, "say the number first")
    saved = save_scores(store, answer, {"task": 5})
    assert saved.scores == {"task": 5, "action": 4}
    assert (saved.note, saved.self_score, saved.framework) == ("say the number first", 4.5, "STAR")
    assert read_scores(store, answer) == saved
    with pytest.raises(RubricError):
        save_scores(store, answer, {"action": 1, "proposal": 3})
    assert read_scores(store, answer) == saved  # nothing of a refused set is written
    assert read_scores(store, 999) is None
    with pytest.raises(ValueError, match="no answer"):
        save_scores(store, 999, {"clarity": 3})
    assert scores_of_answers(store, [answer, 999]) == {answer: saved}
    store.delete_session(session)
    assert store.db.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == 0
