"""Every recogniser a session starts is finished, even when the session fails mid-answer.

The recogniser process serves one answer at a time and holds its lock until that answer's
``finish()``. A session that failed between starting an answer and finishing it (a full disk
refusing the ``answer_ended`` row) left the lock held: the window's next session waited on it
for ever, and closing the app waited for a time-out. ``LiveRecognizers`` hands out the
session's recognisers and ``finish_abandoned`` finishes the one left over; its transcript is
dropped (the recording is on disk, and recovery transcribes it at the next start).
"""

from __future__ import annotations

import contextlib

from simulator.core.transcript import Transcript
from simulator.session.ports import Recognizer, SessionServices


class LiveRecognizers:
    """The session's recognisers, through ``services.recognizer``, each tracked until finished."""

    def __init__(self, services: SessionServices) -> None:
        self._services = services  # read at each answer: tests swap its recogniser
        self._unfinished: list[_Tracked] = []

    def __call__(self, sample_rate: int) -> Recognizer:
        tracked = _Tracked(self._services.recognizer(sample_rate), self._unfinished)
        self._unfinished.append(tracked)
        return tracked

    def finish_abandoned(self) -> None:
        """Finish the recognisers a failure left unfinished, ignoring what they say."""
        for tracked in list(self._unfinished):
            with contextlib.suppress(Exception):
                tracked.finish()


class _Tracked:
    """A recogniser that leaves the unfinished list when it is finished."""

    def __init__(self, inner: Recognizer, unfinished: list[_Tracked]) -> None:
        self.engine = inner.engine
        self.model = inner.model
        self._inner = inner
        self._unfinished = unfinished

    def accept(self, pcm: bytes) -> str | None:
        return self._inner.accept(pcm)

    def finish(self) -> Transcript:
        with contextlib.suppress(ValueError):
            self._unfinished.remove(self)
        return self._inner.finish()
