"""The interview page follows a scripted run of events, and Space/Esc steer the bridge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from simulator.ui.bridge import SessionBridge
from simulator.ui.pages.interview import HIDDEN_TEXT, InterviewPage
from tests.support.events import typed

QUESTION = {
    "type": "question_started",
    "index": 1,
    "count": 3,
    "question_id": "conflict",
    "text": "Describe a conflict you resolved.",
    "category": "conflict",
    "answer_seconds": [60, 120],
    "prep_seconds": 10,
    "time_limit_s": 150,
}


def make_page(qtbot: Any, hide: bool) -> InterviewPage:
    page = InterviewPage()
    qtbot.addWidget(page)
    page.attach(SessionBridge(page), hide_question=hide)
    return page


def test_a_question_is_shown_with_its_band_and_the_phases_in_words(qtbot: Any) -> None:
    page = make_page(qtbot, hide=False)
    page.handle_event(typed(QUESTION))
    assert page.progress_label.text() == "QUESTION 2 OF 3"
    assert page.question_label.text() == "Describe a conflict you resolved."
    assert page.show_question_button.isHidden()
    assert page.timer.band_label.text() == "target 1:00–2:00  ·  stops at 2:30"
    assert page.status_label.text() == "Interviewer speaking…"

    page.handle_event(typed({"type": "prep_started", "index": 1, "seconds": 10}))
    assert page.status_label.text().startswith("Preparation 0:10")
    assert page.prep_timer.isActive()

    page.handle_event(typed({"type": "recording_started", "index": 1, "answer_id": 4}))
    assert not page.prep_timer.isActive()
    assert page.status_label.text() == "● Recording — speak now"
    assert page.stop_button.isEnabled()


def test_the_timer_says_under_in_and_over_the_band_in_words(qtbot: Any) -> None:
    page = make_page(qtbot, hide=False)
    page.handle_event(typed(QUESTION))
    page.handle_event(typed({"type": "recording_started", "index": 1}))
    expected = [
        (12.0, "0:12", "Under the target"),
        (65.4, "1:05", "In the target band"),
        (121.0, "2:01", "Over the target"),
    ]
    for elapsed, time_text, words in expected:
        page.handle_event(typed({"type": "level", "index": 1, "level": 0.4, "elapsed_s": elapsed}))
        assert (page.timer.time_text, page.timer.state_text) == (time_text, words)
    assert page.level_meter.level > 0


def test_partial_text_is_replaced_by_the_final_transcript(qtbot: Any) -> None:
    page = make_page(qtbot, hide=False)
    page.handle_event(typed(QUESTION))
    page.handle_event(typed({"type": "recording_started", "index": 1}))
    page.handle_event(typed({"type": "partial", "index": 1, "text": "so the team"}))
    assert page.transcript_view.toPlainText() == "so the team"
    page.handle_event(typed({"type": "answer_ended", "index": 1, "reason": "silence"}))
    assert page.status_label.text() == "Transcribing…"
    assert not page.stop_button.isEnabled()
    page.handle_event(
        typed(
            {
                "type": "answer_saved",
                "index": 1,
                "transcript": "So the team agreed.",
                "duration_s": 70,
            }
        )
    )
    assert page.transcript_view.toPlainText() == "So the team agreed."
    assert page.timer.time_text == "1:10"
    assert page.timer.state_text == "In the target band · final"


def test_a_hidden_question_can_be_shown_and_is_hidden_again_for_the_next(qtbot: Any) -> None:
    page = make_page(qtbot, hide=True)
    page.handle_event(typed(QUESTION))
    assert page.question_label.text() == HIDDEN_TEXT
    assert not page.question_shown
    assert not page.show_question_button.isHidden()
    qtbot.mouseClick(page.show_question_button, Qt.MouseButton.LeftButton)
    assert page.question_shown
    assert page.show_question_button.text() == "Hide question"
    page.handle_event(typed({**QUESTION, "index": 2, "text": "Why this role?"}))
    assert page.question_label.text() == HIDDEN_TEXT


class SteeringRecorder(SessionBridge):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def stop_answer(self) -> None:
        self.calls.append("stop_answer")

    def abort(self) -> None:
        self.calls.append("abort")


def steered_page(qtbot: Any) -> tuple[InterviewPage, SteeringRecorder, QMainWindow]:
    page = InterviewPage()
    host = QMainWindow()  # a main window, as in the app: shortcuts need an active window
    host.setCentralWidget(page)
    host.setMinimumSize(900, 600)  # fixed, as in MainWindow, so showing text resizes nothing
    qtbot.addWidget(host)
    bridge = SteeringRecorder()
    page.attach(bridge, hide_question=False)  # type: ignore[arg-type]
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    page.handle_event(typed(QUESTION))
    return page, bridge, host  # the host too: the page dies with it


def test_space_stops_the_answer_and_escape_asks_before_ending(qtbot: Any) -> None:
    page, bridge, _host = steered_page(qtbot)
    page.end_button.setFocus()  # Space must not press the focused End button
    qtbot.keyClick(page.end_button, Qt.Key.Key_Space)
    assert bridge.calls == ["stop_answer"]
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert bridge.calls == ["stop_answer"]  # asked, not ended
    assert page.confirming and page.end_confirm.hasFocus()
    assert "End the interview?" in page.end_confirm.label.text()
    assert "Esc or Enter to end" in page.end_confirm.label.text()
    qtbot.keyClick(page.end_confirm, Qt.Key.Key_Escape)  # Esc again confirms
    assert bridge.calls == ["stop_answer", "abort"]
    assert not page.confirming
    assert page.status_label.text() == "Ending the interview…"


def test_enter_confirms_and_any_other_key_or_resume_goes_on(qtbot: Any) -> None:
    page, bridge, _host = steered_page(qtbot)
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.keyClick(page.end_confirm, Qt.Key.Key_Shift)  # a modifier alone is no answer
    assert page.confirming
    qtbot.keyClick(page.end_confirm, Qt.Key.Key_A)
    assert not page.confirming and bridge.calls == []
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.keyClick(page.end_confirm, Qt.Key.Key_Space)  # Space resumes, it does not stop
    assert not page.confirming and bridge.calls == []
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)  # the button asks too
    assert page.confirming
    qtbot.mouseClick(page.end_confirm.resume_button, Qt.MouseButton.LeftButton)
    assert not page.confirming and bridge.calls == []
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.keyClick(page.end_confirm, Qt.Key.Key_Return)
    assert bridge.calls == ["abort"]


def test_the_live_transcript_follows_the_newest_words(qtbot: Any) -> None:
    page = make_page(qtbot, hide=False)
    page.resize(900, 600)
    page.show()
    page.handle_event(typed(QUESTION))
    long_text = " ".join(f"word{i}" for i in range(600))
    page.handle_event(typed({"type": "partial", "t": 1.0, "index": 1, "text": long_text}))
    bar = page.transcript_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
