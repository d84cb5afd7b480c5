"""The waveform of one recording, its marks and a playhead, drawn with QPainter.

PySide6-Essentials has no QtCharts; a min/max envelope (``records.waveforms``) is a column of
vertical lines, which QPainter draws in well under a millisecond. Press or drag anywhere to
seek there; press a mark's flag (the strip along the top) to seek to the mark's start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from simulator.ui import style
from simulator.ui.widgets.replay_marks import FILLER, HEDGE, PART, PAUSE, PRESSURE, Marker

if TYPE_CHECKING:
    from simulator.records.waveforms import Envelope

FLAG_STRIP = 18  # px along the top where marks have their flags
FLAG_REACH = 6  # px either side of a flag that still counts as pressing it
MARK_COLOURS = {
    FILLER: "#c98a12",
    HEDGE: "#3b6fb6",
    PAUSE: "#8d959c",
    PART: style.ACCENT,
    PRESSURE: "#b3412e",
}


class WaveformView(QWidget):
    seek_requested = Signal(float)  # seconds into the recording

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.envelope: Envelope | None = None
        self.duration_s = 0.0
        self.markers: list[Marker] = []
        self.position_s = 0.0
        self.message = ""
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.setAccessibleName("Waveform of the answer: press or drag to move the playhead")

    def show_envelope(
        self, envelope: Envelope | None, duration_s: float, message: str = ""
    ) -> None:
        self.envelope = envelope
        self.duration_s = envelope.duration_s if envelope is not None else duration_s
        self.message = message
        self.update()

    def set_markers(self, markers: Sequence[Marker]) -> None:
        self.markers = list(markers)
        self.update()

    def set_position(self, seconds: float) -> None:
        if abs(seconds - self.position_s) > 1e-4:
            self.position_s = seconds
            self.update()

    # -- geometry --------------------------------------------------------------------------
    def x_of(self, seconds: float) -> float:
        if self.duration_s <= 0:
            return 0.0
        return max(0.0, min(1.0, seconds / self.duration_s)) * (self.width() - 1)

    def seconds_at(self, x: float) -> float:
        if self.width() <= 1:
            return 0.0
        return max(0.0, min(1.0, x / (self.width() - 1))) * self.duration_s

    def marker_at(self, x: float, y: float) -> Marker | None:
        """The mark whose flag is under (x, y), if any (the nearest)."""
        if y > FLAG_STRIP:
            return None
        near = [(abs(self.x_of(m.start_s) - x), m) for m in self.markers]
        near = [(d, m) for d, m in near if d <= FLAG_REACH]
        return min(near, key=lambda pair: pair[0])[1] if near else None

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.duration_s <= 0:
            return
        point = event.position()
        marker = self.marker_at(point.x(), point.y())
        target = marker.start_s if marker is not None else self.seconds_at(point.x())
        self.seek_requested.emit(target)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.duration_s > 0:
            self.seek_requested.emit(self.seconds_at(event.position().x()))

    # -- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width, height = self.width(), self.height()
        painter.fillRect(self.rect(), QColor(style.SURFACE))
        painter.setPen(QPen(QColor(style.BORDER)))
        painter.drawRect(0, 0, width - 1, height - 1)
        wave_top = FLAG_STRIP + 2
        middle = (wave_top + height) / 2
        half = (height - wave_top) / 2 - 4
        for marker in self.markers:
            self._draw_marker(painter, marker, wave_top, height)
        if self.envelope is not None and self.envelope.lows:
            self._draw_wave(painter, middle, half)
        elif self.message:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
        if self.duration_s > 0:
            x = self.x_of(self.position_s)
            painter.setPen(QPen(QColor(style.TEXT), 2))
            painter.drawLine(QPointF(x, 0), QPointF(x, height))
        painter.end()

    def _draw_wave(self, painter: QPainter, middle: float, half: float) -> None:
        assert self.envelope is not None
        lows, highs = self.envelope.lows, self.envelope.highs
        count, width = len(lows), self.width()
        played = QColor(style.ACCENT)
        ahead = QColor(style.ACCENT)
        ahead.setAlpha(110)
        playhead = self.x_of(self.position_s)
        for x in range(width):
            first = x * count // width
            last = max(first + 1, (x + 1) * count // width)
            low, high = min(lows[first:last]), max(highs[first:last])
            painter.setPen(played if x <= playhead else ahead)
            painter.drawLine(QPointF(x, middle - high * half), QPointF(x, middle - low * half))

    def _draw_marker(self, painter: QPainter, marker: Marker, top: float, bottom: float) -> None:
        colour = QColor(MARK_COLOURS.get(marker.kind, style.MUTED))
        x0, x1 = self.x_of(marker.start_s), self.x_of(marker.end_s)
        band = QColor(colour)
        band.setAlpha(40 if marker.kind == PART else 60)
        if marker.kind == PART:  # a part spans most of the answer: a thin bar, not a wash
            painter.fillRect(QRectF(x0, top - 4, max(2.0, x1 - x0), 3), colour)
        elif x1 - x0 >= 1:
            painter.fillRect(QRectF(x0, top, x1 - x0, bottom - top), band)
        painter.setPen(QPen(colour, 1))
        painter.drawLine(QPointF(x0, 2), QPointF(x0, bottom))
        painter.setBrush(colour)
        painter.drawRect(QRectF(x0, 2, 7, 9))  # the flag: press it to seek to the mark
        if marker.kind == PART and x1 - x0 > 24:  # S, T, A, R beside their flags
            painter.setPen(colour.darker(120))
            painter.drawText(QPointF(x0 + 10, 11), marker.label[:1])


__all__ = ["MARK_COLOURS", "WaveformView"]
