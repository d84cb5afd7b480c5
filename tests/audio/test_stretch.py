"""Replay speeds (audio/stretch.py, Rubber Band through pedalboard): the length changes by the
speed, the pitch does not, and only the speeds the page offers are accepted."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.audio.stretch import stretch_pcm16

RATE = 16000


def tone(freq: float, seconds: float) -> bytes:
    t = np.arange(int(RATE * seconds)) / RATE
    return (0.4 * 32767 * np.sin(2 * np.pi * freq * t)).astype("<i2").tobytes()


def peak_hz(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    middle = samples[len(samples) // 4 : 3 * len(samples) // 4]
    middle = middle * np.hanning(len(middle))
    spectrum = np.abs(np.fft.rfft(middle))
    return float(np.fft.rfftfreq(len(middle), 1 / RATE)[int(np.argmax(spectrum))])


@pytest.mark.parametrize("speed", [0.75, 1.25, 1.5])
def test_the_length_follows_the_speed_and_the_pitch_stays(speed: float) -> None:
    original = tone(440.0, 2.0)
    stretched = stretch_pcm16(original, RATE, speed)
    assert len(stretched) // 2 == round(len(original) // 2 / speed)
    assert peak_hz(stretched) == pytest.approx(440.0, abs=3.0)


def test_normal_speed_is_the_audio_itself() -> None:
    original = tone(440.0, 0.5)
    assert stretch_pcm16(original, RATE, 1.0) is original


@pytest.mark.parametrize("speed", [0.5, 2.0])
def test_speeds_the_replay_does_not_offer_are_refused(speed: float) -> None:
    with pytest.raises(ValueError, match="outside"):
        stretch_pcm16(tone(440.0, 0.5), RATE, speed)
