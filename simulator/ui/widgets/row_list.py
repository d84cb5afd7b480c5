"""A list view over a ``RowsModel``: the current row is the choice, Enter or a double click
opens it, and selected rows keep room for the border the stylesheet draws around them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from simulator.ui.models.rows import RowsModel

T = TypeVar("T")
SELECTION_ROOM = 10  # the selected item's border and padding (style.py) need this much more


class RoomyDelegate(QStyledItemDelegate):
    """Rows a little taller than their text: without it a two-line row is cut to one elided
    line when the stylesheet draws the selection border around it."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + SELECTION_ROOM)


class RowList(QListView, Generic[T]):
    """A one-choice list of values; ``on_current_row`` callbacks follow the keyboard and mouse.

    Callbacks, not a Python ``Signal``: on PySide6 6.12.0 every ``emit()`` made from Python
    loses a reference to ``True``, and a list's current row changes often. The selection
    model's own (C++) signal calls the callbacks directly.
    """

    def __init__(
        self, model: RowsModel[T], *, uniform: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "rows")  # styled as a list of cards in style.py
        self.rows = model
        model.setParent(self)
        self.setModel(model)
        self.setItemDelegate(RoomyDelegate(self))
        # Every row the same height: Qt then measures one row, not all 10,000.
        self.setUniformItemSizes(uniform)
        self._on_current: list[Callable[[int], object]] = []
        self.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._current_moved(current.row())
        )
        model.modelReset.connect(lambda: self._current_moved(self.current_row()))

    def on_current_row(self, slot: Callable[[int], object]) -> None:
        """Call ``slot(row)`` when the current row changes (-1: none), unless signals are
        blocked (``blockSignals``), as a signal would be."""
        self._on_current.append(slot)

    def _current_moved(self, row: int) -> None:
        if not self.signalsBlocked():
            for slot in self._on_current:
                slot(row)

    def set_values(
        self,
        values: Iterable[T],
        keep: Callable[[T], bool] | None = None,
        *,
        choose: bool = True,
        **kwargs: Any,
    ) -> None:
        """Show ``values``; the first one ``keep`` accepts becomes current, else the first
        (none when ``choose`` is false: a list only read, not chosen from)."""
        self.rows.set_values(values, **kwargs)
        found = next((r for r, v in enumerate(self.rows.values) if keep and keep(v)), 0)
        self.set_current_row(found if choose and self.count() else -1)

    def count(self) -> int:
        return self.rows.rowCount()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        self.setCurrentIndex(self.rows.index(row, 0) if 0 <= row < self.count() else QModelIndex())

    def current_value(self) -> T | None:
        row = self.current_row()
        return self.rows.value(row) if row >= 0 else None

    def row_text(self, row: int) -> str:
        return self.rows.text(row)


__all__ = ["RoomyDelegate", "RowList"]
