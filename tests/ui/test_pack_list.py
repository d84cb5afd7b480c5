"""The home page's pack cards and categories: chosen with the keyboard, sized to their text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from simulator.library import Library
from simulator.ui import style
from simulator.ui.widgets.pack_list import CARD_MARGINS, ITEM_PADDING, TEXT_FLAGS, meta
from simulator.ui.widgets.question_source import QuestionSource


def test_a_pack_is_chosen_and_started_with_the_keyboard(qtbot: Any, library: Library) -> None:
    source = QuestionSource(library)
    qtbot.addWidget(source)
    source.show()
    packs = source.packs_list
    assert packs.count() == 1 and source.selected_pack_id() is None
    changes: list[bool] = []
    source.changed.connect(lambda: changes.append(True))
    packs.setFocus()
    qtbot.keyClick(packs, Qt.Key.Key_Down)
    assert source.selected_pack_id() == "ui-test" and changes
    with qtbot.waitSignal(source.activated, timeout=1000):
        qtbot.keyClick(packs, Qt.Key.Key_Return)
    packs.select_pack("gone")  # not in the list: the first pack
    assert source.selected_pack_id() == "ui-test"


def test_cards_are_as_tall_as_their_wrapped_text(qtbot: Any, shipped_library: Library) -> None:
    source = QuestionSource(shipped_library)
    source.setStyleSheet(style.STYLESHEET)  # the window's look: cards with padding
    qtbot.addWidget(source)
    packs = source.packs_list
    source.set_mix(True)  # the packs are first laid out hidden, as when Mix was last chosen
    source.resize(700, 560)
    source.show()
    qtbot.waitExposed(source)

    def cards_fit() -> bool:
        """Each card in view has room, before the next one starts, for its title and
        description wrapped at its width (the view can report a card's height from its text
        while it still draws the next card where the old height put it)."""
        for row in range(3):
            pack = packs.rows.value(row)
            card, after = (packs.visualRect(packs.rows.index(r, 0)) for r in (row, row + 1))
            width = card.width() - 2 * (ITEM_PADDING + 1 + CARD_MARGINS[0])
            needed = sum(
                QFontMetrics(font)
                .boundingRect(QRect(0, 0, width, 10_000), TEXT_FLAGS, text)
                .height()
                for text, font in (
                    (pack.title, style.font(12.5, bold=True)),
                    (pack.description, packs.font()),
                    (meta(pack), packs.font()),
                )
            )
            if after.top() - card.top() < needed:
                return False
        return True

    source.set_mix(False)
    qtbot.waitUntil(cards_fit)
    source.resize(300, 560)  # narrower only: the descriptions take more lines
    qtbot.waitUntil(cards_fit)


def test_categories_keep_their_ticks_when_the_library_changes(qtbot: Any, library: Library) -> None:
    source = QuestionSource(library)
    qtbot.addWidget(source)
    picker = source.categories
    assert [picker.row_text(row) for row in range(picker.count())] == [
        "communication  ·  1 question",
        "conflict  ·  1 question",
        "motivation  ·  1 question",
    ]
    picker.set_chosen(["conflict"])
    assert picker.model().index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    source.set_library(Library(list(library.packs)))
    assert picker.chosen() == ["conflict"]
