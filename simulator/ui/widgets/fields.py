"""Small input pieces shared by the pack and question forms: list boxes and inline problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from simulator.ui import style


class ListEdit(QPlainTextEdit):
    """A list of texts edited as one item per line; blank lines are not items."""

    def __init__(self, accessible_name: str, lines: int = 3) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setAccessibleDescription("One item per line")
        self.setPlaceholderText("One per line")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Tab moves to the next field: a list box is not the place for tab characters.
        self.setTabChangesFocus(True)
        height = QFontMetrics(self.font()).lineSpacing() * lines + 24
        self.setFixedHeight(height)

    def items(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.toPlainText().splitlines() if line.strip())

    def set_items(self, items: tuple[str, ...]) -> None:
        self.setPlainText("\n".join(items))


class TextEdit(QPlainTextEdit):
    """A few lines of free text (a question, a description)."""

    def __init__(self, accessible_name: str, lines: int = 2) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        height = QFontMetrics(self.font()).lineSpacing() * lines + 24
        self.setFixedHeight(height)

    def text(self) -> str:
        return self.toPlainText().strip()


class ProblemLabel(QLabel):
    """What is wrong with one field, shown right under it; hidden when nothing is.

    The field's accessible description carries the same words, so a screen reader says
    the problem when the field gets the focus.
    """

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self._description = field.accessibleDescription()
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {style.ERROR_FG};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_problems(self, messages: list[str]) -> None:
        self.setText("\n".join(f"⚠ {message}" for message in messages))
        self.setVisible(bool(messages))
        said = " ".join(messages)
        self.field.setAccessibleDescription(
            f"{said} {self._description}".strip() if said else self._description
        )


def with_problem(field: QWidget, focus: QWidget | None = None) -> tuple[QWidget, ProblemLabel]:
    """``field`` with a problem label under it, as one widget for a form row.

    ``focus`` is the part of a compound field that takes the focus (and so is described).
    """
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    label = ProblemLabel(focus or field)
    layout.addWidget(field)
    layout.addWidget(label)
    return box, label
