"""Past sessions: listed newest first from the real store, opened again with their feedback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget

from simulator import paths
from simulator.library import load_library
from simulator.services import build_services
from simulator.settings import Settings
from simulator.ui.history_flow import HistoryFlow
from simulator.ui.navigator import Navigator
from simulator.ui.pages import history
from simulator.ui.pages.end import EndPage
from simulator.ui.pages.history import describe, when
from simulator.ui.tasks import TaskRunner
from tests.support.saved_sessions import save_session
from tests.support.speech_samples import flite_wav


@pytest.fixture
def flow(qtbot: Any, hotseat_home: Path) -> Any:
    services = build_services(Settings(), paths.layout())
    tasks = TaskRunner()
    stack = QStackedWidget()
    library = load_library(paths.builtin_packs_dir(), paths.layout().packs_dir)
    history = HistoryFlow(services.history, None, tasks, Navigator(stack), library)
    qtbot.addWidget(stack)
    yield history
    tasks.shutdown()


def test_with_nothing_saved_the_page_says_so(qtbot: Any, flow: Any) -> None:
    flow.show_history()
    qtbot.waitUntil(lambda: not flow.page.empty_label.isHidden())
    assert flow.page.sessions_list.isHidden() and not flow.page.open_button.isEnabled()


def test_sessions_are_listed_newest_first_and_open_with_their_feedback(
    qtbot: Any, flow: Any, tmp_path: Path, hotseat_home: Path
) -> None:
    wav = flite_wav("As a result we cut the costs by twenty percent.", tmp_path / "a.wav")
    older = save_session("2026-11-20T09:30:00", "behavioral-core", wav, status="aborted")
    newer = save_session("2026-11-22T18:05:00", "mix", wav)
    flow.show_history()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 2)
    texts = [flow.page.sessions_list.row_text(i) for i in range(2)]
    assert texts[0].startswith("Sun 22 Nov 2026, 18:05  ·  Mixed categories")
    assert texts[1].startswith("Fri 20 Nov 2026, 09:30  ·  Behavioral core")
    assert "1 answer  ·  0:06 recorded  ·  ended early" in texts[1]
    assert flow.page.selected_session_id() == newer

    flow.page.sessions_list.set_current_row(1)
    flow.page.open_button.click()
    qtbot.waitUntil(lambda: flow.navigator.stack.currentWidget() is flow.review)
    review = flow.review
    assert review.title_label.text() == "Session of Fri 20 Nov 2026, 09:30"
    assert review.session_id == older and len(review.answer_rows) == 1
    row = review.answer_rows[0]
    assert row.question_label.text() == "1. What did you change?"
    assert row.answer.analysis is not None and row.answer.analysis.data["numbers"] == ["20%"]
    # The review is its own page: no Practice again, and Back leads to the list.
    assert not hasattr(review, "again_button")
    assert review.back_button.text() == "Back to past sessions"

    review.back_button.click()  # back to the list, which is read again
    qtbot.waitUntil(lambda: flow.navigator.stack.currentWidget() is flow.page)
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 2)
    # A session just finished shows the usual buttons on the end page.
    end = EndPage()
    qtbot.addWidget(end)
    end.show_results(99, "complete", [])
    assert not end.again_button.isHidden() and end.home_button.text() == "Home"


def test_descriptions_read_well_even_for_odd_rows() -> None:
    assert when("not a time") == "not a time"
    row = {"pack_id": "gone", "answer_count": 0, "total_duration_s": None, "status": "complete"}
    assert describe({**row, "started_at": "2026-01-05T07:00:00"}, {}) == (
        "Mon 5 Jan 2026, 07:00  ·  gone\n0 answers  ·  0:00 recorded"
    )


def test_the_home_page_leads_to_past_sessions_and_back(qtbot: Any, window: Any) -> None:
    window.home.history_button.click()
    page = window.history.page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.empty_label.isHidden())
    page.back_button.click()
    assert window.stack.currentWidget() is window.home


def test_a_session_is_deleted_with_its_recordings_after_a_yes(
    qtbot: Any, flow: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wav = flite_wav("We cut the costs.", tmp_path / "a.wav")
    keep = save_session("2026-11-20T09:30:00", "behavioral-core", wav)
    gone = save_session("2026-11-22T18:05:00", "behavioral-core", wav)
    folder = paths.layout().session_dir(gone)
    assert any(folder.glob("*.wav"))
    flow.show_history()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 2)
    asked: list[str] = []
    monkeypatch.setattr(flow.page, "confirm_delete", lambda text: asked.append(text) or False)
    flow.page.delete_button.click()
    assert asked and asked[0].startswith("Sun 22 Nov 2026") and folder.exists()
    monkeypatch.setattr(flow.page, "confirm_delete", lambda text: True)
    flow.page.delete_button.click()
    qtbot.waitUntil(lambda: flow.page.sessions_list.count() == 1)
    assert flow.page.selected_session_id() == keep
    assert not folder.exists()
    assert flow.sessions.get_session(gone) is None


def test_enter_on_a_session_opens_it(qtbot: Any, flow: Any, tmp_path: Path) -> None:
    wav = flite_wav("We cut the costs.", tmp_path / "a.wav")
    older = save_session("2026-11-20T09:30:00", "behavioral-core", wav)
    save_session("2026-11-22T18:05:00", "behavioral-core", wav)
    flow.navigator.stack.show()
    flow.show_history()
    sessions = flow.page.sessions_list
    qtbot.waitUntil(lambda: sessions.count() == 2)
    sessions.setFocus()
    qtbot.keyClick(sessions, Qt.Key.Key_Down)
    assert flow.page.selected_session_id() == older
    qtbot.keyClick(sessions, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.navigator.stack.currentWidget() is flow.review)
    assert flow.review.session_id == older


def test_ten_thousand_sessions_are_listed_without_describing_each(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    described: list[int] = []

    def counting_describe(session: dict[str, Any], titles: dict[str, str]) -> str:
        described.append(int(session["id"]))
        return describe(session, titles)

    monkeypatch.setattr(history, "describe", counting_describe)
    page = history.HistoryPage()
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    rows = [
        {"id": n, "pack_id": "p", "answer_count": 1, "started_at": "2026-11-20T09:30:00"}
        for n in range(10_000, 0, -1)
    ]
    page.show_sessions(rows, {"p": "A pack"})
    page.repaint()  # paint what is in view now
    assert page.sessions_list.count() == 10_000
    assert page.selected_session_id() == 10_000 and page.open_button.isEnabled()
    assert 0 < len(described) < 100  # only the rows painted, not all 10,000
