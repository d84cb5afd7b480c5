"""Self-scores in the store: saved, edited, cleared, read back, deleted with the session."""

from __future__ import annotations

import pytest
from store_helpers import new_answer, new_session

from simulator.core.history import SearchFilters
from simulator.core.rubric import RubricError
from simulator.store import Store
from simulator.store.figures import answer_figures, attempts_at
from simulator.store.scores import clear_scores, read_scores, save_scores, scores_of_answers
from simulator.store.search import search_answers


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


def test_cleared_scores_leave_the_answer_unscored_everywhere_and_keep_the_note(
    store: Store,
) -> None:
    session = new_session(store)
    answer = new_answer(store, session)
    other = new_answer(store, session, position=2, question_id="q2")
    for each in (answer, other):
        store.finish_answer(
            each, transcript="words", words=[], engine="e", model="m", duration_s=30.0
        )
    store.set_analysis(answer, {"structure": {"framework": "STAR", "parts": {}}}, 5)
    save_scores(store, answer, {"task": 2, "action": 4}, "say the number first")
    save_scores(store, other, {"clarity": 5})
    scored = SearchFilters(min_score=1.0)
    assert {hit.answer_id for hit in search_answers(store, "", scored).hits} == {answer, other}
    assert [a.self_score for a in attempts_at(store, answer)] == [3.0]
    assert {f.answer_id: f.self_score for f in answer_figures(store)}[answer] == 3.0

    cleared = clear_scores(store, answer)
    assert (cleared.scores, cleared.self_score, cleared.note) == ({}, None, "say the number first")
    assert read_scores(store, answer) == cleared
    assert read_scores(store, other) is not None and read_scores(store, other).scores == {
        "clarity": 5
    }  # another answer's scores are untouched
    # Progress, attempts and the self-score filter no longer count it as scored.
    assert [hit.answer_id for hit in search_answers(store, "", scored).hits] == [other]
    assert [
        hit.self_score for hit in search_answers(store, "").hits if hit.answer_id == answer
    ] == [None]
    assert [a.self_score for a in attempts_at(store, answer)] == [None]
    assert {f.answer_id: f.self_score for f in answer_figures(store)}[answer] is None
    assert clear_scores(store, answer) == cleared  # clearing again changes nothing
    with pytest.raises(ValueError, match="no answer"):
        clear_scores(store, 999)
