"""Where a session's questions come from, on the home page: one pack, or a mix by category.

"One pack" shows the pack cards; "Mix by category" shows the categories of every pack with
their question counts, to tick the ones to draw from.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from simulator.library import Library
from simulator.library.queries import category_counts
from simulator.ui import style
from simulator.ui.models.rows import RowsModel
from simulator.ui.widgets.pack_list import PackList
from simulator.ui.widgets.row_list import RowList

# The chosen mode looks pressed; screen readers hear it as a checked button.
TOGGLE_STYLE = f"""
QPushButton:checked {{ background: {style.ACCENT_SOFT}; border: 1px solid {style.ACCENT}; }}
QPushButton:checked:focus {{ border: 2px solid {style.ACCENT}; }}
"""


def describe_category(counted: tuple[str, int]) -> str:
    category, count = counted
    return f"{category}  ·  {count} question{'s' if count != 1 else ''}"


class CategoryPicker(RowList[tuple[str, int]]):
    """Every category with its number of questions across the packs, each with a tick box;
    the model's ``dataChanged`` says a box was ticked or cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(RowsModel(describe_category, checkable=True), parent=parent)
        self.setAccessibleName("Categories to mix questions from")
        self.counts: dict[str, int] = {}

    def set_counts(self, counts: dict[str, int]) -> None:
        kept = set(self.chosen())
        self.counts = dict(sorted(counts.items()))
        shown = list(self.counts.items())
        self.set_values(shown, checked=[row for row, (c, _n) in enumerate(shown) if c in kept])

    def category(self, row: int) -> str:
        return self.rows.value(row)[0]

    def chosen(self) -> list[str]:
        return [self.category(row) for row in sorted(self.rows.checked)]

    def set_chosen(self, categories: list[str]) -> None:
        for row in range(self.count()):
            self.rows.set_checked(row, self.category(row) in categories)


class QuestionSource(QWidget):
    changed = Signal()  # the pack or the categories changed
    activated = Signal()  # a pack was chosen with Enter or a double click

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.pack_button = QPushButton("One &pack")
        self.mix_button = QPushButton("&Mix by category")
        self.group = QButtonGroup(self)
        for number, button in enumerate((self.pack_button, self.mix_button)):
            button.setCheckable(True)
            button.setStyleSheet(TOGGLE_STYLE)
            self.group.addButton(button, number)
        self.pack_button.setAccessibleName("Questions from one pack")
        self.mix_button.setAccessibleName("Questions mixed from every pack by category")
        self.pack_button.setChecked(True)
        self.group.idToggled.connect(self._mode_toggled)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.pack_button)
        row.addWidget(self.mix_button)
        row.addStretch(1)
        self.categories = CategoryPicker()
        self.categories.rows.dataChanged.connect(lambda *_: self.changed.emit())
        self.stack = QStackedWidget()
        self.packs_list = self._make_pack_list(library)
        self.stack.addWidget(self.packs_list)
        self.stack.addWidget(self.categories)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        self.categories.set_counts(category_counts(library.packs))

    def _make_pack_list(self, library: Library) -> PackList:
        packs = PackList(library.packs)
        packs.on_current_row(lambda _row: self.changed.emit())
        packs.activated.connect(lambda _index: self.activated.emit())
        return packs

    def set_library(self, library: Library) -> None:
        """Show a reloaded library, keeping the chosen pack and categories where they remain."""
        chosen = self.selected_pack_id()
        self.library = library
        old = self.packs_list
        self.packs_list = self._make_pack_list(library)
        self.stack.insertWidget(0, self.packs_list)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(1 if self.is_mix() else 0)
        self.packs_list.select_pack(chosen)
        self.categories.set_counts(category_counts(library.packs))
        self.changed.emit()

    def _mode_toggled(self, number: int, checked: bool) -> None:
        if checked:
            self.stack.setCurrentIndex(number)
            self.changed.emit()

    def is_mix(self) -> bool:
        return self.mix_button.isChecked()

    def set_mix(self, mix: bool) -> None:
        (self.mix_button if mix else self.pack_button).setChecked(True)

    def selected_pack_id(self) -> str | None:
        return self.packs_list.selected_pack_id()

    def available(self) -> int:
        """How many questions the current choice offers."""
        if self.is_mix():
            return sum(self.categories.counts.get(c, 0) for c in self.categories.chosen())
        pack_id = self.selected_pack_id()
        if pack_id is None:
            return 0
        return len(self.library.get(pack_id).questions)
