"""Answers analysed off the session's critical path: the next question starts meanwhile.

``SessionRunner`` hands each saved answer's analysis to one background thread (the analysis
itself runs in the helper process, ``analysis_worker``; this thread only waits for it) and
collects the results on its own thread, where its store connection lives: between steps and on
every tick while listening, so feedback arrives as soon as it is ready, and all of it before
the session is saved. One thread keeps the results in the order the answers were given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

Analysis = dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """One answer's analysis, or the error that stopped it."""

    index: int
    answer_id: int
    analysis: Analysis | None
    error: BaseException | None


class BackgroundAnalyses:
    """Runs analyses one at a time on a background thread; results come back in order."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._pending: list[tuple[int, int, Future[Analysis]]] = []

    def submit(self, index: int, answer_id: int, job: Callable[[], Analysis]) -> None:
        if self._executor is None:  # started with the first answer: none for a silent session
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="hotseat-analysis")
        self._pending.append((index, answer_id, self._executor.submit(job)))

    @property
    def pending(self) -> int:
        return len(self._pending)

    def ready(self, wait: bool = False) -> Iterator[Outcome]:
        """The finished analyses, oldest first; with ``wait``, all of them (blocks)."""
        while self._pending:
            index, answer_id, future = self._pending[0]
            if not wait and not future.done():
                return
            self._pending.pop(0)
            error = future.exception()
            analysis = None if error is not None else future.result()
            yield Outcome(index, answer_id, analysis, error)

    def close(self) -> None:
        """Stop the thread (after any analysis still running: it is the user's feedback)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
