"""The end page: the answers of the session just recorded, each with its recording to replay.

Each answer can open its feedback (``widgets.feedback``): the measures against their targets
and the marked transcript; clicking a mark plays that answer's recording from just before it.
Playback goes through a ``play`` callable the window hands in (``AppServices.play_recording``,
which returns at once); one recording plays at a time, and a named timer watches it to turn
Stop back into Play, so no audio callback ever touches a widget. ``SessionAnswers`` gathers the
saved answers from the runner's events; a past session's come from the store, and both
are summarised by ``core.records.summary_of``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.core.records import (
    ANSWERED,
    SKIPPED,
    AnswerSummary,
    SavedAnswer,
    SavedSession,
    read_analysis,
    read_words,
    summary_of,
)
from simulator.core.transcript import words_to_json
from simulator.ui import style
from simulator.ui.services_api import Playback
from simulator.ui.widgets.feedback import FeedbackView, NotAnalysed
from simulator.ui.widgets.feedback_text import clock

SKIPPED_TEXT = "Skipped: nothing was said in this answer."
FEEDBACK_CLOSED = "Feedback ▸"
FEEDBACK_OPEN = "Hide feedback ▾"


class PlayFunction(Protocol):
    def __call__(self, stored_path: str, start_s: float = 0.0) -> Playback: ...


class SessionAnswers:
    """The answers of one session as the runner saves them, gathered from its events."""

    def __init__(self) -> None:
        self.saved: list[SavedAnswer] = []
        self._session_id = 0
        self._questions: dict[int, tuple[str, str]] = {}  # index -> (question id, text)

    @property
    def answers(self) -> list[AnswerSummary]:
        return [summary_of(answer) for answer in self.saved]

    def handle_event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "session_started":
            self._session_id = int(event.get("session_id") or 0)
        elif kind == "question_started":
            question = (str(event.get("question_id", "")), str(event.get("text", "")))
            self._questions[int(event["index"])] = question
        elif kind == "answer_saved":
            self.saved.append(self._saved_answer(event))
        elif kind == "answer_analyzed" and isinstance(event.get("analysis"), dict):
            position = int(event["index"]) + 1
            analysis = read_analysis(event["analysis"])
            self.saved = [
                replace(a, analysis=analysis) if a.position == position else a for a in self.saved
            ]

    def _saved_answer(self, event: dict[str, Any]) -> SavedAnswer:
        """The answer the runner has just saved, as the store now holds it."""
        index = int(event["index"])
        question_id, text = self._questions.get(index, ("", ""))
        duration = event.get("duration_s")
        return SavedAnswer(
            id=int(event.get("answer_id") or 0),
            session_id=self._session_id,
            position=index + 1,
            question_id=question_id,
            question_text=text,
            audio_path=str(event.get("audio_path", "")),
            sample_rate=0,  # neither is in the event, and the page needs neither
            started_at="",
            duration_s=float(duration) if duration is not None else None,
            transcript=str(event.get("transcript", "")),
            words=read_words(event.get("words")),
            engine=str(event.get("engine", "")),
            model=str(event.get("model", "")),
            status=SKIPPED if event.get("skipped") else ANSWERED,
        )


def summaries_from_session(session: SavedSession) -> list[AnswerSummary]:
    """A saved session's answers for the end page."""
    return [summary_of(answer) for answer in session.answers]


class AnswerRow(QFrame):
    """A card for one answer: question, duration, transcript, Play/Stop, its feedback."""

    play_clicked = Signal(object)  # the row
    play_from = Signal(object, float)  # the row, seconds into the recording

    def __init__(self, answer: AnswerSummary) -> None:
        super().__init__()
        self.answer = answer
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(6)
        self.question_label = QLabel(f"{answer.position}. {answer.question}")
        self.question_label.setWordWrap(True)
        self.question_label.setFont(style.font(12.5, bold=True))
        text = answer.transcript.strip() or "(No words were recognised in this answer.)"
        if answer.skipped:
            text = SKIPPED_TEXT
        self.transcript_label = QLabel(text)
        if answer.skipped:
            self.transcript_label.setProperty("role", "muted")
        self.transcript_label.setWordWrap(True)
        self.transcript_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transcript_label.setAccessibleName(f"Transcript of answer {answer.position}")
        self.play_button = QPushButton("▶  Play")
        self.play_button.setAccessibleName(f"Play answer {answer.position}")
        self.play_button.setEnabled(bool(answer.audio_path))
        self.play_button.clicked.connect(lambda: self.play_clicked.emit(self))
        meta = clock(answer.duration_s) if answer.duration_s is not None else "no audio"
        if answer.skipped:
            meta = f"skipped · {meta} of silence recorded"
        elif answer.engine:
            meta += f" · recognised by {answer.engine}"
        self.meta_label = QLabel(meta)
        self.meta_label.setProperty("role", "muted")
        footer = QHBoxLayout()
        footer.setSpacing(12)
        self.feedback_button = QPushButton(FEEDBACK_CLOSED)
        self.feedback_button.setCheckable(True)
        self.feedback_button.setAccessibleName(f"Feedback on answer {answer.position}")
        self.feedback_button.toggled.connect(self.show_feedback)
        self.feedback_button.setVisible(not answer.skipped)  # nothing said, nothing to coach
        footer.addWidget(self.play_button)
        footer.addWidget(self.feedback_button)
        footer.addWidget(self.meta_label)
        footer.addStretch(1)
        layout.addWidget(self.question_label)
        layout.addWidget(self.transcript_label)
        layout.addSpacing(2)
        layout.addLayout(footer)
        self._layout = layout
        self.feedback: FeedbackView | NotAnalysed | None = None

    def show_feedback(self, shown: bool) -> None:
        """Open or close the feedback under the row (built the first time it opens)."""
        if shown and self.feedback is None:
            if self.answer.analysis is None:
                self.feedback = NotAnalysed()
            else:
                view = FeedbackView(self.answer.analysis.data, words_to_json(self.answer.words))
                view.play_requested.connect(lambda start_s: self.play_from.emit(self, start_s))
                self.feedback = view
            self._layout.addWidget(self.feedback)
        if self.feedback is not None:
            self.feedback.setVisible(shown)
        self.transcript_label.setVisible(not shown)  # the feedback shows it, marked
        self.feedback_button.setChecked(shown)
        self.feedback_button.setText(FEEDBACK_OPEN if shown else FEEDBACK_CLOSED)

    def set_playing(self, playing: bool) -> None:
        self.play_button.setText("■  Stop" if playing else "▶  Play")
        verb = "Stop" if playing else "Play"
        self.play_button.setAccessibleName(f"{verb} answer {self.answer.position}")


class EndPage(QWidget):
    practice_again_requested = Signal()
    home_requested = Signal()
    history_requested = Signal()  # back from a past session to the list of sessions
    problem = Signal(str)  # a message for the banner (a recording that cannot play)

    def __init__(self, play: PlayFunction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.play = play
        self.session_id: int | None = None
        self.answer_rows: list[AnswerRow] = []
        self._playing: tuple[AnswerRow, Playback] | None = None
        self.playback_timer = QTimer(self)
        self.playback_timer.setObjectName("playback_timer")
        self.playback_timer.setInterval(200)
        self.playback_timer.timeout.connect(self._check_playback)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        self.title_label = QLabel("Interview complete")
        self.title_label.setProperty("role", "title")
        self.summary_label = QLabel("")
        self.summary_label.setProperty("role", "subtitle")
        self.summary_label.setAccessibleName("Session summary")
        outer.addWidget(self.title_label)
        outer.addWidget(self.summary_label)

        self._rows_widget = QWidget()
        self._rows_layout = QVBoxLayout(self._rows_widget)
        self._rows_layout.setContentsMargins(0, 0, 6, 0)
        self._rows_layout.setSpacing(12)
        self.empty_label = QLabel("No answers were recorded in this session.")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setVisible(False)
        self._rows_layout.addWidget(self.empty_label)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows_widget)
        self._rows_widget.setObjectName("answerRows")
        self._rows_widget.setStyleSheet(f"#answerRows {{ background: {style.BACKGROUND}; }}")
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.home_button = QPushButton("Home")
        self.home_button.setAccessibleName("Back to the home page")
        self.home_button.clicked.connect(self._back)
        self.reviewing = False  # showing a past session, not the one just finished
        self.again_button = QPushButton("Practice again")
        self.again_button.setProperty("role", "primary")
        self.again_button.setAccessibleName("Practice again with the same pack")
        self.again_button.clicked.connect(self.practice_again_requested.emit)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        outer.addLayout(buttons)
        # Esc goes back, as on the other pages: to the list for a past session, else home.
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut.activated.connect(self._back)

    def _back(self) -> None:
        (self.history_requested if self.reviewing else self.home_requested).emit()

    def show_review(self, session: SavedSession, heading: str) -> None:
        """A past session, opened from the list of sessions."""
        self.show_results(session.id, session.status, summaries_from_session(session))
        self.reviewing = True
        self.title_label.setText(heading)
        self.home_button.setText("Back to past sessions")
        self.home_button.setAccessibleName("Back to the list of past sessions")
        self.again_button.setVisible(False)

    def show_results(
        self, session_id: int | None, status: str, answers: list[AnswerSummary]
    ) -> None:
        self.reviewing = False
        self.home_button.setText("Home")
        self.home_button.setAccessibleName("Back to the home page")
        self.again_button.setVisible(True)
        self.stop_playback()
        for row in self.answer_rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self.answer_rows = []
        self.session_id = session_id
        self.title_label.setText(
            "Interview complete" if status == "complete" else "Interview ended early"
        )
        total = sum(answer.duration_s or 0.0 for answer in answers)
        skipped = sum(answer.skipped for answer in answers)
        count = len(answers) - skipped
        saved = f"Session #{session_id} saved" if session_id is not None else "Not saved"
        parts = [saved, f"{count} answer{'s' if count != 1 else ''}"]
        if skipped:
            parts.append(f"{skipped} skipped")
        self.summary_label.setText(" · ".join([*parts, f"{clock(total)} recorded"]))
        for answer in answers:
            row = AnswerRow(answer)
            row.play_clicked.connect(self._toggle_play)
            row.play_from.connect(self._play_from)
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
            self.answer_rows.append(row)
        self.empty_label.setVisible(not answers)

    def _toggle_play(self, row: AnswerRow) -> None:
        was_playing = self._playing is not None and self._playing[0] is row
        self.stop_playback()
        if not was_playing:
            self._play_from(row, 0.0)

    def _play_from(self, row: AnswerRow, start_s: float) -> None:
        """Play ``row``'s recording from ``start_s``, stopping whatever was playing."""
        self.stop_playback()
        if self.play is None or not row.answer.audio_path:
            return
        try:
            path = row.answer.audio_path
            playback = self.play(path, start_s) if start_s > 0 else self.play(path)
        except Exception as error:  # shown to the user; the page stays usable
            self.problem.emit(f"The recording could not be played: {error}")
            return
        self._playing = (row, playback)
        row.set_playing(True)
        self.playback_timer.start()

    def _check_playback(self) -> None:
        if self._playing is not None and not self._playing[1].is_playing:
            self.stop_playback()

    def stop_playback(self) -> None:
        self.playback_timer.stop()
        if self._playing is None:
            return
        row, playback = self._playing
        self._playing = None
        playback.stop()
        row.set_playing(False)

    @property
    def playing_row(self) -> AnswerRow | None:
        return self._playing[0] if self._playing else None


__all__ = ["AnswerRow", "AnswerSummary", "EndPage", "SessionAnswers", "summaries_from_session"]
