"""The interview page: the live view of a running session, driven by the runner's events.

It shows where the session is (question n of m, the question or a listen-only placeholder, the
phase in words), the answer timer against the target band, the microphone level and the live
transcript; once an answer is analysed, a card under the transcript sums up how it went.
Under a pressure drill it also shows what the drill does (``widgets.pressure``: a mark while
the interviewer talks, screen distractions; the timer's squeeze) and, for a question with
code, the program to debug (``widgets.code_panel``), its bug revealed once the answer ends.
Space moves on (skips the reading or the preparation, or ends the answer); Esc asks in the
page whether to end the interview (``widgets.end_confirm``), and Esc again or Enter ends it.
Both go to the bridge, which passes them to the runner.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from simulator.core import events as ev
from simulator.core.packs import Question
from simulator.ui import style
from simulator.ui.bridge import SessionBridge
from simulator.ui.widgets.answer_timer import AnswerTimer, mmss
from simulator.ui.widgets.code_panel import CodePanel
from simulator.ui.widgets.end_confirm import EndConfirm
from simulator.ui.widgets.feedback_summary import LastAnswerSummary
from simulator.ui.widgets.level_meter import LevelMeter
from simulator.ui.widgets.pressure import InterviewerMark, ScreenDistractions

HIDDEN_TEXT = "The question is hidden. Listen to the interviewer, as in a real interview."
STOP_TEXT = "Stop answer  ␣"
SKIP_TEXT = "Skip ahead  ␣"
RECORDING_TEXT = "● Recording — speak now"


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 18)
    layout.setSpacing(10)
    return frame, layout


class InterviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge: SessionBridge | None = None
        self.hide_question = False
        self.question_text = ""
        self.phase = "idle"
        self.questions: dict[str, Question] = {}  # by id: the code to show, if any
        self.prep_seconds = 0
        self._prep_clock = QElapsedTimer()
        self.prep_timer = QTimer(self)
        self.prep_timer.setObjectName("prep_timer")
        self.prep_timer.setInterval(200)
        self.prep_timer.timeout.connect(self._show_prep_left)
        self._build()
        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.end_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        for shortcut in (self.stop_shortcut, self.end_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stop_shortcut.activated.connect(self.stop_answer)
        self.end_shortcut.activated.connect(self.request_end)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        top = QHBoxLayout()
        self.progress_label = QLabel("")
        self.progress_label.setProperty("role", "section")
        self.category_label = QLabel("")
        self.category_label.setProperty("role", "muted")
        top.addWidget(self.progress_label)
        top.addStretch(1)
        top.addWidget(self.category_label)
        outer.addLayout(top)

        question_card, question_layout = _card()
        self.question_label = QLabel("")
        self.question_label.setWordWrap(True)
        self.question_label.setFont(style.font(17, bold=False))
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question_label.setAccessibleName("Question")
        self.question_label.setMinimumHeight(56)
        self.show_question_button = QPushButton("Show question")
        self.show_question_button.setCheckable(True)
        self.show_question_button.setAccessibleName("Show or hide the question text")
        self.show_question_button.toggled.connect(self._show_question_toggled)
        row = QHBoxLayout()
        row.addWidget(self.question_label, 1)
        row.addWidget(self.show_question_button, 0, Qt.AlignmentFlag.AlignTop)
        question_layout.addLayout(row)
        outer.addWidget(question_card)
        self.interviewer_mark = InterviewerMark()
        outer.addWidget(self.interviewer_mark)

        middle = QHBoxLayout()
        middle.setSpacing(style.SPACING)
        timer_card, timer_layout = _card()
        self.timer = AnswerTimer()
        self.status_label = QLabel("")
        self.status_label.setFont(style.font(12.5, bold=True))
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setAccessibleName("Status")
        self.level_meter = LevelMeter()
        level_caption = QLabel("Microphone")
        level_caption.setProperty("role", "muted")
        timer_layout.addStretch(1)
        timer_layout.addWidget(self.timer)
        timer_layout.addSpacing(6)
        timer_layout.addWidget(self.status_label)
        timer_layout.addStretch(1)
        timer_layout.addWidget(level_caption)
        timer_layout.addWidget(self.level_meter)
        middle.addWidget(timer_card, 2)

        transcript_card, transcript_layout = _card()
        heading = QLabel("LIVE TRANSCRIPT")
        heading.setProperty("role", "section")
        self.transcript_view = QTextEdit()
        self.transcript_view.setReadOnly(True)
        self.transcript_view.setAccessibleName("Live transcript")
        self.transcript_view.setPlaceholderText("Your words appear here as you speak.")
        self.transcript_view.setFont(style.font(12))
        self.transcript_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The card already frames it; a second border would box the text twice.
        self.transcript_view.setStyleSheet("QTextEdit { border: none; padding: 0; }")
        transcript_layout.addWidget(heading)
        transcript_layout.addWidget(self.transcript_view, 1)
        # Under the transcript, never over it or the question, and never taking height from
        # the timer, which is the first thing to clip in a short window.
        self.last_answer = LastAnswerSummary()
        self.code_panel = CodePanel()
        right = QVBoxLayout()
        right.setSpacing(style.SPACING)
        right.addWidget(self.code_panel, 3)
        right.addWidget(transcript_card, 1)
        right.addWidget(self.last_answer)
        middle.addLayout(right, 3)
        outer.addLayout(middle, 1)

        self.end_confirm = EndConfirm()
        self.end_confirm.confirmed.connect(self.end_interview)
        self.end_confirm.resumed.connect(self.resume)
        outer.addWidget(self.end_confirm)

        buttons = QHBoxLayout()
        self.end_button = QPushButton("End interview  Esc")
        self.end_button.setAccessibleName("End the interview")
        self.end_button.clicked.connect(self.ask_to_end)
        self.stop_button = QPushButton(STOP_TEXT)
        self.stop_button.setProperty("role", "primary")
        self.stop_button.setAccessibleName("Stop the answer or skip ahead")
        self.stop_button.clicked.connect(self.stop_answer)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        outer.addLayout(buttons)
        self.setTabOrder(self.show_question_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.end_button)
        # Over everything else, in the top-right corner; never takes focus or clicks.
        self.distractions = ScreenDistractions(self)

    # --- wiring -------------------------------------------------------------------------------

    def attach(
        self, bridge: SessionBridge, hide_question: bool, questions: Sequence[Question] = ()
    ) -> None:
        """Show a new session run by ``bridge``, asking ``questions`` (for their code)."""
        if self.bridge is not None:
            self.bridge.event.disconnect(self.handle_event)
        self.bridge = bridge
        self.hide_question = hide_question
        self.questions = {question.id: question for question in questions}
        bridge.event.connect(self.handle_event)
        self.reset()

    def reset(self) -> None:
        self.phase = "idle"
        self.prep_timer.stop()
        self.progress_label.setText("GETTING READY")
        self.category_label.setText("")
        self.question_text = ""
        self.question_label.setText("")
        self.show_question_button.setVisible(False)
        self.timer.set_band(60, 120)
        self.level_meter.reset()
        self.transcript_view.clear()
        self.last_answer.clear()
        self._clear_pressure()
        self.code_panel.clear()
        self._set_status("Getting ready…")
        self.stop_button.setText(SKIP_TEXT)
        self.stop_button.setEnabled(False)
        self.end_button.setEnabled(True)
        self.end_confirm.setVisible(False)

    @property
    def confirming(self) -> bool:
        """The "End the interview?" question is showing."""
        return self.end_confirm.isVisible()

    def stop_answer(self) -> None:
        if self.confirming:  # Space is "any other key": go on
            self.resume()
        elif self.bridge is not None and self.stop_button.isEnabled():
            self.bridge.stop_answer()

    def ask_to_end(self) -> None:
        """Esc or the End button: ask first; the session goes on meanwhile."""
        if self.bridge is not None and self.end_button.isEnabled():
            self.end_confirm.ask()

    def resume(self) -> None:
        self.end_confirm.setVisible(False)
        self.stop_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def request_end(self) -> None:
        """Esc: ask, or confirm when already asked."""
        if self.confirming:
            self.end_interview()
        else:
            self.ask_to_end()

    def end_interview(self) -> None:
        """End the session now (what was recorded is kept)."""
        self.end_confirm.setVisible(False)
        if self.bridge is not None:
            self.end_button.setEnabled(False)
            self.stop_button.setEnabled(False)
            self._set_status("Ending the interview…")
            self.bridge.abort()

    # --- events ---------------------------------------------------------------------------

    def handle_event(self, event: ev.SessionEvent) -> None:
        match event:
            case ev.QuestionStarted():
                self._on_question_started(event)
            case ev.PrepStarted():
                self._on_prep_started(event)
            case ev.RecordingStarted():
                self._on_recording_started(event)
            case ev.Level():
                self._on_level(event)
            case ev.Partial():
                self._on_partial(event)
            case ev.AnswerEnded():
                self._on_answer_ended(event)
            case ev.AnswerSaved():
                self._on_answer_saved(event)
            case ev.AnswerAnalyzed():
                self.last_answer.show_analysis(event.index + 1, event.analysis)
            case ev.SessionSaved():
                self._on_session_saved()
            case ev.InterruptionStarted() | ev.Clarification():
                self.interviewer_mark.show_talking(
                    event.text if isinstance(event, ev.InterruptionStarted) else event.answer
                )
            case ev.InterruptionEnded():
                self.interviewer_mark.clear()
            case ev.Distraction(kind="screen"):
                self.distractions.show_distraction(event.name, event.duration_s)
            case ev.TimeSqueezed():
                self.timer.squeeze(event.new_limit_s)

    def _clear_pressure(self) -> None:
        """The interviewer stops talking and the screen's distractions go, at an answer's end."""
        self.interviewer_mark.clear()
        self.distractions.clear()

    def _on_question_started(self, event: ev.QuestionStarted) -> None:
        self.phase = "speaking"
        self.prep_timer.stop()
        self.progress_label.setText(f"QUESTION {event.index + 1} OF {event.count}")
        self.category_label.setText(event.category.replace("-", " ").title())
        self.question_text = event.text
        low, high = event.answer_seconds or (60, 120)
        self.timer.set_band(low, high, event.time_limit_s)
        self.level_meter.reset()
        self.transcript_view.clear()
        self._clear_pressure()
        question = self.questions.get(event.question_id)
        if question is not None and question.code:
            self.code_panel.show_code(question.code, question.code_language, question.bug)
        else:
            self.code_panel.clear()
        self.show_question_button.setVisible(self.hide_question)
        self.show_question_button.setChecked(False)
        self._show_question_toggled(False)
        self._set_status("Interviewer speaking…")
        self.stop_button.setText(SKIP_TEXT)
        self.stop_button.setEnabled(True)

    def _on_prep_started(self, event: ev.PrepStarted) -> None:
        self.phase = "prep"
        self.prep_seconds = event.seconds
        self._prep_clock.start()
        self._show_prep_left()
        self.prep_timer.start()

    def _show_prep_left(self) -> None:
        left = self.prep_seconds - self._prep_clock.elapsed() / 1000
        if self.phase != "prep" or left <= 0:
            self.prep_timer.stop()
            return
        # Round up so the countdown shows 0:10 first and never 0:00 while still waiting.
        self._set_status(f"Preparation {mmss(left + 0.999)} — Space to start now")

    def _on_recording_started(self, event: ev.RecordingStarted) -> None:
        self.phase = "answering"
        self.prep_timer.stop()
        self.timer.set_elapsed(0)
        self._set_status(RECORDING_TEXT, recording=True)
        self.stop_button.setText(STOP_TEXT)
        self.stop_button.setEnabled(True)

    def _set_status(self, text: str, recording: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {style.OVER};" if recording else "")

    def _on_level(self, event: ev.Level) -> None:
        self.level_meter.set_level(event.level, event.voiced)
        self.timer.set_elapsed(event.elapsed_s)

    def _on_partial(self, event: ev.Partial) -> None:
        self.transcript_view.setPlainText(event.text)
        # setPlainText scrolls to the top; the newest words are what the speaker wants to see.
        scroll_bar = self.transcript_view.verticalScrollBar()
        scroll_bar.setValue(scroll_bar.maximum())

    def _on_answer_ended(self, event: ev.AnswerEnded) -> None:
        self.phase = "transcribing"
        self._clear_pressure()
        self.code_panel.reveal_bug()
        self.timer.stop()
        self.level_meter.reset()
        self._set_status("Transcribing…")
        self.stop_button.setEnabled(False)

    def _on_answer_saved(self, event: ev.AnswerSaved) -> None:
        self.phase = "saved"
        text = event.transcript.strip()
        self.transcript_view.setPlainText(text or "(No words were recognised in this answer.)")
        self.timer.set_elapsed(event.duration_s)
        self.timer.stop()
        self._set_status("Answer saved")

    def _on_session_saved(self) -> None:
        self.phase = "done"
        self._clear_pressure()
        self.end_confirm.setVisible(False)
        self.prep_timer.stop()
        self.stop_button.setEnabled(False)
        self.end_button.setEnabled(False)
        self._set_status("Session saved")

    def _show_question_toggled(self, shown: bool) -> None:
        visible = shown or not self.hide_question
        self.question_label.setText(self.question_text if visible else HIDDEN_TEXT)
        self.question_label.setProperty("role", "" if visible else "muted")
        self.question_label.style().polish(self.question_label)
        self.show_question_button.setText("Hide question" if shown else "Show question")

    @property
    def question_shown(self) -> bool:
        return self.question_label.text() == self.question_text and bool(self.question_text)
