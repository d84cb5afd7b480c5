"""A scroll area that only ever scrolls up and down, for a column of controls (the home page's
session choices) that must never be cut at its right edge.

A plain ``QScrollArea`` with its sideways scroll bar off asks for no particular width, so a
narrow window clips the right of its contents where nothing can scroll them into view. This one
asks for its contents' minimum width plus its scroll bar, and asks again whenever their size
hints change (a font, a style sheet, a longer drill description).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea


class UpDownScroll(QScrollArea):
    """A scroll area that never needs to scroll sideways: it asks for the width its contents
    need beside its scroll bar, whatever the font and style make of them."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # what it sits on (a card) shows through

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the contents' size hints changed
            self.updateGeometry()
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inside = self.widget()
        if inside is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inside.minimumSizeHint().width() + bar, hint.height())


__all__ = ["UpDownScroll"]
