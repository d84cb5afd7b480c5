"""The list of question packs on the home page: one card per pack, sized to its text.

A list view over the packs with a delegate that draws each card (title, description, question
count): no widget per pack, so refilling the list after a pack is saved costs nothing per row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from simulator.core.packs import Pack
from simulator.ui import style
from simulator.ui.models.rows import VALUE_ROLE, RowsModel
from simulator.ui.widgets.row_list import RowList

ITEM_PADDING = 8  # the rows' item padding in style.py
CARD_MARGINS = (8, 6)  # left/right and top/bottom, inside the item's padding
LINE_GAP = 2
MEASURED_TEXTS = 2000  # heights kept, at most (a few widths of every card's texts)
TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def meta(pack: Pack) -> str:
    count = len(pack.questions)
    source = "your pack" if pack.source == "user" else "built-in"
    return f"{count} question{'s' if count != 1 else ''} · {source}"


class PackCardDelegate(QStyledItemDelegate):
    """Draws a pack as a card: its title in bold, its description, then its size and source."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        # Made once: every card is measured on each layout, so this stays cheap per row.
        self.title_font = style.font(12.5, bold=True)
        self.text_colour, self.muted_colour = style.colour(style.TEXT), style.colour(style.MUTED)
        # Heights of texts already measured: the view asks for every card's size several
        # times while the window is first laid out, mostly at the same width (a fifth of
        # building the window went to measuring text again).
        self._heights: dict[tuple[str, str, int], int] = {}

    def _parts(self, pack: Pack, base: QFont) -> list[tuple[str, QFont, QColor]]:
        parts = [(pack.title, self.title_font, self.text_colour)]
        if pack.description:
            parts.append((pack.description, base, self.text_colour))
        parts.append((meta(pack), base, self.muted_colour))
        return parts

    def _text_width(self) -> int:
        border = 1
        return self.view.viewport().width() - 8 - 2 * (ITEM_PADDING + border + CARD_MARGINS[0])

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        pack = index.data(VALUE_ROLE)
        width = max(40, self._text_width())
        height = 0
        for text, font, _colour in self._parts(pack, option.font):
            height += self._text_height(text, font, width) + LINE_GAP
        height += 2 * (ITEM_PADDING + 1 + CARD_MARGINS[1]) + 2
        return QSize(width, height)

    def _text_height(self, text: str, font: QFont, width: int) -> int:
        key = (text, font.key(), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > MEASURED_TEXTS:
                self._heights.clear()
            box = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), TEXT_FLAGS, text)
            height = self._heights[key] = box.height()
        return height

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = QStyleOptionViewItem(option)
        self.initStyleOption(card, index)
        card.text = ""
        widget = card.widget
        look = widget.style() if widget is not None else self.view.style()
        # The stylesheet draws the card's ground and the chosen card's border.
        look.drawControl(QStyle.ControlElement.CE_ItemViewItem, card, painter, widget)
        area = card.rect.adjusted(
            ITEM_PADDING + 1 + CARD_MARGINS[0],
            ITEM_PADDING + 1 + CARD_MARGINS[1],
            -(ITEM_PADDING + 1 + CARD_MARGINS[0]),
            -(ITEM_PADDING + 1 + CARD_MARGINS[1]),
        )
        painter.save()
        top = area.top()
        for text, font, colour in self._parts(index.data(VALUE_ROLE), card.font):
            painter.setFont(font)
            painter.setPen(colour)
            box = QRect(area.left(), top, area.width(), area.bottom() - top)
            drawn = painter.drawText(box, TEXT_FLAGS, text)
            top = drawn.bottom() + 1 + LINE_GAP
        painter.restore()


class PackList(RowList[Pack]):
    """Packs as cards; the current row is the chosen pack."""

    def __init__(self, packs: Sequence[Pack], parent: QWidget | None = None) -> None:
        model: RowsModel[Pack] = RowsModel(
            lambda pack: pack.title,
            accessible=lambda _row, pack: f"{pack.title}: {pack.description}",
        )
        super().__init__(model, parent=parent)
        self.setAccessibleName("Question packs")
        self.setItemDelegate(PackCardDelegate(self))
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Cards are measured again when the width changes: QListView lays its rows out again on
        # a change of width only when it wraps text (else only on a change of height).
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.set_values(packs, choose=False)

    def pack_id(self, row: int) -> str:
        return self.rows.value(row).id

    def select_pack(self, pack_id: str | None) -> None:
        """Select ``pack_id``, or the first pack when it is not in the list."""
        ids = [pack.id for pack in self.rows.values]
        self.set_current_row(ids.index(pack_id) if pack_id in ids else 0)

    def selected_pack_id(self) -> str | None:
        pack = self.current_value()
        return None if pack is None else pack.id
