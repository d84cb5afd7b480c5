"""A scripted answer on a fake clock, played through an ``AnswerDirector`` tick by tick.

The candidate's voice is a list of ``(start, end)`` spans on the answer clock and the words
arrive at set times; the interviewer's voice, once asked for, "plays" a little longer than
the director's own estimate, as a real voice might, and a time squeeze moves the limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.core.drills import AnswerDirector, AnswerState, InAnswerAction, SqueezeTime
from simulator.core.drills.director import speaking_time

TICK_S = 0.05


@dataclass
class Script:
    voice: list[tuple[float, float]]
    length_s: float
    limit_s: float = 120.0
    words: list[tuple[float, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Moment:
    """One action with the answer's state when it was decided."""

    state: AnswerState
    action: InAnswerAction
    plays_until: float  # when the interviewer's voice ends, for spoken actions; else state's t


def continuous(length_s: float, limit_s: float = 180.0) -> Script:
    return Script(voice=[(0.5, length_s)], length_s=length_s, limit_s=limit_s)


def play(director: AnswerDirector, script: Script) -> list[Moment]:
    moments: list[Moment] = []
    speech = 0.0
    interviewer_until = -1.0
    limit = script.limit_s
    ticks = round(script.length_s / TICK_S)
    for number in range(ticks):
        now = round(number * TICK_S, 3)
        if now >= limit:
            break
        speaking = any(start <= now < end for start, end in script.voice)
        if speaking:
            speech += TICK_S
        state = AnswerState(
            answer_s=now,
            speech_s=round(speech, 3),
            speaking=speaking,
            time_left_s=round(limit - now, 3),
            words=tuple(word for at, word in script.words if at <= now),
            interviewer_speaking=now < interviewer_until,
        )
        for action in director.step(state):
            plays_until = now
            says = getattr(action, "says", None)
            if says is not None:
                plays_until = now + speaking_time(says) * 1.2
                interviewer_until = plays_until
            if isinstance(action, SqueezeTime):
                limit = action.new_limit_s
            moments.append(Moment(state, action, plays_until))
    return moments


def said_at(start: float, sentence: str, per_word_s: float = 0.35) -> list[tuple[float, str]]:
    """The words of ``sentence`` recognised one by one from ``start``."""
    return [(start + n * per_word_s, word) for n, word in enumerate(sentence.split())]
