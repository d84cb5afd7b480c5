"""The interviewer's voice: prompts rendered to cached WAV files by a worker process.

Rendering to a file rather than speaking gives the app the exact duration, lets it stop or
mix the playback, and makes repeated prompts free. The pyttsx3 engine lives in a separate
"spawn" process (see ``tts_worker``) so that a hung or crashed synthesiser can be killed
without taking the app with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import threading
import uuid
import wave
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from simulator.core.closing import Closing
from simulator.speech.errors import TtsError
from simulator.speech.tts_worker import serve

STARTUP_GRACE_S = 10.0  # a cold start of the worker imports Python and pyttsx3
CLOSE_WAIT_S = 2.0


class _WorkerDied(Exception):
    """The worker process ended while the app waited for its answer."""


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]


class InterviewerVoice(Closing):
    """Renders prompts to WAV files in ``cache_dir``, one worker process behind a lock."""

    def __init__(
        self,
        cache_dir: Path,
        voice_id: str | None = None,
        rate: int = 170,
        timeout_s: float = 30.0,
    ) -> None:
        self.cache_dir = cache_dir
        self.voice_id = voice_id
        self.rate = rate
        self.timeout_s = timeout_s
        self.render_count = 0  # renders done by the worker, i.e. cache misses
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._closed = False

    @property
    def worker_pid(self) -> int | None:
        """The worker process's id while it runs (it starts on the first cache miss)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def cache_path(self, text: str) -> Path:
        """Where the rendering of ``text`` with this voice and rate is kept."""
        key = "\0".join((self.voice_id or "default", str(self.rate), text))
        return self.cache_dir / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.wav"

    def render(self, text: str) -> Path:
        """The WAV of ``text``; renders it on a cache miss (blocking, up to ``timeout_s``)."""
        with self._lock:
            path = self.cache_path(text)
            if _valid_wav(path):
                return path
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}.part.wav")
            try:
                self._request("render", (text, self.voice_id, self.rate, str(temp)))
                self.render_count += 1
                if not _valid_wav(temp):
                    raise TtsError("The speech synthesiser produced no audio for this prompt.")
                os.replace(temp, path)
            finally:
                temp.unlink(missing_ok=True)
            return path

    def list_voices(self) -> list[VoiceInfo]:
        with self._lock:
            voices = self._request("voices", None)
        return [VoiceInfo(str(i), str(n), tuple(langs)) for i, n, langs in voices]

    def _request(self, command: str, argument: Any) -> Any:
        if self._closed:
            raise TtsError("The interviewer's voice was already closed.")
        cold = self._process is None or not self._process.is_alive()
        try:
            return self._exchange(command, argument, cold)
        except _WorkerDied:
            if cold:
                raise TtsError("The speech synthesiser stopped unexpectedly.") from None
        # A worker that died between two requests (killed, out of memory) only shows it now:
        # one fresh worker gets the request again; a second death is a real failure.
        try:
            return self._exchange(command, argument, True)
        except _WorkerDied:
            raise TtsError("The speech synthesiser stopped unexpectedly.") from None

    def _exchange(self, command: str, argument: Any, cold: bool) -> Any:
        conn = self._ensure_worker()
        timeout = self.timeout_s + (STARTUP_GRACE_S if cold else 0.0)
        try:
            conn.send((command, argument))
            if not conn.poll(timeout):
                self._kill_worker()
                raise TtsError(f"The speech synthesiser did not answer within {timeout:.0f} s.")
            status, value = conn.recv()
        except (EOFError, OSError):
            self._kill_worker()
            raise _WorkerDied from None
        if status != "ok":
            raise TtsError(f"The speech synthesiser failed: {value}.")
        return value

    def _ensure_worker(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._kill_worker()
        # "spawn": a fork of a process with Qt and audio threads is not safe.
        context = multiprocessing.get_context("spawn")
        parent_conn, child_conn = context.Pipe()
        process = context.Process(target=serve, args=(child_conn,), name="hotseat-tts", daemon=True)
        process.start()
        child_conn.close()
        self._process, self._conn = process, parent_conn
        return parent_conn

    def _kill_worker(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(CLOSE_WAIT_S)
            process.close()

    def close(self) -> None:
        """Stop the worker; a render in progress in another thread fails with TtsError."""
        self._closed = True
        if not self._lock.acquire(blocking=False):
            # A render holds the lock: killing the worker ends its wait at once.
            process = self._process
            if process is not None and process.is_alive():
                process.kill()
            return
        try:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                # If the pipe is broken the worker is gone already; _kill_worker reaps it.
                with contextlib.suppress(OSError):
                    self._conn.send(("quit", None))
                    self._process.join(CLOSE_WAIT_S)
            self._kill_worker()
        finally:
            self._lock.release()


def _valid_wav(path: Path) -> bool:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() > 0
    except (OSError, EOFError, wave.Error):
        return False


__all__ = ["InterviewerVoice", "VoiceInfo"]
