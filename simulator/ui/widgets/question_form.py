"""The form for one question of a pack: every field, with its problems shown under it.

A view only: ``set_question`` fills it, ``question()`` reads back exactly what it shows (lists
one item per line, surrounding spaces dropped, as the pack loader does), and ``changed`` fires
on every edit so the editor can check the pack as the user types.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from simulator.core.packs import CATEGORIES, FRAMEWORKS, Question
from simulator.library.queries import DIFFICULTIES
from simulator.ui.widgets.fields import ListEdit, ProblemLabel, TextEdit, with_problem

MAX_SECONDS = 3600


def _spin(low: int, high: int, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setAccessibleName(name)
    spin.setMinimumWidth(80)
    return spin


class QuestionForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        # The keys this form has no fields for (a debug question's code) pass through as loaded.
        self._shown: Question | None = None
        self.id_edit = QLineEdit()
        self.id_edit.setAccessibleName("Question id")
        self.id_edit.setPlaceholderText("lowercase-words-with-hyphens")
        self.text_edit = TextEdit("Question text", lines=3)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName("Category")
        self.category_combo.addItems(list(CATEGORIES))
        self.framework_combo = QComboBox()
        self.framework_combo.setAccessibleName("Answer framework")
        self.framework_combo.addItems(list(FRAMEWORKS))
        self.difficulty_combo = QComboBox()
        self.difficulty_combo.setAccessibleName("Difficulty")
        for value, name in DIFFICULTIES.items():
            self.difficulty_combo.addItem(f"{value} · {name}", value)
        # The band's spin boxes allow a wrong order on purpose: the check says what is wrong.
        self.band_low = _spin(0, MAX_SECONDS, "Shortest good answer, in seconds")
        self.band_high = _spin(0, MAX_SECONDS, "Longest good answer, in seconds")
        self.prep_spin = _spin(0, 600, "Preparation time, in seconds")
        self.prep_spin.setMaximumWidth(self.band_low.sizeHint().width() + 20)
        self.follow_ups_edit = ListEdit("Follow-up questions")
        self.tips_edit = ListEdit("Tips", lines=2)
        self.clarifications_edit = ListEdit("Clarifications")
        self.tags_edit = ListEdit("Question tags", lines=2)

        band = QWidget()
        band_row = QHBoxLayout(band)
        band_row.setContentsMargins(0, 0, 0, 0)
        band_row.addWidget(self.band_low)
        band_row.addWidget(QLabel("to"))
        band_row.addWidget(self.band_high)
        band_row.addWidget(QLabel("seconds"))
        band_row.addStretch(1)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        self.problem_labels: dict[str, ProblemLabel] = {}
        rows: list[tuple[str, str, QWidget]] = [
            ("Question &id", "id", self.id_edit),
            ("&Text", "text", self.text_edit),
            ("&Category", "category", self.category_combo),
            ("&Framework", "framework", self.framework_combo),
            ("Difficult&y", "difficulty", self.difficulty_combo),
            ("&Answer band", "answer_seconds", band),
            ("&Prep seconds", "prep_seconds", self.prep_spin),
            ("Follow-&ups", "follow_ups", self.follow_ups_edit),
            ("Tip&s", "tips", self.tips_edit),
            ("C&larifications", "clarifications", self.clarifications_edit),
            ("Ta&gs", "tags", self.tags_edit),
        ]
        for label, key, field in rows:
            focus = self.band_low if field is band else field
            box, problem = with_problem(field, focus)
            self.problem_labels[key] = problem
            form.addRow(label, box)
            label_widget = form.labelForField(box)
            if isinstance(label_widget, QLabel):
                label_widget.setBuddy(focus)
        self._texts = (
            self.text_edit,
            self.follow_ups_edit,
            self.tips_edit,
            self.clarifications_edit,
            self.tags_edit,
        )
        self._combos = (self.category_combo, self.framework_combo, self.difficulty_combo)
        self._spins = (self.band_low, self.band_high, self.prep_spin)
        self.id_edit.textChanged.connect(self._edited)
        for text in self._texts:
            text.textChanged.connect(self._edited)
        for combo in self._combos:
            combo.currentIndexChanged.connect(self._edited)
        for spin in self._spins:
            spin.valueChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_question(self, question: Question) -> None:
        """Show ``question``; does not emit ``changed``."""
        self._loading = True
        self._shown = question
        try:
            self.id_edit.setText(question.id)
            self.text_edit.setPlainText(question.text)
            self._select(self.category_combo, question.category)
            self._select(self.framework_combo, question.framework)
            self.difficulty_combo.setCurrentIndex(
                max(0, self.difficulty_combo.findData(question.difficulty))
            )
            self.band_low.setValue(question.answer_seconds[0])
            self.band_high.setValue(question.answer_seconds[1])
            self.prep_spin.setValue(question.prep_seconds)
            self.follow_ups_edit.set_items(question.follow_ups)
            self.tips_edit.set_items(question.tips)
            self.clarifications_edit.set_items(question.clarifications)
            self.tags_edit.set_items(question.tags)
        finally:
            self._loading = False

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findText(value)
        if index < 0:  # a value from a file the lists don't know: keep it, the check says why
            combo.addItem(value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def question(self) -> Question:
        """The question exactly as the form shows it."""
        return Question(
            id=self.id_edit.text().strip(),
            text=self.text_edit.text(),
            category=self.category_combo.currentText(),
            framework=self.framework_combo.currentText(),
            difficulty=int(self.difficulty_combo.currentData()),
            answer_seconds=(self.band_low.value(), self.band_high.value()),
            prep_seconds=self.prep_spin.value(),
            follow_ups=self.follow_ups_edit.items(),
            tips=self.tips_edit.items(),
            clarifications=self.clarifications_edit.items(),
            tags=self.tags_edit.items(),
            code=self._shown.code if self._shown else "",
            code_language=self._shown.code_language if self._shown else "",
            bug=self._shown.bug if self._shown else None,
        )

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Each field's problems under it; problems of unknown keys go under the id."""
        known = set(self.problem_labels)
        stray = [m for key, messages in problems.items() if key not in known for m in messages]
        for key, label in self.problem_labels.items():
            label.show_problems(problems.get(key, []) + (stray if key == "id" else []))

    def set_read_only(self, read_only: bool) -> None:
        """Read-only fields stay focusable and selectable; combo boxes cannot, so they grey."""
        self.id_edit.setReadOnly(read_only)
        for text in self._texts:
            text.setReadOnly(read_only)
        for spin in self._spins:
            spin.setReadOnly(read_only)
        for combo in self._combos:
            combo.setEnabled(not read_only)
