"""Distraction sounds for pressure mode, synthesised here with numpy (no recorded assets).

The busy-office drill plays these under and between the interviewer's prompts. Making them in
code keeps their source and licence ours (the project's licence), keeps the package small, and
makes each one reproducible: the same name and seed give the same samples, so a session can be
replayed and a test can measure exactly what was played.

Each sound has a realistic length and a default level relative to the interviewer's voice
(``level_db``: its RMS over the whole clip against the voice's RMS), set from how loud such a
sound is at a desk next to someone speaking at a normal level: a knock or a cough close by is
nearly as loud as speech, background murmur and typing well below it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile

Samples = npt.NDArray[np.float32]
Synth = Callable[[np.random.Generator, int, float], npt.NDArray[np.float64]]

#: The RMS level (dBFS) of the interviewer's voice when none is given: espeak-ng renders
#: through pyttsx3 measured about -20 dBFS here.
VOICE_RMS_DB = -20.0
RATE = 44100
#: The highest peak a rendered sound may have (dBFS), leaving room to mix it under the voice.
PEAK_LIMIT_DB = -1.0


@dataclass(frozen=True)
class Kind:
    """What a distraction is: its length, its default level against the voice, and a line for
    the user."""

    name: str
    duration_s: float
    level_db: float
    description: str
    synth: Synth


@dataclass(frozen=True)
class Distraction:
    """A rendered sound: mono float32 samples at ``rate``, ``level_db`` relative to the voice."""

    name: str
    samples: Samples
    rate: int
    level_db: float
    rms_db: float

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate

    def write_wav(self, path: Path) -> Path:
        """Save as 16-bit mono WAV (for tests and for listening to it)."""
        soundfile.write(str(path), self.samples, self.rate, subtype="PCM_16")
        return path


# -- building blocks -----------------------------------------------------------------------


def _band(signal: npt.NDArray[np.float64], rate: int, low: float, high: float) -> np.ndarray:
    """``signal`` band-limited to [low, high] Hz with soft (Gaussian) edges, in the FFT domain:
    offline rendering needs no real-time filter, and numpy has no IIR filters."""
    spectrum = np.fft.rfft(signal)
    freqs = np.fft.rfftfreq(len(signal), 1.0 / rate)
    gain = np.ones_like(freqs)
    width = 0.25
    below, above = freqs < low, freqs > high
    gain[below] = np.exp(-((np.log2(np.maximum(freqs[below], 1.0) / low) / width) ** 2))
    gain[above] = np.exp(-((np.log2(freqs[above] / high) / width) ** 2))
    return np.fft.irfft(spectrum * gain, n=len(signal))


def _decay(rate: int, seconds: float, tau_s: float) -> npt.NDArray[np.float64]:
    t = np.arange(int(rate * seconds)) / rate
    return np.exp(-t / tau_s)


def _place(out: npt.NDArray[np.float64], event: npt.NDArray[np.float64], at: int) -> None:
    end = min(len(out), at + len(event))
    if at < end:
        out[at:end] += event[: end - at]


def _hit(
    rng: np.random.Generator, rate: int, freq: float, tau_s: float, noise: float
) -> np.ndarray:
    """A struck object: a damped resonance plus a short noise transient."""
    length = tau_s * 6
    t = np.arange(int(rate * length)) / rate
    body = np.sin(2 * np.pi * freq * t) * np.exp(-t / tau_s)
    click = rng.standard_normal(len(t)) * np.exp(-t / 0.002) * noise
    return body + click


# -- the sounds ----------------------------------------------------------------------------


def _desk_tapping(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    out = np.zeros(int(rate * seconds))
    t = 0.05
    while t < seconds - 0.1:
        tap = _hit(rng, rate, rng.uniform(500, 750), 0.012, 0.6) * rng.uniform(0.7, 1.0)
        _place(out, tap, int(t * rate))
        t += rng.uniform(0.14, 0.24)  # fingers drumming, four to seven taps a second
    return out


def _phone_buzz(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    # A vibration motor near 170 Hz rattling on a desk: a clipped sine (odd harmonics), twice.
    t = np.arange(int(rate * seconds)) / rate
    wobble = 1 + 0.02 * np.sin(2 * np.pi * 7 * t + rng.uniform(0, 2 * np.pi))
    motor = np.tanh(4 * np.sin(2 * np.pi * 170 * t * wobble))
    on = ((t % 0.65) < 0.4).astype(np.float64)
    ramp = np.convolve(on, np.ones(int(0.01 * rate)) / int(0.01 * rate), mode="same")
    return _band(motor * ramp, rate, 120, 4000)


def _chime(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    # A two-note notification (a rising fifth), bell-like partials decaying.
    out = np.zeros(int(rate * seconds))
    for start_s, base in ((0.0, 880.0), (0.16, 1318.5)):
        t = np.arange(int(rate * (seconds - start_s))) / rate
        note = sum(
            amp * np.sin(2 * np.pi * base * ratio * t) * np.exp(-t / (0.25 / ratio))
            for ratio, amp in ((1.0, 1.0), (2.0, 0.3), (3.01, 0.12))
        )
        attack = np.minimum(1.0, t / 0.004)
        _place(out, note * attack, int(start_s * rate))
    return out


def _typing(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    out = np.zeros(int(rate * seconds))
    t = 0.03
    while t < seconds - 0.05:
        space = rng.random() < 0.15
        key = _band(rng.standard_normal(int(0.03 * rate)), rate, 1500, 9000)
        key *= _decay(rate, 0.03, 0.006) * (1.6 if space else 1.0)
        thump = _hit(rng, rate, rng.uniform(180, 260), 0.006, 0.0) * (0.5 if space else 0.25)
        _place(out, key, int(t * rate))
        _place(out, thump, int(t * rate))
        # About six keys a second, in bursts: mostly quick, now and then a pause to think.
        t += rng.uniform(0.45, 0.8) if rng.random() < 0.1 else rng.gamma(4.0, 0.035)
    return out


def _knock(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    out = np.zeros(int(rate * seconds))
    for index in range(3):  # three knuckle knocks on a wooden door
        at = int((0.02 + index * 0.24) * rate)
        loudness = rng.uniform(0.85, 1.0)
        _place(out, _hit(rng, rate, rng.uniform(140, 190), 0.045, 0.8) * loudness, at)
        _place(out, _hit(rng, rate, 420, 0.01, 0.0) * loudness, at)
    return out


def _cough(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    # A burst of breath noise through a vocal-tract-like band, with a fast attack, a voiced
    # edge near 140 Hz, and a second smaller burst as people often cough twice.
    out = np.zeros(int(rate * seconds))
    for start_s, length_s, amp in ((0.0, 0.28, 1.0), (0.34, 0.2, 0.6)):
        n = int(rate * length_s)
        t = np.arange(n) / rate
        envelope = np.minimum(1.0, t / 0.01) * np.exp(-t / (length_s / 3))
        breath = _band(rng.standard_normal(n), rate, 300, 3500)
        voiced = np.tanh(3 * np.sin(2 * np.pi * 140 * t)) * 0.3
        _place(out, (breath + voiced) * envelope * amp, int(start_s * rate))
    return out


def _murmur(rng: np.random.Generator, rate: int, seconds: float) -> np.ndarray:
    # Babble: a few distant talkers, each a buzz at a wandering pitch through the speech band,
    # switched on and off at a syllable rate (about 4 Hz) and in phrases of a few seconds.
    n = int(rate * seconds)
    t = np.arange(n) / rate
    out = np.zeros(n)
    for _ in range(4):
        pitch = rng.uniform(100, 220) * (1 + 0.08 * np.sin(2 * np.pi * rng.uniform(0.2, 0.5) * t))
        phase = 2 * np.pi * np.cumsum(pitch) / rate
        buzz = np.sign(np.sin(phase)) * 0.3 + rng.standard_normal(n) * 0.5
        syllables = np.clip(np.sin(2 * np.pi * rng.uniform(3.5, 5.0) * t + rng.uniform(0, 6)), 0, 1)
        phrases = (np.sin(2 * np.pi * rng.uniform(0.15, 0.3) * t + rng.uniform(0, 6)) > -0.3) * 1.0
        out += _band(buzz, rate, 250, 2500) * syllables * phrases
    fade = np.minimum(1.0, np.minimum(t, seconds - t) / 0.3)
    return out * fade


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "desk_tapping", 2.5, -14.0, "someone drumming their fingers on the desk", _desk_tapping
        ),
        Kind("phone_buzz", 1.05, -12.0, "a phone vibrating on the desk", _phone_buzz),
        Kind("chime", 0.9, -10.0, "a notification chime", _chime),
        Kind("typing", 3.0, -16.0, "someone typing on a keyboard", _typing),
        Kind("knock", 0.8, -8.0, "a knock at the door", _knock),
        Kind("cough", 0.6, -8.0, "a cough nearby", _cough),
        Kind("murmur", 6.0, -20.0, "voices talking in the background", _murmur),
    )
}


def names() -> tuple[str, ...]:
    """Every distraction's name, in a stable order."""
    return tuple(KINDS)


def rms_db(samples: npt.ArrayLike) -> float:
    """RMS level in dBFS (full scale = 1.0), as ``sox stats`` reports it; -inf for silence."""
    array = np.asarray(samples, dtype=np.float64)
    rms = float(np.sqrt(np.mean(array**2))) if array.size else 0.0
    return 20 * math.log10(rms) if rms > 0 else -math.inf


def render(
    name: str,
    seed: int = 0,
    rate: int = RATE,
    voice_rms_db: float = VOICE_RMS_DB,
    level_db: float | None = None,
) -> Distraction:
    """The sound ``name`` with its RMS ``level_db`` (default: the kind's) above the voice's.

    A level that would push the peak above ``PEAK_LIMIT_DB`` is lowered to it (a loud voice
    with a sharp knock): the returned ``level_db`` is the level actually rendered, so what is
    logged is what was played. ``KeyError`` for an unknown name.
    """
    kind = KINDS[name]
    wanted = kind.level_db if level_db is None else level_db
    raw = kind.synth(np.random.default_rng(seed), rate, kind.duration_s)
    peak_db = 20 * math.log10(float(np.max(np.abs(raw))))
    gain_db = min(voice_rms_db + wanted - rms_db(raw), PEAK_LIMIT_DB - peak_db)
    samples = (raw * 10 ** (gain_db / 20)).astype(np.float32)
    level = rms_db(samples)
    return Distraction(name, samples, rate, round(level - voice_rms_db, 2), level)


__all__ = [
    "KINDS",
    "PEAK_LIMIT_DB",
    "VOICE_RMS_DB",
    "Distraction",
    "Kind",
    "names",
    "render",
    "rms_db",
]
