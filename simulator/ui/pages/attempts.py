"""Attempts side by side: every answer to one question, and two of them compared.

Each attempt (across sessions and packs, oldest first) is listed with its date, length, pace,
fillers and self-score; tick two to see their figures and transcripts side by side and play
each. The oldest and the newest are compared first. "Retry this question" asks for a session
of that one question. A view only: the answer review flow reads the attempts and the two
answers off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.core.history import Attempt
from simulator.core.records import SavedAnswer
from simulator.ui import style
from simulator.ui.models.rows import RowsModel
from simulator.ui.pages.history import when
from simulator.ui.pages.scoring_parts import measured_lines
from simulator.ui.widgets.feedback_text import clock
from simulator.ui.widgets.page_footer import PageFooter
from simulator.ui.widgets.row_list import RowList


def describe_attempt(attempt: Attempt) -> str:
    """One line: when, then length, pace, fillers and self-score where there are any."""
    if attempt.status == "skipped":
        return f"{when(attempt.started_at)}  ·  skipped"
    parts = [when(attempt.started_at)]
    parts.append(clock(attempt.duration_s) if attempt.duration_s is not None else "no length")
    if attempt.wpm is not None:
        parts.append(f"{attempt.wpm:.0f} wpm")
    if attempt.fillers_per_min is not None:
        parts.append(f"{attempt.fillers_per_min:.1f} fillers/min")
    score = attempt.self_score
    parts.append(f"self-score {score:.1f}" if score is not None else "not scored")
    return "  ·  ".join(parts)


class AttemptPanel(QFrame):
    """One attempt of the two compared: when, its figures, its transcript, Play."""

    play_clicked = Signal(object)  # the panel

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer: SavedAnswer | None = None
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel("")
        self.heading.setFont(style.font(12, bold=True))
        self.heading.setAccessibleName(f"The {side} attempt")
        column.addWidget(self.heading)
        self.figures = QFormLayout()
        column.addLayout(self.figures)
        self.transcript_label = QLabel("")
        self.transcript_label.setWordWrap(True)
        self.transcript_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.transcript_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transcript_label.setAccessibleName(f"Transcript of the {side} attempt")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.transcript_label)
        column.addWidget(scroll, 1)
        self.play_button = QPushButton("▶  Play")
        self.play_button.setAccessibleName(f"Play the {side} attempt")
        self.play_button.clicked.connect(lambda: self.play_clicked.emit(self))
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addStretch(1)
        column.addLayout(row)

    def show_attempt(self, attempt: Attempt, answer: SavedAnswer | None) -> None:
        self.answer = answer
        self.heading.setText(f"{when(attempt.started_at)}  ·  session #{attempt.session_id}")
        while self.figures.rowCount():
            self.figures.removeRow(0)
        data = answer.analysis.data if answer is not None and answer.analysis else None
        rows = measured_lines(data)
        score = attempt.self_score
        rows.append(("Self-score", f"{score:.1f} out of 5" if score is not None else "not scored"))
        for what, value in rows:
            self.figures.addRow(f"{what}:", QLabel(value))
        if answer is None:
            text = "(This answer is no longer saved.)"
        else:
            text = (answer.transcript or "").strip() or "(No words were recognised.)"
        self.transcript_label.setText(text)
        self.play_button.setEnabled(answer is not None and bool(answer.audio_path))
        self.set_playing(False)

    def set_playing(self, playing: bool) -> None:
        self.play_button.setText("■  Stop" if playing else "▶  Play")


class AttemptsPage(QWidget):
    compare_requested = Signal(int, int)  # two answer ids, the older first
    retry_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        title = QLabel("Attempts at this question")
        title.setProperty("role", "title")
        self.question_label = QLabel("")
        self.question_label.setProperty("role", "subtitle")
        self.question_label.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(self.question_label)
        model: RowsModel[Attempt] = RowsModel(describe_attempt, checkable=True)
        self.attempts_list = RowList(model, uniform=True)
        self.attempts_list.setAccessibleName("Every attempt at this question, oldest first")
        self.attempts_list.setMaximumHeight(190)
        model.dataChanged.connect(lambda *_args: self._ticks_changed())
        outer.addWidget(self.attempts_list)
        self.hint_label = QLabel("Tick two attempts to compare them.")
        self.hint_label.setProperty("role", "muted")
        outer.addWidget(self.hint_label)
        panels = QHBoxLayout()
        panels.setSpacing(style.SPACING)
        self.panels = (AttemptPanel("first"), AttemptPanel("second"))
        for panel in self.panels:
            panel.setVisible(False)
            panels.addWidget(panel, 1)
        outer.addLayout(panels, 1)
        self.footer = PageFooter(
            self, "&Retry this question", primary_name="Start a session of this one question"
        )
        self.footer.back_requested.connect(self.back_requested.emit)
        self.back_button = self.footer.back_button
        self.back_shortcut = self.footer.back_shortcut
        self.retry_button = self.footer.primary_button
        self.retry_button.clicked.connect(self.retry_requested.emit)
        outer.addWidget(self.footer)
        self._compared: tuple[int, int] | None = None

    @property
    def attempts(self) -> Sequence[Attempt]:
        return self.attempts_list.rows.values

    def show_attempts(self, question: str, attempts: Sequence[Attempt]) -> None:
        """List every attempt; the oldest and the newest answered ones are ticked."""
        self.question_label.setText(question)
        answered = [row for row, a in enumerate(attempts) if a.status != "skipped"]
        ticked = {answered[0], answered[-1]} if len(answered) >= 2 else set()
        self._compared = None
        for panel in self.panels:
            panel.setVisible(False)
        self.attempts_list.set_values(attempts, checked=ticked, choose=False)
        self._ticks_changed()

    def ticked(self) -> list[Attempt]:
        rows = sorted(self.attempts_list.rows.checked)
        return [self.attempts[row] for row in rows]

    def _ticks_changed(self) -> None:
        chosen = self.ticked()
        if len(chosen) != 2:
            count = len(self.attempts)
            self.hint_label.setText(
                "This question has one attempt so far: retry it to compare."
                if count < 2
                else "Tick two attempts to compare them."
            )
            return
        pair = (chosen[0].answer_id, chosen[1].answer_id)
        self.hint_label.setText("Compared below. Tick others to change.")
        if pair != self._compared:
            self._compared = pair
            self.compare_requested.emit(*pair)

    def show_pair(self, pair: Sequence[tuple[Attempt, SavedAnswer | None]]) -> None:
        for panel, (attempt, answer) in zip(self.panels, pair, strict=True):
            panel.show_attempt(attempt, answer)
            panel.setVisible(True)


__all__ = ["AttemptPanel", "AttemptsPage", "describe_attempt"]
