"""The drills: named presets of event rules, each with the one line shown to the user."""

from __future__ import annotations

from dataclasses import dataclass

INTENSITIES = {1: "gentle", 2: "realistic", 3: "hard"}


@dataclass(frozen=True)
class Drill:
    """Which rules a drill turns on; the director (``director.py``) applies them."""

    name: str
    title: str
    description: str
    interruptions: bool = False
    distractions: bool = False
    squeeze: bool = False
    pushback: bool = False
    silence: bool = False
    clarify: bool = False
    shows_code: bool = False
    # Full pressure mixes everything, with fewer distractions than a drill of only those.
    mixed: bool = False


DRILLS: tuple[Drill, ...] = (
    Drill(
        "interruptions",
        "Interruptions",
        "The interviewer cuts in while you talk, with a follow-up or a pointed probe.",
        interruptions=True,
    ),
    Drill(
        "busy-office",
        "Busy office",
        "Phones buzz, someone knocks, people type and chat around you while you answer.",
        distractions=True,
    ),
    Drill(
        "time-squeeze",
        "Time squeeze",
        "Part-way through, you are asked to wrap up fast, and the clock really shrinks.",
        squeeze=True,
    ),
    Drill(
        "stubborn-interviewer",
        "Stubborn interviewer",
        "After you answer, the interviewer pushes back and you defend your answer.",
        pushback=True,
    ),
    Drill(
        "awkward-silence",
        "Awkward silence",
        "When you finish, the interviewer stays quiet for a while before saying anything.",
        silence=True,
    ),
    Drill(
        "clarify-first",
        "Clarify first",
        "Questions come vague on purpose; ask aloud and the interviewer answers briefly.",
        clarify=True,
    ),
    Drill(
        "debug-aloud",
        "Debug aloud",
        "Talk through a short program with a bug in it while the interviewer cuts in.",
        interruptions=True,
        shows_code=True,
    ),
    Drill(
        "full-pressure",
        "Full pressure",
        "All of it at once: cut-ins, noise, a shrinking clock, pushback and vague questions.",
        interruptions=True,
        distractions=True,
        squeeze=True,
        pushback=True,
        clarify=True,
        shows_code=True,
        mixed=True,
    ),
)


class UnknownDrillError(ValueError):
    """A drill name that is not in ``DRILLS``; the message lists the names there are."""


def drill_names() -> tuple[str, ...]:
    return tuple(drill.name for drill in DRILLS)


def get_drill(name: str) -> Drill:
    for drill in DRILLS:
        if drill.name == name:
            return drill
    raise UnknownDrillError(f"unknown drill '{name}' (drills: {', '.join(drill_names())})")


def check_intensity(intensity: int) -> int:
    if isinstance(intensity, bool) or intensity not in INTENSITIES:
        raise ValueError(f"intensity must be 1, 2 or 3, not {intensity!r}")
    return intensity
