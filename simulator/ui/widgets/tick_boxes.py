"""Tick boxes that can be seen: the check boxes of list items, drawn in the app's colours.

Fusion draws an item's check box with a pale grey frame (about 2:1 against white, under the
3:1 that WCAG asks of a control's edge). ``TickBoxes`` is a proxy style that draws that one
element itself: a dark frame when unticked, a filled box with a white tick when ticked; every
other element is Fusion's. Give it to a list with ``list.setStyle(...)`` and keep a reference
(Qt does not own a style set on a widget).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from simulator.ui import style


class TickBoxes(QProxyStyle):
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck:
            super().drawPrimitive(element, option, painter, widget)
            return
        checked = bool(option.state & QStyle.StateFlag.State_On)
        area = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        side = min(area.width(), area.height())
        box = QRectF(area.center().x() - side / 2, area.center().y() - side / 2, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.ACCENT_DARK if checked else style.MUTED), 1.5))
        painter.setBrush(QColor(style.ACCENT if checked else style.SURFACE))
        painter.drawRoundedRect(box, 3, 3)
        if checked:
            tick = QPainterPath()
            tick.moveTo(box.left() + side * 0.22, box.top() + side * 0.52)
            tick.lineTo(box.left() + side * 0.42, box.top() + side * 0.72)
            tick.lineTo(box.left() + side * 0.78, box.top() + side * 0.30)
            pen = QPen(QColor("#ffffff"), max(1.6, side * 0.14))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        painter.restore()
