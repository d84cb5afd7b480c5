"""Feedback in the pages: the last answer during the interview, the full view on the end page."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from simulator.core.records import read_analysis, read_words
from simulator.core.transcript import words_to_json
from simulator.ui.bridge import SessionBridge
from simulator.ui.pages.end import AnswerSummary, EndPage, SessionAnswers
from simulator.ui.pages.interview import InterviewPage
from simulator.ui.widgets.feedback import LEAD_IN_S, FeedbackView, NotAnalysed
from tests.support.events import typed


def question(index: int, text: str = "Describe a conflict you resolved.") -> dict[str, Any]:
    return {
        "type": "question_started",
        "index": index,
        "count": 3,
        "text": text,
        "category": "conflict",
        "answer_seconds": [60, 120],
        "time_limit_s": 150,
    }


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def test_the_last_answer_is_summed_up_while_the_next_question_is_asked(
    qtbot: Any, answer: Any
) -> None:
    _words, analysis = answer
    page = InterviewPage()
    host = QMainWindow()
    host.setCentralWidget(page)
    host.resize(900, 600)  # the window's smallest size
    qtbot.addWidget(host)
    page.attach(SessionBridge(page), hide_question=False)
    host.show()
    qtbot.waitExposed(host)
    page.handle_event(typed(question(0)))
    assert page.last_answer.isHidden()
    page.handle_event(
        typed({"type": "answer_analyzed", "index": 0, "answer_id": 1, "analysis": analysis})
    )
    page.handle_event(typed(question(1, "Why this role?")))
    page.handle_event(typed({"type": "partial", "index": 1, "text": "because the team"}))
    summary = page.last_answer
    assert summary.isVisible()
    assert summary.title_label.text() == "LAST ANSWER · QUESTION 1"
    # Off-target findings first, in words, with the measure beside each.
    assert summary.lines == [
        "▼ Too short · Answer length 0:24",
        "▼ A bit slow · Pace 120 wpm",
        "▲ Too many · Fillers 7.5 a minute",
        "▲ Long pauses · Longest pause 3.0 s",
    ]
    qtbot.waitUntil(lambda: summary.height() > 0 and page.transcript_view.height() > 0)
    card = rect_in(summary, host)
    for other in (page.question_label, page.transcript_view, page.timer):
        assert not card.intersects(rect_in(other, host)), other.accessibleName()
    assert page.question_label.text() == "Why this role?"
    assert page.transcript_view.toPlainText() == "because the team"
    page.attach(SessionBridge(page), hide_question=False)  # a new session has no last answer
    assert summary.isHidden()


def test_feedback_opens_for_an_analysed_answer_and_says_not_analysed_otherwise(
    qtbot: Any, answer: Any
) -> None:
    words, analysis = answer
    page = EndPage()
    qtbot.addWidget(page)
    page.show_results(
        7,
        "complete",
        [
            AnswerSummary(
                1,
                "Tell me.",
                24.0,
                "um at my",
                "s/1.wav",
                "pocketsphinx",
                read_words(words),
                read_analysis(analysis),
            ),
            AnswerSummary(2, "Why?", 5.0, "", "s/2.wav", "vosk"),
        ],
    )
    analysed, plain = page.answer_rows
    assert analysed.feedback is None  # built only when opened
    qtbot.mouseClick(analysed.feedback_button, Qt.MouseButton.LeftButton)
    assert isinstance(analysed.feedback, FeedbackView)
    assert not analysed.feedback.isHidden()
    assert analysed.feedback_button.text() == "Hide feedback ▾"
    assert analysed.transcript_label.isHidden()  # the marked transcript replaces it
    assert analysed.feedback.verdict_text("fillers_per_min") == "▲ Too many"
    qtbot.mouseClick(plain.feedback_button, Qt.MouseButton.LeftButton)
    assert isinstance(plain.feedback, NotAnalysed)
    assert plain.feedback.label.text().startswith("Not analysed")
    qtbot.mouseClick(analysed.feedback_button, Qt.MouseButton.LeftButton)
    assert analysed.feedback.isHidden()
    assert not analysed.transcript_label.isHidden()
    assert analysed.feedback_button.text() == "Feedback ▸"


def test_a_mark_plays_that_answers_recording_and_stops_the_one_before(
    qtbot: Any, services: Any, answer: Any, marks: Any
) -> None:
    words, analysis = answer
    page = EndPage(play=services.play_recording)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    page.show_results(
        7,
        "complete",
        [
            AnswerSummary(
                1,
                "Tell me.",
                24.0,
                "",
                "sessions/7/1-a.wav",
                "",
                read_words(words),
                read_analysis(analysis),
            )
        ],
    )
    row = page.answer_rows[0]
    row.show_feedback(True)
    assert isinstance(row.feedback, FeedbackView)
    browser = row.feedback.transcript
    qtbot.waitUntil(lambda: browser.isVisible() and browser.height() > 40)
    qtbot.mouseClick(
        browser.viewport(), Qt.MouseButton.LeftButton, pos=marks.point(browser, "‖ 1.6 s")
    )
    first = services.playbacks[0]
    assert (first.path, first.start_s) == ("sessions/7/1-a.wav", pytest.approx(4.40 - LEAD_IN_S))
    assert page.playing_row is row
    assert row.play_button.text() == "■  Stop"
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=marks.point(browser, "um"))
    assert first.stopped
    second = services.playbacks[1]
    assert (second.path, second.start_s) == ("sessions/7/1-a.wav", 0.0)  # um is at 0.5 s
    assert page.playing_row is row


def test_session_answers_take_words_and_analysis_from_the_events(answer: Any) -> None:
    words, analysis = answer
    answers = SessionAnswers()
    answers.handle_event(question(0, "Tell me."))
    answers.handle_event(question(1, "Why?"))
    for index in (0, 1):
        saved = {"type": "answer_saved", "index": index, "transcript": "t", "duration_s": 3.0}
        answers.handle_event({**saved, "audio_path": f"{index}.wav", "words": words[: 9 * index]})
    answers.handle_event({"type": "answer_analyzed", "index": 0, "analysis": analysis})
    first, second = answers.answers
    assert first.analysis is not None
    assert (first.question, first.words, first.analysis.data) == ("Tell me.", (), analysis)
    second_words = words_to_json(second.words)
    assert (second.question, second_words, second.analysis) == ("Why?", words[:9], None)


def test_the_window_passes_each_answers_analysis_to_the_end_page(
    qtbot: Any, window: Any, answer: Any
) -> None:
    window.services.answers = {0: answer}
    window.start_session("ui-test", ["first", "second"])
    qtbot.waitUntil(lambda: window.interview.transcript_view.toPlainText() == "partial answer 1")
    window.bridge.stop_answer()
    qtbot.waitUntil(lambda: window.interview.last_answer.isVisible())
    qtbot.waitUntil(lambda: window.interview.transcript_view.toPlainText() == "partial answer 2")
    window.bridge.stop_answer()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)
    first, second = window.end.answer_rows
    first.show_feedback(True)
    second.show_feedback(True)
    assert isinstance(first.feedback, FeedbackView)
    assert isinstance(second.feedback, NotAnalysed)
