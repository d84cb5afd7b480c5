"""The mixer's callback logic, driven by hand with PortAudio's time info (no device).

The same behaviour through real devices is in test_mixer_e2e.py; here each block's arithmetic
(sum at gains, DAC times of first and last samples, stop, clipping) is checked exactly.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import soundfile

from simulator.audio.mixer import Mixer, Sound, as_float, db_to_gain
from simulator.audio.output import Speaker

RATE = 1000
BLOCK = 10


def mixer_at(rate: int = RATE, channels: int = 2) -> Mixer:
    mixer = Mixer()
    mixer.sample_rate, mixer.channels = rate, channels
    return mixer


def run_block(mixer: Mixer, dac_time: float, channels: int = 2) -> np.ndarray:
    out = np.full((BLOCK, channels), 9.0, dtype=np.float32)
    info = SimpleNamespace(outputBufferDacTime=dac_time, currentTime=dac_time - 0.03)
    mixer._callback(out, BLOCK, info, SimpleNamespace(output_underflow=False))
    return out


def queue(mixer: Mixer, samples: np.ndarray, gain_db: float = 0.0) -> Sound:
    sound = Sound("s", mixer.prepare(samples, mixer.sample_rate, gain_db), mixer.sample_rate, 0.0)
    mixer._incoming.put(sound)
    return sound


def test_sources_are_summed_at_their_gains_on_every_channel() -> None:
    mixer = mixer_at()
    queue(mixer, np.full(25, 0.2), gain_db=-6.0)
    queue(mixer, np.full(15, 0.1))
    first = run_block(mixer, 5.0)
    assert np.allclose(first, 0.2 * db_to_gain(-6.0) + 0.1)
    second = run_block(mixer, 5.01)
    assert np.allclose(second[:5], 0.2 * db_to_gain(-6.0) + 0.1)
    assert np.allclose(second[5:], 0.2 * db_to_gain(-6.0))
    assert np.allclose(run_block(mixer, 5.02)[5:], 0.0)  # both over, silence after them


def test_first_and_last_sample_times_come_from_the_dac_time() -> None:
    mixer = mixer_at()
    run_block(mixer, 1.0)
    sound = queue(mixer, np.full(25, 0.1))
    assert sound.span_s(0.5) is None  # not heard yet
    for index in range(3):
        run_block(mixer, 2.0 + index * BLOCK / RATE)
    assert sound.start_time == 2.0
    assert sound.end_time == pytest.approx(2.0 + 25 / RATE)
    assert sound.span_s(0.5) == pytest.approx((1.5, 1.5 + 25 / RATE))
    assert sound.done and not sound.stopped


def test_a_stopped_sound_ends_at_the_next_block() -> None:
    mixer = mixer_at()
    sound = queue(mixer, np.full(100, 0.3))
    run_block(mixer, 3.0)
    sound.stop()
    assert np.allclose(run_block(mixer, 3.01), 0.0)
    assert sound.stopped and sound.done and sound.end_time == 3.01


def test_loud_sums_are_clipped_not_wrapped() -> None:
    mixer = mixer_at(channels=1)
    queue(mixer, np.full(BLOCK, 0.8))
    queue(mixer, np.full(BLOCK, 0.8))
    assert np.allclose(run_block(mixer, 0.0, channels=1), 1.0)


def test_prepare_converts_int16_and_resamples_to_the_mixer_rate() -> None:
    mixer = mixer_at(rate=44100)
    voice = (np.sin(np.arange(22050) / 5) * 16384).astype(np.int16)  # 1 s at 22050 Hz
    prepared = mixer.prepare(voice, 22050)
    assert prepared.dtype == np.float32 and len(prepared) == 44100
    assert np.abs(prepared).max() == pytest.approx(0.5, abs=0.02)
    assert np.allclose(as_float(np.array([[16384, 0]], dtype=np.int16)), [0.25])


def test_stop_all_stops_what_is_still_playing(tmp_path: Path) -> None:
    mixer = mixer_at(channels=1)
    wav = tmp_path / "prompt.wav"
    soundfile.write(str(wav), np.full(300, 0.25), RATE, subtype="PCM_16")
    mixer.now = lambda: 0.0  # type: ignore[method-assign]  # no stream to ask the time
    voice = mixer.play_file(wav)
    noise = mixer.play(np.full(300, 0.1), RATE)
    assert voice.name == "prompt" and voice.duration_s == pytest.approx(0.3)
    assert np.allclose(run_block(mixer, 1.0, channels=1), 0.35)
    mixer.stop_all()
    assert np.allclose(run_block(mixer, 1.01, channels=1), 0.0)
    assert voice.stopped and noise.stopped


def test_the_configured_speaker_gives_a_mixer_on_its_device() -> None:
    mixer = Speaker("USB Headset").mixer()
    assert isinstance(mixer, Mixer) and mixer.device == "USB Headset"
