"""The distractions of a busy office: which ones, how loud, how long, and when in an answer.

Sound names are the ones the audio package synthesises (``audio/distractions.py``); levels
are in dB relative to the interviewer's voice (0 as loud as the voice, -20 far quieter).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from simulator.core.drills.actions import Distract


@dataclass(frozen=True)
class OfficeDistraction:
    kind: str  # "sound" or "screen"
    name: str
    level_db: float | None  # relative to the interviewer's voice; None on screen
    duration_s: float


# Lengths and base levels are those audio/distractions.py renders (a test keeps them equal).
DISTRACTIONS = (
    OfficeDistraction("sound", "desk_tapping", -14.0, 2.5),
    OfficeDistraction("sound", "phone_buzz", -12.0, 1.05),
    OfficeDistraction("sound", "chime", -10.0, 0.9),
    OfficeDistraction("sound", "typing", -16.0, 3.0),
    OfficeDistraction("sound", "knock", -8.0, 0.8),
    OfficeDistraction("sound", "cough", -8.0, 0.6),
    OfficeDistraction("sound", "murmur", -20.0, 6.0),
    OfficeDistraction("screen", "toast", None, 5.0),
    OfficeDistraction("screen", "chat_badge", None, 6.0),
)
SOUND_NAMES = tuple(d.name for d in DISTRACTIONS if d.kind == "sound")
SCREEN_NAMES = tuple(d.name for d in DISTRACTIONS if d.kind == "screen")

# How many per answer, and how much louder or quieter than the base level, by intensity.
COUNT = {1: 2, 2: 3, 3: 5}
MIXED_COUNT = {1: 1, 2: 2, 3: 3}  # full pressure: fewer, there is enough else going on
LEVEL_OFFSET_DB = {1: -6.0, 2: 0.0, 3: 4.0}
FIRST_AT_S = 4.0  # the answer gets going before the room does


def plan_distractions(
    rng: random.Random, intensity: int, horizon_s: float, mixed: bool
) -> list[tuple[float, Distract]]:
    """``(answer_s, Distract)`` pairs in time order, spread over the first ``horizon_s``.

    The span is cut into equal slots, one distraction at a random moment in each, so they
    never bunch up; no name comes twice in one answer.
    """
    count = (MIXED_COUNT if mixed else COUNT)[intensity]
    span = max(horizon_s - FIRST_AT_S, 1.0)
    slot = span / count
    chosen = rng.sample(DISTRACTIONS, count)
    planned = []
    for number, item in enumerate(chosen):
        at = FIRST_AT_S + slot * number + rng.uniform(0.1, 0.9) * slot
        level = None
        if item.level_db is not None:
            level = round(item.level_db + LEVEL_OFFSET_DB[intensity] + rng.uniform(-2, 2), 1)
        planned.append((round(at, 2), Distract(item.kind, item.name, level, item.duration_s)))
    return planned
