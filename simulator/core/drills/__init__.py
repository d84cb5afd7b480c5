"""Pressure mode's drills, as pure decisions: which cut-ins, distractions and squeezes happen
in an answer, and when (issue 11; docs/DRILLS.md describes them for users).

- ``catalog.py``: ``Drill`` (a named preset of rules with its one-line description),
  ``DRILLS``, ``get_drill``;
- ``actions.py``: ``AnswerState`` (what the runner tells the director at each tick) and the
  typed actions the director returns;
- ``director.py``: ``AnswerDirector``, one per answer, deterministic for a seed;
- ``logged.py``: ``events_for``, the session events that log an action;
- ``texts.py``, ``office.py``, ``clarify.py``: what the interviewer says, the room's
  distractions, and hearing and answering the candidate's questions.

Standard library and ``core.packs`` only: no Qt, no audio.
"""

from simulator.core.drills.actions import (
    AfterAnswerAction,
    AnswerClarification,
    AnswerState,
    Distract,
    InAnswerAction,
    Interrupt,
    Pushback,
    RevealBug,
    SilenceThenPrompt,
    SpokenAction,
    SqueezeTime,
)
from simulator.core.drills.catalog import (
    DRILLS,
    INTENSITIES,
    Drill,
    UnknownDrillError,
    drill_names,
    get_drill,
)
from simulator.core.drills.director import MIN_GAP_S, MIN_SPEECH_S, AnswerDirector, CodeShown
from simulator.core.drills.logged import events_for
from simulator.core.drills.office import SCREEN_NAMES, SOUND_NAMES

__all__ = [
    "DRILLS",
    "INTENSITIES",
    "MIN_GAP_S",
    "MIN_SPEECH_S",
    "SCREEN_NAMES",
    "SOUND_NAMES",
    "AfterAnswerAction",
    "AnswerClarification",
    "AnswerDirector",
    "AnswerState",
    "CodeShown",
    "Distract",
    "Drill",
    "InAnswerAction",
    "Interrupt",
    "Pushback",
    "RevealBug",
    "SilenceThenPrompt",
    "SpokenAction",
    "SqueezeTime",
    "UnknownDrillError",
    "drill_names",
    "events_for",
    "get_drill",
]
