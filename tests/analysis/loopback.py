"""Recordings of a candidate cut in by an interviewer heard through loudspeakers, for tests.

The candidate is flite's ``slt`` voice, the interviewer flite's ``rms`` (a male voice), each
clip trimmed with sox at -45 dB so the times are exact. The interviewer reaches the
microphone as a loudspeaker in a room would bring it: a few milliseconds late, quieter, its
bass and treble rolled off, with a short echo. A quiet steady noise is the room.
"""

from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16000
FIRST = "I started by measuring where the time went on the checkout page"
SECOND = "then we cached the prices and the page loaded in half the time"
CUT_IN = "Can you be more concrete about that?"


def spoken(text: str, path: Path, voice: str = "slt") -> np.ndarray:
    """``text`` spoken by flite at 16 kHz, trimmed to its first and last sound (float, -1..1)."""
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["flite", "-voice", voice, "-t", text, "-o", str(raw)], check=True,
                   capture_output=True, timeout=60)  # fmt: skip
    subprocess.run(["sox", str(raw), "-r", str(RATE), str(path), "silence", "1", "0.005",
                    "-45d", "reverse", "silence", "1", "0.005", "-45d", "reverse"],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2") / 32768.0


def as_heard_from_a_speaker(voice: np.ndarray, delay_s: float = 0.012) -> np.ndarray:
    """A voice as a microphone hears it from a loudspeaker: late, band-limited, with echo."""
    spectrum = np.fft.rfft(voice)
    freqs = np.fft.rfftfreq(len(voice), 1.0 / RATE)
    spectrum *= 1.0 / (1.0 + (200.0 / np.maximum(freqs, 1.0)) ** 2)  # small speaker: no bass
    spectrum *= 1.0 / (1.0 + (freqs / 5000.0) ** 4)  # nor much treble
    heard = np.fft.irfft(spectrum, len(voice)) * 0.5
    echo = np.zeros(len(heard) + round(0.05 * RATE))
    echo[: len(heard)] += heard
    echo[round(0.05 * RATE) :] += 0.25 * heard  # a wall 8 m away
    return np.concatenate((np.zeros(round(delay_s * RATE)), echo))


@dataclass(frozen=True)
class CutInRecording:
    path: Path
    first: tuple[float, float]  # the candidate's first stretch, seconds
    interviewer: tuple[float, float]  # where the interviewer's voice was played
    resumed_s: float  # when the candidate's voice truly came back
    second: tuple[float, float]
    interviewer_audio: np.ndarray  # what Hotseat played, from the recording's first sample


def cut_in_recording(folder: Path, recovery_s: float, heard: bool = True) -> CutInRecording:
    """An answer cut in after its first sentence, resumed ``recovery_s`` after the cut-in's
    end; with ``heard`` the interviewer's voice is in the recording, as with loudspeakers."""
    folder.mkdir(parents=True, exist_ok=True)
    first = spoken(FIRST, folder / "first.wav")
    second = spoken(SECOND, folder / "second.wav")
    asked = spoken(CUT_IN, folder / "cut.wav", voice="rms")
    t0 = 1.0
    t_cut = t0 + len(first) / RATE + 0.15
    t_end = t_cut + len(asked) / RATE
    t_back = t_end + recovery_s
    total = round((t_back + len(second) / RATE + 1.0) * RATE)
    mix = np.zeros(total)
    mix[round(t0 * RATE) : round(t0 * RATE) + len(first)] += first
    mix[round(t_back * RATE) : round(t_back * RATE) + len(second)] += second
    played = np.zeros(total)
    played[round(t_cut * RATE) : round(t_cut * RATE) + len(asked)] = asked
    if heard:
        echo = as_heard_from_a_speaker(asked)
        at = round(t_cut * RATE)
        mix[at : at + len(echo)] += echo[: total - at]
    mix += np.random.default_rng(11).normal(scale=10 ** (-60 / 20), size=total)  # the room
    path = folder / f"cut-in-{recovery_s}.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(mix, -1, 1) * 32767).astype("<i2").tobytes())
    return CutInRecording(
        path=path,
        first=(t0, t0 + len(first) / RATE),
        interviewer=(t_cut, t_end),
        resumed_s=t_back,
        second=(t_back, t_back + len(second) / RATE),
        interviewer_audio=played,
    )
