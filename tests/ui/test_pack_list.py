"""The home page's pack cards and categories: chosen with the keyboard, sized to their text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from simulator.library import Library
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


def test_a_card_is_as_tall_as_its_wrapped_description(qtbot: Any, library: Library) -> None:
    source = QuestionSource(library)
    qtbot.addWidget(source)
    packs = source.packs_list
    source.resize(700, 400)
    source.show()
    qtbot.waitExposed(source)
    wide = packs.visualRect(packs.rows.index(0, 0)).height()
    source.resize(240, 400)  # the description now takes several lines
    qtbot.waitUntil(lambda: packs.visualRect(packs.rows.index(0, 0)).height() > wide)
    card = packs.visualRect(packs.rows.index(0, 0))
    assert card.width() <= packs.viewport().width()


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
