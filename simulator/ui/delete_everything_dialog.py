"""Asks before every saved session is deleted: the user types a word to confirm.

Deleting the practice history cannot be undone, so one click (or Enter pressed by habit) must
never do it: the Delete button stays disabled until the word is typed, and Cancel is the
default button.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CONFIRM_WORD = "delete"


class DeleteEverythingDialog(QDialog):
    """Accepted only after ``CONFIRM_WORD`` was typed and Delete pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete everything — Hotseat")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(12)
        explanation = QLabel(
            "This deletes every saved session: the recordings, transcripts, feedback and "
            "self-scores. It cannot be undone (make a backup first with "
            "<tt>hotseat backup FILE.zip</tt>). Your question packs, speech models and "
            f"settings are kept.<br><br>Type <b>{CONFIRM_WORD}</b> to confirm."
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setAccessibleName(f"Type {CONFIRM_WORD} to confirm")
        self.confirm_edit.setPlaceholderText(CONFIRM_WORD)
        layout.addWidget(self.confirm_edit)
        buttons = QDialogButtonBox()
        self.delete_button = QPushButton("Delete everything")
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setDefault(True)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm_edit.textChanged.connect(self._typed)

    def _typed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip().lower() == CONFIRM_WORD)

    def accept(self) -> None:
        if self.delete_button.isEnabled():  # Enter in the field must not skip the word
            super().accept()


__all__ = ["CONFIRM_WORD", "DeleteEverythingDialog"]
