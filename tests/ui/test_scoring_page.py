"""Self-scoring from the review page: the rubric with its anchors, saved, edited, read back.

Against a real SQLite store built with known figures, through the real past sessions façade;
what the window saved is read back by the terminal's own entry point (``records.review``).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from simulator import paths
from simulator.core.rubric import rubric_for
from simulator.records import review
from simulator.store import Store
from simulator.ui.history_flow import HistoryFlow
from tests.support.known_figures import HISTORY, written


@pytest.fixture
def flow(history_flow: HistoryFlow) -> HistoryFlow:
    written(HISTORY)
    return history_flow


def open_scoring(qtbot: Any, flow: HistoryFlow, session_id: int) -> Any:
    # Wait for the session read in the background: the review page may already be showing
    # (opened again from it), and a late load would take the form away again.
    with qtbot.waitSignal(flow.review.answer_shown):
        flow.open_session(session_id)
    assert flow.navigator.is_showing(flow.review)
    flow.review.score_button.click()
    scoring = flow.answer_review.scoring
    qtbot.waitUntil(lambda: flow.navigator.is_showing(scoring))
    return scoring


def test_an_answer_is_scored_on_its_rubric_beside_its_figures_and_saved(
    qtbot: Any, flow: HistoryFlow
) -> None:
    scoring = open_scoring(qtbot, flow, 1)  # the first answer: 182 wpm, task 2, result 1
    answer_id = flow.review.current_answer_id
    assert answer_id == 1 and scoring.title_label.text() == "Score your answer (STAR)"
    keys = [choice.criterion.key for choice in scoring.choices]
    assert keys == list(rubric_for("STAR").keys)
    # Every anchor of every criterion is on the page, not in a tool tip.
    situation = scoring.choices[0]
    assert [situation.anchors[n].text() for n in range(1, 6)] == list(situation.criterion.anchors)
    assert all(not situation.anchors[n].isHidden() for n in range(1, 6))
    # What was saved before is shown; the measured figures sit beside the form.
    assert scoring.scores() == {"task": 2, "result": 1}
    assert scoring.mean_label.text() == "Self-score 1.5 out of 5"
    figures = [w.text() for w in scoring.findChildren(QLabel)]
    assert "182 words a minute (aim 130–160)" in figures
    assert "6.0 a minute (aim ≤ 3)" in figures
    assert "2:30 (band 1:00–2:00)" in figures

    # A description is clicked as its number is.
    qtbot.mouseClick(situation.anchors[4], Qt.MouseButton.LeftButton)
    scoring.choices[1].buttons[3].click()
    scoring.note_edit.setPlainText("Start with the result, then the story.")
    assert scoring.status_label.text() == "Not saved yet."
    scoring.save_button.click()
    qtbot.waitUntil(lambda: scoring.status_label.text() == "Saved.")
    saved = review.scores_of(paths.layout(), answer_id)
    assert saved is not None
    assert saved.scores == {"situation": 4, "task": 3, "result": 1}
    assert saved.note == "Start with the result, then the story."
    assert scoring.mean_label.text() == "Self-score 2.7 out of 5"

    # Back to the review page; opened again, the form shows what is saved, and edits it.
    scoring.back_button.click()
    assert flow.navigator.is_showing(flow.review)
    scoring = open_scoring(qtbot, flow, 1)
    assert scoring.scores() == {"situation": 4, "task": 3, "result": 1}
    assert scoring.note_edit.toPlainText() == "Start with the result, then the story."
    scoring.choices[0].buttons[5].click()
    scoring.note_edit.setPlainText("")
    scoring.save_button.click()
    qtbot.waitUntil(lambda: scoring.status_label.text() == "Saved.")
    saved = review.scores_of(paths.layout(), answer_id)
    assert saved is not None and saved.scores["situation"] == 5 and saved.note == ""


def test_a_free_answer_is_scored_on_delivery_and_a_gone_answer_is_said(
    qtbot: Any, flow: HistoryFlow
) -> None:
    layout = paths.layout()
    with Store(layout.db_path) as store, store.writing() as db:
        db.execute("UPDATE answers SET analysis_json = NULL WHERE id = 2")
        db.execute("UPDATE events SET payload_json = '{\"index\": 0}' WHERE session_id = 2")
    scoring = open_scoring(qtbot, flow, 2)
    assert scoring.title_label.text() == "Score your answer (free-form)"
    assert [c.criterion.key for c in scoring.choices] == list(rubric_for(None).keys)
    figures = [w.text() for w in scoring.findChildren(QLabel)]
    assert "not analysed yet" in figures
    problems: list[str] = []
    flow.answer_review.problem.connect(problems.append)
    flow.answer_review.show_scoring(999)
    qtbot.waitUntil(lambda: bool(problems))
    assert problems == ["That answer is no longer saved."]


def test_the_answer_last_played_or_opened_is_the_one_scored(qtbot: Any) -> None:
    from simulator.core.records import SavedAnswer, SavedSession
    from simulator.ui.pages.review import ReviewPage

    def answer(number: int) -> SavedAnswer:
        return SavedAnswer(
            id=40 + number,
            session_id=7,
            position=number,
            question_id=f"q{number}",
            question_text=f"Question {number}?",
            audio_path=f"sessions/7/{number}.wav",
            sample_rate=16000,
            started_at="2025-03-01T09:00:00",
            duration_s=30.0,
            transcript="said something",
        )

    page = ReviewPage(None)
    qtbot.addWidget(page)
    session = SavedSession(7, "2025-03-01T09:00:00", None, "practice", "p", None, "complete",
                           answers=(answer(1), answer(2)))  # fmt: skip
    page.show_session(session)
    assert page.current_answer_id == 41 and page.score_button.text() == "&Score answer 1…"
    page.answer_rows[1].feedback_button.click()
    assert page.current_answer_id == 42 and page.score_button.text() == "&Score answer 2…"
    with qtbot.waitSignal(page.score_requested) as asked:
        page.score_button.click()
    assert asked.args == [42]
    with qtbot.waitSignal(page.attempts_requested) as asked:
        page.attempts_button.click()
    assert asked.args == [42]


def test_saved_scores_are_cleared_after_asking_and_no_longer_count(
    qtbot: Any, flow: HistoryFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = paths.layout()
    review.save_scores(layout, 1, {}, "Start with the result.")
    scoring = open_scoring(qtbot, flow, 1)  # the first answer: task 2, result 1
    assert scoring.scores() == {"task": 2, "result": 1} and scoring.clear_button.isEnabled()
    asked: list[bool] = []

    def answer_no() -> bool:
        asked.append(False)
        return False

    monkeypatch.setattr(scoring, "confirm_clear", answer_no)
    scoring.clear_button.click()
    assert asked == [False] and flow.tasks.pending == 0
    saved = review.scores_of(layout, 1)
    assert saved is not None and saved.scores == {"task": 2, "result": 1}

    monkeypatch.setattr(scoring, "confirm_clear", lambda: True)
    scoring.clear_button.click()
    qtbot.waitUntil(lambda: scoring.status_label.text() == "Scores cleared.")
    assert scoring.scores() == {} and scoring.mean_label.text() == "Not scored yet"
    assert scoring.note_edit.toPlainText() == "Start with the result."
    assert not scoring.clear_button.isEnabled()  # nothing left to clear
    saved = review.scores_of(layout, 1)
    assert saved is not None and (saved.scores, saved.note) == ({}, "Start with the result.")
    # What the progress and attempts pages read no longer counts it as scored.
    figures = {each.answer_id: each.self_score for each in flow.sessions.answer_figures()}
    assert figures[1] is None and figures[3] == 3.0
    assert [a.self_score for a in flow.sessions.attempts(1) if a.answer_id == 1] == [None]
    # Scored again, it can be cleared again.
    scoring.choices[0].buttons[3].click()
    scoring.save_button.click()
    qtbot.waitUntil(lambda: scoring.status_label.text() == "Saved.")
    assert scoring.clear_button.isEnabled()
