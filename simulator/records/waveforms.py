"""The waveform of a saved answer, for the replay page: a min/max envelope, cached on disk.

Reading a long recording takes a moment, so the envelope (``BINS`` pairs of the lowest and
highest sample in each slice, -1..1) is computed once, off the GUI thread, and kept as a small
JSON file under ``<data folder>/cache/waveforms/``. Its name is a hash of the recording's
path, size and modification time: a repaired or replaced recording gets a new envelope, and a
stale file is simply never read again. A damaged cache file is computed again, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.audio.wav import read_audio_mono16

#: Slices in an envelope: enough for a sharp line on a 4K-wide window, about 40 KB of JSON.
BINS = 2000
CACHE_FOLDER = ("cache", "waveforms")
_FORMAT = 1


@dataclass(frozen=True)
class Envelope:
    """The lowest and highest sample (-1..1) in each of ``len(lows)`` equal slices."""

    duration_s: float
    lows: tuple[float, ...]
    highs: tuple[float, ...]


def compute_envelope(wav: Path, bins: int = BINS) -> Envelope:
    """The envelope of ``wav`` (any sound file libsndfile reads), read whole."""
    pcm, rate = read_audio_mono16(wav)
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    duration_s = len(samples) / rate if rate else 0.0
    if len(samples) == 0:
        return Envelope(duration_s, (), ())
    count = min(bins, len(samples))
    edges = np.linspace(0, len(samples), count + 1).astype(np.int64)
    lows = np.minimum.reduceat(samples, edges[:-1])
    highs = np.maximum.reduceat(samples, edges[:-1])
    return Envelope(
        duration_s,
        tuple(round(float(v), 4) for v in lows),
        tuple(round(float(v), 4) for v in highs),
    )


def cache_key(wav: Path) -> str:
    """A name for ``wav`` as it is now: its path, size and modification time, hashed."""
    stat = wav.stat()
    key = f"{_FORMAT}\0{wav.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _read_cached(path: Path) -> Envelope | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        lows, highs = tuple(map(float, data["lows"])), tuple(map(float, data["highs"]))
        if len(lows) != len(highs):
            return None
        return Envelope(float(data["duration_s"]), lows, highs)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: computed again


def envelope(wav: Path, home: Path) -> Envelope:
    """The envelope of ``wav``, from the cache under ``home`` when it is there, else computed
    and cached (a cache that cannot be written only costs the next call the same work)."""
    cache = home.joinpath(*CACHE_FOLDER) / f"{cache_key(wav)}.json"
    found = _read_cached(cache)
    if found is not None:
        return found
    computed = compute_envelope(wav)
    data = {"duration_s": computed.duration_s, "lows": computed.lows, "highs": computed.highs}
    temp = cache.with_suffix(f".{os.getpid()}.part")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temp, cache)  # whole or not at all: a reader never sees half a file
    except OSError:
        # Nothing to tell the user: the waveform is shown all the same, and the next call
        # computes it again. Only the half-written file must not stay behind.
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return computed


__all__ = ["BINS", "Envelope", "cache_key", "compute_envelope", "envelope"]
