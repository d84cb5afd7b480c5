"""VoiceDetector and voiced_spans on silence, noise-free synthetic speech and joined sentences."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from simulator.audio.vad import VoiceDetector, voiced_spans
from simulator.audio.wav import read_audio_mono16, wav_duration


def feed_in_blocks(detector: VoiceDetector, pcm: bytes, block_bytes: int) -> list[bool]:
    return [detector.feed(pcm[i : i + block_bytes]) for i in range(0, len(pcm), block_bytes)]


def test_silence_is_not_voiced() -> None:
    detector = VoiceDetector(16000)
    assert not any(feed_in_blocks(detector, bytes(32000), 3200))
    assert voiced_spans(bytes(32000), 16000) == []


def test_flite_speech_is_voiced_even_in_odd_block_sizes(flite_speech: Path) -> None:
    pcm, rate = read_audio_mono16(flite_speech)
    assert rate == 16000
    # 7 ms blocks never hold a whole 30 ms frame: frames must be buffered across calls.
    results = feed_in_blocks(VoiceDetector(rate), pcm, 224)
    assert sum(results) > 50
    assert not results[0]


def test_22050_hz_speech_is_resampled_and_voiced(espeak_speech: Path) -> None:
    pcm, rate = read_audio_mono16(espeak_speech)
    assert rate == 22050
    detector = VoiceDetector(rate)
    assert detector.vad_rate == 16000
    assert any(feed_in_blocks(detector, pcm, 2205))
    assert not detector.feed(bytes(22050 * 2))
    spans = voiced_spans(pcm, rate)
    assert spans
    assert spans[-1][1] == pytest.approx(wav_duration(espeak_speech), abs=0.5)


def test_a_block_is_voiced_only_when_it_completes_a_voiced_frame(flite_speech: Path) -> None:
    pcm, _ = read_audio_mono16(flite_speech)
    middle = pcm[len(pcm) // 2 :][:9600]  # 0.3 s of speech
    detector = VoiceDetector(16000)
    assert detector.feed(middle[:100]) is False  # not a whole frame yet
    assert detector.feed(middle[100:]) is True


def trimmed(src: Path, dst: Path) -> Path:
    """``src`` without leading and trailing silence, so the speech ends exactly at the end."""
    effect = ["silence", "1", "0.01", "0.5%", "reverse"]
    subprocess.run(["sox", str(src), str(dst), *effect, *effect], check=True, timeout=30)
    return dst


def test_voiced_spans_find_a_pause_inserted_between_two_sentences(
    flite_speech: Path, flite_speech_2: Path, tmp_path: Path
) -> None:
    first = trimmed(flite_speech, tmp_path / "first.wav")
    second = trimmed(flite_speech_2, tmp_path / "second.wav")
    pause = tmp_path / "pause.wav"
    subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(pause), "trim", "0", "1.5"],
        check=True,
        timeout=30,
    )
    joined = tmp_path / "joined.wav"
    subprocess.run(["sox", str(first), str(pause), str(second), str(joined)], check=True)
    pcm, rate = read_audio_mono16(joined)

    spans = voiced_spans(pcm, rate)

    gap_start = wav_duration(first)
    assert len(spans) == 2, spans
    assert spans[0][1] == pytest.approx(gap_start, abs=0.15)
    assert spans[1][0] == pytest.approx(gap_start + 1.5, abs=0.15)
    assert spans[1][1] == pytest.approx(wav_duration(joined), abs=0.15)


def test_short_gaps_are_merged_and_the_merge_threshold_is_respected(
    flite_speech: Path, tmp_path: Path
) -> None:
    pcm, rate = read_audio_mono16(trimmed(flite_speech, tmp_path / "trimmed.wav"))
    gap = bytes(int(0.2 * rate) * 2)
    assert len(voiced_spans(pcm + gap + pcm, rate)) == 1
    assert len(voiced_spans(pcm + gap + pcm, rate, min_gap_s=0.05)) >= 2


def test_invalid_settings_are_rejected() -> None:
    with pytest.raises(ValueError, match="aggressiveness"):
        VoiceDetector(16000, aggressiveness=4)
    with pytest.raises(ValueError, match="frame_ms"):
        VoiceDetector(16000, frame_ms=25)
