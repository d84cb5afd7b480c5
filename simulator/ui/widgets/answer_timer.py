"""The large answer timer: elapsed mm:ss against the question's target band.

The state is said in words as well as colour ("Under the target", "In the target band",
"Over the target"), so it reads the same for everyone. Under a time-squeeze drill the limit
shrinks mid-answer: the time turns red and the new limit is said under it.
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
        self.squeezed_to: float | None = None  # the answer's new limit after a squeeze
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
        self.squeezed_to = None
        self.time_label.setText("0:00")
        self._paint_state()

    def set_elapsed(self, seconds: float) -> None:
        """The answer has been running ``seconds``; updates the time and the band state."""
        self.elapsed = max(0.0, seconds)
        self.time_label.setText(mmss(self.elapsed))
        self.state = band_state(self.elapsed, self.low, self.high)
        self._paint_state()

    def squeeze(self, new_limit_s: float) -> None:
        """The interviewer cut the time short: the answer now stops at ``new_limit_s``."""
        self.squeezed_to = new_limit_s
        self.band_label.setText(f"short on time  ·  now stops at {mmss(new_limit_s)}")
        self._paint_state()

    def stop(self) -> None:
        """The answer ended: the time stays, shown as final."""
        if self.state != "idle":
            self.state_label.setText(f"{STATE_WORDS[self.state]} · final")

    def _paint_state(self) -> None:
        colour = style.BAND_COLOURS[self.state]
        words = STATE_WORDS[self.state]
        time_colour = colour if self.state != "idle" else style.TEXT
        if self.squeezed_to is not None:
            time_colour = colour = style.OVER
            words = f"Wrap up: {mmss(self.squeezed_to - self.elapsed)} left"
        self.time_label.setStyleSheet(f"color: {time_colour};")
        squeezed = self.squeezed_to is not None
        self.band_label.setStyleSheet(f"color: {style.OVER};" if squeezed else "")
        self.state_label.setStyleSheet(f"color: {colour};")
        self.state_label.setText(words)
        self.time_label.setAccessibleDescription(
            f"{self.time_label.text()}, {words or 'not started'}"
        )
