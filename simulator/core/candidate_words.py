"""The candidate's own words: leave out what was recognised while Hotseat was making sound.

With loudspeakers the microphone hears the interviewer's cut-ins and the room's distraction
sounds, and the recogniser turns them into words on the answer's clock. The saved recording
keeps everything the microphone heard; the saved transcript and the metrics keep only the
candidate's words. A word goes when its middle falls inside a played span widened by
``MARGIN_S`` on each side: recognisers place word edges a little early or late, and a room
echoes the voice for a moment after the last sample left the speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript, Word

MARGIN_S = 0.15


def played_over(word: Word, spans: Sequence[PlayedSpan], margin_s: float = MARGIN_S) -> bool:
    """Whether ``word`` was recognised while one of ``spans`` was sounding."""
    middle = (word.start + word.end) / 2
    return any(span.start_s - margin_s <= middle <= span.end_s + margin_s for span in spans)


def without_played(
    transcript: Transcript, spans: Sequence[PlayedSpan], margin_s: float = MARGIN_S
) -> Transcript:
    """``transcript`` without the words recognised inside ``spans`` (the same when none)."""
    if not spans:
        return transcript
    kept = tuple(word for word in transcript.words if not played_over(word, spans, margin_s))
    return dataclasses.replace(transcript, words=kept)


__all__ = ["MARGIN_S", "played_over", "without_played"]
