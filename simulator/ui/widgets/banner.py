"""Banners: one line per problem at the top of the window, each with an optional action.

A banner says in words what is wrong and what to do ("No microphone found. Connect one and
press Retry."); its kind (error, warning, info) only sets the colour. ``BannerArea`` keeps one
banner per key so a repeated check replaces its own message instead of stacking copies.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

KINDS = ("error", "warning", "info")
_PREFIX = {"error": "Problem:", "warning": "Note:", "info": ""}


class Banner(QFrame):
    """One message with an optional action button and a close button."""

    dismissed = Signal()

    def __init__(
        self,
        message: str,
        kind: str = "error",
        action_text: str | None = None,
        on_action: Callable[[], None] | None = None,
        dismissable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown banner kind {kind!r}")
        self.kind = kind
        self.setProperty("role", "banner")
        self.setProperty("kind", kind)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(10)
        prefix = _PREFIX[kind]
        self.label = QLabel(f"<b>{prefix}</b> {_escape(message)}" if prefix else _escape(message))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message
        layout.addWidget(self.label, 1)
        self.action_button: QPushButton | None = None
        if action_text:
            self.action_button = QPushButton(action_text)
            self.action_button.setAccessibleName(f"{action_text}: {message}")
            if on_action is not None:
                self.action_button.clicked.connect(on_action)
            layout.addWidget(self.action_button)
        self.close_button: QPushButton | None = None
        if dismissable:
            self.close_button = QPushButton("Dismiss")
            self.close_button.setAccessibleName("Dismiss this message")
            self.close_button.clicked.connect(self.dismissed.emit)
            layout.addWidget(self.close_button)
        self.setAccessibleName(f"{kind}: {message}")


class BannerArea(QWidget):
    """A column of banners, at most one per key; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.banners: dict[str, Banner] = {}
        self.setVisible(False)

    def show_message(
        self,
        key: str,
        message: str,
        kind: str = "error",
        action_text: str | None = None,
        on_action: Callable[[], None] | None = None,
        dismissable: bool = True,
    ) -> Banner:
        """Show ``message`` under ``key``, replacing the banner that key had."""
        self.clear(key)
        banner = Banner(message, kind, action_text, on_action, dismissable, self)
        banner.dismissed.connect(lambda: self.clear(key))
        self.banners[key] = banner
        self._layout.addWidget(banner)
        self.setVisible(True)
        return banner

    def clear(self, key: str) -> None:
        banner = self.banners.pop(key, None)
        if banner is not None:
            self._layout.removeWidget(banner)
            banner.hide()
            banner.deleteLater()
        self.setVisible(bool(self.banners))

    def message(self, key: str) -> str | None:
        banner = self.banners.get(key)
        return banner.message if banner else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
