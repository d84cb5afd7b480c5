"""Distraction sounds: rendered to WAV files and measured with sox, as a listener's tools would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from simulator.audio import distractions
from simulator.audio.distractions import KINDS, PEAK_LIMIT_DB, render


def sox_stats(path: Path) -> dict[str, float]:
    """``sox FILE -n stats``: RMS level, peak level (dB) and length (s)."""
    result = subprocess.run(
        ["sox", str(path), "-n", "stats"], capture_output=True, text=True, check=True
    )
    wanted = {"RMS lev dB": "rms_db", "Pk lev dB": "peak_db", "Length s": "length_s"}
    stats = {}
    for line in result.stderr.splitlines():
        match = re.match(r"(.+?)\s{2,}(-?[\d.]+)$", line.strip())
        if match and match.group(1) in wanted:
            stats[wanted[match.group(1)]] = float(match.group(2))
    assert set(stats) == set(wanted.values()), result.stderr
    return stats


def test_the_issue_names_every_sound_of_the_busy_office() -> None:
    assert set(distractions.names()) == {
        "desk_tapping",
        "phone_buzz",
        "chime",
        "typing",
        "knock",
        "cough",
        "murmur",
    }


@pytest.mark.parametrize("name", list(KINDS))
def test_each_sound_has_its_length_and_level_under_the_voice(name: str, tmp_path: Path) -> None:
    voice_rms_db = -23.0
    kind = KINDS[name]
    sound = render(name, seed=3, voice_rms_db=voice_rms_db)
    stats = sox_stats(sound.write_wav(tmp_path / f"{name}.wav"))
    assert stats["length_s"] == pytest.approx(kind.duration_s, abs=0.001)
    # 16-bit quantisation moves a quiet sound's RMS by a few hundredths of a dB at most.
    assert stats["rms_db"] == pytest.approx(voice_rms_db + kind.level_db, abs=0.1)
    assert sound.level_db == kind.level_db
    assert stats["peak_db"] <= PEAK_LIMIT_DB + 0.01
    # Every sound stays quieter than the voice it plays under, and is not silence.
    assert -30 < kind.level_db < 0


@pytest.mark.parametrize("name", list(KINDS))
def test_same_seed_same_sound_other_seed_other_sound(name: str) -> None:
    first = render(name, seed=7).samples
    assert np.array_equal(first, render(name, seed=7).samples)
    if name not in {"phone_buzz", "chime"}:  # a vibration and a chime vary only in phase
        assert not np.array_equal(first, render(name, seed=8).samples)


def test_a_level_that_would_clip_is_lowered_and_reported(tmp_path: Path) -> None:
    loud_voice_db = -6.0
    knock = render("knock", voice_rms_db=loud_voice_db)
    stats = sox_stats(knock.write_wav(tmp_path / "knock.wav"))
    assert stats["peak_db"] == pytest.approx(PEAK_LIMIT_DB, abs=0.05)
    assert knock.level_db < KINDS["knock"].level_db
    assert stats["rms_db"] == pytest.approx(loud_voice_db + knock.level_db, abs=0.1)


def dominant_hz(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


def test_sounds_have_their_character() -> None:
    chime = render("chime")
    assert dominant_hz(chime.samples, chime.rate) == pytest.approx(880, abs=5)
    buzz = render("phone_buzz")
    assert dominant_hz(buzz.samples, buzz.rate) == pytest.approx(170, abs=10)
    murmur = render("murmur")
    assert 200 < dominant_hz(murmur.samples, murmur.rate) < 2600  # the speech band
    # Speech-like: loudness swings by syllables and phrases (a steady hiss varies about 5%
    # between 10 ms frames).
    frames = murmur.samples[: len(murmur.samples) // 441 * 441].reshape(-1, 441)
    envelope = np.sqrt((frames**2).mean(axis=1))
    assert envelope.std() / envelope.mean() > 0.3
