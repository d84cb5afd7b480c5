"""The session events that log a director's action, so every front end logs them alike.

``answer_s`` is where the action landed on the answer's recording clock: for something
said, when the interviewer's voice started sounding (the mixer reports it), not when it was
decided. The end of a cut-in (``InterruptionEnded``) is logged by the runner when the voice
stops.
"""

from __future__ import annotations

from simulator.core import events as ev
from simulator.core.drills.actions import (
    AnswerClarification,
    Distract,
    InAnswerAction,
    SqueezeTime,
)


def events_for(
    action: InAnswerAction, *, index: int, answer_id: int, answer_s: float
) -> list[ev.SessionEvent]:
    """The events for ``action``: a cut-in's start first, then what it did."""
    if isinstance(action, Distract):
        return [
            ev.Distraction(
                index=index,
                answer_id=answer_id,
                kind=action.kind,
                name=action.name,
                answer_s=answer_s,
                duration_s=action.duration_s,
                level_db=action.level_db,
            )
        ]
    logged: list[ev.SessionEvent] = [
        ev.InterruptionStarted(
            index=index,
            answer_id=answer_id,
            kind=action.cut_in_kind,
            text=action.says,
            answer_s=answer_s,
        )
    ]
    if isinstance(action, SqueezeTime):
        logged.append(
            ev.TimeSqueezed(
                index=index, answer_id=answer_id, new_limit_s=action.new_limit_s, answer_s=answer_s
            )
        )
    elif isinstance(action, AnswerClarification):
        logged.append(
            ev.Clarification(
                index=index,
                answer_id=answer_id,
                asked=action.asked,
                answer=action.answer,
                answer_s=answer_s,
            )
        )
    return logged
