"""The analysis helper process: coaching metrics computed away from the app's process.

The filler pass decodes with PocketSphinx, which holds Python's global lock: in the app's
process it would freeze the window (see speech/stt/process.py), so answers are analysed in
a "spawn" child, one at a time. Unlike a ``ProcessPoolExecutor``, whose pool stays broken
for good once its worker dies ("the process pool is not usable anymore"), this worker is
started again for the next answer: a crash, a kill or a timeout costs only the answer that
was being analysed. The child watches the app (``lifeline``) and ends when it does.

Messages on the pipe, parent to child: ``(function, args, kwargs)`` or ``None`` (quit); child
to parent: ``("ok", result)`` or ``("error", message)``. ``function`` is any module-level
function (it travels by name).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from simulator.lifeline import watch_parent

TIMEOUT_S = 120.0
STARTUP_GRACE_S = 30.0  # a cold child imports numpy, soundfile and PocketSphinx first
CLOSE_WAIT_S = 2.0


class AnalysisError(Exception):
    """An answer could not be analysed; the message says why, for the user."""


def _serve(conn: Connection) -> None:
    """The child's loop: run each function sent, reply with its result or its error."""
    watch_parent()
    while True:
        failure: Exception | None = None
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the app closed its end
        except Exception as error:  # a message that cannot be unpickled here
            message, failure = (), error
        if message is None:
            return
        try:
            if failure is not None:
                raise failure
            function, args, kwargs = message
            reply: tuple[str, Any] = ("ok", function(*args, **kwargs))
        except Exception as error:  # sent back: the app reports it for this answer
            reply = ("error", str(error).strip() or type(error).__name__)
        try:
            conn.send(reply)
        except OSError:
            return  # the app went away while we worked


class AnalysisWorker:
    """Runs functions in one helper process, one call at a time (thread-safe)."""

    def __init__(self, timeout_s: float = TIMEOUT_S, name: str = "hotseat-analysis") -> None:
        self.timeout_s = timeout_s
        self.name = name
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def pid(self) -> int | None:
        """The helper's process id while it runs (it starts with the first call)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def run(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` computed in the helper (an answer's played spans and
        pressure events travel as keywords); AnalysisError if it failed there, the helper died
        during it, or it took longer than ``timeout_s``."""
        with self._lock:
            cold = self._conn is None or self.pid is None
            conn = self._started()
            try:
                conn.send((function, args, kwargs))
            except OSError:
                # It died between two calls (killed, out of memory): a fresh one takes this.
                self._stop()
                cold, conn = True, self._started()
                conn.send((function, args, kwargs))
            timeout = self.timeout_s + (STARTUP_GRACE_S if cold else 0.0)
            try:
                if not conn.poll(timeout):
                    self._stop(at_once=True)  # it is stuck: asking it to quit would not help
                    raise AnalysisError(f"the analysis took longer than {timeout:.0f} s")
                status, value = conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise AnalysisError("the analysis process stopped unexpectedly") from None
        if status != "ok":
            raise AnalysisError(str(value))
        return value

    def _started(self) -> Connection:
        if self._conn is not None and self.pid is not None:
            return self._conn
        self._stop()
        # "spawn": forking a process that runs Qt and audio threads is not safe.
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), name=self.name, daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent

    def _stop(self, at_once: bool = False) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.send(None)
            conn.close()
        if process is not None:
            if process.is_alive() and not at_once:
                process.join(CLOSE_WAIT_S)
            if process.is_alive():
                process.kill()
                process.join(CLOSE_WAIT_S)
            process.close()

    def close(self) -> None:
        """Stop the helper; a call in progress in another thread fails with AnalysisError."""
        if not self._lock.acquire(timeout=CLOSE_WAIT_S):
            process = self._process
            if process is not None and process.is_alive():
                process.kill()  # ends the other thread's wait at once
            return
        try:
            self._stop()
        finally:
            self._lock.release()


__all__ = ["AnalysisError", "AnalysisWorker"]
