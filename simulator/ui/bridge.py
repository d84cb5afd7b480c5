"""The bridge between a SessionRunner on its worker thread and the widgets on the GUI thread.

The runner reports through a plain ``on_event`` callback on its own thread; the bridge turns
each call into the ``event`` signal, carrying the typed event itself (``core/events.py``; frozen,
so safe to share between threads), which Qt queues to the GUI thread because the bridge lives
there. Steering (``stop_answer``, ``abort``) is passed through to the runner, which is safe
from any thread. ``finished`` is emitted once the thread is over, with the saved session id or
None.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from simulator.core import events as ev

log = logging.getLogger(__name__)


def is_expected(error: BaseException) -> bool:
    """A failure of the user's setup (device, model, data folder), worded for the user."""
    from simulator.audio.errors import AudioError
    from simulator.core.packs import PackError
    from simulator.speech.errors import SpeechError
    from simulator.store.errors import StoreError

    ours = (AudioError, SpeechError, StoreError, PackError, OSError)
    return isinstance(error, ours)


class Steerable(Protocol):
    """What the bridge needs of a runner (session.SessionRunner)."""

    def run(self) -> int: ...
    def stop_answer(self) -> None: ...
    def abort(self) -> None: ...


class SessionBridge(QObject):
    """Runs one runner on a ``threading.Thread`` and re-emits its events as Qt signals."""

    # The name shadows QObject.event(); PySide only treats functions as overrides, so Qt's
    # own event handling is unaffected (checked: deleteLater and sendEvent still work).
    event = Signal(object)  # type: ignore[assignment]  # a core.events.SessionEvent
    finished = Signal(object)  # the session id, or None when the session could not start

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner: Steerable | None = None
        self._thread: threading.Thread | None = None
        self._aborted = threading.Event()
        self._saw_error = False
        self.error: BaseException | None = None  # why the last run failed, if it did

    def post(self, event: ev.SessionEvent) -> None:
        """The runner's ``on_event``: called on the worker thread."""
        if isinstance(event, ev.ErrorEvent):
            self._saw_error = True
        self.event.emit(event)

    def start(self, runner: Steerable, prepare: Callable[[], object] | None = None) -> None:
        """Start ``runner.run()`` on a new thread, after ``prepare()`` (a model load) if given."""
        if self.is_running:
            raise RuntimeError("a session is already running")
        self._runner = runner
        self._aborted.clear()
        self._saw_error = False
        self.error = None
        self._thread = threading.Thread(
            target=self._run, args=(runner, prepare), name="hotseat-session", daemon=True
        )
        self._thread.start()

    def _run(self, runner: Steerable, prepare: Callable[[], object] | None) -> None:
        session_id: int | None = None
        try:
            if prepare is not None:
                prepare()
            if not self._aborted.is_set():
                session_id = runner.run()
        except Exception as error:
            if is_expected(error):  # said in the banner; a traceback would only alarm
                log.info("session ended: %s", error)
            else:  # a bug: its traceback goes to the log file (see ui.error_report)
                log.error("session ended with an unexpected error", exc_info=error)
            self.error = error
            if not self._saw_error:
                # Failures before the runner could report (store, model) still reach the user.
                message = str(error).strip() or type(error).__name__
                cause = type(error).__name__
                self.post(ev.ErrorEvent(message=message, cause=cause))
        self.finished.emit(session_id)

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop_answer(self) -> None:
        """Space: end the answer, or skip the question's reading or the preparation."""
        if self._runner is not None:
            self._runner.stop_answer()

    def abort(self) -> None:
        """Esc: end the session; what was recorded is kept."""
        self._aborted.set()
        if self._runner is not None:
            self._runner.abort()

    def shutdown(self, timeout_s: float = 5.0) -> bool:
        """Abort and join the worker; True if it ended within the timeout."""
        if self._thread is None:
            return True
        if self._thread.is_alive():
            self.abort()
        self._thread.join(timeout_s)
        return not self._thread.is_alive()
