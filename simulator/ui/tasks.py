"""The one background-work helper of the window: run a function off the GUI thread.

Like Picard's ``run_task``: the function runs on a ``QThreadPool``; its result or exception is
posted back to the GUI thread through a queued signal, where ``on_done`` or ``on_error`` is
called. Callbacks never run on the worker, so they may touch widgets. After ``shutdown``
(window close) late results are dropped, because the widgets they were meant for are going.

Closing must not wait for work nobody needs any more: ``shutdown`` drops queued tasks and
calls the interrupters given to ``add_interrupter`` (the app's: stop the helper processes
that start-up tasks are waiting on) before it waits for the running ones, which then end at
once instead of after a model has loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted from a worker, arrive there queued."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._func()
        except Exception as error:  # handed to on_error on the GUI thread, not lost
            self._relay.failed.emit(error)
            return
        self._relay.done.emit(result)


class TaskRunner:
    """A pool of background workers whose results come back to the GUI thread."""

    def __init__(self, max_threads: int = 2) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()
        self._interrupters: list[Callable[[], object]] = []
        self._closed = False

    def add_interrupter(self, interrupt: Callable[[], object]) -> None:
        """Have ``shutdown`` call ``interrupt()`` (on the GUI thread) to cut running tasks
        short; their failures then go nowhere, like every late result."""
        self._interrupters.append(interrupt)

    def run_task(
        self, func: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Run ``func()`` on the pool; call ``on_done(result)`` or ``on_error(exc)`` later."""
        if self._closed:
            return
        relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            relay.moveToThread(app.thread())
        self._relays.add(relay)

        def finish_ok(result: Any) -> None:
            self._relays.discard(relay)
            if not self._closed and on_done is not None:
                on_done(result)

        def finish_error(error: BaseException) -> None:
            self._relays.discard(relay)
            if self._closed:
                return
            if on_error is None:
                log.error("background task failed", exc_info=error)
            else:
                on_error(error)

        relay.done.connect(finish_ok)
        relay.failed.connect(finish_error)
        self.pool.start(_Task(func, relay))

    @property
    def pending(self) -> int:
        """Tasks whose results have not reached the GUI thread yet."""
        return len(self._relays)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Drop queued work, interrupt and wait for running work; True if every worker
        finished in time."""
        self._closed = True
        self.pool.clear()
        interrupters, self._interrupters = self._interrupters, []
        for interrupt in interrupters:
            try:
                interrupt()
            except Exception:  # closing goes on: the wait below is bounded anyway
                log.exception("interrupting background work failed")
        return self.pool.waitForDone(timeout_ms)


_default: TaskRunner | None = None


def default_runner() -> TaskRunner:
    global _default
    if _default is None or _default._closed:
        _default = TaskRunner()
    return _default


def run_task(
    func: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
) -> None:
    """Run ``func`` on the shared pool (see ``TaskRunner.run_task``)."""
    default_runner().run_task(func, on_done, on_error)
