"""The list of question packs on the home page: one card per pack, sized to its text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from simulator.core.packs import Pack
from simulator.ui import style

PACK_ID_ROLE = Qt.ItemDataRole.UserRole
ITEM_PADDING = 8  # QListWidget::item padding in style.py


class PackCard(QWidget):
    """The look of one pack in the list: title, description, question count."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        title = QLabel(pack.title)
        title.setFont(style.font(12.5, bold=True))
        title.setWordWrap(True)
        count = len(pack.questions)
        source = "your pack" if pack.source == "user" else "built-in"
        meta = QLabel(f"{count} question{'s' if count != 1 else ''} · {source}")
        meta.setProperty("role", "muted")
        layout.addWidget(title)
        if pack.description:
            description = QLabel(pack.description)
            description.setWordWrap(True)
            layout.addWidget(description)
        layout.addWidget(meta)
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class PackList(QListWidget):
    """Packs as cards; the current item is the chosen pack."""

    def __init__(self, packs: Sequence[Pack], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Question packs")
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for pack in packs:
            item = QListWidgetItem()
            item.setData(PACK_ID_ROLE, pack.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{pack.title}: {pack.description}")
            card = PackCard(pack)
            item.setSizeHint(card.sizeHint())
            self.addItem(item)
            self.setItemWidget(item, card)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """Give each card the height its wrapped text needs at the list's width."""
        # The item's own padding and border (see style.py) narrow the card inside it.
        width = self.viewport().width() - 8
        inner = width - 2 * (ITEM_PADDING + 1)
        for row in range(self.count()):
            item = self.item(row)
            card = self.itemWidget(item)
            if card is not None and inner > 0:
                height = card.heightForWidth(inner) + 2 * (ITEM_PADDING + 1)
                item.setSizeHint(QSize(width, height))

    def select_pack(self, pack_id: str | None) -> None:
        """Select ``pack_id``, or the first pack when it is not in the list."""
        for row in range(self.count()):
            if self.item(row).data(PACK_ID_ROLE) == pack_id:
                self.setCurrentRow(row)
                return
        if self.count():
            self.setCurrentRow(0)

    def selected_pack_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(PACK_ID_ROLE))
