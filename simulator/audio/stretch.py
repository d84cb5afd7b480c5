"""Audio played faster or slower without changing its pitch, for the replay page's speeds.

The time-stretch is Rubber Band's, through pedalboard (a maintained Spotify library), not DSP
of our own. This is the only module that imports pedalboard, and it is imported only when a
speed other than 1x is asked for, so playback at normal speed never loads it.
"""

from __future__ import annotations

import numpy as np

#: The speeds the replay page offers; Rubber Band handles far more, but below 0.75x speech
#: smears and above 1.5x it is hard to follow.
SLOWEST = 0.75
FASTEST = 1.5


def check_speed(speed: float) -> float:
    """``speed`` if it is one the replay offers, else ValueError."""
    if not SLOWEST <= speed <= FASTEST:
        raise ValueError(f"speed {speed} is outside {SLOWEST}x to {FASTEST}x")
    return speed


def stretch_pcm16(pcm: bytes, rate: int, speed: float) -> bytes:
    """Mono int16 ``pcm`` played at ``speed`` (2.0 = twice as fast), pitch kept.

    The result lasts ``len / speed``: a moment ``t`` seconds into the result is ``t * speed``
    seconds into the original, which is how the replay maps its clock back to word times.
    """
    check_speed(speed)
    if speed == 1.0 or not pcm:
        return pcm
    from pedalboard import time_stretch  # only here: it loads Rubber Band (a few MB)

    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    stretched = time_stretch(samples[np.newaxis, :], float(rate), stretch_factor=speed)[0]
    # Rubber Band's output length can differ from len/speed by a block; the clock maps by the
    # ratio, so the result is trimmed or padded to exactly that length.
    wanted = round(len(samples) / speed)
    if len(stretched) >= wanted:
        stretched = stretched[:wanted]
    else:
        stretched = np.concatenate([stretched, np.zeros(wanted - len(stretched), np.float32)])
    clipped = np.clip(stretched * 32768.0, -32768, 32767)
    return clipped.astype("<i2").tobytes()


__all__ = ["FASTEST", "SLOWEST", "check_speed", "stretch_pcm16"]
