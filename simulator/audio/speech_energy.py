"""Where a whole recording has voice: speech-band energy against the recording's own noise floor.

The analysis needs pauses to a tenth of a second in whatever room the user is in. WebRTC's
VAD decides frame by frame from fixed models: on clean speech it placed pause edges up to
0.12 s late, and with a little steady noise (a fan, 30 dB below the voice) it both invented
pauses and missed them (benchmarks/pause_noise.py). A recording that is already complete can
do better: its quietest frames show the room's noise floor, and a frame is voiced when its
energy between 250 and 4000 Hz (where speech is, above mains hum) stands 6 dB above that
floor. Runs of voice shorter than 50 ms are dropped first, so clicks (typing, a mouse) do not
bridge a pause.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
HOP_S = 0.010  # one decision every 10 ms
WINDOW_S = 0.025
BAND_HZ = (250.0, 4000.0)
FLOOR_PERCENTILE = 5  # the room: every answer has some silence (before the first word at least)
# Voiced: this far above the floor. A margin that grew with the voice's loudness over the
# floor was tried (a share of the way to the 99th percentile); on every condition measured it
# did no better, and at 10 dB SNR worse.
MARGIN_DB = 6.0
MIN_RUN_S = 0.05  # shorter runs of voice are clicks, not speech


def band_energy_db(samples: np.ndarray) -> np.ndarray:
    """Energy in the speech band of each 25 ms window, every 10 ms, in dB (16 kHz input)."""
    energy = BandEnergy()
    energy.feed(samples)
    return energy.energies_db()


class BandEnergy:
    """``band_energy_db`` of a stream fed in blocks of any size: the same frames and values.

    Only the per-frame energies are kept (8 bytes per 10 ms, about 9 MB for 3 hours) and the
    few samples of a window that runs past the end of the last block.
    """

    def __init__(self) -> None:
        self._window, self._hop = round(WINDOW_S * RATE), round(HOP_S * RATE)
        self._taper = np.hanning(self._window)
        freqs = np.fft.rfftfreq(self._window, 1.0 / RATE)
        self._band = (freqs >= BAND_HZ[0]) & (freqs <= BAND_HZ[1])
        self._held = np.zeros(0)  # samples from the start of the next frame on
        self._energies: list[np.ndarray] = []

    def feed(self, samples: np.ndarray) -> None:
        """More samples (int16 or float) of the 16 kHz stream."""
        held = np.concatenate((self._held, np.asarray(samples, dtype=np.float64)))
        if len(held) < self._window:
            self._held = held
            return
        count = (len(held) - self._window) // self._hop + 1
        # In blocks of a minute, so a long block never needs all its frames in memory at once.
        block = round(60.0 / HOP_S)
        for first in range(0, count, block):
            starts = self._hop * np.arange(first, min(count, first + block))
            frames = held[starts[:, None] + np.arange(self._window)[None, :]] * self._taper
            power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
            self._energies.append(power[:, self._band].sum(axis=1))
        self._held = held[count * self._hop :]

    def energies_db(self) -> np.ndarray:
        """The energies of every whole frame fed so far, in dB."""
        if not self._energies:
            return np.zeros(0)
        return 10.0 * np.log10(np.concatenate(self._energies) + 1e-3)


def voiced_frames(energy_db: np.ndarray) -> np.ndarray:
    """Which frames have voice, from the energies of the whole recording."""
    if len(energy_db) == 0:
        return np.zeros(0, dtype=bool)
    floor = float(np.percentile(energy_db, FLOOR_PERCENTILE))
    voiced = energy_db > floor + MARGIN_DB
    shortest = round(MIN_RUN_S / HOP_S)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], voiced.astype(np.int8), [0]))))
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        if end - start < shortest:
            voiced[start:end] = False
    return voiced


def voiced_frames_of(pcm16: bytes) -> np.ndarray:
    """Which 10 ms frames of a whole 16 kHz mono int16 recording have voice."""
    samples = np.frombuffer(pcm16[: len(pcm16) - len(pcm16) % 2], dtype="<i2")
    energy = BandEnergy()
    # A minute at a time: no float64 copy of the whole recording.
    step = round(60.0 * RATE)
    for first in range(0, len(samples), step):
        energy.feed(samples[first : first + step])
    return voiced_frames(energy.energies_db())


def spans_of(
    voiced: np.ndarray, min_gap_s: float = 0.3, min_span_s: float = 0.0
) -> list[tuple[float, float]]:
    """(start_s, end_s) of the voiced stretches, from ``voiced_frames_of``.

    Gaps shorter than ``min_gap_s`` are merged (the pauses inside a sentence); spans shorter
    than ``min_span_s`` after merging are dropped.
    """
    # A frame speaks for the 10 ms around its window's centre.
    offset = WINDOW_S / 2 - HOP_S / 2
    spans: list[tuple[float, float]] = []
    for index in np.flatnonzero(voiced).tolist():  # plain ints: the spans end up in JSON
        start = offset + index * HOP_S
        end = start + HOP_S
        if spans and start - spans[-1][1] < min_gap_s:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [(round(a, 3), round(b, 3)) for a, b in spans if b - a >= min_span_s]


def speech_spans(
    pcm16: bytes, min_gap_s: float = 0.3, min_span_s: float = 0.0
) -> list[tuple[float, float]]:
    """(start_s, end_s) of the voiced stretches of a whole 16 kHz mono int16 recording."""
    return spans_of(voiced_frames_of(pcm16), min_gap_s, min_span_s)


__all__ = [
    "RATE",
    "BandEnergy",
    "band_energy_db",
    "spans_of",
    "speech_spans",
    "voiced_frames",
    "voiced_frames_of",
]
