"""A session's answers as cards, each with its recording to play and its feedback to open.

The end page (the session just recorded) and the review page (a past session) both show one.
Each answer can open its feedback (``widgets.feedback``): the measures against their targets
and the marked transcript; clicking a mark plays that answer's recording from just before it.
Playback goes through a ``play`` callable the page is given (the voices façade's
``play_recording``, which returns at once); one recording plays at a time (``PlaybackSlot``,
which also turns Stop back into Play when it ends).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.core.records import AnswerSummary
from simulator.core.transcript import words_to_json
from simulator.ui import style
from simulator.ui.widgets.feedback import FeedbackView, NotAnalysed
from simulator.ui.widgets.feedback_text import clock
from simulator.ui.widgets.playback_slot import Playback, PlaybackSlot, PlayFunction

SKIPPED_TEXT = "Skipped: nothing was said in this answer."
FEEDBACK_CLOSED = "Feedback ▸"
FEEDBACK_OPEN = "Hide feedback ▾"


def summary_line(session_id: int | None, answers: Sequence[AnswerSummary]) -> str:
    """ "Session #7 saved · 2 answers · 1 skipped · 1:58 recorded"."""
    total = sum(answer.duration_s or 0.0 for answer in answers)
    skipped = sum(answer.skipped for answer in answers)
    count = len(answers) - skipped
    saved = f"Session #{session_id} saved" if session_id is not None else "Not saved"
    parts = [saved, f"{count} answer{'s' if count != 1 else ''}"]
    if skipped:
        parts.append(f"{skipped} skipped")
    return " · ".join([*parts, f"{clock(total)} recorded"])


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


class AnswerList(QScrollArea):
    """The answer cards of one session, scrolling, and the one recording playing."""

    problem = Signal(str)  # a message for the banner (a recording that cannot play)

    def __init__(self, play: PlayFunction | None, empty_text: str) -> None:
        super().__init__()
        self.play = play
        self.rows: list[AnswerRow] = []
        self.slot = PlaybackSlot("playback_timer", self)
        self.slot.problem.connect(self.problem.emit)
        self.playback_timer = self.slot.timer
        rows_widget = QWidget()
        self._rows_layout = QVBoxLayout(rows_widget)
        self._rows_layout.setContentsMargins(0, 0, 6, 0)
        self._rows_layout.setSpacing(12)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setVisible(False)
        self._rows_layout.addWidget(self.empty_label)
        self._rows_layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(rows_widget)
        rows_widget.setObjectName("answerRows")
        rows_widget.setStyleSheet(f"#answerRows {{ background: {style.BACKGROUND}; }}")

    def show_answers(self, answers: Sequence[AnswerSummary]) -> None:
        self.stop_playback()
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for answer in answers:
            row = AnswerRow(answer)
            row.play_clicked.connect(self._toggle_play)
            row.play_from.connect(self._play_from)
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
            self.rows.append(row)
        self.empty_label.setVisible(not answers)

    def _toggle_play(self, row: AnswerRow) -> None:
        self.slot.toggle(row, self._start(row, 0.0))

    def _play_from(self, row: AnswerRow, start_s: float) -> None:
        """Play ``row``'s recording from ``start_s``, stopping whatever was playing."""
        start = self._start(row, start_s)
        if start is None:
            self.stop_playback()
        else:
            self.slot.play(row, start)

    def _start(self, row: AnswerRow, start_s: float) -> Callable[[], Playback] | None:
        """What starts ``row``'s recording from ``start_s``; None when there is nothing to play."""
        play, path = self.play, row.answer.audio_path
        if play is None or not path:
            return None
        return lambda: play(path, start_s) if start_s > 0 else play(path)

    def stop_playback(self) -> None:
        self.slot.stop()

    @property
    def playing_row(self) -> AnswerRow | None:
        owner = self.slot.owner
        return owner if isinstance(owner, AnswerRow) else None


__all__ = [
    "SKIPPED_TEXT",
    "AnswerList",
    "AnswerRow",
    "PlayFunction",
    "Playback",
    "summary_line",
]
