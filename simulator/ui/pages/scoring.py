"""Self-scoring: rate one saved answer against its framework's rubric, beside what was measured.

The rubric (``core.rubric``) has one criterion per part of the answer's framework (STAR, PEP,
CAR; none for a free answer) and the delivery criteria, each with five anchored descriptions;
a "next time" note says what to change. Scores already saved are shown and can be changed,
or cleared (after a question) so the answer counts as not scored again; the note stays.
A view only: the answer review flow reads and saves off the GUI thread and calls ``show`` and
``show_saved`` (the history flow clears, and calls ``show_cleared``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.core.history import AnswerScores
from simulator.core.records import SavedAnswer
from simulator.core.rubric import Rubric
from simulator.ui import style
from simulator.ui.pages.scoring_parts import CriterionChoice, measured_lines
from simulator.ui.widgets.page_footer import PageFooter

NOTE_LIMIT = 2000  # characters of the "next time" note


class ScoringPage(QWidget):
    save_requested = Signal(int, dict, str)  # answer id, {criterion: score}, the note
    clear_requested = Signal(int)  # answer id, after the user confirmed
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer: SavedAnswer | None = None
        self.rubric: Rubric | None = None
        self.saved: AnswerScores | None = None  # what the store holds now
        self.choices: list[CriterionChoice] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        self.title_label = QLabel("Score your answer")
        self.title_label.setProperty("role", "title")
        self.question_label = QLabel("")
        self.question_label.setProperty("role", "subtitle")
        self.question_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        outer.addWidget(self.question_label)
        columns = QHBoxLayout()
        columns.setSpacing(style.SPACING)
        outer.addLayout(columns, 1)
        self.criteria_box = QVBoxLayout()
        self.criteria_box.setSpacing(8)
        holder = QWidget()
        holder.setLayout(self.criteria_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        columns.addWidget(scroll, 3)
        columns.addWidget(self._build_side(), 1)
        self.status_label = QLabel("")
        self.status_label.setProperty("role", "muted")
        self.footer = PageFooter(self, "&Save scores", middle=self.status_label)
        self.footer.back_requested.connect(self.back_requested.emit)
        self.back_button = self.footer.back_button
        self.back_shortcut = self.footer.back_shortcut
        self.save_button = self.footer.primary_button
        self.save_button.clicked.connect(self._save)
        outer.addWidget(self.footer)

    def _build_side(self) -> QFrame:
        side = QFrame()
        side.setProperty("role", "card")
        column = QVBoxLayout(side)
        column.setContentsMargins(16, 14, 16, 14)
        heading = QLabel("MEASURED")
        heading.setProperty("role", "section")
        column.addWidget(heading)
        self.figures = QFormLayout()
        self.figures.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        column.addLayout(self.figures)
        self.mean_label = QLabel("")
        self.mean_label.setFont(style.font(12, bold=True))
        self.mean_label.setAccessibleName("Your self-score")
        column.addSpacing(8)
        column.addWidget(self.mean_label)
        self.clear_button = QPushButton("&Clear scores…")
        self.clear_button.setAccessibleName("Clear the saved self-scores of this answer")
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self._clear)
        column.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        note_heading = QLabel("NEXT TIME")
        note_heading.setProperty("role", "section")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText("One thing to do differently next time…")
        self.note_edit.setAccessibleName("Next time: what to change")
        self.note_edit.textChanged.connect(self._note_changed)
        column.addSpacing(8)
        column.addWidget(note_heading)
        column.addWidget(self.note_edit, 1)
        return side

    def show_answer(self, answer: SavedAnswer, rubric: Rubric, saved: AnswerScores) -> None:
        """Show the rubric of ``answer`` with the scores and note already ``saved``."""
        self.answer, self.rubric = answer, rubric
        framework = "free-form" if rubric.framework == "free" else rubric.framework
        self.title_label.setText(f"Score your answer ({framework})")
        self.question_label.setText(answer.question_text)
        for choice in self.choices:
            choice.setParent(None)
            choice.deleteLater()
        self.choices = []
        while self.criteria_box.count():
            self.criteria_box.takeAt(0)
        for criterion in rubric.criteria:
            choice = CriterionChoice(criterion)
            choice.chosen.connect(lambda _key, _score: self._edited())
            self.criteria_box.addWidget(choice)
            self.choices.append(choice)
        self.criteria_box.addStretch(1)
        while self.figures.rowCount():
            self.figures.removeRow(0)
        data = answer.analysis.data if answer.analysis is not None else None
        for what, value in measured_lines(data):
            shown = QLabel(value)
            shown.setWordWrap(True)
            self.figures.addRow(f"{what}:", shown)
        self.show_saved(saved, announce=False)

    def show_saved(self, saved: AnswerScores, *, announce: bool = True) -> None:
        """What is saved now: the scores ticked, the note, the mean; "Saved" when ``announce``."""
        for choice in self.choices:
            choice.set_score(saved.scores.get(choice.criterion.key))
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(saved.note)
        self.note_edit.blockSignals(False)
        self._show_mean(saved.self_score)
        self.status_label.setText("Saved." if announce else "")
        self.save_button.setEnabled(True)
        self.saved = saved
        self.clear_button.setEnabled(bool(saved.scores))

    def show_cleared(self, saved: AnswerScores) -> None:
        """The scores were cleared: the form shows none (the note as saved)."""
        self.show_saved(saved, announce=False)
        self.status_label.setText("Scores cleared.")

    def confirm_clear(self) -> bool:
        """Ask before clearing; a separate method so tests can answer for the user."""
        answer = QMessageBox.question(
            self,
            "Clear these self-scores?",
            "Every score of this answer is removed, and it no longer counts as scored in "
            "your progress and attempts. Your note for next time is kept.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _clear(self) -> None:
        if self.answer is None or not self.confirm_clear():
            return
        self.clear_button.setEnabled(False)
        self.status_label.setText("Clearing…")
        self.clear_requested.emit(self.answer.id)

    def show_problem(self, message: str) -> None:
        self.status_label.setText(message)
        self.save_button.setEnabled(True)
        self.clear_button.setEnabled(bool(self.saved.scores) if self.saved else False)

    def scores(self) -> dict[str, int]:
        """The criteria scored on the form (unscored ones are left out)."""
        return {c.criterion.key: c.score for c in self.choices if c.score is not None}

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()[:NOTE_LIMIT]

    def _show_mean(self, mean: float | None) -> None:
        self.mean_label.setText(
            "Not scored yet" if mean is None else f"Self-score {mean:.1f} out of 5"
        )

    def _edited(self) -> None:
        values = list(self.scores().values())
        self._show_mean(round(sum(values) / len(values), 1) if values else None)
        self.status_label.setText("Not saved yet.")

    def _note_changed(self) -> None:
        self.status_label.setText("Not saved yet.")

    def _save(self) -> None:
        if self.answer is None:
            return
        self.save_button.setEnabled(False)
        self.status_label.setText("Saving…")
        self.save_requested.emit(self.answer.id, self.scores(), self.note())


__all__ = ["ScoringPage"]
