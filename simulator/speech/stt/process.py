"""Recognition in a process of its own, so decoding never stalls the window.

PocketSphinx holds Python's global lock while it decodes (checked: building a decoder froze
other threads for 0.29 s, decoding a 5 s utterance in one piece for 0.35 s), so on a worker
thread it still froze the GUI's timers. In a child process it competes only for a CPU core.
A crash of a native engine (Vosk aborts on some misuse) also ends only the child.

``RecognizerProcess`` has the factory's interface (``engine``, ``model``, ``preload``,
``__call__(sample_rate) -> Recognizer``, ``for_file``); one answer at a time is recognised in
it. Messages on the pipe, parent to child: ``("start", (rate, whole_file))``,
``("audio", pcm)``, ``("finish", None)``, ``("quit", None)``; child to parent:
``("ready", None)``, ``("partial", text)``, ``("final", transcript_json)``,
``("error", message)``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from simulator.core.transcript import Transcript
from simulator.lifeline import watch_parent
from simulator.speech.errors import ModelError, SpeechError
from simulator.speech.stt.base import Recognizer

STARTUP_TIMEOUT_S = 60.0  # a large Vosk model takes a while to load
FINISH_TIMEOUT_S = 30.0
FINISH_WAIT_S = 5.0  # closing waits this long for a final transcript being made


def serve(conn: Connection, engine: str, model_path: str | None, models_dir: str | None) -> None:
    """The child: ends with the app, and quietly when the app's end of the pipe is gone
    (a traceback there would land on the user's terminal after a kill)."""
    watch_parent()
    with contextlib.suppress(EOFError, OSError):
        _serve(conn, engine, model_path, models_dir)


def _serve(conn: Connection, engine: str, model_path: str | None, models_dir: str | None) -> None:
    """The child's loop: one factory, one recogniser per answer."""
    from simulator.speech.stt import RecognizerFactory

    try:
        factory = RecognizerFactory(engine, model_path, Path(models_dir) if models_dir else None)
        factory.preload()
    except SpeechError as error:
        conn.send(("error", (type(error).__name__, str(error))))
        return
    conn.send(("ready", None))
    current: Recognizer | None = None
    while True:
        try:
            kind, value = conn.recv()
        except (EOFError, OSError):
            return  # the app went away
        if kind == "quit":
            return
        try:
            if kind == "start":
                rate, whole_file = value
                current = factory.for_file(rate) if whole_file else factory(rate)
            elif kind == "audio" and current is not None:
                partial = current.accept(value)
                if partial is not None:
                    conn.send(("partial", partial))
            elif kind == "finish" and current is not None:
                transcript, current = current.finish(), None
                conn.send(("final", transcript.to_json()))
        except Exception as error:  # reported to the parent, which decides
            current = None
            conn.send(("error", (type(error).__name__, str(error))))


class RecognizerProcess:
    """A recogniser factory whose engine runs in a child process."""

    def __init__(
        self, engine: str = "auto", model_path: str | None = None, models_dir: Path | None = None
    ) -> None:
        from simulator.speech.stt import RecognizerFactory

        # Resolving here (cheap: no model is loaded) fails early on a missing model and tells
        # the caller which engine and model it will get.
        resolved = RecognizerFactory(engine, model_path, models_dir)
        self.engine = resolved.engine
        self.model = resolved.model
        self._args = (
            resolved.engine,
            str(resolved.model_path) if resolved.model_path else None,
            str(models_dir) if models_dir else None,
        )
        self._lock = threading.Lock()
        self._finishing = False  # an answer's final transcript is being made (under the lock)
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def preload(self) -> None:
        """Start the child and load the model in it; raises ModelError/SpeechError."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        # "spawn": forking a process that runs Qt and audio threads is not safe.
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=serve, args=(child, *self._args), name="hotseat-stt", daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        try:
            if not parent.poll(STARTUP_TIMEOUT_S):
                raise SpeechError("The speech recogniser did not start in time.")
            kind, value = parent.recv()
        except (EOFError, OSError):
            self._stop()
            raise SpeechError("The speech recogniser stopped while starting.") from None
        if kind != "ready":
            self._stop()
            name, message = value
            raise (ModelError if name == "ModelError" else SpeechError)(message)
        return parent

    def __call__(self, sample_rate: int) -> Recognizer:
        return self._start(sample_rate, whole_file=False)

    def for_file(self, sample_rate: int) -> Recognizer:
        """See RecognizerFactory.for_file."""
        return self._start(sample_rate, whole_file=True)

    def _start(self, sample_rate: int, whole_file: bool) -> Recognizer:
        self._lock.acquire()  # released by the recogniser's finish(): one answer at a time
        try:
            conn = self._ensure_started()
            conn.send(("start", (sample_rate, whole_file)))
        except BaseException:
            self._lock.release()
            raise
        return _RemoteRecognizer(self, conn, sample_rate)

    def _release(self) -> None:
        self._lock.release()

    def _broken(self) -> None:
        self._stop()

    def _stop(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            with contextlib.suppress(OSError):  # already gone: only the join below is left
                conn.send(("quit", None))
            conn.close()
        if process is not None:
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
                process.join(timeout=2)

    def abort(self) -> None:
        """Kill the child at once, without waiting for the lock: a ``preload`` waiting for
        the model then fails at once (the window closing while it starts); ``close`` reaps."""
        process = self._process
        if process is not None and process.is_alive():
            process.kill()

    def close(self) -> None:
        """Stop the child. Waits (up to ``FINISH_WAIT_S``) only for an answer whose final
        transcript is being made, the one piece of work someone still needs; a recogniser
        still being fed, or left unfinished by a failed session, is killed at once."""
        acquired = self._lock.acquire(blocking=False)
        if not acquired and self._finishing:
            acquired = self._lock.acquire(timeout=FINISH_WAIT_S)
        if not acquired:
            self.abort()  # the other thread's next send or wait fails at once
        try:
            self._stop()
        finally:
            if acquired:
                self._lock.release()


class _RemoteRecognizer:
    """The parent's side of one answer's recogniser."""

    def __init__(self, owner: RecognizerProcess, conn: Connection, sample_rate: int) -> None:
        self.engine = owner.engine
        self.model = owner.model
        self.sample_rate = sample_rate
        self._owner = owner
        self._conn = conn
        self._failure: str | None = None
        self._done = False
        self._latest: str | None = None
        self._reported: str | None = None

    def accept(self, pcm: bytes) -> str | None:
        if self._failure is None:
            try:
                self._conn.send(("audio", pcm))
                while self._conn.poll(0):
                    self._take(self._conn.recv())
            except (EOFError, OSError):
                self._fail("The speech recogniser stopped unexpectedly.")
        if self._latest is not None and self._latest != self._reported:
            self._reported = self._latest
            return self._latest
        return None

    def _take(self, message: tuple[str, Any]) -> dict[str, Any] | None:
        kind, value = message
        if kind == "partial":
            self._latest = value
        elif kind == "error":
            self._fail(f"The speech recogniser failed: {value[1]}")
        elif kind == "final":
            return dict(value)
        return None

    def _fail(self, message: str) -> None:
        if self._failure is None:
            self._failure = message
            self._owner._broken()

    def finish(self) -> Transcript:
        if self._done:
            raise RuntimeError("finish() was already called for this answer")
        self._done = True
        self._owner._finishing = True
        try:
            return self._final()
        finally:
            self._owner._finishing = False
            self._owner._release()

    def _final(self) -> Transcript:
        if self._failure is None:
            try:
                self._conn.send(("finish", None))
                while self._failure is None:
                    if not self._conn.poll(FINISH_TIMEOUT_S):
                        self._fail("The speech recogniser did not finish in time.")
                        break
                    final = self._take(self._conn.recv())
                    if final is not None:
                        return Transcript.from_json(final)
            except (EOFError, OSError):
                self._fail("The speech recogniser stopped unexpectedly.")
        raise SpeechError(self._failure or "The speech recogniser failed.")
