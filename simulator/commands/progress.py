"""Progress of long work on stderr: one self-updating line on a terminal, a few lines in a log.

Transcribing or analysing a recording of hours takes minutes. On a terminal the line
"transcribing: 12:30 of 3:00:00 (7%)" is redrawn at most once a second and erased at the end,
so the output that follows is clean. When stderr is a file or a pipe (a log, a test), a
redrawn line would be noise, so a line is written at each tenth of the way, and only for
recordings long enough to need it. Stdout is never touched: ``--json`` stays clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

TERMINAL_FROM_S = 30.0  # a shorter recording is done before a progress line would help
LOG_FROM_S = 600.0  # in a log, only recordings of ten minutes or more
REDRAW_S = 1.0
LOG_STEP_PERCENT = 10


def clock_time(seconds: float) -> str:
    """3:00:00, 12:30 or 0:05."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def count(amount: float) -> str:
    """A number of items, for progress over items rather than time: "12"."""
    return str(int(amount))


class StderrProgress:
    """Called as ``progress(stage, done_s, total_s)``; call ``finish()`` when the work ends."""

    def __init__(
        self,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        show: Callable[[float], str] = clock_time,
        terminal_from: float = TERMINAL_FROM_S,
        log_from: float = LOG_FROM_S,
    ) -> None:
        """``show`` writes an amount (a time by default; ``count`` for items), and below
        ``terminal_from`` / ``log_from`` of them in all nothing is written."""
        self._stream = stream or sys.stderr
        self._terminal = self._stream.isatty()
        self._clock = clock
        self._show = show
        self._terminal_from = terminal_from
        self._log_from = log_from
        self._last_draw = float("-inf")
        self._last_logged: tuple[str, int] | None = None
        self._drawn = False

    def __call__(self, stage: str, done_s: float, total_s: float) -> None:
        if total_s <= 0:
            return
        done_s = min(done_s, total_s)
        percent = int(100 * done_s / total_s)
        line = f"{stage}: {self._show(done_s)} of {self._show(total_s)} ({percent}%)"
        if self._terminal:
            now = self._clock()
            if total_s < self._terminal_from or now - self._last_draw < REDRAW_S:
                return
            self._last_draw = now
            self._stream.write(f"\r{line}\x1b[K")
            self._drawn = True
        else:
            step = (stage, percent // LOG_STEP_PERCENT)
            if total_s < self._log_from or step == self._last_logged:
                return
            self._last_logged = step
            self._stream.write(line + "\n")
        self._stream.flush()

    def finish(self) -> None:
        """Erase the terminal line, so what is printed next starts clean."""
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn = False


__all__ = ["StderrProgress", "clock_time", "count"]
