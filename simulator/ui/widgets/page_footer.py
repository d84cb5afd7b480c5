"""The footer of the pages opened from another page: Back on the left, the page's one primary
action on the right, and Esc for Back anywhere on the page.

The scoring, attempts and progress pages share it, so Back, Esc and the primary button look
and behave the same on each. The page connects ``back_requested`` and the primary button's
``clicked``; a page with a status line puts it between the two (``middle``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


class PageFooter(QWidget):
    back_requested = Signal()  # Back clicked, or Esc pressed anywhere on the page

    def __init__(
        self,
        page: QWidget,
        primary_text: str,
        *,
        primary_name: str = "",
        middle: QWidget | None = None,
    ) -> None:
        super().__init__(page)
        self.back_button = QPushButton("Back")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.primary_button = QPushButton(primary_text)
        self.primary_button.setProperty("role", "primary")
        if primary_name:
            self.primary_button.setAccessibleName(primary_name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back_button)
        if middle is None:
            row.addStretch(1)
        else:
            row.addWidget(middle, 1)
        row.addWidget(self.primary_button)
        # On the page, not the footer: Esc must work wherever the focus is on the page.
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut.activated.connect(self.back_requested.emit)


__all__ = ["PageFooter"]
