"""The in-page question "End the interview?" shown when Esc is pressed during an interview.

Esc is easy to hit by accident and ending loses the rest of the session, so the interview page
asks first, in the page (a modal dialog would steal the keyboard from a person mid-answer).
The panel takes the keyboard focus: Enter confirms (Esc again is the page's own shortcut), any
other key resumes; its two buttons do the same for the mouse. The session keeps running while
it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

QUESTION = "End the interview?"
HOW = "Esc or Enter to end, any other key or Resume to go on."
CONFIRM_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
)


class EndConfirm(QFrame):
    confirmed = Signal()
    resumed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setProperty("kind", "warning")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QUESTION)
        self.setAccessibleDescription(HOW)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        layout.setSpacing(10)
        self.label = QLabel(f"<b>{QUESTION}</b>&nbsp; {HOW}")
        self.label.setWordWrap(True)
        self.end_button = QPushButton("End interview")
        self.end_button.setAccessibleName("Yes, end the interview now")
        self.resume_button = QPushButton("Resume")
        self.resume_button.setProperty("role", "primary")
        self.resume_button.setAccessibleName("No, go on with the interview")
        # The panel keeps the focus so that every key is answered as the text says.
        for button in (self.end_button, self.resume_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.clicked.connect(self.confirmed.emit)
        self.resume_button.clicked.connect(self.resumed.emit)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.end_button)
        layout.addWidget(self.resume_button)
        self.setVisible(False)

    def ask(self) -> None:
        self.setVisible(True)
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in MODIFIER_KEYS:
            super().keyPressEvent(event)
        elif key in CONFIRM_KEYS:
            self.confirmed.emit()
        else:
            self.resumed.emit()
