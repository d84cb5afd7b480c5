"""Stored figures read back from a real store: progress figures and attempts at a question."""

from __future__ import annotations

import pytest

from simulator.store import Store
from simulator.store.figures import answer_figures, attempts_at
from tests.support.known_figures import HISTORY, write_answers


def test_figures_are_the_stored_ones(store: Store) -> None:
    ids = write_answers(store, HISTORY)
    figures = answer_figures(store)
    assert [f.answer_id for f in figures] == ids[:5]  # the skipped answer has none
    first, _, _, _, pressure = figures
    assert (first.day, first.category, first.wpm, first.fillers_per_min) == (
        "2025-03-01", "conflict", 182.0, 6.0,
    )  # fmt: skip
    assert (first.duration_s, first.band, first.time_to_first_word_s) == (150.0, (60, 120), 6.0)
    assert first.self_score == 1.5
    assert first.recovery_s is None
    assert pressure.recovery_s == 2.4  # the median of 1.2, 2.4, 3.0 (one was abandoned)
    assert figures[1].category == "leadership" and figures[1].self_score is None


def test_attempts_gather_one_question_across_sessions_and_packs(store: Store) -> None:
    ids = write_answers(store, HISTORY)
    attempts = attempts_at(store, ids[2])
    # Same id in its own pack, or the same words under another id in another pack; the
    # skipped attempt is listed too, marked.
    assert [a.answer_id for a in attempts] == [ids[0], ids[2], ids[4], ids[5]]
    assert [a.pack_id for a in attempts][2] == "my-pack"
    assert [a.status for a in attempts] == ["answered"] * 3 + ["skipped"]
    first = attempts[0]
    assert (first.started_at[:10], first.duration_s, first.wpm, first.fillers_per_min) == (
        "2025-03-01", 150.0, 182.0, 6.0,
    )  # fmt: skip
    assert first.self_score == 1.5
    assert [a.answer_id for a in attempts_at(store, ids[1])] == [ids[1], ids[3]]
    assert attempts_at(store, 999) == []


@pytest.mark.parametrize("damaged", ["not json", '{"wpm": "fast"}'])
def test_a_damaged_analysis_gives_no_figures_not_an_error(store: Store, damaged: str) -> None:
    ids = write_answers(store, HISTORY[:1])
    with store.writing() as db:
        db.execute("UPDATE answers SET analysis_json = ?", [damaged])
    (figures,) = answer_figures(store)
    assert (figures.answer_id, figures.wpm, figures.band) == (ids[0], None, None)
    assert figures.duration_s == 150.7  # the recording's length, when no analysis says
