"""What a pressure drill shows on the interview page while the candidate answers.

- ``InterviewerMark``: a clear strip while the interviewer is talking over the answer (from
  ``interruption_started`` to ``interruption_ended``, a clarification included), so a cut-in
  is seen as well as heard;
- ``ScreenDistractions``: the drill's screen distractions, a notification toast and a chat
  badge, floating over the page's top-right corner for the ``duration_s`` of their event.
  Each hides itself on a named single-shot timer: nothing waits, nothing sleeps.

Views only: the interview page hands them the runner's events.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from simulator.ui import style

TALKING_PREFIX = "◀  The interviewer is talking"
# Made-up notifications, in turn: what a toast says (title, line) and whose chat pings.
TOASTS = (
    ("Calendar", "Team sync moved to 3:30 — 5 min from now"),
    ("Mail · Priya Shah", "Re: quarterly numbers — can you take a look before EOD?"),
    ("Build failed", "main #4812 · 3 tests failing in checkout"),
)
CHATS = ("Sam: got a minute?", "Alex: quick question for you", "Team chat: 4 new messages")
EDGE = 16  # from the page's top and right edges


class InterviewerMark(QLabel):
    """The strip shown while the interviewer talks: who, and what is being said."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewer_mark")
        self.setWordWrap(True)
        self.setFont(style.font(12.5, bold=True))
        self.setAccessibleName("The interviewer is talking")
        self.setStyleSheet(
            f"QLabel#interviewer_mark {{ background: {style.ACCENT}; color: white; "
            "border-radius: 8px; padding: 8px 14px; }"
        )
        self.setVisible(False)

    @property
    def talking(self) -> bool:
        return not self.isHidden()

    def show_talking(self, text: str) -> None:
        said = f": “{text.strip()}”" if text.strip() else ""
        self.setText(f"{TALKING_PREFIX}{said}")
        self.setAccessibleDescription(text)
        self.setVisible(True)

    def clear(self) -> None:
        self.setVisible(False)
        self.setText("")


def _pop_up(object_name: str, background: str, foreground: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setStyleSheet(
        f"QFrame#{object_name} {{ background: {background}; border: 1px solid {style.BORDER}; "
        f"border-radius: 10px; }} QFrame#{object_name} QLabel {{ color: {foreground}; }}"
    )
    frame.setVisible(False)
    return frame


class ScreenDistractions(QWidget):
    """A toast and a chat badge over ``page``'s top-right corner, each for its event's time."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)

        self.badge = _pop_up("chat_badge", "#c62f3a", "white")
        badge_layout = QVBoxLayout(self.badge)
        badge_layout.setContentsMargins(12, 6, 12, 6)
        self.badge_label = QLabel("")
        self.badge_label.setFont(style.font(11, bold=True))
        badge_layout.addWidget(self.badge_label)

        self.toast = _pop_up("toast", "#26292e", "white")
        self.toast.setFixedWidth(330)
        toast_layout = QVBoxLayout(self.toast)
        toast_layout.setContentsMargins(16, 12, 16, 12)
        toast_layout.setSpacing(2)
        self.toast_title = QLabel("")
        self.toast_title.setFont(style.font(11, bold=True))
        self.toast_text = QLabel("")
        self.toast_text.setWordWrap(True)
        toast_layout.addWidget(self.toast_title)
        toast_layout.addWidget(self.toast_text)

        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.toast, 0, Qt.AlignmentFlag.AlignRight)
        self._toasts = itertools.cycle(TOASTS)
        self._chats = itertools.cycle(CHATS)
        self.toast_timer = self._hide_timer("toast_timer", self.toast)
        self.badge_timer = self._hide_timer("chat_badge_timer", self.badge)
        page.installEventFilter(self)
        self._place()

    def _hide_timer(self, name: str, shown: QFrame) -> QTimer:
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._hide(shown))
        return timer

    def show_distraction(self, name: str, duration_s: float) -> bool:
        """Show the screen distraction ``name`` (``toast`` or ``chat_badge``) for
        ``duration_s``; False for a name this page does not draw."""
        if name == "toast":
            title, text = next(self._toasts)
            self.toast_title.setText(title)
            self.toast_text.setText(text)
            shown, timer = self.toast, self.toast_timer
        elif name == "chat_badge":
            self.badge_label.setText(f"●  {next(self._chats)}")
            shown, timer = self.badge, self.badge_timer
        else:
            return False
        shown.setVisible(True)
        self.setVisible(True)
        self._place()
        self.raise_()
        timer.start(max(1, int(duration_s * 1000)))
        return True

    def clear(self) -> None:
        for timer in (self.toast_timer, self.badge_timer):
            timer.stop()
        self._hide(self.toast)
        self._hide(self.badge)

    def _hide(self, shown: QFrame) -> None:
        shown.setVisible(False)
        self.setVisible(self.toast.isVisibleTo(self) or self.badge.isVisibleTo(self))
        self._place()

    def _place(self) -> None:
        page = self.parentWidget()
        if page is None:
            return
        self.adjustSize()
        self.move(page.width() - self.width() - EDGE, EDGE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


__all__ = ["TALKING_PREFIX", "InterviewerMark", "ScreenDistractions"]
