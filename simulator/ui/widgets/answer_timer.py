"""The large answer timer: elapsed mm:ss against the question's target band.

The state is said in words as well as colour ("Under the target", "In the target band",
"Over the target"), so it reads the same for everyone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from simulator.ui import style

STATE_WORDS = {
    "idle": "",
    "under": "Under the target",
    "in": "In the target band",
    "over": "Over the target",
}


def mmss(seconds: float) -> str:
    """``75.4`` -> ``"1:15"``; never negative."""
    minutes, rest = divmod(int(max(0.0, seconds)), 60)
    return f"{minutes}:{rest:02d}"


def band_state(elapsed: float, low: float, high: float) -> str:
    if elapsed < low:
        return "under"
    if elapsed <= high:
        return "in"
    return "over"


class AnswerTimer(QWidget):
    """Big elapsed time, the target band under it, and the state in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low = 60.0
        self.high = 120.0
        self.elapsed = 0.0
        self.state = "idle"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.time_label = QLabel("0:00")
        self.time_label.setFont(style.font(54, bold=True, mono_digits=True))
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label.setAccessibleName("Answer time")
        self.band_label = QLabel("")
        self.band_label.setProperty("role", "muted")
        self.band_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label = QLabel("")
        self.state_label.setFont(style.font(12, bold=True))
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.time_label, self.band_label, self.state_label):
            layout.addWidget(label)
        self._paint_state()

    @property
    def time_text(self) -> str:
        return self.time_label.text()

    @property
    def state_text(self) -> str:
        return self.state_label.text()

    def set_band(self, low: float, high: float, limit_s: float | None = None) -> None:
        """Show the target band; the timer goes back to 0:00, not yet running."""
        self.low, self.high = float(low), float(high)
        text = f"target {mmss(low)}–{mmss(high)}"
        if limit_s:
            text += f"  ·  stops at {mmss(limit_s)}"
        self.band_label.setText(text)
        self.elapsed = 0.0
        self.state = "idle"
        self.time_label.setText("0:00")
        self._paint_state()

    def set_elapsed(self, seconds: float) -> None:
        """The answer has been running ``seconds``; updates the time and the band state."""
        self.elapsed = max(0.0, seconds)
        self.time_label.setText(mmss(self.elapsed))
        self.state = band_state(self.elapsed, self.low, self.high)
        self._paint_state()

    def stop(self) -> None:
        """The answer ended: the time stays, shown as final."""
        if self.state != "idle":
            self.state_label.setText(f"{STATE_WORDS[self.state]} · final")

    def _paint_state(self) -> None:
        colour = style.BAND_COLOURS[self.state]
        self.time_label.setStyleSheet(f"color: {colour if self.state != 'idle' else style.TEXT};")
        self.state_label.setStyleSheet(f"color: {colour};")
        self.state_label.setText(STATE_WORDS[self.state])
        self.time_label.setAccessibleDescription(
            f"{self.time_label.text()}, {STATE_WORDS[self.state] or 'not started'}"
        )
