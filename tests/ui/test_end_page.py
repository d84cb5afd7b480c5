"""The end page lists the answers and plays one recording at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

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
    page = EndPage(play=services.play_recording)
    qtbot.addWidget(page)
    page.show_results(7, "complete", ANSWERS)
    first, second = page.answer_rows
    qtbot.mouseClick(first.play_button, Qt.MouseButton.LeftButton)
    assert services.playbacks[0].path == "sessions/7/1-a.wav"
    assert first.play_button.text() == "■  Stop"
    qtbot.mouseClick(second.play_button, Qt.MouseButton.LeftButton)  # only one plays at a time
    assert services.playbacks[0].stopped
    assert first.play_button.text() == "▶  Play"
    assert page.playing_row is second
    services.playbacks[1].playing = False  # the file played to its end
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
