"""The progress page and the home page's line of recent practice, against a store with known
figures (``tests/support/known_figures.py``: conflict answers improving, leadership answers on
target, one pressure answer, one skipped)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QStackedWidget

from simulator import paths
from simulator.core.plan import MIX_LABEL
from simulator.library import Library
from simulator.services import build_services
from simulator.settings import Settings
from simulator.store import Store
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.navigator import Navigator
from simulator.ui.tasks import TaskRunner
from tests.support.known_figures import HISTORY, write_answers


class Started:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> None:
        self.calls.append(args)


@pytest.fixture
def flow(qtbot: Any, hotseat_home: Path, library: Library) -> Iterator[tuple[HistoryFlow, Started]]:
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        write_answers(store, HISTORY)
    services = build_services(Settings(), layout)
    tasks = TaskRunner()
    stack = QStackedWidget()
    started = Started()
    history = HistoryFlow(services.history, None, tasks, Navigator(stack), library, started)
    history.progress.today = lambda: dt.date(2025, 3, 6)
    qtbot.addWidget(stack)
    yield history, started
    tasks.shutdown()
    services.close()


def open_progress(qtbot: Any, history: HistoryFlow) -> Any:
    history.show_history()
    history.page.progress_button.click()
    page = history.progress.page
    assert history.navigator.is_showing(page)
    qtbot.waitUntil(lambda: page.view is not None)
    return page


def test_the_charts_follow_each_figure_day_by_day_with_its_target(
    qtbot: Any, flow: tuple[HistoryFlow, Started]
) -> None:
    history, _started = flow
    page = open_progress(qtbot, history)
    pace = page.charts["pace_wpm"]
    assert pace.days == ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05"]
    assert pace.values == [182.0, 145.0, 170.0, 150.0, 160.0]  # the skipped answer left out
    assert pace.band == (130.0, 160.0)
    assert page.charts["fillers_per_min"].band == (None, 3.0)
    assert page.charts["length_s"].values[0] == 150.0
    assert page.charts["length_s"].band == (60.0, 120.0)
    assert page.charts["first_word_s"].values == [6.0, 1.0, 4.0, 2.0, 3.0]
    assert page.charts["self_score"].values == [1.5, 3.0]
    assert page.charts["recovery_s"].values == [2.4]  # the median of the recovered ones
    assert page.charts["recovery_s"].band == (None, 3.0)
    assert page.charts["recovery_s"].plot.isVisibleTo(page)

    # Conflict is the weak spot; leadership is on target.
    text = page.standings_label.text()
    assert text.startswith("conflict · 3 answers · off target most on Self-score (2.2 out of 5)")
    assert "leadership · 2 answers · on target" in text
    assert page.view.weakest == ("conflict",)
    assert page.summary_label.text().startswith("Last 7 days: 5 answers in 5 sessions")

    # One category's charts.
    page.category_combo.setCurrentIndex(page.category_combo.findData("leadership"))
    assert pace.values == [145.0, 150.0]
    assert page.charts["self_score"].values == []
    assert not page.charts["self_score"].empty_label.isHidden()
    page.back_button.click()
    assert history.navigator.is_showing(history.page)


def test_practise_my_weak_spots_asks_questions_of_the_weakest_categories(
    qtbot: Any, flow: tuple[HistoryFlow, Started]
) -> None:
    history, started = flow
    page = open_progress(qtbot, history)
    assert page.practise_button.isEnabled()
    page.practise_button.click()
    assert len(started.calls) == 1
    pack_id, questions = started.calls[0]
    # The library's only conflict question (ui-test's "second"), as a mix.
    assert pack_id == MIX_LABEL
    assert [(q.id, q.category) for q in questions] == [("second", "conflict")]


def test_the_line_of_recent_practice_is_read_off_the_gui_thread(
    qtbot: Any, flow: tuple[HistoryFlow, Started]
) -> None:
    history, _started = flow
    with qtbot.waitSignal(history.summary_ready, timeout=5000) as line:
        history.refresh_summary()
    assert line.args is not None
    summary = line.args[0]
    assert summary.startswith("Last 7 days: 5 answers in 5 sessions · pace 161 wpm")
    assert summary.endswith("weakest: conflict")
    history.progress.today = lambda: dt.date(2025, 6, 1)
    with qtbot.waitSignal(history.summary_ready, timeout=5000) as line:
        history.refresh_summary()
    assert line.args == ["No practice in the last 7 days; last session on 2025-03-05."]


def test_the_home_page_shows_the_line_of_recent_practice(qtbot: Any, window: Any) -> None:
    assert window.home.practice_label.isHidden()
    window.run_startup_checks()
    qtbot.waitUntil(lambda: not window.home.practice_label.isHidden())
    assert window.home.practice_label.text() == (
        "No practice yet: your progress shows here after your first session."
    )


def test_the_day_axis_labels_three_days_at_most_and_ticks_every_day() -> None:
    from simulator.ui.pages.progress_charts import day_stamp, day_ticks

    days = [f"2025-03-{day:02d}" for day in range(1, 8)]
    labelled, minor = day_ticks(days)
    assert [label for _x, label in labelled] == ["1 Mar", "4 Mar", "7 Mar"]
    assert [x for x, _label in minor] == [day_stamp(day) for day in days]
    assert day_stamp("2025-03-02") - day_stamp("2025-03-01") == 86400
