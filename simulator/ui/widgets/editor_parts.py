"""Pieces of the pack editor: the reorderable question list and section headings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simulator.core.packs import Question
from simulator.ui.models.rows import RowsModel
from simulator.ui.widgets.row_list import RowList

PREVIEW_CHARS = 70


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def describe(position: int, question: Question) -> str:
    text = question.text or "(no text yet)"
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 1].rstrip() + "…"
    return f"{position}. {text}"


class QuestionList(QWidget):
    """The questions of the pack being edited, with add, move and remove buttons.

    The editor owns the questions: ``order_changed`` asks it to reorder them, and it hands
    the list back with ``set_questions``.
    """

    current_changed = Signal(int)
    order_changed = Signal(list, int)  # new order as old indexes, the new current row
    add_requested = Signal()
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flagged: set[int] = set()
        self._read_only = False
        # Each row's value is (its row, the question): the text starts with the position.
        model: RowsModel[tuple[int, Question]] = RowsModel(
            self._describe, accessible=lambda _row, shown: self._accessible(shown)
        )
        self.list = RowList(model)
        self.list.setAccessibleName("Questions of the pack")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.on_current_row(self.current_changed.emit)
        self.add_button = QPushButton("Add &question")
        self.add_button.setAccessibleName("Add a question")
        self.add_button.clicked.connect(self.add_requested.emit)
        self.up_button = QPushButton("Move up")
        self.up_button.setAccessibleName("Move the question up")
        self.up_button.setShortcut(QKeySequence("Ctrl+Up"))
        self.up_button.setToolTip("Move the question up (Ctrl+Up)")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.setAccessibleName("Move the question down")
        self.down_button.setShortcut(QKeySequence("Ctrl+Down"))
        self.down_button.setToolTip("Move the question down (Ctrl+Down)")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the question")
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit(self.list.current_row())
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.on_current_row(lambda _row: self._update_buttons())

    def _describe(self, shown: tuple[int, Question]) -> str:
        row, question = shown
        text = describe(row + 1, question)
        return f"⚠ {text}" if row in self._flagged else text

    def _accessible(self, shown: tuple[int, Question]) -> str:
        row, question = shown
        text = describe(row + 1, question)
        return f"{text}, has problems" if row in self._flagged else text

    def set_questions(self, questions: Sequence[Question], current: int) -> None:
        self.list.blockSignals(True)
        try:
            self.list.set_values(enumerate(questions))
            self.list.set_current_row(current)
        finally:
            self.list.blockSignals(False)
        self._update_buttons()

    def update_row(self, row: int, question: Question) -> None:
        if 0 <= row < self.list.count():
            self.list.rows.set_value(row, (row, question))

    def flag_rows(self, rows: set[int]) -> None:
        """Mark the questions that have problems, in words as well as the sign."""
        if rows != self._flagged:  # checked after every keystroke: repaint only on a change
            self._flagged = set(rows)
            self.list.rows.refresh_all()

    def current_row(self) -> int:
        return self.list.current_row()

    def select(self, row: int) -> None:
        self.list.set_current_row(row)

    def move_current(self, step: int) -> None:
        """Swap the current question with its neighbour; the editor redraws the list."""
        row = self.list.current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        order = list(range(self.list.count()))
        order[row], order[target] = order[target], order[row]
        self.order_changed.emit(order, target)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self._read_only
        row, count = self.list.current_row(), self.list.count()
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
