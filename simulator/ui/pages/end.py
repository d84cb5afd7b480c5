"""The end page: the answers of the session just recorded, each with its recording to replay.

Playback goes through a ``play`` callable the window hands in (``AppServices.play_recording``,
which returns at once); a named timer watches the playback to turn Stop back into Play, so no
audio callback ever touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.ui import style
from simulator.ui.services_api import Playback
from simulator.ui.widgets.answer_timer import mmss

PlayFunction = Callable[[str], Playback]


@dataclass(frozen=True)
class AnswerSummary:
    """One answer as the end page shows it."""

    position: int
    question: str
    duration_s: float | None
    transcript: str
    audio_path: str
    engine: str = ""


class AnswerRow(QFrame):
    """A card for one answer: question, duration, transcript, Play/Stop."""

    play_clicked = Signal(object)  # the row

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
        self.transcript_label = QLabel(text)
        self.transcript_label.setWordWrap(True)
        self.transcript_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transcript_label.setAccessibleName(f"Transcript of answer {answer.position}")
        self.play_button = QPushButton("▶  Play")
        self.play_button.setAccessibleName(f"Play answer {answer.position}")
        self.play_button.setEnabled(bool(answer.audio_path))
        self.play_button.clicked.connect(lambda: self.play_clicked.emit(self))
        meta = mmss(answer.duration_s) if answer.duration_s is not None else "no audio"
        if answer.engine:
            meta += f" · recognised by {answer.engine}"
        self.meta_label = QLabel(meta)
        self.meta_label.setProperty("role", "muted")
        footer = QHBoxLayout()
        footer.setSpacing(12)
        footer.addWidget(self.play_button)
        footer.addWidget(self.meta_label)
        footer.addStretch(1)
        layout.addWidget(self.question_label)
        layout.addWidget(self.transcript_label)
        layout.addSpacing(2)
        layout.addLayout(footer)

    def set_playing(self, playing: bool) -> None:
        self.play_button.setText("■  Stop" if playing else "▶  Play")
        verb = "Stop" if playing else "Play"
        self.play_button.setAccessibleName(f"{verb} answer {self.answer.position}")


class EndPage(QWidget):
    practice_again_requested = Signal()
    home_requested = Signal()
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
        self.home_button.clicked.connect(self.home_requested.emit)
        self.again_button = QPushButton("Practice again")
        self.again_button.setProperty("role", "primary")
        self.again_button.setAccessibleName("Practice again with the same pack")
        self.again_button.clicked.connect(self.practice_again_requested.emit)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        outer.addLayout(buttons)

    def show_results(
        self, session_id: int | None, status: str, answers: list[AnswerSummary]
    ) -> None:
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
        count = len(answers)
        saved = f"Session #{session_id} saved" if session_id is not None else "Not saved"
        self.summary_label.setText(
            f"{saved} · {count} answer{'s' if count != 1 else ''} · {mmss(total)} recorded"
        )
        for answer in answers:
            row = AnswerRow(answer)
            row.play_clicked.connect(self._toggle_play)
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
            self.answer_rows.append(row)
        self.empty_label.setVisible(not answers)

    def _toggle_play(self, row: AnswerRow) -> None:
        was_playing = self._playing is not None and self._playing[0] is row
        self.stop_playback()
        if was_playing or self.play is None:
            return
        try:
            playback = self.play(row.answer.audio_path)
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
