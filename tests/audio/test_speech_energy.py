"""The speech-energy detector: voice against the recording's own floor, not clicks or hum."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.audio.speech_energy import speech_spans

RATE = 16000


def pcm(samples: np.ndarray) -> bytes:
    return np.clip(np.round(samples), -32768, 32767).astype("<i2").tobytes()


def seconds(s: float) -> int:
    return int(s * RATE)


def voice_like(length_s: float, rng: np.random.Generator) -> np.ndarray:
    """Noise shaped into the speech band, as loud as a voice (syllables every 0.2 s)."""
    n = seconds(length_s)
    spectrum = np.fft.rfft(rng.normal(size=n))
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    spectrum[(freqs < 300) | (freqs > 3500)] = 0
    signal = np.fft.irfft(spectrum, n)
    syllables = 0.6 + 0.4 * np.sin(2 * np.pi * 5 * np.arange(n) / RATE)
    return signal / np.std(signal) * 3000 * syllables


def test_voice_between_silences_is_found_to_within_a_frame() -> None:
    rng = np.random.default_rng(1)
    room = rng.normal(size=seconds(6.0)) * 30  # a quiet room, about 40 dB below the voice
    room[seconds(1.0) : seconds(2.5)] += voice_like(1.5, rng)
    room[seconds(4.0) : seconds(5.0)] += voice_like(1.0, rng)
    spans = speech_spans(pcm(room))
    assert len(spans) == 2
    for (start, end), (want_start, want_end) in zip(spans, [(1.0, 2.5), (4.0, 5.0)], strict=True):
        assert start == pytest.approx(want_start, abs=0.03)
        assert end == pytest.approx(want_end, abs=0.03)


def test_clicks_and_mains_hum_are_not_voice() -> None:
    rng = np.random.default_rng(2)
    t = np.arange(seconds(5.0)) / RATE
    hum = 2000 * np.sin(2 * np.pi * 50 * t)  # loud, but below the speech band
    clicks = np.zeros_like(hum)
    for at in range(seconds(0.5), seconds(4.5), seconds(0.2)):
        clicks[at : at + 240] = rng.normal(size=240) * 4000 * np.exp(-np.arange(240) / 40)
    room = hum + clicks + rng.normal(size=len(t)) * 20
    assert speech_spans(pcm(room)) == []
    room[seconds(2.0) : seconds(3.0)] += voice_like(1.0, rng)
    ((start, end),) = speech_spans(pcm(room))
    assert start == pytest.approx(2.0, abs=0.05) and end == pytest.approx(3.0, abs=0.05)


def test_silence_and_scraps_give_no_spans() -> None:
    assert speech_spans(b"") == []
    assert speech_spans(b"\x00" * 101) == []  # shorter than one window, odd length
    assert speech_spans(pcm(np.zeros(seconds(3.0)))) == []


def test_close_spans_merge_and_short_ones_can_be_dropped() -> None:
    rng = np.random.default_rng(3)
    room = rng.normal(size=seconds(4.0)) * 30
    room[seconds(0.5) : seconds(1.0)] += voice_like(0.5, rng)
    room[seconds(1.2) : seconds(1.7)] += voice_like(0.5, rng)  # 0.2 s later: one span
    room[seconds(3.0) : seconds(3.15)] += voice_like(0.15, rng)
    spans = speech_spans(pcm(room), min_gap_s=0.3)
    assert len(spans) == 2 and spans[0][1] == pytest.approx(1.7, abs=0.03)
    assert len(speech_spans(pcm(room), min_gap_s=0.3, min_span_s=0.3)) == 1
    assert len(speech_spans(pcm(room), min_gap_s=0.1)) == 3
