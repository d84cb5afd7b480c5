"""The end page lists the answers and plays one recording at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from simulator.core.records import SavedAnswer, SavedSession
from simulator.ui.pages.end import AnswerSummary, EndPage

ANSWERS = [
    AnswerSummary(
        1, "Tell me about yourself.", 42.0, "I build tools.", "sessions/7/1-a.wav", "vosk"
    ),
    AnswerSummary(2, "Why this role?", 75.5, "", "sessions/7/2-b.wav", "vosk"),
]


def test_answers_are_listed_with_duration_and_transcript(qtbot: Any) -> None:
    page = EndPage()
    qtbot.addWidget(page)
    page.show_results(7, "complete", ANSWERS)
    assert page.title_label.text() == "Interview complete"
    # 117.5 s rounds to 1:58, as the feedback's "Answer length" rounds.
    assert page.summary_label.text() == "Session #7 saved · 2 answers · 1:58 recorded"
    rows = page.answer_rows
    assert [row.question_label.text() for row in rows] == [
        "1. Tell me about yourself.",
        "2. Why this role?",
    ]
    assert rows[0].meta_label.text() == "0:42 · recognised by vosk"
    assert rows[1].meta_label.text().startswith("1:16 · ")
    assert rows[0].transcript_label.text() == "I build tools."
    assert rows[1].transcript_label.text() == "(No words were recognised in this answer.)"
    assert page.empty_label.isHidden()

    page.show_results(8, "aborted", [])
    assert page.answer_rows == []
    assert page.title_label.text() == "Interview ended early"
    assert not page.empty_label.isHidden()


def test_play_then_stop_and_the_button_resets_when_playback_ends(qtbot: Any, services: Any) -> None:
    page = EndPage(play=services.voices.play_recording)
    qtbot.addWidget(page)
    page.show_results(7, "complete", ANSWERS)
    first, second = page.answer_rows
    qtbot.mouseClick(first.play_button, Qt.MouseButton.LeftButton)
    assert services.voices.playbacks[0].path == "sessions/7/1-a.wav"
    assert first.play_button.text() == "■  Stop"
    qtbot.mouseClick(second.play_button, Qt.MouseButton.LeftButton)  # only one plays at a time
    assert services.voices.playbacks[0].stopped
    assert first.play_button.text() == "▶  Play"
    assert page.playing_row is second
    services.voices.playbacks[1].playing = False  # the file played to its end
    qtbot.waitUntil(lambda: second.play_button.text() == "▶  Play")
    assert page.playing_row is None
    assert not page.playback_timer.isActive()


def test_a_recording_that_cannot_play_is_reported(qtbot: Any) -> None:
    def broken(_path: str) -> Any:
        raise OSError("No speaker was found; connect one.")

    page = EndPage(play=broken)
    qtbot.addWidget(page)
    page.show_results(7, "complete", ANSWERS)
    with qtbot.waitSignal(page.problem) as problem:
        qtbot.mouseClick(page.answer_rows[0].play_button, Qt.MouseButton.LeftButton)
    assert problem.args == ["The recording could not be played: No speaker was found; connect one."]
    assert page.answer_rows[0].play_button.text() == "▶  Play"


def saved_answer(
    position: int, question: str, seconds: float, transcript: str, status: str
) -> SavedAnswer:
    return SavedAnswer(
        id=position,
        session_id=7,
        position=position,
        question_id=f"q{position}",
        question_text=question,
        audio_path=f"sessions/7/{position}-{'abc'[position - 1]}.wav",
        sample_rate=16000,
        started_at="2026-11-30T10:00",
        duration_s=seconds,
        transcript=transcript,
        status=status,
    )


def test_a_skipped_answer_says_skipped_not_a_blank_answer(qtbot: Any) -> None:
    from simulator.core.records import summary_of
    from simulator.ui.pages.end import SKIPPED_TEXT, SessionAnswers

    gathered = SessionAnswers()
    gathered.handle_event({"type": "question_started", "index": 0, "text": "Why this role?"})
    gathered.handle_event(
        {
            "type": "answer_saved",
            "index": 0,
            "transcript": "",
            "duration_s": 4.0,
            "audio_path": "sessions/7/1-b.wav",
            "engine": "vosk",
            "skipped": True,
        }
    )
    saved = SavedSession(
        id=7,
        started_at="2026-11-30T10:00",
        ended_at=None,
        mode="practice",
        pack_id="behavioral-core",
        drill=None,
        status="aborted",
        answers=(
            saved_answer(2, "Tell me about yourself.", 30.0, "I build tools.", "answered"),
            saved_answer(3, "Any questions?", 2.0, "", "skipped"),
        ),
    )
    answers = gathered.answers + [summary_of(answer) for answer in saved.answers]
    assert [a.skipped for a in answers] == [True, False, True]
    page = EndPage()
    qtbot.addWidget(page)
    page.show_results(7, "aborted", answers)
    assert page.summary_label.text() == "Session #7 saved · 1 answer · 2 skipped · 0:36 recorded"
    skipped = page.answer_rows[0]
    assert skipped.transcript_label.text() == SKIPPED_TEXT
    assert skipped.meta_label.text() == "skipped · 0:04 of silence recorded"
    assert skipped.feedback_button.isHidden() and skipped.play_button.isEnabled()
    assert page.answer_rows[1].transcript_label.text() == "I build tools."


def test_escape_goes_back_to_past_sessions_or_home(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow, QStackedWidget

    from simulator.ui.pages.review import ReviewPage

    review, page = ReviewPage(), EndPage()
    stack = QStackedWidget()
    stack.addWidget(review)
    stack.addWidget(page)
    host = QMainWindow()  # shortcuts need an active window, as in the app
    host.setCentralWidget(stack)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    session = SavedSession(3, "2026-11-30T10:00", None, "practice", "mix", None, "complete")
    review.show_session(session)
    review.back_button.setFocus()
    with qtbot.waitSignal(review.back_requested, timeout=1000):
        qtbot.keyClick(review.back_button, Qt.Key.Key_Escape)
    stack.setCurrentWidget(page)
    page.show_results(4, "complete", ANSWERS)
    with qtbot.waitSignal(page.home_requested, timeout=1000):
        qtbot.keyClick(page, Qt.Key.Key_Escape)
