"""The question library: every question of every pack, filtered, searched and previewed.

A view: it lists the library's questions, narrows them as the filters and the search change
(``library.queries.Filters``), previews the current one, and emits signals for the window to
act on (hear a question, practise the selected ones, open or create a pack).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from simulator.library import Library
from simulator.library.queries import DIFFICULTIES, Entry, Filters, all_tags, entries
from simulator.ui import style
from simulator.ui.models.questions import (
    CATEGORY,
    LEVEL,
    PACK,
    QUESTION,
    QuestionFilter,
    QuestionTable,
)
from simulator.ui.widgets.question_preview import QuestionPreview

CELL_PADDING_X = 2
TREE_STYLE = f"""
QTreeView {{ background: {style.SURFACE}; border: 1px solid {style.BORDER};
    border-radius: 8px; alternate-background-color: {style.BACKGROUND}; }}
QTreeView:focus {{ border: 2px solid {style.ACCENT}; }}
QTreeView::item {{ padding: 4px {CELL_PADDING_X}px; }}
"""
# Category and pack are as wide as these words: most fit, longer ones are elided.
CATEGORY_SAMPLE = "communication"
PACK_SAMPLE = "Behavioral core"


def _combo(name: str, any_label: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(any_label, None)
    # Pack titles are long: the combo keeps a modest width, its list shows them in full.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


class WrappingDelegate(QStyledItemDelegate):
    """Measures the question column at its width, so a row is as tall as its question needs;
    the other columns are measured on one line (long pack titles elide; tool tips say them).

    QTreeView asks for row heights with no width at all (``indexRowSizeHint`` sets it to -1),
    and a cell measured with no width never wraps: long questions were cut to one line.
    """

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if option.rect.width() > 0 or index.column() != QUESTION:
            return super().sizeHint(option, index)
        measured = QStyleOptionViewItem(option)
        # The style takes its own text margins off this width, but not the stylesheet's
        # padding (TREE_STYLE): without it a question one word too long was cut.
        width = self.view.header().sectionSize(index.column()) - 2 * CELL_PADDING_X
        measured.rect = QRect(0, 0, max(1, width), 1)
        return super().sizeHint(measured, index)


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
        self.table = QuestionTable()
        self.shown = QuestionFilter(self.table)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Questions")
        self.tree.setModel(self.shown)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        # Long questions wrap onto more lines: rows are as tall as their text needs.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setStyleSheet(TREE_STYLE)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self._size_columns()
        self.tree.selectionModel().currentRowChanged.connect(lambda _new, _old: self._preview())
        self.tree.selectionModel().selectionChanged.connect(lambda _new, _old: self._counted())
        self.shown.layoutChanged.connect(self._counted)
        self.shown.rowsRemoved.connect(lambda *_: self._counted())
        left.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        # Wrapping, the count leaves the preview its share of a small window (unwrapped it
        # held the list's column wide and the preview was cut off on the right).
        self.count_label.setWordWrap(True)
        self.select_all_button = QPushButton("Select all shown")
        self.select_all_button.setAccessibleName("Select every question shown")
        self.select_all_button.clicked.connect(self.select_all_shown)
        self.practise_button = QPushButton("&Practise these")
        self.practise_button.setProperty("role", "primary")
        self.practise_button.setAccessibleName("Practise the selected questions")
        self.practise_button.clicked.connect(self._practise)
        bottom.addWidget(self.count_label, 1)  # the room left: it wraps only when it must
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

    def _size_columns(self) -> None:
        """The question takes the width; level fits its digit; category and pack are narrow
        (a long one is elided, and said in full by its tool tip and the preview)."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LEVEL, QHeaderView.ResizeMode.ResizeToContents)
        metrics = self.fontMetrics()
        for column, sample in ((CATEGORY, CATEGORY_SAMPLE), (PACK, PACK_SAMPLE)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        # Wrapped rows are measured at the question column's width: measure them again when
        # it changes (once, after a burst of resizes).
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(lambda column, _old, _new: self._question_resized(column))

    def _question_resized(self, column: int) -> None:
        if column == QUESTION:
            self._relayout.start()

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
        self.table.set_entries(self.entries)
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
        """Show the questions the filters let through; rows filtered out lose their selection."""
        self.shown.set_filters(self.filters())
        if not self.tree.currentIndex().isValid():
            # Move the preview to the first question shown, without touching the selection.
            first = self.shown.index(0, 0)
            flag = QItemSelectionModel.SelectionFlag.NoUpdate
            self.tree.selectionModel().setCurrentIndex(first, flag)
        self._preview()
        self._counted()

    def shown_entries(self) -> list[Entry]:
        """The questions the filters let through, in the order shown."""
        return [self.shown.entry(row) for row in range(self.shown.rowCount())]

    def selected_entries(self) -> list[Entry]:
        """The selected questions that are shown, in the order shown."""
        rows = sorted(index.row() for index in self.tree.selectionModel().selectedRows())
        return [self.shown.entry(row) for row in rows]

    def select_all_shown(self) -> None:
        self.tree.selectAll()
        self.tree.setFocus()

    def select_entries(self, wanted: list[Entry]) -> None:
        """Select exactly the shown questions in ``wanted`` (as a mouse would, row by row)."""
        selection = QItemSelection()
        for entry in wanted:
            row = self.shown.row_of(entry)
            if row >= 0:
                selection.select(self.shown.index(row, 0), self.shown.index(row, PACK))
        flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.tree.selectionModel().select(selection, flag)

    def set_current_entry(self, entry: Entry) -> None:
        """Make ``entry`` the previewed question, leaving the selection as it is."""
        row = self.shown.row_of(entry)
        index = self.shown.index(row, 0) if row >= 0 else QModelIndex()
        flag = QItemSelectionModel.SelectionFlag.NoUpdate
        self.tree.selectionModel().setCurrentIndex(index, flag)

    def _preview(self) -> None:
        current = self.tree.currentIndex()
        self.preview.show_entry(self.shown.entry(current.row()) if current.isValid() else None)

    def _counted(self) -> None:
        shown, selected = self.shown.rowCount(), len(self.tree.selectionModel().selectedRows())
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
