"""records.review: the window's way to search, score, compare attempts and read progress."""

from __future__ import annotations

import threading

import pytest

from simulator import paths
from simulator.core.history import SearchFilters
from simulator.core.rubric import RubricError
from simulator.records import review
from simulator.store import Store
from tests.support.known_figures import HISTORY, write_answers


def test_nothing_saved_yet_gives_empty_answers_and_creates_nothing() -> None:
    layout = paths.layout()
    assert review.search(layout, "anything").total == 0
    assert review.attempts(layout, 1) == []
    assert review.figures(layout) == []
    assert review.scores_of(layout, 1) is None
    with pytest.raises(ValueError, match="no answer"):
        review.save_scores(layout, 1, {"clarity": 3})
    assert not layout.db_path.exists()


def test_every_call_works_from_any_thread() -> None:
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        ids = write_answers(store, HISTORY)
    results: dict[str, object] = {}

    def work() -> None:  # a worker thread, as the window's background tasks are
        results["scored"] = review.save_scores(layout, ids[1], {"action": 4}, "slow down")
        results["search"] = review.search(layout, "said", SearchFilters(category="leadership"))
        results["attempts"] = review.attempts(layout, ids[1])
        results["figures"] = review.figures(layout)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=30)
    scored = review.scores_of(layout, ids[1])
    assert scored == results["scored"]
    assert scored is not None and (scored.scores, scored.note) == ({"action": 4}, "slow down")
    rubric = review.rubric_of(layout, ids[1])
    assert rubric is not None and rubric.framework == "STAR"
    with pytest.raises(RubricError):
        review.save_scores(layout, ids[1], {"proposal": 4})
    page = results["search"]
    # Equally good hits, newest first.
    assert [hit.answer_id for hit in page.hits] == [ids[3], ids[1]]  # type: ignore[attr-defined]
    assert [a.answer_id for a in results["attempts"]] == [ids[1], ids[3]]  # type: ignore[attr-defined]
    assert len(results["figures"]) == 5  # type: ignore[arg-type]
