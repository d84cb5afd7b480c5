"""Pieces of the pack editor: the reorderable question list and section headings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simulator.core.packs import Question

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
        self.list = QListWidget()
        self.list.setAccessibleName("Questions of the pack")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentRowChanged.connect(self.current_changed.emit)
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
            lambda: self.remove_requested.emit(self.list.currentRow())
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
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())

    def set_questions(self, questions: Sequence[Question], current: int) -> None:
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for position, question in enumerate(questions, start=1):
                self.list.addItem(QListWidgetItem(describe(position, question)))
            self.list.setCurrentRow(current)
        finally:
            self.list.blockSignals(False)
        self.flag_rows(self._flagged)
        self._update_buttons()

    def update_row(self, row: int, question: Question) -> None:
        item = self.list.item(row)
        if item is not None:
            item.setText(describe(row + 1, question))
            self._mark(row)

    def flag_rows(self, rows: set[int]) -> None:
        """Mark the questions that have problems, in words as well as the sign."""
        self._flagged = set(rows)
        for row in range(self.list.count()):
            self._mark(row)

    def _mark(self, row: int) -> None:
        item = self.list.item(row)
        text = item.text().removeprefix("⚠ ")
        flagged = row in self._flagged
        item.setText(f"⚠ {text}" if flagged else text)
        accessible = f"{text}, has problems" if flagged else text
        item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)

    def current_row(self) -> int:
        return self.list.currentRow()

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def move_current(self, step: int) -> None:
        """Swap the current question with its neighbour; the editor redraws the list."""
        row = self.list.currentRow()
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
        row, count = self.list.currentRow(), self.list.count()
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
