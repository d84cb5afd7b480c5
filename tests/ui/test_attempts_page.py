"""Attempts at one question side by side, played, and retried, against a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget

from simulator import paths
from simulator.library import Library, load_library
from simulator.services import build_services
from simulator.settings import Settings
from simulator.store import Store
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.navigator import Navigator
from simulator.ui.tasks import TaskRunner
from tests.support.known_figures import HISTORY, write_answers

PACK = """
[pack]
id = "practice-pack"
title = "Practice pack"
description = "Has the conflict question."

[[questions]]
id = "q-conflict"
text = "Tell me about a disagreement."
category = "conflict"
"""


@pytest.fixture
def packs(tmp_path: Path) -> Library:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "practice-pack.toml").write_text(PACK, encoding="utf-8")
    return load_library(folder, None)


class Started:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> None:
        self.calls.append(args)


@pytest.fixture
def flow(
    qtbot: Any, hotseat_home: Path, packs: Library, services: Any
) -> Iterator[tuple[HistoryFlow, Started]]:
    layout = paths.layout()
    layout.ensure()
    with Store(layout.db_path) as store:
        write_answers(store, HISTORY)
    real = build_services(Settings(), layout)
    tasks = TaskRunner()
    stack = QStackedWidget()
    started = Started()
    audio = services.voices  # the fake's: records what was played
    history = HistoryFlow(real.history, audio, tasks, Navigator(stack), packs, started)
    qtbot.addWidget(stack)
    yield history, started
    history.answer_review.stop_playback()
    tasks.shutdown()
    real.close()


def open_attempts(qtbot: Any, flow: HistoryFlow) -> Any:
    flow.open_session(1)
    qtbot.waitUntil(lambda: flow.navigator.is_showing(flow.review))
    flow.review.attempts_button.click()
    page = flow.answer_review.attempts
    qtbot.waitUntil(lambda: flow.navigator.is_showing(page))
    return page


def test_every_attempt_is_listed_and_the_oldest_and_newest_compared(
    qtbot: Any, flow: tuple[HistoryFlow, Started], services: Any
) -> None:
    history, _started = flow
    page = open_attempts(qtbot, history)
    # Across sessions and packs (same id or same words), oldest first, skipped one included.
    assert [a.answer_id for a in page.attempts] == [1, 3, 5, 6]
    rows = [page.attempts_list.row_text(row) for row in range(4)]
    assert rows[0] == (
        "Sat 1 Mar 2025, 09:00  ·  2:30  ·  182 wpm  ·  6.0 fillers/min  ·  self-score 1.5"
    )
    assert rows[2].endswith("160 wpm  ·  3.5 fillers/min  ·  not scored")
    assert rows[3].endswith("skipped")
    assert [a.answer_id for a in page.ticked()] == [1, 5]
    qtbot.waitUntil(lambda: not page.panels[1].isHidden() and history.tasks.pending == 0)
    first, second = page.panels
    texts = [[w.text() for w in panel.findChildren(QLabel)] for panel in page.panels]
    assert "182 words a minute (aim 130–160)" in texts[0]
    assert "160 words a minute (aim 130–160)" in texts[1]
    assert "1.5 out of 5" in texts[0] and "not scored" in texts[1]
    assert first.transcript_label.text() == "words said"

    # Each side plays its own recording; Stop stops it.
    qtbot.mouseClick(second.play_button, Qt.MouseButton.LeftButton)
    assert services.voices.playbacks[-1].path == "sessions/5/1-q-other-id.wav"
    assert second.play_button.text() == "■  Stop"
    qtbot.mouseClick(second.play_button, Qt.MouseButton.LeftButton)
    assert services.voices.playbacks[-1].stopped and second.play_button.text() == "▶  Play"

    # Ticking another pair compares those instead.
    model = page.attempts_list.rows
    model.set_checked(0, False)
    model.set_checked(1, True)
    qtbot.waitUntil(lambda: "170 words a minute (aim 130–160)" in _labels(first))
    page.back_button.click()
    assert history.navigator.is_showing(history.review)


def test_retry_starts_a_session_of_that_one_question(
    qtbot: Any, flow: tuple[HistoryFlow, Started], library: Library
) -> None:
    history, started = flow
    page = open_attempts(qtbot, history)
    page.retry_button.click()
    assert started.calls == [("practice-pack", ["q-conflict"])]
    # A question no library pack has any more cannot be asked: said, nothing started.
    history.library = library
    problems: list[str] = []
    history.problem.connect(problems.append)
    page.retry_button.click()
    assert len(started.calls) == 1
    assert problems == ["This question is no longer in your library, so it cannot be asked."]


def _labels(panel: Any) -> list[str]:
    return [w.text() for w in panel.findChildren(QLabel)]
