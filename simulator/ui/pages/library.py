"""The question library: every question of every pack, filtered, searched and previewed.

A view: it lists the library's questions, narrows them as the filters and the search change
(``question_query.Filters``), previews the current one, and emits signals for the window to
act on (hear a question, practise the selected ones, open or create a pack).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from simulator.library import Library
from simulator.ui import style
from simulator.ui.question_query import DIFFICULTIES, Entry, Filters, all_tags, entries
from simulator.ui.widgets.question_preview import QuestionPreview

ENTRY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Question", "Category", "Level", "Pack")
TREE_STYLE = f"""
QTreeWidget {{ background: {style.SURFACE}; border: 1px solid {style.BORDER};
    border-radius: 8px; alternate-background-color: {style.BACKGROUND}; }}
QTreeWidget:focus {{ border: 2px solid {style.ACCENT}; }}
QTreeWidget::item {{ padding: 4px 2px; }}
"""


def _combo(name: str, any_label: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(any_label, None)
    # Pack titles are long: the combo keeps a modest width, its list shows them in full.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


class LibraryPage(QWidget):
    back_requested = Signal()
    practise_requested = Signal(list)  # the chosen entries, in the order shown
    new_pack_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN - 8, style.MARGIN, style.MARGIN)
        outer.setSpacing(12)
        header = QHBoxLayout()
        self.back_button = QPushButton("← &Back")
        self.back_button.setAccessibleName("Back to the home page")
        self.back_button.clicked.connect(self.back_requested.emit)
        title = QLabel("Question library")
        title.setProperty("role", "title")
        self.new_pack_button = QPushButton("&New pack…")
        self.new_pack_button.setAccessibleName("Create a new question pack")
        self.new_pack_button.clicked.connect(self.new_pack_requested.emit)
        header.addWidget(self.back_button)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.new_pack_button)
        outer.addLayout(header)
        outer.addLayout(self._build_filters())

        columns = QHBoxLayout()
        columns.setSpacing(style.SPACING + 8)
        outer.addLayout(columns, 1)
        left = QVBoxLayout()
        left.setSpacing(8)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Questions")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setStyleSheet(TREE_STYLE)
        header_view = self.tree.header()
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda item, _old: self._preview(item))
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        left.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.select_all_button = QPushButton("Select all shown")
        self.select_all_button.setAccessibleName("Select every question shown")
        self.select_all_button.clicked.connect(self.select_all_shown)
        self.practise_button = QPushButton("&Practise these")
        self.practise_button.setProperty("role", "primary")
        self.practise_button.setAccessibleName("Practise the selected questions")
        self.practise_button.clicked.connect(self._practise)
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.select_all_button)
        bottom.addWidget(self.practise_button)
        left.addLayout(bottom)
        columns.addLayout(left, 3)

        self.preview = QuestionPreview()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.preview)
        columns.addWidget(scroll, 2)
        find = QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_library(library)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search the questions (Ctrl+F)")
        self.search_edit.setAccessibleName("Search the question text")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.apply_filters)
        self.category_combo = _combo("Filter by category", "All categories")
        self.tag_combo = _combo("Filter by tag", "All tags")
        self.difficulty_combo = _combo("Filter by difficulty", "Any difficulty")
        for value, name in DIFFICULTIES.items():
            self.difficulty_combo.addItem(f"{value} · {name}", value)
        self.pack_combo = _combo("Filter by pack", "All packs")
        row.addWidget(self.search_edit, 1)
        for combo in (self.category_combo, self.tag_combo, self.difficulty_combo, self.pack_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
            row.addWidget(combo)
        return row

    # --- contents ---------------------------------------------------------------------------

    def set_library(self, library: Library) -> None:
        """Show ``library``'s questions, keeping the filters that still make sense."""
        self.entries = entries(library.packs)
        categories = sorted({entry.question.category for entry in self.entries})
        self._fill(self.category_combo, [(c, c) for c in categories])
        self._fill(self.tag_combo, [(t, t) for t in all_tags(self.entries)])
        self._fill(self.pack_combo, [(pack.title, pack.id) for pack in library.packs])
        self.tree.clear()
        items = []
        for index, entry in enumerate(self.entries):
            question = entry.question
            item = QTreeWidgetItem(
                [question.text, question.category, str(question.difficulty), entry.pack.title]
            )
            item.setData(0, ENTRY_ROLE, index)
            item.setToolTip(0, question.text)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.apply_filters()

    @staticmethod
    def _fill(combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)) if kept is not None else 0)
        finally:
            combo.blockSignals(False)

    def filters(self) -> Filters:
        return Filters(
            text=self.search_edit.text(),
            category=self.category_combo.currentData(),
            tag=self.tag_combo.currentData(),
            difficulty=self.difficulty_combo.currentData(),
            pack_id=self.pack_combo.currentData(),
        )

    def apply_filters(self) -> None:
        filters = self.filters()
        for item in self._items():
            entry = self.entries[int(item.data(0, ENTRY_ROLE))]
            hidden = not filters.matches(entry)
            item.setHidden(hidden)
            if hidden:
                item.setSelected(False)
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            # Move the preview to the first question shown, without touching the selection.
            first = next((item for item in self._items() if not item.isHidden()), None)
            if first is None:
                self._preview(None)
            else:
                self.tree.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._selection_changed()

    def shown_entries(self) -> list[Entry]:
        """The questions the filters let through, in the order shown."""
        return [
            self.entries[int(item.data(0, ENTRY_ROLE))]
            for item in self._items()
            if not item.isHidden()
        ]

    def selected_entries(self) -> list[Entry]:
        """The selected questions that are shown, in the order shown."""
        return [
            self.entries[int(item.data(0, ENTRY_ROLE))]
            for item in self._items()
            if item.isSelected() and not item.isHidden()
        ]

    def _items(self) -> list[QTreeWidgetItem]:
        rows = range(self.tree.topLevelItemCount())
        return [item for row in rows if (item := self.tree.topLevelItem(row)) is not None]

    def select_all_shown(self) -> None:
        for item in self._items():
            item.setSelected(not item.isHidden())
        self.tree.setFocus()

    def _preview(self, item: QTreeWidgetItem | None) -> None:
        entry = None if item is None else self.entries[int(item.data(0, ENTRY_ROLE))]
        self.preview.show_entry(entry)

    def _selection_changed(self) -> None:
        shown, selected = len(self.shown_entries()), len(self.selected_entries())
        total = len(self.entries)
        counted = f"{shown} of {total} questions" if shown != total else f"{total} questions"
        self.count_label.setText(f"{counted} · {selected} selected")
        self.practise_button.setEnabled(selected > 0)
        label = f"&Practise these ({selected})" if selected else "&Practise these"
        self.practise_button.setText(label)

    def _practise(self) -> None:
        chosen = self.selected_entries()
        if chosen:
            self.practise_requested.emit(chosen)
