"""When Hotseat itself was making sound during an answer, on that answer's recording clock.

With loudspeakers the microphone hears the interviewer's cut-ins and the distraction sounds;
the runner records these spans so the transcript and every metric can leave them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PlayedSpan:
    """One sound Hotseat played: seconds from the answer WAV's first sample."""

    start_s: float
    end_s: float
    what: str  # "interviewer" (a voice) or "distraction" (a room sound)


#: The logged events that tell when the interviewer spoke or a room sound played.
_VOICE_STARTS = {"interruption_started", "clarification", "time_squeezed"}


def spans_from_events(events: Iterable[Mapping[str, Any]]) -> list[PlayedSpan]:
    """The spans Hotseat played in one answer, read back from its logged pressure events.

    Every spoken line (a cut-in, a clarification, a squeeze) was logged where it landed and
    closed by ``interruption_ended``; a room sound by ``distraction`` with its length. So a
    saved answer can be analysed again exactly as it was live (``records.reanalyse``).
    """
    spans: list[PlayedSpan] = []
    speaking_from: float | None = None
    for event in sorted(events, key=lambda e: float(e.get("answer_s") or 0.0)):
        kind, at = event.get("type"), float(event.get("answer_s") or 0.0)
        if kind in _VOICE_STARTS and speaking_from is None:
            speaking_from = at
        elif kind == "interruption_ended" and speaking_from is not None:
            spans.append(PlayedSpan(speaking_from, max(at, speaking_from), "interviewer"))
            speaking_from = None
        elif kind == "distraction" and event.get("kind") == "sound":
            length = float(event.get("duration_s") or 0.0)
            spans.append(PlayedSpan(at, at + length, "distraction"))
    return spans
