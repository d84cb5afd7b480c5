"""A list model of plain Python values, each shown as a line (or a few) of text.

The text of a row is made on demand, when Qt asks for it to paint that row, and then kept:
filling the model with 10,000 sessions costs one list copy, not 10,000 descriptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole
ROLE = Qt.ItemDataRole


class RowsModel(QAbstractListModel, Generic[T]):
    """``values`` shown through ``describe``; optional tool tips, spoken text and tick boxes."""

    def __init__(
        self,
        describe: Callable[[T], str],
        *,
        tooltip: Callable[[T], str] | None = None,
        accessible: Callable[[int, T], str] | None = None,
        checkable: bool = False,
    ) -> None:
        super().__init__()
        self._describe = describe
        self._tooltip = tooltip
        self._accessible = accessible
        self._checkable = checkable
        self._values: list[T] = []
        self._texts: dict[int, str] = {}
        self.checked: set[int] = set()  # rows whose box is ticked

    # --- filling -------------------------------------------------------------------------------

    def set_values(self, values: Iterable[T], checked: Iterable[int] = ()) -> None:
        self.beginResetModel()
        self._values = list(values)
        self._texts.clear()
        self.checked = {row for row in checked if 0 <= row < len(self._values)}
        self.endResetModel()

    def set_value(self, row: int, value: T) -> None:
        """Replace one row's value and show its new text."""
        self._values[row] = value
        self.refresh(row)

    def refresh(self, row: int) -> None:
        """Ask the view to repaint ``row`` (its text is made again)."""
        self._texts.pop(row, None)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def refresh_all(self) -> None:
        self._texts.clear()
        if self._values:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._values) - 1, 0))

    # --- reading -------------------------------------------------------------------------------

    @property
    def values(self) -> Sequence[T]:
        return self._values

    def value(self, row: int) -> T:
        return self._values[row]

    def text(self, row: int) -> str:
        if row not in self._texts:
            self._texts[row] = self._describe(self._values[row])
        return self._texts[row]

    def set_checked(self, row: int, checked: bool) -> None:
        if checked == (row in self.checked):
            return
        (self.checked.add if checked else self.checked.discard)(row)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [ROLE.CheckStateRole])

    # --- what Qt asks --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._values)

    def data(self, index: Index, role: int = ROLE.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._values):
            return None
        if role == ROLE.DisplayRole:
            return self.text(row)
        if role == VALUE_ROLE:
            return self._values[row]
        if role == ROLE.ToolTipRole and self._tooltip is not None:
            return self._tooltip(self._values[row])
        if role == ROLE.AccessibleTextRole and self._accessible is not None:
            return self._accessible(row, self._values[row])
        if role == ROLE.CheckStateRole and self._checkable:
            ticked = row in self.checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = ROLE.EditRole) -> bool:
        if not (self._checkable and index.isValid() and role == ROLE.CheckStateRole):
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        result = super().flags(index)
        if self._checkable and index.isValid():
            result |= Qt.ItemFlag.ItemIsUserCheckable
        return result


__all__ = ["VALUE_ROLE", "RowsModel"]
