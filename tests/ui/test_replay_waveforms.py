"""The replay's waveform envelopes (records/waveforms.py): right, cached on disk by path, size
and modification time, computed again when the recording changed or the cache is damaged."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import soundfile

from simulator.records import waveforms
from simulator.records.waveforms import CACHE_FOLDER, compute_envelope, envelope


def write_wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    soundfile.write(path, samples, rate, subtype="PCM_16")
    return path


def test_the_envelope_holds_each_slices_lowest_and_highest_sample(tmp_path: Path) -> None:
    rate = 16000
    quiet = np.zeros(rate)
    loud = 0.5 * np.sin(2 * np.pi * 200 * np.arange(rate) / rate)
    wav = write_wav(tmp_path / "a.wav", np.concatenate([quiet, loud]))
    found = compute_envelope(wav, bins=100)
    assert found.duration_s == pytest.approx(2.0)
    assert len(found.lows) == len(found.highs) == 100
    assert max(found.highs[:49]) == 0.0 and min(found.lows[:49]) == 0.0  # the silent second
    assert min(found.highs[51:]) == pytest.approx(0.5, abs=0.01)
    assert max(found.lows[51:]) == pytest.approx(-0.5, abs=0.01)


def test_a_second_read_comes_from_the_cache_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    wav = write_wav(tmp_path / "a.wav", 0.3 * np.ones(8000))
    first = envelope(wav, home)
    cached = list(home.joinpath(*CACHE_FOLDER).glob("*.json"))
    assert len(cached) == 1

    def computed_again(path: Path, bins: int = 0) -> object:
        raise AssertionError("read from the recording again")

    with monkeypatch.context() as patch:
        patch.setattr(waveforms, "compute_envelope", computed_again)
        assert envelope(wav, home) == first

    write_wav(wav, -0.6 * np.ones(16000))  # a repaired recording: a new envelope
    os.utime(wav, ns=(1, wav.stat().st_mtime_ns + 1_000_000))
    changed = envelope(wav, home)
    assert changed.duration_s == pytest.approx(1.0) and min(changed.lows) == pytest.approx(-0.6)


def test_a_damaged_cache_file_is_computed_again(tmp_path: Path) -> None:
    home = tmp_path / "home"
    wav = write_wav(tmp_path / "a.wav", 0.3 * np.ones(8000))
    first = envelope(wav, home)
    (cached,) = home.joinpath(*CACHE_FOLDER).glob("*.json")
    cached.write_text('{"duration_s": 0.5, "lows": [0.1', encoding="utf-8")
    assert envelope(wav, home) == first
    assert cached.read_text(encoding="utf-8").endswith("]}")  # written whole again


def test_an_unwritable_cache_costs_nothing_but_the_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "cache").write_text("a file where the folder would go")
    wav = write_wav(tmp_path / "a.wav", 0.3 * np.ones(8000))
    assert envelope(wav, home).duration_s == pytest.approx(0.5)


def test_the_voices_facade_gives_the_cached_question_and_the_cached_waveform(
    tmp_path: Path,
) -> None:
    from simulator.services.adapters import SharedAdapters
    from simulator.services.voices import Voices
    from simulator.settings import Settings
    from simulator.store import DataLayout

    layout = DataLayout(tmp_path / "home")
    adapters = SharedAdapters(Settings(), layout)
    try:
        voices = Voices(adapters)
        question = "Tell me about a deadline."
        assert voices.asked_question(question) is None  # never rendered anew
        assert adapters.voice.worker_pid is None  # and no speech worker started for it
        cached = adapters.voice.cache_path(question)
        write_wav(cached, 0.2 * np.ones(4000))
        assert voices.asked_question(question) == cached

        write_wav(layout.home / "sessions" / "a.wav", 0.3 * np.ones(8000))
        assert voices.waveform("sessions/a.wav").duration_s == pytest.approx(0.5)
        assert list(layout.home.joinpath(*CACHE_FOLDER).glob("*.json"))
    finally:
        adapters.close()


def test_a_cache_write_that_fails_halfway_leaves_no_part_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    wav = write_wav(tmp_path / "a.wav", 0.3 * np.ones(8000))
    folder = home.joinpath(*CACHE_FOLDER)
    folder.mkdir(parents=True)
    # A folder where the cache file would go: the temporary file is written, the rename fails.
    (folder / f"{waveforms.cache_key(wav)}.json").mkdir()
    assert envelope(wav, home).duration_s == pytest.approx(0.5)
    assert list(folder.glob("*.part")) == []
