"""Signal levels of int16 PCM blocks: a 0-1 value for a level meter, and dBFS figures.

Cheap enough to run on every recorded block (one numpy pass, no sounddevice import).
"""

from __future__ import annotations

import math

import numpy as np

#: Reported for empty or all-zero audio instead of -inf, so the figure stays JSON- and
#: SQL-friendly; any non-zero 16-bit signal is above it (one LSB is about -90.3 dBFS).
SILENCE_DBFS = -120.0
METER_FLOOR_DBFS = -60.0
_FULL_SCALE = 32768.0


def _samples(pcm: bytes) -> np.ndarray:
    usable = len(pcm) - len(pcm) % 2
    return np.frombuffer(pcm[:usable], dtype="<i2").astype(np.float64)


def _dbfs(value: float) -> float:
    if value <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20.0 * math.log10(value / _FULL_SCALE))


def rms_dbfs(pcm: bytes) -> float:
    """RMS level of mono int16 PCM in dBFS (``SILENCE_DBFS`` for silence)."""
    samples = _samples(pcm)
    if samples.size == 0:
        return SILENCE_DBFS
    return _dbfs(float(np.sqrt(np.mean(samples * samples))))


def peak_dbfs(pcm: bytes) -> float:
    """Peak level of int16 PCM in dBFS (``SILENCE_DBFS`` for silence)."""
    samples = _samples(pcm)
    if samples.size == 0:
        return SILENCE_DBFS
    return _dbfs(float(np.max(np.abs(samples))))


def level(pcm: bytes) -> float:
    """0.0-1.0 for a level meter: the RMS level mapped linearly from -60..0 dBFS."""
    value = (rms_dbfs(pcm) - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS
    return min(1.0, max(0.0, value))
