"""A whole session through the window: home, interview, end, with a scripted runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.support.events import typed


def test_a_session_runs_from_home_to_the_end_page(qtbot: Any, window: Any) -> None:
    assert window.windowTitle() == "Hotseat"
    assert window.minimumSize().width() >= 900 and window.minimumSize().height() >= 600
    window.home.question_count.setValue(2)
    window.home.shuffle_check.setChecked(False)
    qtbot.mouseClick(window.home.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.interview
    runner = window.services.sessions.runners[0]
    assert [q.id for q in runner.options.questions] == ["first", "second"]
    qtbot.waitUntil(lambda: window.interview.transcript_view.toPlainText() == "partial answer 1")
    assert window.interview.progress_label.text() == "QUESTION 1 OF 2"
    assert runner.thread_name == "hotseat-session"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.interview, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.interview.transcript_view.toPlainText() == "partial answer 2")
    window.interview.stop_answer()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)
    assert window.end.summary_label.text() == "Session #7 saved · 2 answers · 0:25 recorded"
    assert [row.transcript_label.text() for row in window.end.answer_rows] == [
        "final answer 1",
        "final answer 2",
    ]
    assert window.end.answer_rows[1].question_label.text() == "2. Describe a conflict you resolved."
    assert not window.session.bridge.is_running
    # The home page's choices were saved for the next start.
    assert window.settings_file.load().questions == 2


def test_escape_ends_the_session_and_keeps_what_was_recorded(qtbot: Any, window: Any) -> None:
    bridge = window.session.start("ui-test", ["third", "first"])
    assert bridge is not None
    qtbot.waitUntil(lambda: window.interview.progress_label.text() == "QUESTION 1 OF 2")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.interview, Qt.Key.Key_Escape)
    assert window.interview.confirming and window.services.sessions.runners[0].abort_calls == 0
    qtbot.keyClick(window.interview.end_confirm, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)
    assert window.services.sessions.runners[0].abort_calls == 1
    assert window.end.title_label.text() == "Interview ended early"
    assert len(window.end.answer_rows) == 1


def test_closing_the_window_mid_session_aborts_and_joins_the_thread(
    qtbot: Any, window: Any
) -> None:
    bridge = window.session.start("ui-test", 1)
    qtbot.waitUntil(lambda: window.interview.transcript_view.toPlainText() == "partial answer 1")
    assert bridge.is_running
    window.close()
    assert not bridge.is_running
    assert window.services.sessions.runners[0].abort_calls >= 1


def test_runner_errors_and_warnings_appear_in_the_banner(qtbot: Any, window: Any) -> None:
    window.session.start("ui-test", 1)
    window.session.bridge.post(
        typed({"type": "warning", "message": "The question could not be spoken."})
    )
    window.session.bridge.post(typed({"type": "error", "message": "The microphone stopped."}))
    qtbot.waitUntil(lambda: "session" in window.banners.banners)
    assert window.banners.message("session-warning") == "The question could not be spoken."
    assert window.banners.message("session") == "The microphone stopped."
    window.session.bridge.abort()
    qtbot.waitUntil(lambda: not window.session.bridge.is_running)


def test_practice_again_starts_the_same_pack(qtbot: Any, window: Any) -> None:
    window.session.start("ui-test", ["first"])
    qtbot.waitUntil(lambda: bool(window.services.sessions.runners))
    window.session.bridge.stop_answer()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)
    qtbot.mouseClick(window.end.again_button, Qt.MouseButton.LeftButton)
    assert len(window.services.sessions.runners) == 2
    assert [q.id for q in window.services.sessions.runners[1].options.questions] == ["first"]
    window.session.bridge.abort()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.end, timeout=5000)
    qtbot.mouseClick(window.end.home_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home


def test_the_session_flow_runs_a_session_without_the_window(
    qtbot: Any, services: Any, library: Any
) -> None:
    """The session is the flow's, not the window's: pages, a navigator and the services'
    sessions façade are all it needs, as the library and history flows."""
    from PySide6.QtWidgets import QStackedWidget

    from simulator.settings import Settings
    from simulator.ui.microphone_watch import MicrophoneWatch
    from simulator.ui.navigator import Navigator
    from simulator.ui.pages.end import EndPage
    from simulator.ui.pages.home import HomePage
    from simulator.ui.pages.interview import InterviewPage
    from simulator.ui.session_flow import SessionFlow
    from simulator.ui.tasks import TaskRunner
    from simulator.ui.widgets.banner import BannerArea
    from simulator.ui.window import MainWindow

    for old in ("start_session", "_prepare_session", "_on_event", "_on_finished"):
        assert not hasattr(MainWindow, old)
    stack, banners, tasks = QStackedWidget(), BannerArea(), TaskRunner()
    qtbot.addWidget(stack)
    home, interview, end = HomePage(library, Settings()), InterviewPage(), EndPage()
    navigator = Navigator(stack)
    for page in (home, interview, end):
        navigator.add(page)
    microphone = MicrophoneWatch(services.microphones, tasks, banners, home)
    flow = SessionFlow(
        services.sessions,
        navigator,
        banners,
        microphone,
        (home, interview, end),
        library,
        lambda: Settings(shuffle=False),
    )
    bridge = flow.start("ui-test", ["third"])
    assert bridge is not None and navigator.is_showing(interview)
    qtbot.waitUntil(lambda: interview.transcript_view.toPlainText() == "partial answer 1")
    bridge.stop_answer()
    qtbot.waitUntil(lambda: navigator.is_showing(end), timeout=5000)
    assert [row.question_label.text() for row in end.answer_rows] == ["1. Why this role?"]
    assert services.microphones.mic_checks == 1  # checked on the session's thread first
    with qtbot.waitSignal(flow.home_requested, timeout=1000):
        end.home_button.click()
    assert flow.shutdown() and tasks.shutdown()
