"""The review side in the whole window: a found answer scored, its question retried, and the
weak spots practised, each session started through the window's own session flow (the
scripted runner plays it). The past sessions are the real façade over a real store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from simulator import paths
from simulator.library import Library
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.store import Store
from simulator.ui.window import MainWindow
from tests.support.known_figures import Given, write_answers

SAID = "we disagreed about the rollout so I wrote down both plans"


@pytest.fixture
def main(
    qtbot: Any, services: Any, library: Library, settings_file: SettingsFile
) -> Iterator[MainWindow]:
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        write_answers(
            store,
            [
                Given("2025-03-01", "conflict", 190.0, 7.0, 150.0, 6.0, "second",
                      "Describe a conflict you resolved.", "ui-test", transcript=SAID),
                Given("2025-03-02", "motivation", 150.0, 1.0, 90.0, 1.0, "third",
                      "Why this role?", "ui-test"),
            ],
        )  # fmt: skip
    real = build_services(Settings(), layout)
    services.history = real.history
    window = MainWindow(services, library, settings_file)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.shutdown()
    real.close()


def started_questions(qtbot: Any, services: Any) -> tuple[str, list[str]]:
    qtbot.waitUntil(lambda: len(services.sessions.runners) == 1)
    options = services.sessions.runners[0].options
    return options.pack_id, [question.id for question in options.questions]


def test_a_found_answer_is_scored_and_its_question_retried(
    qtbot: Any, main: MainWindow, services: Any
) -> None:
    main.home.history_button.click()
    page = main.history.page
    with qtbot.waitSignal(main.history.search_timer.timeout, timeout=3000):
        page.search_bar.query_edit.setText("rollout")
    qtbot.waitUntil(lambda: page.found is not None and page.found.total == 1)
    page.open_button.click()
    qtbot.waitUntil(lambda: main.navigator.is_showing(main.history.review))
    main.history.review.score_button.click()
    scoring = main.history.answer_review.scoring
    qtbot.waitUntil(lambda: main.navigator.is_showing(scoring))
    scoring.choices[0].buttons[2].click()
    scoring.save_button.click()
    qtbot.waitUntil(lambda: scoring.status_label.text() == "Saved.")
    scoring.back_button.click()
    main.history.review.attempts_button.click()
    attempts = main.history.answer_review.attempts
    qtbot.waitUntil(lambda: main.navigator.is_showing(attempts))
    assert attempts.attempts_list.row_text(0).endswith("self-score 2.0")
    attempts.retry_button.click()
    assert started_questions(qtbot, services) == ("ui-test", ["second"])
    assert main.navigator.is_showing(main.interview)


def test_practise_my_weak_spots_starts_a_mix_of_the_weakest_category(
    qtbot: Any, main: MainWindow, services: Any
) -> None:
    main.home.history_button.click()
    main.history.page.progress_button.click()
    progress = main.history.progress.page
    qtbot.waitUntil(lambda: progress.view is not None)
    assert progress.view is not None and progress.view.weakest == ("conflict",)
    progress.practise_button.click()
    assert started_questions(qtbot, services) == ("mix", ["second"])
