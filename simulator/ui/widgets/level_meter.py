"""A horizontal microphone level meter fed by the runner's ``level`` events (0..1)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from simulator.ui import style

# The bar falls back gently instead of flickering between blocks of audio.
FALL_PER_UPDATE = 0.12


class LevelMeter(QWidget):
    """Shows how loud the microphone is; ``voiced`` tints the bar when speech is heard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = 0.0
        self.voiced = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")
        self.setToolTip("How loud the microphone hears you")

    def sizeHint(self) -> QSize:
        return QSize(240, 14)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 10)

    def set_level(self, level: float, voiced: bool = False) -> None:
        level = min(1.0, max(0.0, level))
        self.level = level if level >= self.level else max(level, self.level - FALL_PER_UPDATE)
        self.voiced = voiced
        self.setAccessibleDescription(f"{round(self.level * 100)} percent")
        self.update()

    def reset(self) -> None:
        self.level = 0.0
        self.voiced = False
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        painter.setPen(QColor(style.BORDER))
        painter.setBrush(QColor("#ebe9e3"))
        painter.drawRoundedRect(rect, radius, radius)
        if self.level > 0:
            fill = QRectF(rect)
            fill.setWidth(max(rect.height(), rect.width() * self.level))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.IN_BAND if self.voiced else style.ACCENT))
            painter.drawRoundedRect(fill, radius, radius)
        painter.end()
