"""Level meter and dBFS figures on synthetic signals of known level."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.audio.levels import SILENCE_DBFS, level, peak_dbfs, rms_dbfs


def sine(amplitude: float, seconds: float = 0.5, rate: int = 16000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * 32767 * np.sin(2 * np.pi * 440 * t)).astype("<i2").tobytes()


def test_silence_and_empty_input_are_at_the_floor() -> None:
    for pcm in (b"", bytes(3200)):
        assert level(pcm) == 0.0
        assert rms_dbfs(pcm) == SILENCE_DBFS
        assert peak_dbfs(pcm) == SILENCE_DBFS


def test_full_scale_sine_is_near_the_top_of_the_meter() -> None:
    pcm = sine(1.0)
    assert rms_dbfs(pcm) == pytest.approx(-3.01, abs=0.05)
    assert peak_dbfs(pcm) == pytest.approx(0.0, abs=0.01)
    assert level(pcm) == pytest.approx(57 / 60, abs=0.01)


def test_level_maps_minus_60_to_0_dbfs_linearly() -> None:
    pcm = sine(10 ** (-27 / 20))  # RMS about -30 dBFS
    assert rms_dbfs(pcm) == pytest.approx(-30.0, abs=0.1)
    assert level(pcm) == pytest.approx(0.5, abs=0.01)
    assert level(sine(10 ** (-70 / 20))) == 0.0


def test_peak_of_half_scale_is_minus_6_dbfs() -> None:
    assert peak_dbfs(sine(0.5)) == pytest.approx(-6.02, abs=0.05)


def test_an_odd_trailing_byte_is_ignored() -> None:
    assert rms_dbfs(sine(1.0) + b"\x01") == rms_dbfs(sine(1.0))
