"""What a drill's director is told about the live answer, and the typed actions it returns.

Times are seconds on the answer's recording clock (``answer_s``: samples written to the
answer's WAV / sample rate), the clock the logged events and the word timings use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerState:
    """The live answer, as the runner sees it at one tick.

    ``speech_s``: seconds of the candidate's voice so far in this answer; ``speaking``:
    whether the latest block held the candidate's voice; ``time_left_s``: until the answer's
    current limit; ``words``: the recognised words so far, in order (the partial text split
    on spaces will do); ``interviewer_speaking``: Hotseat is playing the interviewer's voice.
    """

    answer_s: float
    speech_s: float
    speaking: bool
    time_left_s: float
    words: tuple[str, ...] = ()
    interviewer_speaking: bool = False


# --- during the answer -----------------------------------------------------------------------


@dataclass(frozen=True)
class Interrupt:
    """The interviewer cuts in with ``text``; ``kind``: ``follow_up`` (the question's own) or
    ``probe`` (a generic one, or one chosen from what the candidate said)."""

    kind: str
    text: str

    @property
    def says(self) -> str:
        return self.text

    @property
    def cut_in_kind(self) -> str:
        return self.kind


@dataclass(frozen=True)
class Distract:
    """A distraction starts now: ``kind`` ``sound`` (``name`` one of ``SOUND_NAMES``, played
    at ``level_db`` relative to the interviewer's voice) or ``screen`` (``toast`` or
    ``chat_badge``, ``level_db`` None), lasting about ``duration_s``."""

    kind: str
    name: str
    level_db: float | None
    duration_s: float


@dataclass(frozen=True)
class SqueezeTime:
    """The interviewer says ``text`` and the answer's limit becomes ``new_limit_s`` (on the
    recording clock, from the answer's start)."""

    new_limit_s: float
    text: str

    @property
    def says(self) -> str:
        return self.text

    @property
    def cut_in_kind(self) -> str:
        return "time_squeeze"


@dataclass(frozen=True)
class AnswerClarification:
    """The candidate asked ``asked`` aloud; the interviewer replies ``answer``."""

    asked: str
    answer: str

    @property
    def says(self) -> str:
        return self.answer

    @property
    def cut_in_kind(self) -> str:
        return "clarification"


# --- after the answer ------------------------------------------------------------------------


@dataclass(frozen=True)
class Pushback:
    """The interviewer challenges the answer with ``text``; the candidate replies in a short
    follow-up recording of its own, at most ``limit_s`` long."""

    text: str
    limit_s: float


@dataclass(frozen=True)
class SilenceThenPrompt:
    """The interviewer says nothing for ``wait_s`` (still recording), then ``text``, and
    listens up to ``listen_s`` more."""

    wait_s: float
    text: str
    listen_s: float


@dataclass(frozen=True)
class RevealBug:
    """Show where the planted bug was: ``line`` of the question's code, and why."""

    line: int
    explanation: str


InAnswerAction = Interrupt | Distract | SqueezeTime | AnswerClarification
SpokenAction = Interrupt | SqueezeTime | AnswerClarification
AfterAnswerAction = Pushback | SilenceThenPrompt | RevealBug
