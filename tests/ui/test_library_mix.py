"""Choosing a session's questions: a mix across packs by category, with an optional seed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from simulator.library import Library
from simulator.session.setup import mix_by_category, questions_for_session

CATEGORIES = ["conflict", "failure"]


def test_a_seeded_mix_is_reproducible_and_keeps_to_its_categories(
    shipped_library: Library,
) -> None:
    packs = shipped_library.packs
    first = mix_by_category(packs, CATEGORIES, 8, shuffle=True, seed=42)
    again = mix_by_category(packs, CATEGORIES, 8, shuffle=True, seed=42)
    other = mix_by_category(packs, CATEGORIES, 8, shuffle=True, seed=43)
    assert first == again
    assert first != other
    assert len(first) == 8
    assert {q.category for q in first} <= set(CATEGORIES)
    in_order = mix_by_category(packs, CATEGORIES, 100, shuffle=False, seed=None)
    every = [q for p in packs for q in p.questions if q.category in CATEGORIES]
    assert in_order == every
    assert len({id(q) for q in in_order}) == len(every)
    # Drawn from every pack that has the categories, not only the first.
    owners = {p.id for p in packs for q in p.questions if q in in_order}
    assert len(owners) > 1
    assert mix_by_category(packs, [], 5, shuffle=True, seed=1) == []


def test_questions_for_a_session_by_count_ids_or_objects(library: Library) -> None:
    pack = library.get("ui-test")
    assert questions_for_session(library.packs, "ui-test", 2, shuffle=False, seed=None) == list(
        pack.questions[:2]
    )
    by_id = questions_for_session(
        library.packs, "ui-test", ["third", "first"], shuffle=False, seed=1
    )
    assert [q.id for q in by_id] == ["third", "first"]
    given = [pack.questions[1]]
    assert questions_for_session(library.packs, "mix", given, shuffle=True, seed=None) == given
    with pytest.raises(KeyError):
        questions_for_session(library.packs, "gone", 2, shuffle=False, seed=None)


def tick(window: Any, categories: list[str]) -> None:
    picker = window.home.source.categories
    for row in range(picker.count()):
        if picker.category(row) in categories:
            index = picker.model().index(row, 0)
            picker.model().setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def test_home_starts_a_seeded_mix_and_practice_again_repeats_it(
    qtbot: Any, library_window: Any
) -> None:
    home = library_window.home
    home.question_count.setValue(5)
    qtbot.mouseClick(home.source.mix_button, Qt.MouseButton.LeftButton)
    assert home.mix_selected()
    assert home.source.stack.currentWidget() is home.source.categories
    assert not home.start_button.isEnabled()  # no category ticked yet
    tick(library_window, CATEGORIES)
    assert home.start_button.isEnabled()
    assert home.question_count.value() == 5
    home.shuffle_check.setChecked(True)
    home.seed_edit.setText("42")
    qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
    runner = library_window.services.sessions.runners[0]
    wanted = mix_by_category(library_window.library.packs, CATEGORIES, 5, shuffle=True, seed=42)
    assert runner.options.questions == wanted
    assert runner.options.pack_id == "mix"
    library_window.session.bridge.abort()
    qtbot.waitUntil(lambda: library_window.stack.currentWidget() is not library_window.interview)
    library_window.session.practice_again()
    assert library_window.services.sessions.runners[1].options.questions == wanted
    library_window.session.bridge.abort()
    qtbot.waitUntil(lambda: not library_window.session.bridge.is_running)


def test_the_seed_also_fixes_a_single_pack_shuffle(qtbot: Any, library_window: Any) -> None:
    home = library_window.home
    home.select_pack("behavioral-core")
    home.shuffle_check.setChecked(True)
    home.seed_edit.setText("7")
    home.question_count.setValue(4)
    orders = []
    for _ in range(2):
        library_window.session.start()
        orders.append(
            [q.id for q in library_window.services.sessions.runners[-1].options.questions]
        )
        library_window.session.bridge.abort()
        qtbot.waitUntil(lambda: not library_window.session.bridge.is_running)
    assert orders[0] == orders[1]
    pack = library_window.library.get("behavioral-core")
    assert orders[0] != [q.id for q in pack.questions[:4]]
    home.shuffle_check.setChecked(False)
    assert not home.seed_edit.isEnabled()
    assert home.seed() is None


def test_categories_are_ticked_with_the_keyboard(qtbot: Any, library_window: Any) -> None:
    home = library_window.home
    qtbot.mouseClick(home.source.mix_button, Qt.MouseButton.LeftButton)
    picker = home.source.categories
    picker.setFocus()
    picker.set_current_row(1)
    qtbot.keyClick(picker, Qt.Key.Key_Space)
    assert picker.chosen() == [picker.category(1)]
    assert home.mix_categories() == picker.chosen()
    assert home.start_button.isEnabled()
    qtbot.mouseClick(home.source.pack_button, Qt.MouseButton.LeftButton)
    assert not home.mix_selected()
    assert home.source.stack.currentWidget() is home.packs_list
