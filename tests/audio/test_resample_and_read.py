"""Resampling filters what the lower rate cannot hold; any common sound file reads as mono int16."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from simulator.audio.resample import StreamResampler, resample_pcm16
from simulator.audio.wav import WavError, read_audio_mono16, wav_duration


def tone(frequency: float, rate: int, seconds: float, amplitude: float = 0.5) -> bytes:
    t = np.arange(int(rate * seconds)) / rate
    return (amplitude * 32767 * np.sin(2 * np.pi * frequency * t)).astype("<i2").tobytes()


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768.0
    return float(np.sqrt(np.mean(samples**2)))


def test_sound_above_the_new_nyquist_limit_is_filtered_not_folded_back() -> None:
    # A 12 kHz tone cannot exist at 16 kHz; without a filter it would land at 4 kHz.
    high = tone(12000, 48000, 1.0)
    out = resample_pcm16(high, 48000, 16000)
    assert len(out) == 16000 * 2
    middle = out[4000:-4000]  # away from the filter's start and end
    assert rms(middle) < rms(high) / 1000  # at least 60 dB down
    # Speech-band sound passes unchanged in level.
    voice = resample_pcm16(tone(1000, 48000, 1.0), 48000, 16000)
    assert rms(voice[4000:-4000]) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)


@pytest.mark.parametrize("rate", [44100, 48000, 22050])
def test_a_stream_resampled_block_by_block_matches_the_whole(rate: int) -> None:
    pcm = tone(440, rate, 2.0) + tone(880, rate, 1.0)
    whole = np.frombuffer(resample_pcm16(pcm, rate, 16000), dtype="<i2")
    stream = StreamResampler(rate, 16000)
    pieces = [stream.process(pcm[i : i + 1237]) for i in range(0, len(pcm), 1237)]  # odd sizes
    streamed = np.frombuffer(b"".join(pieces) + stream.flush(), dtype="<i2")
    assert len(streamed) == len(whole)
    assert np.abs(streamed.astype(int) - whole.astype(int)).max() <= 2
    assert stream.flush() == b""  # nothing is held back twice


def test_the_same_rate_passes_through() -> None:
    pcm = tone(440, 16000, 0.5)
    stream = StreamResampler(16000, 16000)
    assert stream.process(pcm[:101]) + stream.process(pcm[101:]) + stream.flush() == pcm
    assert resample_pcm16(pcm, 16000, 16000) == pcm


def sox(source: Path, target: Path, *options: str) -> Path:
    subprocess.run(["sox", str(source), *options, str(target)], check=True, capture_output=True)
    return target


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("float32.wav", ("-e", "floating-point", "-b", "32", "-r", "44100")),
        ("stereo-24bit.wav", ("-b", "24", "-c", "2", "-r", "48000")),
        ("extensible.wav", ("-b", "32", "-e", "signed-integer", "-c", "3")),
        ("eight-bit.wav", ("-b", "8", "-e", "unsigned-integer", "-r", "8000")),
        ("answer.flac", ("-r", "22050")),
        ("answer.ogg", ("-r", "16000")),
    ],
)
def test_common_sound_files_read_as_mono_16_khz(
    flite_speech: Path, tmp_path: Path, name: str, options: tuple[str, ...]
) -> None:
    original, rate = read_audio_mono16(flite_speech)
    converted = sox(flite_speech, tmp_path / name, *options)
    pcm, got_rate = read_audio_mono16(converted, 16000)
    assert got_rate == 16000
    assert len(pcm) // 2 == pytest.approx(len(original) // 2 * 16000 / rate, abs=200)
    assert wav_duration(converted) == pytest.approx(len(original) / 2 / rate, abs=0.02)
    # The same sound, not noise: correlation with the original stays high.
    a = np.frombuffer(original, dtype="<i2").astype(np.float64)
    b = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    n = min(len(a), len(b))
    assert np.corrcoef(a[:n], b[:n])[0, 1] > 0.9


def test_unreadable_and_missing_files_get_one_clear_message(tmp_path: Path) -> None:
    notes = tmp_path / "notes.wav"
    notes.write_text("this is not audio")
    with pytest.raises(WavError, match=r"^notes\.wav is not a sound file Hotseat can read"):
        read_audio_mono16(notes)
    with pytest.raises(WavError, match=r"^no such file: .*gone\.wav$"):
        read_audio_mono16(tmp_path / "gone.wav")
    with pytest.raises(WavError, match=r"notes\.wav"):
        wav_duration(notes)
