"""The tests' stand-in for SessionRunner: plays a scripted session's events, no audio; and
``ScriptedSessions``, the stand-in for the sessions façade (``services.sessions.Sessions``)
that hands these runners out.

It emits the same typed events as the real runner (``core/events.py``), with every field, in
the real runner's order; ``tests/session/test_event_contract.py`` runs both through the same
script and fails if their shapes drift apart. It waits for ``stop_answer`` (or ``abort``) in
each answer, as a speaker who keeps talking until Space is pressed.

A pressure script (``ScriptedPressure``: answer index -> ``PressureStep``s) makes it play what
a drill does during that answer: each step is a drill's action (``core.drills``: a cut-in, a
distraction, a squeeze, a clarification) logged with ``core.drills.events_for``, the function
the real runner logs them with, so their shapes are the real ones; a spoken action is followed
by ``interruption_ended`` once its voice has finished (``says_s`` later on the answer's clock),
or, with ``hold``, once the test calls ``resume()``, so the window can be looked at meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from simulator.core import events as ev
from simulator.core.drills import Distract, InAnswerAction, events_for
from simulator.session.ports import SessionOptions

# index -> (words, analysis) to report for that answer
ScriptedAnswers = dict[int, tuple[list[dict[str, Any]], dict[str, Any] | None]]


@dataclass(frozen=True)
class PressureStep:
    """One thing a drill does in an answer: ``action`` at ``answer_s`` on its recording clock;
    a spoken one lasts ``says_s``, or until ``resume()`` when ``hold``."""

    answer_s: float
    action: InAnswerAction
    says_s: float = 2.0
    hold: bool = False


# index -> the drill's steps in that answer, in time order
ScriptedPressure = dict[int, list[PressureStep]]

SESSION_ID = 7
DURATION_S = 12.5


class ScriptedRunner:
    """Emits a session's events; waits for stop_answer (or abort) where the script says."""

    def __init__(
        self,
        options: SessionOptions,
        on_event: Callable[[ev.SessionEvent], None],
        answers: ScriptedAnswers | None = None,
        wait_s: float = 10.0,
        pressure: ScriptedPressure | None = None,
    ):
        self.options = options
        self.on_event = on_event
        self.answers = answers or {}
        self.pressure = pressure or {}
        self.wait_s = wait_s
        self.stop_event = threading.Event()
        self.abort_event = threading.Event()
        self.resume_event = threading.Event()
        self.stop_calls = 0
        self.abort_calls = 0
        self.thread_name: str | None = None

    def stop_answer(self) -> None:
        self.stop_calls += 1
        self.stop_event.set()

    def abort(self) -> None:
        self.abort_calls += 1
        self.abort_event.set()
        self.stop_event.set()
        self.resume_event.set()

    def resume(self) -> None:
        """The interviewer held by a ``hold`` step stops talking."""
        self.resume_event.set()

    def _play_pressure(self, index: int) -> float:
        """The drill's steps in answer ``index``, logged as the real runner logs them; returns
        how long the answer lasts, the scripted length or past the last step."""
        emit = self.on_event
        length = DURATION_S
        for step in self.pressure.get(index, []):
            if self.abort_event.is_set():
                return length
            emit(
                ev.Level(
                    index=index,
                    level=0.5,
                    elapsed_s=step.answer_s,
                    voiced=True,
                    answer_s=step.answer_s,
                )
            )
            for event in events_for(
                step.action, index=index, answer_id=index + 1, answer_s=step.answer_s
            ):
                emit(event)
            length = max(length, step.answer_s + 1.0)
            if isinstance(step.action, Distract):
                continue
            if step.hold:
                self.resume_event.wait(self.wait_s)
                self.resume_event.clear()
            ended_s = step.answer_s + step.says_s
            emit(ev.InterruptionEnded(index=index, answer_id=index + 1, answer_s=ended_s))
            length = max(length, ended_s + 1.0)
        return length

    def run(self) -> int:
        self.thread_name = threading.current_thread().name
        questions = self.options.questions
        emit = self.on_event
        emit(
            ev.SessionStarted(
                session_id=SESSION_ID,
                pack_id=self.options.pack_id,
                questions=len(questions),
                engine="fake",
                model="fake",
            )
        )
        saved = 0
        for index, question in enumerate(questions):
            if self.abort_event.is_set():
                break
            emit(
                ev.QuestionStarted(
                    index=index,
                    count=len(questions),
                    question_id=question.id,
                    text=question.text,
                    category=question.category,
                    framework=question.framework,
                    answer_seconds=list(question.answer_seconds),
                    prep_seconds=question.prep_seconds,
                    time_limit_s=question.answer_seconds[1] + 30,
                    tips=list(question.tips),
                )
            )
            emit(ev.QuestionSpoken(index=index, duration_s=0.0))
            audio_path = f"sessions/{SESSION_ID}/{index + 1}-{question.id}.wav"
            emit(
                ev.RecordingStarted(
                    index=index,
                    answer_id=index + 1,
                    sample_rate=16000,
                    device="fake",
                    audio_path=audio_path,
                    answer_s=0.0,
                )
            )
            emit(ev.Level(index=index, level=0.5, elapsed_s=1.0, voiced=True, answer_s=1.0))
            emit(ev.Partial(index=index, text=f"partial answer {index + 1}", answer_s=1.0))
            duration_s = self._play_pressure(index)
            self.stop_event.wait(self.wait_s)
            self.stop_event.clear()
            emit(ev.AnswerEnded(index=index, reason="stopped", answer_s=duration_s))
            words, analysis = self.answers.get(index, ([], None))
            emit(
                ev.AnswerSaved(
                    index=index,
                    answer_id=index + 1,
                    transcript=f"final answer {index + 1}",
                    words=words,
                    duration_s=duration_s,
                    engine="fake",
                    model="fake",
                    audio_path=audio_path,
                    skipped=False,
                )
            )
            if analysis is not None:
                emit(ev.AnswerAnalyzed(index=index, answer_id=index + 1, analysis=analysis))
            saved += 1
        status = "aborted" if self.abort_event.is_set() else "complete"
        emit(ev.SessionSaved(session_id=SESSION_ID, status=status, answers=saved))
        return SESSION_ID


class ScriptedSessions:
    """The sessions façade's fake: scripted runners instead of real sessions, recorded in
    ``runners``; ``check_ready`` is the readiness check the session's thread makes first."""

    def __init__(self, check_ready: Callable[[], object] = lambda: None) -> None:
        self._check_ready = check_ready
        self.runners: list[ScriptedRunner] = []
        self.answers: ScriptedAnswers = {}
        self.pressure: ScriptedPressure = {}

    def runner(
        self, options: SessionOptions, on_event: Callable[[ev.SessionEvent], None]
    ) -> ScriptedRunner:
        runner = ScriptedRunner(options, on_event, self.answers, pressure=self.pressure)
        self.runners.append(runner)
        return runner

    def check_ready(self) -> None:
        self._check_ready()
