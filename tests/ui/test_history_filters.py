"""The history page's filters offer what the saved answers hold, not what the library holds
now, and a custom range of days; against a real SQLite store through the real façade."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox

from simulator.library import Library
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.pages.history_search import CUSTOM_RANGE
from tests.support.known_figures import Given, written


def answer(day: str, category: str, pack_id: str, transcript: str = "words said") -> Given:
    return Given(day, category, 150.0, 2.0, 90.0, 1.0, pack_id=pack_id, transcript=transcript)


@pytest.fixture
def flow(history_flow: HistoryFlow) -> HistoryFlow:
    return history_flow


def shown(qtbot: Any, flow: HistoryFlow, sessions: int) -> None:
    flow.show_history()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == sessions and flow.tasks.pending == 0)


def offered(combo: QComboBox) -> list[tuple[Any, str]]:
    return [(combo.itemData(n), combo.itemText(n)) for n in range(1, combo.count())]


def listed_after(qtbot: Any, flow: HistoryFlow, change: Any) -> set[int]:
    with qtbot.waitSignal(flow.search_timer.timeout, timeout=3000):
        change()
    qtbot.waitUntil(lambda: flow.tasks.pending == 0 and flow.page.found is not None)
    assert flow.page.found is not None
    return {hit.answer_id for hit in flow.page.found.hits}


def test_packs_and_categories_offered_are_those_of_the_saved_answers(
    qtbot: Any, flow: HistoryFlow, library: Library
) -> None:
    ids = written(
        [
            answer("2025-02-01", "Negotiation", "deleted-pack"),
            answer("2025-02-02", "conflict", "ui-test"),
            answer("2025-02-03", "leadership", "mix"),
        ]
    )
    shown(qtbot, flow, 3)
    bar = flow.page.search_bar
    # A pack the library no longer has is offered by the id its session recorded; the
    # library's categories no answer was given in ("communication", "motivation") are not.
    assert offered(bar.pack_combo) == [
        ("deleted-pack", "deleted-pack"),
        ("mix", "Mixed categories"),
        ("ui-test", "UI test pack"),
    ]
    assert offered(bar.category_combo) == [
        ("conflict", "conflict"),
        ("leadership", "leadership"),
        ("Negotiation", "Negotiation"),
    ]
    pack = bar.pack_combo.findData("deleted-pack")
    assert listed_after(qtbot, flow, lambda: bar.pack_combo.setCurrentIndex(pack)) == {ids[0]}
    bar.pack_combo.setCurrentIndex(0)
    category = bar.category_combo.findData("Negotiation")
    assert listed_after(qtbot, flow, lambda: bar.category_combo.setCurrentIndex(category)) == {
        ids[0]
    }

    # A session saved since is offered when the list is shown again; the choice is kept.
    written([answer("2025-02-04", "teamwork", "new-pack")])
    shown(qtbot, flow, 4)
    assert ("new-pack", "new-pack") in offered(bar.pack_combo)
    assert ("teamwork", "teamwork") in offered(bar.category_combo)
    assert bar.category_combo.currentData() == "Negotiation"
    # A library without the pack names it by its id.
    flow.library = Library(packs=[], problems=[])
    assert ("ui-test", "ui-test") in offered(bar.pack_combo)


def test_a_custom_range_of_days_spans_the_saved_sessions_and_narrows_them(
    qtbot: Any, flow: HistoryFlow
) -> None:
    ids = written(
        [
            answer("2025-01-10", "conflict", "ui-test"),
            answer("2025-02-15", "conflict", "ui-test"),
            answer("2025-03-20", "conflict", "ui-test"),
        ]
    )
    bar = flow.page.search_bar
    bar.today = lambda: dt.date(2025, 4, 1)
    shown(qtbot, flow, 3)
    assert bar.range_box.isHidden()
    custom = bar.date_combo.findData(CUSTOM_RANGE)
    assert bar.date_combo.itemText(custom) == "Custom range…"
    # Chosen, the range shows the days the saved sessions span, and lists them all.
    assert listed_after(qtbot, flow, lambda: bar.date_combo.setCurrentIndex(custom)) == set(ids)
    assert not bar.range_box.isHidden()
    assert (bar.from_edit.date(), bar.to_edit.date()) == (QDate(2025, 1, 10), QDate(2025, 3, 20))
    assert (bar.from_edit.minimumDate(), bar.to_edit.maximumDate()) == (
        QDate(2025, 1, 10),
        QDate(2025, 4, 1),
    )
    narrower = QDate(2025, 2, 1)
    assert listed_after(qtbot, flow, lambda: bar.from_edit.setDate(narrower)) == {ids[1], ids[2]}
    assert listed_after(qtbot, flow, lambda: bar.to_edit.setDate(QDate(2025, 2, 28))) == {ids[1]}
    assert bar.filters().since == "2025-02-01" and bar.filters().until == "2025-02-28"
    # The from day can never pass the to day, nor the to day come before the from day.
    bar.from_edit.setDate(QDate(2025, 3, 15))
    assert bar.from_edit.date() == QDate(2025, 2, 28)
    bar.to_edit.setDate(QDate(2025, 1, 1))
    assert bar.to_edit.date() == QDate(2025, 2, 28)
    # A session saved since widens the bounds and keeps the days chosen.
    written([answer("2025-03-30", "conflict", "ui-test")])
    shown(qtbot, flow, 4)
    assert (bar.from_edit.date(), bar.to_edit.date()) == (QDate(2025, 2, 28), QDate(2025, 2, 28))
    bar.to_edit.setDate(QDate(2025, 4, 30))
    assert bar.to_edit.date() == QDate(2025, 4, 1)  # nothing after today
    # Another date choice hides the range; Any time lists the sessions again.
    bar.date_combo.setCurrentIndex(0)
    assert bar.range_box.isHidden()
    qtbot.waitUntil(lambda: not flow.page.searching)
