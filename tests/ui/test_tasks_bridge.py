"""The background helper and the session bridge deliver results on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QElapsedTimer, QThread
from PySide6.QtWidgets import QApplication

from simulator.core.events import SessionEvent, to_json
from simulator.ui.bridge import SessionBridge
from simulator.ui.tasks import TaskRunner


def on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_run_task_posts_the_result_to_the_gui_thread(qtbot: Any) -> None:
    tasks = TaskRunner()
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["on_gui"] = on_gui_thread()

    tasks.run_task(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": seen["worker"], "result": 42, "on_gui": True}
    assert seen["worker"] is not threading.main_thread()
    assert tasks.shutdown()


def test_run_task_hands_exceptions_to_on_error(qtbot: Any) -> None:
    tasks = TaskRunner()
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("the model folder is empty")

    tasks.run_task(fail, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "the model folder is empty"
    assert tasks.pending == 0
    assert tasks.shutdown()


def test_results_after_shutdown_are_dropped(qtbot: Any) -> None:
    tasks = TaskRunner()
    release = threading.Event()
    results: list[int] = []
    tasks.run_task(lambda: release.wait(5) and 1, results.append)
    release.set()
    assert tasks.shutdown()
    tasks.run_task(lambda: 2, results.append)  # refused once closed
    QApplication.processEvents()  # delivers anything queued; nothing may arrive
    assert results == []


class BlockingRunner:
    """Sends one event from its thread, then waits until aborted."""

    def __init__(self, bridge: SessionBridge) -> None:
        self.bridge = bridge
        self.aborted = threading.Event()
        self.stops = 0

    def run(self) -> int:
        self.bridge.post({"type": "question_started", "thread": threading.current_thread().name})
        self.aborted.wait(10)
        return 3

    def stop_answer(self) -> None:
        self.stops += 1

    def abort(self) -> None:
        self.aborted.set()


def test_bridge_delivers_worker_events_to_a_gui_slot_and_joins_on_shutdown(qtbot: Any) -> None:
    bridge = SessionBridge()
    runner = BlockingRunner(bridge)
    received: list[tuple[dict[str, Any], bool]] = []
    bridge.event.connect(lambda event: received.append((event, on_gui_thread())))
    with qtbot.waitSignal(bridge.event, timeout=5000):
        bridge.start(runner)
    assert received[0][0]["thread"] == "hotseat-session"
    assert received[0][1] is True
    bridge.stop_answer()
    assert runner.stops == 1
    with qtbot.waitSignal(bridge.finished, timeout=5000) as finished:
        assert bridge.shutdown(timeout_s=5)
    assert finished.args == [3]
    assert not bridge.is_running


def test_bridge_reports_a_runner_that_fails_before_any_event(qtbot: Any) -> None:
    class Broken:
        def run(self) -> int:
            raise OSError("The database folder is read-only.")

        def stop_answer(self) -> None: ...
        def abort(self) -> None: ...

    bridge = SessionBridge()
    events: list[SessionEvent] = []
    bridge.event.connect(events.append)
    with qtbot.waitSignal(bridge.finished, timeout=5000) as finished:
        bridge.start(Broken())
    assert finished.args == [None]
    assert events and to_json(events[0])["type"] == "error"
    assert to_json(events[0])["message"] == "The database folder is read-only."
    assert bridge.shutdown()


def test_shutdown_interrupts_running_work_instead_of_waiting_for_it(qtbot: Any) -> None:
    tasks = TaskRunner(max_threads=1)
    started, interrupted = threading.Event(), threading.Event()
    ran: list[str] = []

    def slow_start_up() -> None:  # like a model load that would take seconds
        started.set()
        if not interrupted.wait(30):
            raise TimeoutError("not interrupted")

    tasks.add_interrupter(interrupted.set)
    tasks.run_task(slow_start_up, lambda _r: ran.append("done"), lambda _e: ran.append("error"))
    tasks.run_task(lambda: ran.append("queued ran"))  # waits for the only thread
    assert started.wait(10)
    elapsed = QElapsedTimer()
    elapsed.start()
    assert tasks.shutdown(timeout_ms=20_000)
    assert elapsed.elapsed() < 5_000  # not the 30 s the task would have waited
    QApplication.processEvents()
    assert ran == []  # the queued task was dropped, the interrupted one's result too
