"""The plan of a session and the flow through its phases, as a pure state machine.

For each question the interviewer speaks, an optional preparation countdown runs, then the
answer is recorded until the candidate stops it, falls silent for long enough after speaking,
or reaches the time limit. The flow never reads a clock: the caller passes ``now`` (seconds on
any monotonic scale) into every step, so tests drive whole sessions without waiting.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from simulator.core.packs import Question


class Phase(Enum):
    SPEAKING = "speaking"
    PREP = "prep"
    ANSWERING = "answering"
    DONE = "done"


class EndReason(Enum):
    """Why an answer ended."""

    STOPPED = "stopped"  # the candidate pressed Stop/Space
    SILENCE = "silence"  # quiet for end_silence_s after having spoken
    TIME_LIMIT = "time_limit"
    ABORTED = "aborted"  # the whole session was ended


@dataclass(frozen=True)
class AnswerRules:
    """How an answer may end. ``time_limit_s`` of None means the question's band decides."""

    end_silence_s: float | None = 3.0
    time_limit_s: float | None = None
    grace_after_band_s: float = 30.0

    def limit_for(self, question: Question) -> float:
        if self.time_limit_s is not None:
            return self.time_limit_s
        return question.answer_seconds[1] + self.grace_after_band_s


#: The pack id a session records when its questions come from several packs.
MIX_LABEL = "mix"


def choose_questions(
    questions: Sequence[Question], count: int, *, shuffle: bool, seed: int | None
) -> list[Question]:
    """Up to ``count`` questions, in pack order or shuffled reproducibly by ``seed``."""
    chosen = list(questions)
    if shuffle:
        random.Random(seed).shuffle(chosen)
    return chosen[: max(0, count)]


@dataclass(frozen=True)
class Step:
    """What changed after a call into the flow: the new phase, and why an answer ended."""

    phase: Phase
    index: int
    ended: EndReason | None = None


class SessionFlow:
    """Walks a list of questions through speaking, prep and answering."""

    def __init__(self, questions: Sequence[Question], rules: AnswerRules) -> None:
        if not questions:
            raise ValueError("a session needs at least one question")
        self.questions = list(questions)
        self.rules = rules
        self.phase = Phase.SPEAKING
        self.index = 0
        self._phase_started = 0.0
        self._last_voice: float | None = None
        self._started = False
        self._squeezed_limit: float | None = None  # this answer's limit, cut short by a drill

    @property
    def question(self) -> Question:
        return self.questions[min(self.index, len(self.questions) - 1)]

    def start(self, now: float) -> Step:
        self._started = True
        return self._enter(Phase.SPEAKING, now)

    def elapsed(self, now: float) -> float:
        """Seconds since the current phase began."""
        return max(0.0, now - self._phase_started)

    def time_limit(self) -> float:
        """The current answer's limit in seconds from its start (a squeeze shortens it)."""
        if self._squeezed_limit is not None:
            return self._squeezed_limit
        return self.rules.limit_for(self.question)

    def time_left(self, now: float) -> float:
        """Seconds until the answer being recorded reaches its limit."""
        return max(0.0, self.time_limit() - self.elapsed(now))

    def squeeze(self, new_limit_s: float) -> None:
        """The interviewer cut the clock short: this answer now ends ``new_limit_s`` seconds
        after it began (never later than its own limit). The next answer has its usual one."""
        self._expect(Phase.ANSWERING)
        self._squeezed_limit = min(new_limit_s, self.time_limit())

    def prep_remaining(self, now: float) -> float:
        return max(0.0, self.question.prep_seconds - self.elapsed(now))

    def spoken(self, now: float) -> Step:
        """The interviewer finished reading the question."""
        self._expect(Phase.SPEAKING)
        if self.question.prep_seconds > 0:
            return self._enter(Phase.PREP, now)
        return self._enter(Phase.ANSWERING, now)

    def tick(self, now: float, voiced: bool = False) -> Step:
        """Time passed; ``voiced`` says whether the latest audio held speech."""
        if self.phase is Phase.PREP and self.prep_remaining(now) <= 0:
            return self._enter(Phase.ANSWERING, now)
        if self.phase is Phase.ANSWERING:
            if voiced:
                self._last_voice = now
            if self.elapsed(now) >= self.time_limit():
                return self._end_answer(now, EndReason.TIME_LIMIT)
            silence = self.rules.end_silence_s
            if (
                silence is not None
                and self._last_voice is not None
                and now - self._last_voice >= silence
            ):
                return self._end_answer(now, EndReason.SILENCE)
        return Step(self.phase, self.index)

    def stop(self, now: float) -> Step:
        """The candidate asked to move on: skips prep, or ends the answer."""
        if self.phase is Phase.PREP:
            return self._enter(Phase.ANSWERING, now)
        if self.phase is Phase.ANSWERING:
            return self._end_answer(now, EndReason.STOPPED)
        return Step(self.phase, self.index)

    def abort(self, now: float) -> Step:
        """End the whole session; an answer in progress ends as aborted."""
        reason = EndReason.ABORTED if self.phase is Phase.ANSWERING else None
        self.phase = Phase.DONE
        self._phase_started = now
        return Step(Phase.DONE, self.index, reason)

    def _end_answer(self, now: float, reason: EndReason) -> Step:
        if self.index + 1 < len(self.questions):
            self.index += 1
            step = self._enter(Phase.SPEAKING, now)
        else:
            step = self._enter(Phase.DONE, now)
        return Step(step.phase, step.index, reason)

    def _enter(self, phase: Phase, now: float) -> Step:
        self.phase = phase
        self._phase_started = now
        self._squeezed_limit = None
        if phase is Phase.ANSWERING:
            self._last_voice = None
        return Step(phase, self.index)

    def _expect(self, phase: Phase) -> None:
        if self.phase is not phase:
            raise RuntimeError(f"expected phase {phase.value}, not {self.phase.value}")
