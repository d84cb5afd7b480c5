"""When Hotseat itself was making sound during an answer, on that answer's recording clock.

With loudspeakers the microphone hears the interviewer's cut-ins and the distraction sounds;
the runner records these spans so the transcript and every metric can leave them out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlayedSpan:
    """One sound Hotseat played: seconds from the answer WAV's first sample."""

    start_s: float
    end_s: float
    what: str  # "interviewer" (a voice) or "distraction" (a room sound)
