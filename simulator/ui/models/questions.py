"""The question library as a table (question, category, level, pack), and the filter over it.

``QuestionTable`` holds every entry of the library; ``QuestionFilter`` shows the ones the
browser's ``Filters`` let through, so a filter change hides rows without rebuilding them and
the selection of the rows still shown is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from simulator.library.queries import Entry, Filters

Index = QModelIndex | QPersistentModelIndex
ROLE = Qt.ItemDataRole
ENTRY_ROLE = ROLE.UserRole  # the row's position in the library's entries
COLUMNS = ("Question", "Category", "Level", "Pack")
QUESTION, CATEGORY, LEVEL, PACK = range(len(COLUMNS))


class QuestionTable(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = ROLE.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == ROLE.DisplayRole:
            return self._text(entry, index.column())
        if role == ROLE.ToolTipRole:  # the whole text where a narrow column elides it
            return self._text(entry, index.column())
        if role == ENTRY_ROLE:
            return index.row()
        if role == ROLE.TextAlignmentRole and index.column() != QUESTION:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    @staticmethod
    def _text(entry: Entry, column: int) -> str:
        question = entry.question
        return (question.text, question.category, str(question.difficulty), entry.pack.title)[
            column
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = ROLE.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == ROLE.DisplayRole:
            return COLUMNS[section]
        return None


class QuestionFilter(QSortFilterProxyModel):
    """The rows of a ``QuestionTable`` that ``filters`` let through, in the library's order."""

    def __init__(self, table: QuestionTable) -> None:
        super().__init__()
        self.table = table
        self.filters = Filters()
        self.setSourceModel(table)

    def set_filters(self, filters: Filters) -> None:
        if filters == self.filters:
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10+, which deprecates invalidateRowsFilter
            self.beginFilterChange()
            self.filters = filters
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.filters = filters
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self.filters.matches(self.table.entries[source_row])

    def entry(self, row: int) -> Entry:
        """The entry shown at ``row`` of this (filtered) model."""
        return self.table.entries[self.mapToSource(self.index(row, 0)).row()]

    def row_of(self, entry: Entry) -> int:
        """Where ``entry`` is shown, or -1 when it is filtered out or not in the library."""
        for source_row, candidate in enumerate(self.table.entries):
            if candidate is entry:
                return self.mapFromSource(self.table.index(source_row, 0)).row()
        return -1


__all__ = ["COLUMNS", "QuestionFilter", "QuestionTable"]
