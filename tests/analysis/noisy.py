"""Room noise mixed into the evaluation answers, for measuring pauses in real-world conditions.

Kinds: ``white`` (a fan, hiss), ``pink`` (an air conditioner, traffic), ``hum`` (mains at 50
and 150 Hz), ``typing`` (short clicks every 0.12-0.3 s, all through the answer). The level is
given as the voice's loudness over the noise's (SNR, dB), measured on the voiced samples.

Labels: a pause is put after a piece of speech trimmed at -45 dB, so each piece ends in a soft
tail. Under steady noise the tail is no longer heard: the pause, for a listener, starts where
the speech sinks below the noise. So for steady noise each pause's start is moved back to the
last 10 ms where the speech band (250-4000 Hz) of the clean answer is louder than the noise's,
and its length grows by as much. Clicks are brief and mask nothing: typing keeps the labels.
"""

from __future__ import annotations

import dataclasses
import wave
import zlib
from pathlib import Path

import numpy as np

from tests.analysis.evalset import SpokenAnswer

KINDS = ("white", "pink", "hum", "typing")
RATE = 16000
_FRAME = 160  # 10 ms


def _noise(kind: str, count: int, rng: np.random.Generator) -> np.ndarray:
    if kind == "white":
        return rng.normal(size=count)
    if kind == "pink":
        spectrum = np.fft.rfft(rng.normal(size=count))
        spectrum /= np.sqrt(np.maximum(1, np.arange(len(spectrum))))
        return np.fft.irfft(spectrum, count)
    if kind == "hum":
        t = np.arange(count) / RATE
        return np.sin(2 * np.pi * 50 * t) + 0.3 * np.sin(2 * np.pi * 150 * t)
    if kind == "typing":
        clicks = np.zeros(count)
        at = 0
        while at < count - 240:
            clicks[at : at + 240] = rng.normal(size=240) * np.exp(-np.arange(240) / 40)
            at += int(rng.uniform(0.12, 0.3) * RATE)
        return clicks
    raise ValueError(kind)


def _band_db(samples: np.ndarray) -> np.ndarray:
    """Speech-band energy around each 10 ms frame (a 25 ms window, for 40 Hz resolution), dB."""
    window = 400
    padded = np.concatenate((np.zeros(120), samples, np.zeros(window)))
    count = len(samples) // _FRAME
    index = (_FRAME * np.arange(count))[:, None] + np.arange(window)[None, :]
    power = np.abs(np.fft.rfft(padded[index] * np.hanning(window), axis=1)) ** 2
    freqs = np.fft.rfftfreq(window, 1 / RATE)
    band = (freqs >= 250) & (freqs <= 4000)
    return 10 * np.log10(power[:, band].sum(axis=1) + 1e-9)


def _read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as wav:
        assert wav.getframerate() == RATE and wav.getnchannels() == 1
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float64)


def with_noise(answer: SpokenAnswer, kind: str, snr_db: float, folder: Path) -> SpokenAnswer:
    """``answer`` with ``kind`` noise at ``snr_db``, its pauses labelled as a listener hears."""
    clean = _read(answer.path)
    # A seed from the names, not hash(): the same noise in every run.
    seed = zlib.crc32(f"{answer.name} {answer.stretch} {kind} {snr_db}".encode())
    rng = np.random.default_rng(seed)
    noise = _noise(kind, len(clean), rng)
    voiced = clean[np.abs(clean) > 500]
    heard = noise[noise != 0]
    noise *= np.sqrt(np.mean(voiced**2)) / 10 ** (snr_db / 20) / np.sqrt(np.mean(heard**2))
    mixed = np.clip(np.round(clean + noise), -32768, 32767).astype("<i2")
    path = folder / f"{answer.name}-{answer.stretch}-{kind}-{snr_db:g}.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(mixed.tobytes())
    pauses = answer.pauses
    if kind != "typing":
        speech, floor = _band_db(clean), float(np.mean(_band_db(noise)))
        pauses = []
        for start, length in answer.pauses:
            frame = int(start * RATE) // _FRAME
            while frame > 0 and speech[frame - 1] <= floor:
                frame -= 1
            heard_end = frame * _FRAME / RATE
            pauses.append((heard_end, length + start - heard_end))
    return dataclasses.replace(answer, path=path, pauses=pauses)


__all__ = ["KINDS", "with_noise"]
