"""What ``hotseat practice`` prints: the events as text for people, or as JSON lines.

``_Printer`` turns the session's typed events into the terminal's lines (the question, a live
transcript line, each answer's findings, under a drill the cut-ins and, once the session is
saved, its recovery against earlier pressure sessions); ``_JsonLines`` writes ``--events
jsonl``, one flushed object per event.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from simulator.commands.common import (
    format_seconds,
    terminal_safe,
)
from simulator.core import events as ev
from simulator.core.analysis.pressure_session import session_summary
from simulator.core.analysis.pressure_session_text import summary_lines
from simulator.core.errors import StoreError


class _JsonLines:
    """Writes each event as one JSON line, flushed at once so readers see it live."""

    def __call__(self, event: ev.SessionEvent) -> None:
        if isinstance(event, ev.Level):
            return
        sys.stdout.write(json.dumps(ev.to_json(event), ensure_ascii=False) + "\n")
        sys.stdout.flush()


class _Printer:
    """Human-readable progress on the terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stdout.isatty()
        self._partial = ""
        # A drill session's: the earlier pressure sessions' summaries (records.pressure_history)
        # and each answer's ``pressure`` analysis, summed up when the session is saved.
        self.earlier: Callable[[int], list[dict[str, Any]]] | None = None
        self.pressure: dict[int, dict[str, Any] | None] = {}

    def line(self, text: str) -> None:
        if not self.quiet:
            self._end_partial()
            print(terminal_safe(text), flush=True)

    def prompt(self, text: str) -> None:
        """A reply to a key: on stdout, or on stderr when stdout carries JSON lines."""
        if self.quiet:
            print(text, file=sys.stderr, flush=True)
        else:
            self.line(text)

    def _end_partial(self) -> None:
        if self._partial:
            sys.stdout.write("\n")
            self._partial = ""

    def event(self, event: ev.SessionEvent) -> None:
        match event:
            case ev.QuestionStarted(index=index, count=count, text=text):
                low, high = event.answer_seconds
                self.line("")
                self.line(f"Question {index + 1} of {count}: {text}")
                self.line(f"  Target {format_seconds(low)}–{format_seconds(high)}.")
            case ev.PrepStarted(seconds=seconds):
                self.line(f"  {seconds} s to prepare (Enter to start now)…")
            case ev.RecordingStarted():
                self.line("  Recording. Speak now.")
            case ev.Partial(text=text) if self.tty:
                text = terminal_safe(text)[-70:]
                sys.stdout.write("\r  > " + text.ljust(len(self._partial)))
                sys.stdout.flush()
                self._partial = text
            case ev.InterruptionStarted(kind="clarification"):
                pass  # said with the clarification's own line
            case ev.InterruptionStarted(kind=kind, text=text, answer_s=at):
                self.line(f"  [{at:.1f} s] Interviewer ({kind.replace('_', ' ')}): {text}")
            case ev.TimeSqueezed(new_limit_s=limit):
                self.line(f"  The time limit is now {format_seconds(limit)}.")
            case ev.Clarification(asked=asked, answer=answer, answer_s=at):
                self.line(f"  [{at:.1f} s] You asked: {asked}")
                self.line(f"  Interviewer: {answer}")
            case ev.Distraction(kind=kind, name=name, answer_s=at):
                where = "on screen" if kind == "screen" else "sound"
                self.line(f"  [{at:.1f} s] Distraction ({where}): {name.replace('_', ' ')}")
            case ev.AnswerEnded(reason=reason):
                self.line(f"  Answer ended ({reason.replace('_', ' ')}); transcribing…")
            case ev.AnswerSaved(skipped=True, duration_s=duration):
                self.line(f"  Skipped: nothing was said in {format_seconds(duration)}.")
            case ev.AnswerSaved(duration_s=duration, transcript=transcript):
                self.line(f"  Saved {format_seconds(duration)}: {transcript}")
            case ev.AnswerAnalyzed(index=index, analysis=analysis):
                pressure = analysis.get("pressure")
                self.pressure[index] = pressure if isinstance(pressure, dict) else None
                for finding in analysis.get("findings", []):
                    self.line(f"    - {finding['message']}")
            case ev.WarningEvent(message=message):
                self.line(f"  Warning: {message}")
            case ev.ErrorEvent(message=message):
                self.line(f"  Error: {message}")
            case ev.SessionSaved(session_id=session_id, status=status, answers=answers):
                self.line("")
                self.line(
                    f"Session {session_id} saved ({status}, {answers} answer(s)). "
                    f"Review: hotseat sessions show {session_id}"
                )
                if self.earlier is not None:
                    self._pressure_summary(session_id, self.earlier)

    def _pressure_summary(
        self, session_id: int, earlier: Callable[[int], list[dict[str, Any]]]
    ) -> None:
        """A drill session's recovery against the earlier ones (the analyses have all come:
        the session is saved once they have)."""
        answers = [self.pressure.get(i) for i in range(max(self.pressure, default=-1) + 1)]
        try:
            before = earlier(session_id)
        except StoreError as error:  # the session is saved; only the comparison is missing
            self.line(f"Warning: earlier pressure sessions could not be read: {error}")
            before = []
        for text in summary_lines(session_summary(answers, before)):
            self.line(text)
